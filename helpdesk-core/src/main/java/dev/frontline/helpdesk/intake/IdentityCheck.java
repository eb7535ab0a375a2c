package dev.frontline.helpdesk.intake;

/** The result of checking a caller's identity at the start of a live contact. */
public enum IdentityCheck {
  /** The caller proved who they are (security questions, call-back, ID shown). */
  VERIFIED,
  /** No check was made. */
  UNVERIFIED,
  /** The caller failed the check; nothing of the customer's tickets may be shared with them. */
  FAILED
}
