package dev.frontline.helpdesk.spi;

import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketPage;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Stores tickets as snapshots plus their append-only event history. Implementations must be
 * thread-safe and atomic: a call either stores everything it was given or nothing. They do no
 * permission checks of their own, but must apply the {@link TicketVisibility} they are given
 * inside the query (before paging and counting). The contract test kit {@code
 * dev.frontline.helpdesk.testkit.TicketStoreContract} defines the expected behaviour.
 */
public interface TicketStore {

  /**
   * Allocates the next number for human ticket keys with the given prefix. Numbers are unique and
   * increasing per prefix; gaps are allowed.
   *
   * @param prefix the key prefix
   * @return a fresh number, at least 1
   */
  long nextKeyNumber(String prefix);

  /**
   * Stores a new ticket with its first events.
   *
   * @param ticket the snapshot; its version equals the last event's version
   * @param events the events 1..n
   * @throws dev.frontline.helpdesk.ConflictException if the id or the key already exists
   */
  void create(Ticket ticket, List<TicketEvent> events);

  /**
   * Replaces the snapshot and appends events, if and only if the stored version still equals
   * {@code expectedVersion}.
   *
   * @param ticket the new snapshot; its version is {@code expectedVersion + events.size()}
   * @param expectedVersion the version the change was computed from
   * @param events the new events, numbered {@code expectedVersion + 1 ...}
   * @throws dev.frontline.helpdesk.ConcurrentModificationException if the stored version differs
   * @throws dev.frontline.helpdesk.NotFoundException if there is no such ticket
   */
  void update(Ticket ticket, long expectedVersion, List<TicketEvent> events);

  /**
   * Applies several updates atomically (merge, link, split touch two tickets): all or none.
   *
   * @param updates the updates; each is checked like {@link #update}
   * @param creates new tickets created in the same transaction (may be empty)
   */
  void updateAll(List<Update> updates, List<Create> creates);

  /**
   * @param id a ticket id
   * @return the current snapshot, if any
   */
  Optional<Ticket> find(TicketId id);

  /**
   * @param key a human key
   * @return the current snapshot, if any
   */
  Optional<Ticket> findByKey(TicketKey key);

  /**
   * @param id a ticket id
   * @return all events of the ticket in version order; empty if there is no such ticket
   */
  List<TicketEvent> history(TicketId id);

  /**
   * Runs a filtered, ordered, keyset-paginated query.
   *
   * @param query filters, order and page
   * @param visibility what the caller may see; applied before paging
   * @return the page
   */
  TicketPage query(TicketQuery query, TicketVisibility visibility);

  /**
   * Counts the tickets a query matches (ignoring its order, limit and cursor).
   *
   * @param query filters
   * @param visibility what the caller may see
   * @return the number of matching visible tickets
   */
  long count(TicketQuery query, TicketVisibility visibility);

  /**
   * Tickets whose {@link Ticket#nextDeadline()} is at or before {@code now}, earliest first (ties by
   * id), after a keyset position. Must be served by an index: the cost grows with the number
   * returned, not with the number of tickets.
   *
   * @param now the cut-off (inclusive)
   * @param afterDeadline with {@code afterId}: only tickets after this position; both null to start
   * @param afterId see {@code afterDeadline}
   * @param limit at most this many
   * @return the due tickets
   */
  List<Ticket> due(Instant now, @Nullable Instant afterDeadline, @Nullable TicketId afterId, int limit);

  /**
   * The first page of {@link #due(Instant, Instant, TicketId, int)}.
   *
   * @param now the cut-off
   * @param limit at most this many
   * @return the due tickets
   */
  default List<Ticket> due(Instant now, int limit) {
    return due(now, null, null, limit);
  }

  /**
   * An update for {@link #updateAll}.
   *
   * @param ticket new snapshot
   * @param expectedVersion version it was computed from
   * @param events new events
   */
  record Update(Ticket ticket, long expectedVersion, List<TicketEvent> events) {
    /** Copies. */
    public Update {
      events = List.copyOf(events);
    }
  }

  /**
   * A creation for {@link #updateAll}.
   *
   * @param ticket the snapshot
   * @param events its events
   */
  record Create(Ticket ticket, List<TicketEvent> events) {
    /** Copies. */
    public Create {
      events = List.copyOf(events);
    }
  }
}
