package dev.frontline.helpdesk.ticket;

import dev.frontline.helpdesk.internal.Checks;
import java.util.Objects;

/**
 * Identifies one conversation entry (reply, note or system entry) of a ticket. Immutable and thread-safe.
 *
 * @param value the identifier; 1 to 64 characters of letters, digits, {@code - _ . : @}
 */
public record EntryId(String value) implements Comparable<EntryId> {
  /** Validates the identifier. */
  public EntryId {
    Checks.identifier(value, "EntryId");
  }

  /**
   * Wraps an identifier.
   *
   * @param value the identifier
   * @return the typed id
   * @throws dev.frontline.helpdesk.ValidationException if the value is not a valid identifier
   */
  public static EntryId of(String value) {
    return new EntryId(Objects.requireNonNull(value, "value"));
  }

  @Override
  public int compareTo(EntryId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
