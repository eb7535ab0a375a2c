package dev.frontline.helpdesk.search;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.spi.TicketSearch;
import dev.frontline.helpdesk.ticket.TicketId;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * "Similar solved tickets" for a principal (Frappe Helpdesk #2947/#3686, OTRS CVE-2017-16854).
 *
 * <p>Every call resolves the principal's rights first and hands them to the {@link TicketSearch}
 * as a {@link TicketSearchAudience}, which applies them inside the index:
 *
 * <ul>
 *   <li>hits only among the tickets whose conversation the principal may read: for customers
 *       {@link AccessControl#visibility(dev.frontline.helpdesk.access.Rights) AccessControl.visibility}, for agents {@link AccessControl#permitted(dev.frontline.helpdesk.access.Rights,
 *       Permission) permitted(principal, TICKET_READ)} (an agent who sees a team's tickets only as
 *       an overview gets no hit and no snippet from them, as {@code conversation()} refuses them);
 *   <li>internal notes and system entries are matched and highlighted only for tickets within
 *       {@link AccessControl#permitted(dev.frontline.helpdesk.access.Rights, Permission) permitted(rights,
 *       TICKET_READ_INTERNAL)}. That filter is exact per ticket, with one conservative exception
 *       (agents with a TIER-scoped internal-read role who belong to a team whose access level
 *       withholds internal notes: tickets reached only through the tier are searched by their
 *       public text). Customers and anonymous visitors never get internal text.
 * </ul>
 *
 * <p>As a second line of defence against an index that lags the store (refresh interval, a lost
 * update), every hit is re-read from the store and dropped if the principal may no longer read it or
 * it is no longer solved, and an internal snippet is dropped unless {@link AccessControl#may} still
 * allows internal reads on that ticket. Results are plain lists (no totals), so dropping never
 * reveals a count.
 *
 * <p>Thread-safe.
 */
public interface SimilarTicketService {
  /**
   * The principal's rights as the index applies them.
   *
   * @param principal the caller
   * @return visible tickets and tickets whose internal text may be used
   */
  TicketSearchAudience audience(Principal principal);

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
  List<SimilarTicket> similarSolved(Principal principal, String text, @Nullable Locale locale, int limit);

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
  List<SimilarTicket> similarTo(Principal principal, TicketId id, @Nullable Locale locale, int limit);
}
