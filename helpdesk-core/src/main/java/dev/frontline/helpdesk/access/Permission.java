package dev.frontline.helpdesk.access;

import dev.frontline.helpdesk.ticket.TicketState;

/** What a role may do. Granted by {@link Role}s within a {@link Scope}; denied unless granted. */
public enum Permission {
  /** Open a ticket and read its public conversation. */
  TICKET_READ,
  /** Read internal notes, system entries and the full audit trail. */
  TICKET_READ_INTERNAL,
  /** Create tickets on behalf of customers. */
  TICKET_CREATE,
  /** Reply publicly to the customer. */
  TICKET_REPLY_PUBLIC,
  /** Add internal notes. */
  TICKET_NOTE_INTERNAL,
  /** Assign a ticket to any agent or team. */
  TICKET_ASSIGN,
  /** Assign a ticket to oneself. */
  TICKET_TAKE,
  /** Change the priority. */
  TICKET_CHANGE_PRIORITY,
  /** Change subject, type, tags and custom fields. */
  TICKET_EDIT,
  /** Move a ticket to OPEN (including reopening a solved one). */
  TICKET_SET_OPEN,
  /** Move a ticket to PENDING. */
  TICKET_SET_PENDING,
  /** Move a ticket to ON_HOLD. */
  TICKET_SET_ON_HOLD,
  /** Move a ticket to SOLVED. */
  TICKET_SOLVE,
  /** Move a ticket to CLOSED. */
  TICKET_CLOSE,
  /** Move a ticket to a higher tier. */
  TICKET_ESCALATE,
  /** Move a ticket to a lower tier, with a hand-off note. */
  TICKET_DEESCALATE,
  /** Link tickets. */
  TICKET_LINK,
  /** Merge a ticket into another (needs the right on both). */
  TICKET_MERGE,
  /** Split an entry out into a new ticket. */
  TICKET_SPLIT,
  /** Create, change and delete macros. */
  MACRO_MANAGE,
  /** Read internal knowledge articles. */
  KB_READ_INTERNAL,
  /** Write knowledge article drafts. */
  KB_WRITE,
  /** Publish and archive knowledge articles. */
  KB_PUBLISH,
  /** View reports and metrics. */
  REPORTS_VIEW,
  /** Manage agents, teams, roles, SLA policies and settings. */
  ADMINISTER;

  /**
   * @param target a target state
   * @return the permission needed to move a ticket to that state
   * @throws IllegalArgumentException for MERGED or NEW (reached only by merging or creation)
   */
  public static Permission forTransition(TicketState target) {
    return switch (target) {
      case OPEN -> TICKET_SET_OPEN;
      case PENDING -> TICKET_SET_PENDING;
      case ON_HOLD -> TICKET_SET_ON_HOLD;
      case SOLVED -> TICKET_SOLVE;
      case CLOSED -> TICKET_CLOSE;
      case MERGED -> TICKET_MERGE;
      case NEW -> throw new IllegalArgumentException("no transition leads to NEW");
    };
  }
}
