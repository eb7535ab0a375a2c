package dev.frontline.helpdesk.ticket;

import dev.frontline.helpdesk.internal.Checks;
import java.time.Instant;

/**
 * One immutable, append-only entry of a ticket's history: who changed what, when, with the values
 * before and after. Stored with the ticket snapshot in the same transaction; {@code version} is
 * the ticket version this event produced (1 for creation), so a ticket's events are numbered 1..n
 * without gaps.
 *
 * @param ticketId the ticket
 * @param version the ticket version after this event
 * @param actor who made the change
 * @param at when
 * @param change what changed
 */
public record TicketEvent(TicketId ticketId, long version, Author actor, Instant at, TicketChange change) {
  /** Validates the fields. */
  public TicketEvent {
    Checks.notNull(ticketId, "ticket id");
    Checks.require(version >= 1, "event version must be at least 1");
    Checks.notNull(actor, "actor");
    Checks.notNull(at, "time");
    Checks.notNull(change, "change");
  }
}
