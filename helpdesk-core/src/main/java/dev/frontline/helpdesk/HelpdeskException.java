package dev.frontline.helpdesk;

import java.io.Serial;

/**
 * Root of every exception Frontline throws. Unchecked; storage and search failures are translated
 * into subclasses so that no SQL or Lucene exception leaks to the host.
 */
public class HelpdeskException extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  /** @param message what went wrong, safe to show to the caller */
  public HelpdeskException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong, safe to show to the caller
   * @param cause the underlying failure
   */
  public HelpdeskException(String message, Throwable cause) {
    super(message, cause);
  }
}
