package dev.frontline.helpdesk.directory;

import dev.frontline.helpdesk.internal.Checks;
import java.util.Objects;

/**
 * Identifies an agent. Immutable and thread-safe.
 *
 * @param value the identifier; 1 to 64 characters of letters, digits, {@code - _ . : @}
 */
public record AgentId(String value) implements Comparable<AgentId> {
  /** Validates the identifier. */
  public AgentId {
    Checks.identifier(value, "AgentId");
  }

  /**
   * Wraps an identifier.
   *
   * @param value the identifier
   * @return the typed id
   * @throws dev.frontline.helpdesk.ValidationException if the value is not a valid identifier
   */
  public static AgentId of(String value) {
    return new AgentId(Objects.requireNonNull(value, "value"));
  }

  @Override
  public int compareTo(AgentId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
