package dev.frontline.helpdesk.search;

import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;

/**
 * One similar solved ticket. Immutable.
 *
 * @param ticketId the ticket
 * @param key its human key
 * @param subject its subject (plain text; escape it when rendering)
 * @param score relevance; only comparable within one result
 * @param snippet a short passage with matches wrapped in {@code <b>...</b>}, everything else
 *     HTML-escaped; empty if nothing matched in the conversation
 * @param internalSnippet whether the snippet comes from internal notes (only ever true for readers
 *     allowed to read the ticket's internal notes; label it as internal in the UI)
 */
public record SimilarTicket(
    TicketId ticketId, TicketKey key, String subject, double score, String snippet, boolean internalSnippet) {
  /** Validates. */
  public SimilarTicket {
    Checks.notNull(ticketId, "ticket id");
    Checks.notNull(key, "ticket key");
    Checks.notNull(subject, "subject");
    Checks.notNull(snippet, "snippet");
  }
}
