package dev.frontline.helpdesk.spi.memory;

import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.ConflictException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketCursor;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketPage;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * The reference {@link TicketStore}: thread-safe, atomic (one lock for writes), with an ordered
 * deadline index so that {@link #due} costs O(due tickets · log n). Queries scan all tickets, which
 * is fine for tests, demos and small embeds.
 */
public final class InMemoryTicketStore implements TicketStore {
  private record DeadlineKey(long deadline, TicketId id) {}

  private static final Comparator<DeadlineKey> DEADLINE_ORDER =
      Comparator.comparingLong(DeadlineKey::deadline).thenComparing(DeadlineKey::id);

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<TicketId, Ticket> tickets = new ConcurrentHashMap<>();
  private final Map<TicketKey, TicketId> keys = new ConcurrentHashMap<>();
  private final Map<TicketId, List<TicketEvent>> histories = new ConcurrentHashMap<>();
  private final NavigableSet<DeadlineKey> deadlines = new ConcurrentSkipListSet<>(DEADLINE_ORDER);
  private final Map<String, Long> sequences = new HashMap<>();

  /** Creates an empty store. */
  public InMemoryTicketStore() {}

  @Override
  public long nextKeyNumber(String prefix) {
    synchronized (sequences) {
      return sequences.merge(prefix, 1L, Long::sum);
    }
  }

  @Override
  public void create(Ticket ticket, List<TicketEvent> events) {
    updateAll(List.of(), List.of(new Create(ticket, events)));
  }

  @Override
  public void update(Ticket ticket, long expectedVersion, List<TicketEvent> events) {
    updateAll(List.of(new Update(ticket, expectedVersion, events)), List.of());
  }

  @Override
  public void updateAll(List<Update> updates, List<Create> creates) {
    lock.writeLock().lock();
    try {
      // validate everything first, then apply: all or nothing
      Set<TicketId> seen = new HashSet<>();
      Set<TicketKey> newKeys = new HashSet<>();
      for (Create c : creates) {
        checkEvents(c.ticket(), 0, c.events());
        if (tickets.containsKey(c.ticket().id()) || !seen.add(c.ticket().id())) {
          throw new ConflictException("a ticket with this id already exists");
        }
        if (keys.containsKey(c.ticket().key()) || !newKeys.add(c.ticket().key())) {
          throw new ConflictException("a ticket with key " + c.ticket().key() + " already exists");
        }
      }
      for (Update u : updates) {
        Ticket current = tickets.get(u.ticket().id());
        if (current == null) {
          throw new NotFoundException("ticket not found");
        }
        if (!seen.add(u.ticket().id())) {
          throw new ValidationException("one ticket updated twice in one call");
        }
        if (current.version() != u.expectedVersion()) {
          throw new ConcurrentModificationException(
              "ticket " + current.key() + " is at version " + current.version() + ", not " + u.expectedVersion());
        }
        if (!current.key().equals(u.ticket().key())) {
          throw new ValidationException("the ticket key cannot change");
        }
        checkEvents(u.ticket(), u.expectedVersion(), u.events());
      }
      for (Create c : creates) {
        put(null, c.ticket());
        keys.put(c.ticket().key(), c.ticket().id());
        histories.put(c.ticket().id(), new ArrayList<>(c.events()));
      }
      for (Update u : updates) {
        put(tickets.get(u.ticket().id()), u.ticket());
        Objects.requireNonNull(histories.get(u.ticket().id())).addAll(u.events());
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static void checkEvents(Ticket t, long from, List<TicketEvent> events) {
    if (events.isEmpty()) {
      throw new ValidationException("a change must carry at least one event");
    }
    long v = from;
    for (TicketEvent e : events) {
      if (!e.ticketId().equals(t.id()) || e.version() != ++v) {
        throw new ValidationException("events must be numbered consecutively from " + (from + 1));
      }
    }
    if (t.version() != v) {
      throw new ValidationException("snapshot version " + t.version() + " does not match the events");
    }
  }

  private void put(@Nullable Ticket old, Ticket t) {
    if (old != null && old.nextDeadline() != null) {
      deadlines.remove(new DeadlineKey(old.nextDeadline().toEpochMilli(), old.id()));
    }
    if (t.nextDeadline() != null) {
      deadlines.add(new DeadlineKey(t.nextDeadline().toEpochMilli(), t.id()));
    }
    tickets.put(t.id(), t);
  }

  @Override
  public Optional<Ticket> find(TicketId id) {
    return Optional.ofNullable(tickets.get(id));
  }

  @Override
  public Optional<Ticket> findByKey(TicketKey key) {
    TicketId id = keys.get(key);
    return id == null ? Optional.empty() : find(id);
  }

  @Override
  public List<TicketEvent> history(TicketId id) {
    lock.readLock().lock();
    try {
      List<TicketEvent> h = histories.get(id);
      return h == null ? List.of() : List.copyOf(h);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public TicketPage query(TicketQuery query, TicketVisibility visibility) {
    TicketCursor cursor = query.after() == null ? null : TicketCursor.decode(query.after(), query.sort());
    Comparator<Ticket> order =
        Comparator.comparingLong((Ticket t) -> query.sort().key(t)).thenComparing(Ticket::id);
    List<Ticket> matching = new ArrayList<>();
    lock.readLock().lock();
    try {
      for (Ticket t : tickets.values()) {
        if (visibility.matches(t) && query.matches(t) && (cursor == null || cursor.isBefore(t))) {
          matching.add(t);
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    matching.sort(order);
    List<Ticket> page = matching.subList(0, Math.min(query.limit(), matching.size()));
    String next =
        matching.size() > query.limit()
            ? TicketCursor.after(page.get(page.size() - 1), query.sort()).encode()
            : null;
    return new TicketPage(page, next);
  }

  @Override
  public long count(TicketQuery query, TicketVisibility visibility) {
    lock.readLock().lock();
    try {
      return tickets.values().stream().filter(t -> visibility.matches(t) && query.matches(t)).count();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<Ticket> due(Instant now, @Nullable Instant afterDeadline, @Nullable TicketId afterId, int limit) {
    if (limit < 1) {
      throw new ValidationException("limit must be positive");
    }
    NavigableSet<DeadlineKey> view = deadlines;
    if (afterDeadline != null && afterId != null) {
      view = deadlines.tailSet(new DeadlineKey(afterDeadline.toEpochMilli(), afterId), false);
    }
    long cut = now.toEpochMilli();
    List<Ticket> out = new ArrayList<>();
    for (DeadlineKey k : view) {
      if (k.deadline() > cut || out.size() >= limit) {
        break;
      }
      Ticket t = tickets.get(k.id());
      if (t != null && t.nextDeadline() != null && t.nextDeadline().toEpochMilli() == k.deadline()) {
        out.add(t);
      }
    }
    return out;
  }
}
