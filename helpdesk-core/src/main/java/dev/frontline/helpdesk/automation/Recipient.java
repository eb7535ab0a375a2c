package dev.frontline.helpdesk.automation;

/** Who a notification goes to, resolved against the ticket when it is sent. */
public enum Recipient {
  /** The ticket's requester (customer). */
  REQUESTER,
  /** The ticket's assignee; nobody if unassigned. */
  ASSIGNEE,
  /** The ticket's team; nobody if none. */
  TEAM
}
