package dev.frontline.helpdesk;

import java.io.Serial;

/** Input was rejected before anything changed: a null, blank, oversized or otherwise invalid value. */
public class ValidationException extends HelpdeskException {
  @Serial private static final long serialVersionUID = 1L;

  /** @param message what went wrong */
  public ValidationException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public ValidationException(String message, Throwable cause) {
    super(message, cause);
  }
}
