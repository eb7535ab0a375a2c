package dev.frontline.helpdesk.intake;

/** How a live contact ended. */
public enum Disposition {
  /** Solved during the contact; a new ticket is created and solved at once. */
  RESOLVED,
  /** A ticket was opened (or updated) for follow-up work. */
  TICKET_CREATED,
  /** Handed to another agent, team or tier. */
  TRANSFERRED,
  /** The customer is to be called back. */
  CALLBACK,
  /** The customer left before talking to an agent. */
  ABANDONED,
  /** Only a voicemail was left. */
  VOICEMAIL
}
