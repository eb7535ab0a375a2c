package dev.frontline.helpdesk.directory;

import dev.frontline.helpdesk.internal.Checks;
import java.util.Objects;

/**
 * Identifies a customer organization. Immutable and thread-safe.
 *
 * @param value the identifier; 1 to 64 characters of letters, digits, {@code - _ . : @}
 */
public record OrganizationId(String value) implements Comparable<OrganizationId> {
  /** Validates the identifier. */
  public OrganizationId {
    Checks.identifier(value, "OrganizationId");
  }

  /**
   * Wraps an identifier.
   *
   * @param value the identifier
   * @return the typed id
   * @throws dev.frontline.helpdesk.ValidationException if the value is not a valid identifier
   */
  public static OrganizationId of(String value) {
    return new OrganizationId(Objects.requireNonNull(value, "value"));
  }

  @Override
  public int compareTo(OrganizationId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
