package dev.frontline.helpdesk.email.internal;

/** A message exceeds a configured limit; it is quarantined. */
public final class MailLimitException extends Exception {
  private static final long serialVersionUID = 1L;

  /** @param message which limit */
  public MailLimitException(String message) {
    super(message);
  }
}
