package dev.frontline.helpdesk;

import java.io.Serial;

/** The principal may see the object but may not perform the operation. Nothing was changed. */
public class AccessDeniedException extends HelpdeskException {
  @Serial private static final long serialVersionUID = 1L;

  /** @param message what went wrong */
  public AccessDeniedException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public AccessDeniedException(String message, Throwable cause) {
    super(message, cause);
  }
}
