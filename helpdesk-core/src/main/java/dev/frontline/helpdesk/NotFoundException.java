package dev.frontline.helpdesk;

import java.io.Serial;

/** The requested object does not exist, or the caller may not know that it exists (ids cannot be enumerated). */
public class NotFoundException extends HelpdeskException {
  @Serial private static final long serialVersionUID = 1L;

  /** @param message what went wrong */
  public NotFoundException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public NotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
