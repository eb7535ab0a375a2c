package dev.frontline.helpdesk.ticket;

/** What kind of request a ticket is (ITIL-style). */
public enum TicketType {
  /** A question about how to do something. */
  QUESTION,
  /** Something is broken for the requester. */
  INCIDENT,
  /** The underlying cause of one or more incidents. */
  PROBLEM,
  /** Work to be done. */
  TASK
}
