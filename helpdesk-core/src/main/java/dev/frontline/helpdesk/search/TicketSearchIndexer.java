package dev.frontline.helpdesk.search;

import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.spi.TicketSearch;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketListener;
import dev.frontline.helpdesk.ticket.TicketPage;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketSort;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Keeps a {@link TicketSearch} current. {@code Helpdesk} registers one for the search given to
 * {@code Helpdesk.Builder.ticketSearch}; search implementations may use it directly to fill or
 * repair an index. After each change it re-reads every ticket the change touched,
 * with its whole conversation, from the store (trusted access, no principal) and indexes the
 * current state: tickets in a {@linkplain TicketSearch#SOLVED_STATES solved state} are indexed,
 * all others removed. Because it always indexes what the store holds now, replayed, duplicated or
 * reordered events are harmless.
 *
 * <p>Reading the store and updating the index happen under a per-ticket lock, so concurrent changes
 * of one ticket cannot leave an older snapshot in the index. A failing index update is thrown to the
 * helpdesk, which logs it; {@link #rebuild()} repairs the index from the store (call it at start-up
 * for a new or lost index). The listener only sees changes made through this node's helpdesk: in a
 * cluster, each node's local index misses the other nodes' changes (see docs/knowledge.md).
 * Thread-safe.
 */
public final class TicketSearchIndexer implements TicketListener {
  private final TicketStore store;
  private final TicketSearch search;
  private final Function<Ticket, Locale> locale;
  /** Per-ticket stripes: reading the store and writing the index is one step per ticket. */
  private final Object[] stripes = new Object[64];

  /**
   * @param store the ticket store, the source of truth
   * @param search the index to keep current
   * @param locale the language of a ticket's text (for example from a custom field or the
   *     requester's language)
   */
  public TicketSearchIndexer(TicketStore store, TicketSearch search, Function<Ticket, Locale> locale) {
    this.store = Checks.notNull(store, "store");
    this.search = Checks.notNull(search, "search");
    this.locale = Checks.notNull(locale, "locale");
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new Object();
    }
  }

  /**
   * An indexer that analyses every ticket in one language.
   *
   * @param store the ticket store
   * @param search the index
   * @param locale the language of every ticket
   * @return the indexer
   */
  public static TicketSearchIndexer of(TicketStore store, TicketSearch search, Locale locale) {
    Checks.notNull(locale, "locale");
    return new TicketSearchIndexer(store, search, t -> locale);
  }

  @Override
  public void onEvents(List<TicketEvent> events) {
    Set<TicketId> touched = new LinkedHashSet<>();
    for (TicketEvent e : events) {
      touched.add(e.ticketId());
    }
    touched.forEach(this::reindex);
  }

  /**
   * Indexes one ticket as the store holds it now (or removes it).
   *
   * @param id the ticket
   */
  public void reindex(TicketId id) {
    Checks.notNull(id, "ticket id");
    // two changes of one ticket on two threads: whichever indexes last has read the store last,
    // so an older snapshot never overwrites a newer one
    synchronized (stripes[Math.floorMod(id.hashCode(), stripes.length)]) {
      Optional<Ticket> t = store.find(id);
      if (t.isEmpty() || !TicketSearch.SOLVED_STATES.contains(t.get().state())) {
        search.delete(id);
        return;
      }
      search.index(t.get(), entries(store.history(id)), locale.apply(t.get()));
    }
  }

  /**
   * Indexes every solved ticket of the store (removals of tickets no longer solved are done by
   * {@link #reindex}; a fresh index needs only this).
   *
   * @return how many tickets were indexed
   */
  public int rebuild() {
    int n = 0;
    String cursor = null;
    do {
      TicketPage page = store.query(TicketQuery.builder().states(TicketSearch.SOLVED_STATES)
          .sort(TicketSort.CREATED_ASC).limit(TicketQuery.MAX_LIMIT).after(cursor).build(), TicketVisibility.everything());
      for (Ticket t : page.items()) {
        reindex(t.id());
        n++;
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    return n;
  }

  /**
   * @param history a ticket's events
   * @return its conversation, public and internal, in time order (entries received by merges
   *     included)
   */
  static List<Entry> entries(List<TicketEvent> history) {
    List<Entry> out = new ArrayList<>();
    for (TicketEvent ev : history) {
      if (ev.change() instanceof TicketChange.EntryAdded ea) {
        out.add(ea.entry());
      } else if (ev.change() instanceof TicketChange.MergeReceived mr) {
        out.addAll(mr.entries());
      }
    }
    out.sort(Comparator.comparing(Entry::at));
    return out;
  }
}
