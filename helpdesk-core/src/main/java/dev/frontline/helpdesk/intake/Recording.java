package dev.frontline.helpdesk.intake;

/** How an interaction is written into a ticket. */
public enum Recording {
  /** Opens a new ticket whose first public message is the interaction summary. */
  NEW_TICKET,
  /** Adds the summary to an existing ticket as a public entry (the customer sees it). */
  PUBLIC_ENTRY,
  /** Adds the summary to an existing ticket as an internal note. */
  INTERNAL_NOTE,
  /** Writes nothing into a ticket; only allowed for abandoned contacts and voicemails. */
  NONE
}
