package dev.frontline.helpdesk.ticket;

import dev.frontline.helpdesk.internal.Checks;
import java.util.Objects;

/**
 * Identifies an attachment. Generated ids are random (at least 122 bits) and are always checked against the ticket and the caller. Immutable and thread-safe.
 *
 * @param value the identifier; 1 to 64 characters of letters, digits, {@code - _ . : @}
 */
public record AttachmentId(String value) implements Comparable<AttachmentId> {
  /** Validates the identifier. */
  public AttachmentId {
    Checks.identifier(value, "AttachmentId");
  }

  /**
   * Wraps an identifier.
   *
   * @param value the identifier
   * @return the typed id
   * @throws dev.frontline.helpdesk.ValidationException if the value is not a valid identifier
   */
  public static AttachmentId of(String value) {
    return new AttachmentId(Objects.requireNonNull(value, "value"));
  }

  @Override
  public int compareTo(AttachmentId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
