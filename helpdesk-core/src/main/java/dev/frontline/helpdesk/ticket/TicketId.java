package dev.frontline.helpdesk.ticket;

import dev.frontline.helpdesk.internal.Checks;
import java.util.Objects;

/**
 * Identifies a ticket. Generated ids are random (at least 122 bits), so they cannot be guessed; the human-readable {@code TicketKey} is separate. Immutable and thread-safe.
 *
 * @param value the identifier; 1 to 64 characters of letters, digits, {@code - _ . : @}
 */
public record TicketId(String value) implements Comparable<TicketId> {
  /** Validates the identifier. */
  public TicketId {
    Checks.identifier(value, "TicketId");
  }

  /**
   * Wraps an identifier.
   *
   * @param value the identifier
   * @return the typed id
   * @throws dev.frontline.helpdesk.ValidationException if the value is not a valid identifier
   */
  public static TicketId of(String value) {
    return new TicketId(Objects.requireNonNull(value, "value"));
  }

  @Override
  public int compareTo(TicketId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
