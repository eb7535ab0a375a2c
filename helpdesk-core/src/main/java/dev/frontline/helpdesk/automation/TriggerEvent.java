package dev.frontline.helpdesk.automation;

import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;

/** The kinds of ticket events a trigger reacts to. */
public enum TriggerEvent {
  /** A ticket was created. */
  CREATED,
  /** The customer added a public message. */
  CUSTOMER_REPLIED,
  /** An agent added a public reply. */
  AGENT_REPLIED,
  /** The state changed. */
  STATE_CHANGED,
  /** The priority changed. */
  PRIORITY_CHANGED,
  /** The team or assignee changed. */
  ASSIGNED,
  /** The ticket moved to a higher tier. */
  ESCALATED,
  /** Tags were added or removed. */
  TAGS_CHANGED,
  /** A CSAT answer came in. */
  CSAT_RECEIVED,
  /** Any change except SLA bookkeeping. */
  ANY;

  /**
   * @param e an event
   * @return whether it is of this kind
   */
  public boolean matches(TicketEvent e) {
    TicketChange c = e.change();
    return switch (this) {
      case CREATED -> c instanceof TicketChange.Created;
      case CUSTOMER_REPLIED -> c instanceof TicketChange.EntryAdded ea && ea.entry().kind() == EntryKind.PUBLIC_REPLY
          && ea.entry().author().kind() == Author.Kind.CUSTOMER;
      case AGENT_REPLIED -> c instanceof TicketChange.EntryAdded ea && ea.entry().kind() == EntryKind.PUBLIC_REPLY
          && ea.entry().author().kind() == Author.Kind.AGENT;
      case STATE_CHANGED -> c instanceof TicketChange.StateChanged;
      case PRIORITY_CHANGED -> c instanceof TicketChange.PriorityChanged;
      case ASSIGNED -> c instanceof TicketChange.Assigned;
      case ESCALATED -> c instanceof TicketChange.TierChanged tc && tc.isEscalation();
      case TAGS_CHANGED -> c instanceof TicketChange.TagsChanged;
      case CSAT_RECEIVED -> c instanceof TicketChange.Custom cu && "csat".equals(cu.kind());
      case ANY -> !(c instanceof TicketChange.DeadlineChanged);
    };
  }
}
