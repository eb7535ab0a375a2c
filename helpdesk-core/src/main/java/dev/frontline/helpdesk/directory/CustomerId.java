package dev.frontline.helpdesk.directory;

import dev.frontline.helpdesk.internal.Checks;
import java.util.Objects;

/**
 * Identifies a customer (an end user who asks for help). Immutable and thread-safe.
 *
 * @param value the identifier; 1 to 64 characters of letters, digits, {@code - _ . : @}
 */
public record CustomerId(String value) implements Comparable<CustomerId> {
  /** Validates the identifier. */
  public CustomerId {
    Checks.identifier(value, "CustomerId");
  }

  /**
   * Wraps an identifier.
   *
   * @param value the identifier
   * @return the typed id
   * @throws dev.frontline.helpdesk.ValidationException if the value is not a valid identifier
   */
  public static CustomerId of(String value) {
    return new CustomerId(Objects.requireNonNull(value, "value"));
  }

  @Override
  public int compareTo(CustomerId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
