package dev.frontline.helpdesk.spi;

import dev.frontline.helpdesk.search.SimilarTicket;
import dev.frontline.helpdesk.search.TicketSearchAudience;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketState;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Full-text search over tickets for "similar solved tickets". The index is derived from the {@link
 * TicketStore} (see {@code TicketSearchIndexer}) and can always be rebuilt from it.
 *
 * <p>Rules every implementation must keep (OTRS CVE-2017-16854/CVE-2018-11563, Frappe Helpdesk
 * #2947/#3686):
 *
 * <ul>
 *   <li>The subject and the {@link dev.frontline.helpdesk.ticket.EntryKind#PUBLIC_REPLY public}
 *       entries are public text; internal notes and system entries are internal text, kept apart
 *       (separate fields) from the public text.
 *   <li>The {@link TicketSearchAudience} is applied inside the search: only tickets matching {@code
 *       visible} can be hits, and internal text is matched and highlighted only for tickets matching
 *       both {@code visible} and {@code internal}. A word that occurs only in internal text never
 *       yields a hit, score or snippet for anyone else.
 *   <li>Only tickets in a {@link #SOLVED_STATES solved state} are returned.
 * </ul>
 *
 * <p>Implementations must be thread-safe; an indexed change must be searchable within about a
 * second.
 */
public interface TicketSearch extends AutoCloseable {
  /** The states "similar solved tickets" are taken from. */
  Set<TicketState> SOLVED_STATES = Set.of(TicketState.SOLVED, TicketState.CLOSED);

  /**
   * Adds or replaces a ticket (keyed by its id) with its whole conversation.
   *
   * @param ticket the current snapshot
   * @param conversation every entry, public and internal
   * @param locale the language the text is analysed in
   */
  void index(Ticket ticket, List<Entry> conversation, Locale locale);

  /**
   * Removes a ticket; does nothing if it is not indexed.
   *
   * @param id the ticket
   */
  void delete(TicketId id);

  /**
   * Visible solved tickets similar to a text (a new ticket's subject and description).
   *
   * @param text the text (long texts are cut)
   * @param locale its language, or null for every language
   * @param audience what the reader may see and which internal text may be used
   * @param exclude a ticket to leave out (the one being viewed), or null
   * @param limit at most this many, 1 to 50
   * @return hits, best first
   */
  List<SimilarTicket> similarSolved(
      String text, @Nullable Locale locale, TicketSearchAudience audience, @Nullable TicketId exclude, int limit);

  /**
   * Makes every change indexed so far visible to searches now. Near-real-time indexes (which make
   * changes searchable within a refresh interval) override it; the default, for indexes where
   * changes are searchable at once, does nothing. The similar-ticket service calls it before each
   * search, so a ticket solved by a finished call is found by the next search (read-your-writes);
   * an implementation keeps it cheap when nothing changed.
   */
  default void refresh() {}

  /** Releases resources; the default does nothing. */
  @Override
  default void close() {}
}
