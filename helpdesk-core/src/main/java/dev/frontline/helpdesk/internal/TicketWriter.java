package dev.frontline.helpdesk.internal;

import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.spi.BlobStore;
import dev.frontline.helpdesk.spi.IdGenerator;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.ticket.Attachment;
import dev.frontline.helpdesk.ticket.AttachmentId;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryId;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewAttachment;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketHistory;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketListener;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one ticket writer: every ticket write goes load → decide → deadline → store → publish
 * through it. A command (in {@link DefaultTicketService}) checks rights and decides on a snapshot
 * by adding {@link TicketChange}s to a {@link Change}; the writer then recomputes the SLA deadline,
 * stores snapshot and events in one store call (optimistic version check), deletes the attachment
 * blobs of a change that was not stored, and hands the stored events to the listeners once. It owns
 * the retry loops ({@link #withRetry} for one ticket, {@link #retryOnConflict} for several).
 * Thread-safe.
 */
final class TicketWriter {
  private static final Logger LOG = LoggerFactory.getLogger(TicketWriter.class);
  static final int RETRIES = 50;

  private final TicketStore store;
  private final BlobStore blobs;
  private final Clock clock;
  private final IdGenerator ids;
  private final List<TicketListener> listeners;
  private final String keyPrefix;
  private final DeadlineCalculator deadlines;

  TicketWriter(TicketStore store, BlobStore blobs, Clock clock, IdGenerator ids, List<TicketListener> listeners,
      String keyPrefix, DeadlineCalculator deadlines) {
    this.store = store;
    this.blobs = blobs;
    this.clock = clock;
    this.ids = ids;
    this.listeners = List.copyOf(listeners);
    this.keyPrefix = keyPrefix;
    this.deadlines = deadlines;
  }


  /** Lets trusted automation (escalation) add changes to one ticket, applied in order. */
  public interface Edit {
    /** @return the snapshot with the changes added so far */
    Ticket current();

    /** @return the instant the change is made at */
    Instant at();

    /** @param c a change to append */
    void add(TicketChange c);
  }

  /** Accumulates the events of one change to one ticket. */
  final class Change implements Edit {
    final Ticket before;
    Ticket current;
    final long expectedVersion;
    final List<TicketEvent> events = new ArrayList<>();
    final Author actor;
    final Instant at;
    /** Blob keys written for this change's attachments; deleted again if the change is not stored. */
    final List<String> blobs = new ArrayList<>();

    Change(Ticket before, Author actor, Instant at) {
      this.before = before;
      this.current = before;
      this.expectedVersion = before.version();
      this.actor = actor;
      this.at = at;
    }

    @Override
    public Ticket current() {
      return current;
    }

    @Override
    public Instant at() {
      return at;
    }

    @Override
    public void add(TicketChange c) {
      TicketEvent e = new TicketEvent(current.id(), current.version() + 1, actor, at, c);
      current = TicketHistory.apply(current, e);
      events.add(e);
    }

    boolean isEmpty() {
      return events.isEmpty();
    }

    /** Recomputes the SLA deadline and records it if it moved. */
    void recomputeDeadline(List<TicketEvent> priorHistory) {
      List<TicketEvent> h = new ArrayList<>(priorHistory);
      h.addAll(events);
      DeadlineCalculator.Result r = deadlines.compute(current, h);
      if (!Objects.equals(r.nextDeadline(), current.nextDeadline()) || !r.sla().equals(current.sla())) {
        add(new TicketChange.DeadlineChanged(current.nextDeadline(), r.nextDeadline(), r.detail(), r.sla()));
      }
    }
  }

  Change change(Principal p, Ticket t) {
    return new Change(t, Author.of(p), clock.instant());
  }

  /** A change to {@code t} by the same actor at the same instant as another change. */
  Change change(Ticket t, Change sameActorAndTime) {
    return new Change(t, sameActorAndTime.actor, sameActorAndTime.at);
  }

  Ticket commit(Change c) {
    if (c.isEmpty()) {
      return c.current;
    }
    try {
      c.recomputeDeadline(store.history(c.before.id()));
      store.update(c.current, c.expectedVersion, c.events);
    } catch (RuntimeException e) {
      discardBlobs(List.of(c), e);
      throw e;
    }
    notifyListeners(c.events);
    return c.current;
  }

  /**
   * Deletes the attachment blobs of changes that were not stored, so that a conflict retry or a
   * refused write leaves no orphans. A {@link dev.frontline.helpdesk.StorageException} is the one
   * exception kept: the store may have failed after its commit (a lost acknowledgement), and an
   * orphaned blob is better than a stored attachment without its content.
   */
  private void discardBlobs(List<Change> changes, RuntimeException cause) {
    if (cause instanceof dev.frontline.helpdesk.StorageException) {
      return;
    }
    for (Change c : changes) {
      for (String key : c.blobs) {
        try {
          blobs.delete(key);
        } catch (RuntimeException e) {
          cause.addSuppressed(e);
        }
      }
      c.blobs.clear();
    }
  }

  void commitAll(List<Change> updates, List<Change> creates) {
    List<TicketStore.Update> us = new ArrayList<>();
    List<TicketStore.Create> cs = new ArrayList<>();
    List<TicketEvent> all = new ArrayList<>();
    try {
      for (Change c : creates) {
        c.recomputeDeadline(List.of());
        cs.add(new TicketStore.Create(c.current, c.events));
        all.addAll(c.events);
      }
      for (Change c : updates) {
        if (c.isEmpty()) {
          continue;
        }
        c.recomputeDeadline(store.history(c.before.id()));
        us.add(new TicketStore.Update(c.current, c.expectedVersion, c.events));
        all.addAll(c.events);
      }
      store.updateAll(us, cs);
    } catch (RuntimeException e) {
      List<Change> both = new ArrayList<>(creates);
      both.addAll(updates);
      discardBlobs(both, e);
      throw e;
    }
    notifyListeners(all);
  }

  void notifyListeners(List<TicketEvent> events) {
    for (TicketListener l : listeners) {
      try {
        l.onEvents(events);
      } catch (RuntimeException e) {
        LOG.error("ticket listener failed", e);
      }
    }
  }


  /**
   * Waits a random, growing moment before retrying after a conflict, so that writers racing on one
   * hot ticket (several nodes adding notes) do not starve each other.
   */
  private static void backOff(int attempt) {
    if (attempt < 1) {
      return;
    }
    long bound = 1L << Math.min(attempt, 6);
    try {
      Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(bound + 1));
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new ConcurrentModificationException("interrupted while retrying after a conflict", ie);
    }
  }

  /**
   * Starts a new ticket: allocates its id and key and records the creation event.
   *
   * @param principal who creates it
   * @param created the creation values for the allocated key
   * @return the change holding the first event
   */
  Change newTicket(Principal principal, Function<TicketKey, TicketChange.Created> created) {
    Instant now = clock.instant();
    Author actor = Author.of(principal);
    TicketId id = new TicketId(ids.next());
    TicketKey key = new TicketKey(keyPrefix, store.nextKeyNumber(keyPrefix));
    TicketEvent first = new TicketEvent(id, 1, actor, now, created.apply(key));
    Change c = new Change(TicketHistory.apply(null, first), actor, now);
    c.events.add(first);
    return c;
  }

  /** A copy of an entry under a new id, keeping its kind, author, time, body and attachments. */
  Entry copyOf(Entry e) {
    return new Entry(new EntryId(ids.next()), e.kind(), e.author(), e.channel(), e.body(), e.at(), e.attachments());
  }

  /** Runs a command that touches several tickets, again on a conflict (it reloads everything). */
  static Ticket retryOnConflict(Supplier<Ticket> attempt) {
    for (int i = 0; ; i++) {
      try {
        return attempt.get();
      } catch (ConcurrentModificationException e) {
        if (i >= RETRIES) {
          throw e;
        }
        backOff(i);
      }
    }
  }

  /**
   * The entry of a message, its attachments written to the blob store and remembered on the change
   * (whose {@link #commit} deletes them again if the change is not stored). Call it last, after
   * every check of the command, just before the commit.
   */
  Entry newEntry(Change c, Principal p, EntryKind kind, Message m) {
    List<Attachment> atts = new ArrayList<>();
    List<String> stored = new ArrayList<>();
    try {
      for (NewAttachment na : m.attachments()) {
        byte[] content = na.content();
        String key = blobs.put(content);
        stored.add(key);
        atts.add(new Attachment(new AttachmentId(ids.next()), na.fileName(), na.contentType(), content.length, key));
      }
    } catch (RuntimeException e) {
      stored.forEach(blobs::delete);
      throw e;
    }
    c.blobs.addAll(stored);
    return new Entry(new EntryId(ids.next()), kind, Author.of(p), m.channel(), m.body(), c.at, atts);
  }

  /**
   * Runs a one-ticket command against the latest snapshot, retrying it from a fresh load on a
   * conflict if the caller allows it ({@link Ticket#ANY_VERSION}); the only retry loop for
   * one-ticket writes.
   *
   * @param load loads the snapshot and checks that the caller sees it
   * @param expectedVersion the version the caller read, or {@link Ticket#ANY_VERSION}
   * @param command decides on the snapshot and commits (through {@link #commit})
   * @return what the command returns
   */
  Ticket withRetry(Supplier<Ticket> load, long expectedVersion, Function<Ticket, Ticket> command) {
    for (int attempt = 0; ; attempt++) {
      Ticket t = load.get();
      if (expectedVersion != Ticket.ANY_VERSION && t.version() != expectedVersion) {
        throw new ConcurrentModificationException(
            "ticket " + t.key() + " is at version " + t.version() + ", not " + expectedVersion);
      }
      try {
        return command.apply(t);
      } catch (ConcurrentModificationException e) {
        if (expectedVersion != Ticket.ANY_VERSION || attempt >= RETRIES) {
          throw e;
        }
        backOff(attempt);
      }
    }
  }

  /**
   * Applies trusted automation to one ticket in one atomic update, without permission checks: the
   * body adds changes, then the SLA deadline is recomputed (and recorded if it moved) even if the
   * body added nothing. Nothing is stored if neither produced an event.
   *
   * @param principal the automation's (system) principal, recorded as the actor
   * @param basis the snapshot the body decides on; the update expects its version
   * @param history the ticket's stored history matching {@code basis}
   * @param body adds the changes
   * @return the stored snapshot
   * @throws ConcurrentModificationException if the ticket changed since {@code basis} was read
   */
  Ticket automate(Principal principal, Ticket basis, List<TicketEvent> history, Consumer<Edit> body) {
    Change c = change(principal, basis);
    body.accept(c);
    c.recomputeDeadline(history);
    if (c.isEmpty()) {
      return c.current;
    }
    store.update(c.current, c.expectedVersion, c.events);
    notifyListeners(c.events);
    return c.current;
  }
}
