package dev.frontline.helpdesk;

import java.io.Serial;

/** The object changed since the caller read it (optimistic locking): reload and retry. Nothing was changed. */
public class ConcurrentModificationException extends HelpdeskException {
  @Serial private static final long serialVersionUID = 1L;

  /** @param message what went wrong */
  public ConcurrentModificationException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public ConcurrentModificationException(String message, Throwable cause) {
    super(message, cause);
  }
}
