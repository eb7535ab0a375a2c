package dev.frontline.helpdesk;

import java.io.Serial;

/** A storage or search provider failed; the underlying cause is attached. Nothing was half written. */
public class StorageException extends HelpdeskException {
  @Serial private static final long serialVersionUID = 1L;

  /** @param message what went wrong */
  public StorageException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
