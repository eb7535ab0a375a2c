package dev.frontline.helpdesk.intake;

import dev.frontline.helpdesk.internal.Checks;

/**
 * Identifies an interaction. Immutable and thread-safe.
 *
 * @param value the identifier; 1 to 64 characters of letters, digits, {@code - _ . : @}
 */
public record InteractionId(String value) {
  /** Validates the identifier. */
  public InteractionId {
    Checks.identifier(value, "InteractionId");
  }

  /**
   * @param value the identifier
   * @return the typed id
   */
  public static InteractionId of(String value) {
    return new InteractionId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
