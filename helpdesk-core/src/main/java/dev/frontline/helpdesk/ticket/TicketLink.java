package dev.frontline.helpdesk.ticket;

import dev.frontline.helpdesk.internal.Checks;

/**
 * A link from one ticket to another.
 *
 * @param type how this ticket relates to the other
 * @param other the other ticket
 */
public record TicketLink(LinkType type, TicketId other) {
  /** Rejects nulls. */
  public TicketLink {
    Checks.notNull(type, "link type");
    Checks.notNull(other, "linked ticket");
  }
}
