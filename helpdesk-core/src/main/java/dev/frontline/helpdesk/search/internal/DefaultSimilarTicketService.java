package dev.frontline.helpdesk.search.internal;

import dev.frontline.helpdesk.search.SimilarTicket;
import dev.frontline.helpdesk.search.SimilarTicketService;
import dev.frontline.helpdesk.search.TicketSearchAudience;
import dev.frontline.helpdesk.internal.Kernel;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.access.Rights;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.spi.TicketSearch;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketService;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * "Similar solved tickets" for a principal (Frappe Helpdesk #2947/#3686, OTRS CVE-2017-16854).
 *
 * <p>Every call resolves the principal's rights first and hands them to the {@link TicketSearch}
 * as a {@link TicketSearchAudience}, which applies them inside the index:
 *
 * <ul>
 *   <li>hits only among the tickets of {@link AccessControl#visibility(dev.frontline.helpdesk.access.Rights)}, so every hit is
 *       a ticket the principal can read, list and search;
 *   <li>internal notes and system entries are matched and highlighted only for tickets within
 *       {@link AccessControl#permitted(dev.frontline.helpdesk.access.Rights, Permission) permitted(rights,
 *       TICKET_READ_INTERNAL)}. That filter is exact per ticket, with one conservative exception
 *       (agents with a TIER-scoped internal-read role who belong to a team whose access level
 *       withholds internal notes: tickets reached only through the tier are searched by their
 *       public text). Customers and anonymous visitors never get internal text.
 * </ul>
 *
 * <p>As a second line of defence against an index that lags the store (refresh interval, a lost
 * update), every hit is re-read from the store and dropped if the principal no longer sees it or
 * it is no longer solved, and an internal snippet is dropped unless {@link AccessControl#may} still
 * allows internal reads on that ticket. Results are plain lists (no totals), so dropping never
 * reveals a count.
 *
 * <p>Thread-safe.
 */
public final class DefaultSimilarTicketService implements SimilarTicketService {
  private final AccessControl access;
  private final TicketStore store;
  private final TicketService tickets;
  private final TicketSearch search;

  public DefaultSimilarTicketService(Kernel helpdesk, TicketSearch search) {
    this.access = helpdesk.access();
    this.store = helpdesk.ticketStore();
    this.tickets = helpdesk.tickets();
    this.search = search;
  }

  /**
   * The principal's rights as the index applies them.
   *
   * @param principal the caller
   * @return visible tickets and tickets whose internal text may be used
   */
  public TicketSearchAudience audience(Principal principal) {
    Checks.notNull(principal, "principal");
    return audience(access.rightsOf(principal));
  }

  private TicketSearchAudience audience(Rights r) {
    TicketVisibility visible = access.visibility(r);
    if (visible.isNone() || !r.isStaff()) {
      return TicketSearchAudience.publicOnly(visible);
    }
    // hits and snippets follow the conversation's read rights, not mere visibility: an agent who
    // sees a team's tickets only as an overview (no TICKET_READ) gets no hit from their text.
    // permitted(TICKET_READ) is within visibility for agents (exact, or a subset, never more)
    return new TicketSearchAudience(access.permitted(r, Permission.TICKET_READ), access.permitted(r, Permission.TICKET_READ_INTERNAL));
  }

  /**
   * Solved tickets similar to a text, for example while a customer writes a new ticket or an agent
   * answers one.
   *
   * @param principal who will see the result
   * @param text subject and description
   * @param locale the text's language, or null for every language
   * @param limit at most this many, 1 to 50
   * @return readable solved tickets, best first
   */
  public List<SimilarTicket> similarSolved(Principal principal, String text, @Nullable Locale locale, int limit) {
    Checks.notNull(text, "text");
    Checks.require(limit >= 1 && limit <= 50, "limit must be 1..50");
    return run(principal, text, locale, null, limit);
  }

  /**
   * Solved tickets similar to one the principal can read, by its subject and the part of its
   * conversation the principal may read (the ticket itself excluded).
   *
   * @param principal who will see the result
   * @param id the ticket
   * @param locale its language, or null for every language
   * @param limit at most this many, 1 to 50
   * @return readable solved tickets, best first
   * @throws NotFoundException if the ticket does not exist or is not visible
   */
  public List<SimilarTicket> similarTo(Principal principal, TicketId id, @Nullable Locale locale, int limit) {
    Checks.require(limit >= 1 && limit <= 50, "limit must be 1..50");
    Ticket t = tickets.get(principal, id);
    StringBuilder text = new StringBuilder(t.subject());
    for (Entry e : tickets.conversation(principal, id)) {
      text.append('\n').append(e.body());
      if (text.length() > 10_000) {
        break;
      }
    }
    return run(principal, text.toString(), locale, id, limit);
  }

  private List<SimilarTicket> run(Principal principal, String text, @Nullable Locale locale, @Nullable TicketId exclude, int limit) {
    Rights r = access.rightsOf(principal);
    TicketSearchAudience audience = audience(r);
    if (audience.visible().isNone()) {
      return List.of();
    }
    // read-your-writes: a ticket solved by a call that has returned is found now, not only after
    // the index's refresh interval (a no-op when nothing changed)
    search.refresh();
    List<SimilarTicket> out = new ArrayList<>();
    for (SimilarTicket hit : search.similarSolved(text, locale, audience, exclude, limit)) {
      Optional<Ticket> now = store.find(hit.ticketId());
      if (now.isEmpty() || !access.may(r, now.get(), Permission.TICKET_READ) || !TicketSearch.SOLVED_STATES.contains(now.get().state())) {
        continue;
      }
      boolean internal = hit.internalSnippet() && access.may(r, now.get(), Permission.TICKET_READ_INTERNAL);
      String snippet = hit.internalSnippet() && !internal ? "" : hit.snippet();
      out.add(new SimilarTicket(hit.ticketId(), now.get().key(), now.get().subject(), hit.score(), snippet, internal));
    }
    return out;
  }
}
