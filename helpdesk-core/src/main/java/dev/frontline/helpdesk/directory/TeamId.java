package dev.frontline.helpdesk.directory;

import dev.frontline.helpdesk.internal.Checks;
import java.util.Objects;

/**
 * Identifies a team (a group of agents, usually serving one support tier). Immutable and thread-safe.
 *
 * @param value the identifier; 1 to 64 characters of letters, digits, {@code - _ . : @}
 */
public record TeamId(String value) implements Comparable<TeamId> {
  /** Validates the identifier. */
  public TeamId {
    Checks.identifier(value, "TeamId");
  }

  /**
   * Wraps an identifier.
   *
   * @param value the identifier
   * @return the typed id
   * @throws dev.frontline.helpdesk.ValidationException if the value is not a valid identifier
   */
  public static TeamId of(String value) {
    return new TeamId(Objects.requireNonNull(value, "value"));
  }

  @Override
  public int compareTo(TeamId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
