package dev.frontline.helpdesk.jdbc;

import dev.frontline.helpdesk.jackson.format.TicketFormat;
import static dev.frontline.helpdesk.jdbc.internal.schema.Tables.FRONTLINE_OUTBOX;

import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.jdbc.internal.Db;

import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineOutbox;
import dev.frontline.helpdesk.ticket.TicketEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads the transactional outbox: ticket events written in the same transaction as the change
 * that produced them (when the stores are built with {@link JdbcStores.Builder#outbox(boolean)}),
 * for delivery to message brokers, webhooks or search indexes on other systems.
 *
 * <p>Delivery is at least once. {@link #drain} locks the oldest rows with {@code SELECT ... FOR
 * UPDATE SKIP LOCKED}, hands them to the handler and deletes them in the same transaction; if the
 * handler throws, nothing is deleted and the rows come again. There is no "id greater than the last
 * seen" cursor, so a row whose sequence value commits late (a slow transaction) is delivered later
 * instead of being skipped. Consumers on several nodes get disjoint batches. Order is by id, which
 * only approximates commit order: handlers should use each event's ticket id and version (and
 * re-read the ticket if they need its current state). Thread-safe.
 */
public final class JdbcOutbox {
  private static final FrontlineOutbox O = FRONTLINE_OUTBOX;

  private final Db db;

  JdbcOutbox(Db db) {
    this.db = db;
  }

  /**
   * Delivers up to {@code limit} pending events to {@code handler} and removes them once it
   * returns. The handler runs inside the database transaction that holds the rows: keep it short.
   *
   * @param limit at most this many events
   * @param handler receives the events, oldest id first; if it throws, the events stay pending
   *     and its exception is rethrown
   * @return the number of events delivered (0 if none were pending or free)
   */
  public int drain(int limit, Consumer<List<TicketEvent>> handler) {
    if (limit < 1) {
      throw new ValidationException("limit must be positive");
    }
    Objects.requireNonNull(handler, "handler");
    RuntimeException[] failure = new RuntimeException[1];
    try {
      return drain(limit, handler, failure);
    } catch (RuntimeException e) {
      // the transaction was rolled back; report the handler's own exception, not a wrapper
      throw failure[0] != null ? failure[0] : e;
    }
  }

  private int drain(int limit, Consumer<List<TicketEvent>> handler, RuntimeException[] failure) {
    // no automatic retry: the handler may already have published the events
    return db.tx(
        tx -> {
          var rows =
              tx.select(O.ID, O.EVENT).from(O).orderBy(O.ID).limit(limit).forUpdate().skipLocked().fetch();
          if (rows.isEmpty()) {
            return 0;
          }
          List<TicketEvent> events = new ArrayList<>(rows.size());
          List<Long> ids = new ArrayList<>(rows.size());
          for (var r : rows) {
            ids.add(r.value1());
            events.add(TicketFormat.readEvent(r.value2()));
          }
          try {
            handler.accept(List.copyOf(events));
          } catch (RuntimeException e) {
            failure[0] = e;
            throw e;
          }
          // one primary-key lookup per row: an IN list may be run as a range scan that locks rows
          // other consumers hold (seen as deadlocks on MariaDB)
          tx.batch(ids.stream().map(id -> tx.deleteFrom(O).where(O.ID.eq(id))).toList()).execute();
          return events.size();
        },
        false,
        true);
  }

  /** @return the number of events waiting (including ones being delivered right now) */
  public long pending() {
    return db.call(() -> (long) db.dsl().fetchCount(O));
  }
}
