package dev.frontline.helpdesk;

import java.io.Serial;

/** The change conflicts with existing data (for example a uniqueness rule). Nothing was changed. */
public class ConflictException extends HelpdeskException {
  @Serial private static final long serialVersionUID = 1L;

  /** @param message what went wrong */
  public ConflictException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
