package dev.frontline.helpdesk;

import java.io.Serial;

/** The requested lifecycle transition is not in the transition table for the object's current state. */
public class IllegalTransitionException extends HelpdeskException {
  @Serial private static final long serialVersionUID = 1L;

  /** @param message what went wrong */
  public IllegalTransitionException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public IllegalTransitionException(String message, Throwable cause) {
    super(message, cause);
  }
}
