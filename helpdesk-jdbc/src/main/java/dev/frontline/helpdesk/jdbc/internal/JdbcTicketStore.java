package dev.frontline.helpdesk.jdbc.internal;

import dev.frontline.helpdesk.jackson.format.TicketFormat;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.selectOne;

import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.ConflictException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.jdbc.JdbcDialect;
import dev.frontline.helpdesk.jdbc.internal.schema.Tables;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineKeySequences;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineOutbox;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineTicketEvents;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineTicketTags;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineTickets;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketCursor;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketPage;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketSort;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.Record8;
import org.jspecify.annotations.Nullable;

/**
 * {@link TicketStore} on jOOQ. Every call is one statement or one transaction. Writes validate in
 * the same order as the in-memory reference, then write with {@code UPDATE ... WHERE id = ? AND
 * version = ?}, checking the row count, so concurrent writers on any number of nodes cannot lose
 * updates. Queries push filters, visibility and the keyset position into SQL with bind values.
 * Thread-safe.
 */
public final class JdbcTicketStore implements TicketStore {
  private static final FrontlineTickets TICKETS = Tables.FRONTLINE_TICKETS;
  private static final FrontlineTicketTags TAGS = Tables.FRONTLINE_TICKET_TAGS;
  private static final FrontlineTicketEvents EVENTS = Tables.FRONTLINE_TICKET_EVENTS;
  private static final FrontlineKeySequences SEQUENCES = Tables.FRONTLINE_KEY_SEQUENCES;

  private static final FrontlineOutbox OUTBOX = Tables.FRONTLINE_OUTBOX;

  private final Db db;
  private final boolean outbox;

  /**
   * @param db the database
   * @param outbox whether to copy every event into {@code frontline_outbox} in its transaction
   */
  public JdbcTicketStore(Db db, boolean outbox) {
    this.db = db;
    this.outbox = outbox;
  }

  @Override
  public long nextKeyNumber(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    for (int attempt = 1; attempt <= 5; attempt++) {
      // the counting transaction only touches an existing row (one row lock, no gap locks on
      // MariaDB), so concurrent callers queue on that lock instead of deadlocking
      Long n =
          db.tx(
              tx -> {
                int updated =
                    tx.update(SEQUENCES)
                        .set(SEQUENCES.LAST_NUMBER, SEQUENCES.LAST_NUMBER.plus(1L))
                        .where(SEQUENCES.PREFIX.eq(prefix))
                        .execute();
                if (updated == 0) {
                  return null;
                }
                return tx.select(SEQUENCES.LAST_NUMBER)
                    .from(SEQUENCES)
                    .where(SEQUENCES.PREFIX.eq(prefix))
                    .fetchOne(SEQUENCES.LAST_NUMBER);
              });
      if (n != null) {
        return n;
      }
      // first use of the prefix: create its row at 0 in a statement of its own (losing that race
      // to another caller means the row is there), then count on it
      db.insertIgnore(
          dsl ->
              dsl.insertInto(SEQUENCES, SEQUENCES.PREFIX, SEQUENCES.LAST_NUMBER)
                  .values(prefix, 0L)
                  .onDuplicateKeyIgnore()
                  .execute());
    }
    throw new StorageException("key sequence " + prefix + ": the row kept disappearing");
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
    Objects.requireNonNull(updates, "updates");
    Objects.requireNonNull(creates, "creates");
    for (Create c : creates) {
      checkEvents(c.ticket(), 0, c.events());
    }
    db.tx(
        tx -> {
          // validate everything first, in the reference's order, then write
          Set<TicketId> seen = new HashSet<>();
          Map<TicketId, MetricsColumns> metrics = new HashMap<>();
          Set<TicketId> legacy = new HashSet<>();
          Set<TicketKey> newKeys = new HashSet<>();
          for (Create c : creates) {
            Ticket t = c.ticket();
            // one round trip for both uniqueness checks; the unique indexes remain the real guard
            List<String> clashes =
                tx.select(TICKETS.ID)
                    .from(TICKETS)
                    .where(
                        TICKETS.ID.eq(t.id().value())
                            .or(TICKETS.KEY_PREFIX.eq(t.key().prefix()).and(TICKETS.KEY_NUMBER.eq(t.key().number()))))
                    .fetch(TICKETS.ID);
            if (!seen.add(t.id()) || clashes.contains(t.id().value())) {
              throw new ConflictException("a ticket with this id already exists");
            }
            if (!newKeys.add(t.key()) || !clashes.isEmpty()) {
              throw new ConflictException("a ticket with key " + t.key() + " already exists");
            }
          }
          for (Update u : updates) {
            Ticket t = u.ticket();
            Record8<Long, String, Long, Integer, Integer, Long, Long, String> current =
                tx.select(
                        TICKETS.VERSION,
                        TICKETS.KEY_PREFIX,
                        TICKETS.KEY_NUMBER,
                        TICKETS.METRICS_V,
                        TICKETS.CREATED_TIER,
                        TICKETS.FIRST_SOLVED_AT_NS,
                        TICKETS.FIRST_REOPEN_AT_NS,
                        TICKETS.STATE)
                    .from(TICKETS)
                    .where(TICKETS.ID.eq(t.id().value()))
                    .fetchOne();
            if (current == null) {
              throw new NotFoundException("ticket not found");
            }
            if (!seen.add(t.id())) {
              throw new ValidationException("one ticket updated twice in one call");
            }
            TicketKey currentKey = new TicketKey(current.value2(), current.value3());
            if (current.value1() != u.expectedVersion()) {
              throw new ConcurrentModificationException(
                  "ticket " + currentKey + " is at version " + current.value1() + ", not " + u.expectedVersion());
            }
            if (!currentKey.equals(t.key())) {
              throw new ValidationException("the ticket key cannot change");
            }
            checkEvents(t, u.expectedVersion(), u.events());
            if (current.value4() == null) {
              // a row written before the current metrics columns (metrics_v NULL): fold its whole history once
              metrics.put(t.id(), new MetricsColumns().fold(history(tx, t.id())).fold(u.events()));
              legacy.add(t.id());
            } else {
              metrics.put(
                  t.id(),
                  new MetricsColumns(current.value5(), current.value6(), current.value7(), TicketState.valueOf(current.value8()))
                      .fold(u.events()));
            }
          }
          for (Create c : creates) {
            MetricsColumns m = new MetricsColumns().fold(c.events());
            Map<Field<?>, Object> cols = columns(c.ticket());
            m.putInto(cols, c.ticket());
            tx.insertInto(TICKETS).set(cols).execute();
            insertTags(tx, c.ticket());
            insertEvents(tx, c.events());
            m.insertCsat(tx, c.ticket().id().value());
            m.writeInactive(tx, c.ticket().id().value());
          }
          // write in id order, so that two calls touching the same tickets lock them in one order
          List<Update> ordered = new ArrayList<>(updates);
          ordered.sort(java.util.Comparator.comparing((Update u) -> u.ticket().id()));
          for (Update u : ordered) {
            Ticket t = u.ticket();
            Map<Field<?>, Object> cols = columns(t);
            cols.remove(TICKETS.ID);
            MetricsColumns m = Objects.requireNonNull(metrics.get(t.id()));
            m.putInto(cols, t);
            int n =
                tx.update(TICKETS)
                    .set(cols)
                    .where(TICKETS.ID.eq(t.id().value()).and(TICKETS.VERSION.eq(u.expectedVersion())))
                    .execute();
            if (n != 1) {
              // changed by someone else between our read and our write
              throw new ConcurrentModificationException(
                  "ticket " + t.key() + " was changed concurrently; expected version " + u.expectedVersion());
            }
            tx.deleteFrom(TAGS).where(TAGS.TICKET_ID.eq(t.id().value())).execute();
            insertTags(tx, t);
            insertEvents(tx, u.events());
            if (legacy.contains(t.id())) {
              MetricsColumns.deleteDerivedRows(tx, t.id().value());
            }
            m.insertCsat(tx, t.id().value());
            m.writeInactive(tx, t.id().value());
          }
          return null;
        });
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

  private static void insertTags(DSLContext tx, Ticket t) {
    if (t.tags().isEmpty()) {
      return;
    }
    var insert =
        tx.insertInto(TAGS, TAGS.TICKET_ID, TAGS.TAG);
    for (String tag : t.tags()) {
      insert = insert.values(t.id().value(), tag);
    }
    insert.execute();
  }

  private void insertEvents(DSLContext tx, List<TicketEvent> events) {
    var insert =
        tx.insertInto(
            EVENTS,
            EVENTS.TICKET_ID,
            EVENTS.VERSION,
            EVENTS.AT_MS,
            EVENTS.KIND,
            EVENTS.EVENT);
    var box = tx.insertInto(OUTBOX, OUTBOX.TICKET_ID, OUTBOX.VERSION, OUTBOX.KIND, OUTBOX.EVENT);
    for (TicketEvent e : events) {
      String json = TicketFormat.writeEvent(e);
      String kind = TicketFormat.changeKind(e.change());
      insert = insert.values(e.ticketId().value(), e.version(), e.at().toEpochMilli(), kind, json);
      box = box.values(e.ticketId().value(), e.version(), kind, json);
    }
    insert.execute();
    if (outbox) {
      box.execute();
    }
  }

  private static Map<Field<?>, Object> columns(Ticket t) {
    Map<Field<?>, Object> m = new LinkedHashMap<>();
    m.put(TICKETS.ID, t.id().value());
    m.put(TICKETS.KEY_PREFIX, t.key().prefix());
    m.put(TICKETS.KEY_NUMBER, t.key().number());
    m.put(TICKETS.VERSION, t.version());
    m.put(TICKETS.STATE, t.state().name());
    m.put(TICKETS.PRIORITY, t.priority().name());
    m.put(TICKETS.TICKET_TYPE, t.type().name());
    m.put(TICKETS.CHANNEL, t.channel().name());
    m.put(TICKETS.REQUESTER, t.requester().value());
    m.put(TICKETS.ORGANIZATION, t.organization() == null ? null : t.organization().value());
    m.put(TICKETS.TEAM, t.team() == null ? null : t.team().value());
    m.put(TICKETS.TIER, t.tier());
    m.put(TICKETS.ASSIGNEE, t.assignee() == null ? null : t.assignee().value());
    m.put(TICKETS.CREATED_AT_NS, nanos(t.createdAt()));
    m.put(TICKETS.UPDATED_AT_MS, t.updatedAt().toEpochMilli());
    m.put(TICKETS.NEXT_DEADLINE_MS, t.nextDeadline() == null ? null : t.nextDeadline().toEpochMilli());
    m.put(TICKETS.SLA_MASK, t.slaMask());
    for (TicketSort s : TicketSort.values()) {
      m.put(sortKey(s), s.key(t));
    }
    m.put(TICKETS.SNAPSHOT, TicketFormat.writeTicket(t));
    return m;
  }

  /** Epoch nanoseconds, saturated outside the years 1677-2262 (order is kept inside them). */
  static long nanos(Instant i) {
    try {
      return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
    } catch (ArithmeticException e) {
      return i.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  static Field<Long> sortKey(TicketSort sort) {
    return switch (sort) {
      case CREATED_ASC -> TICKETS.SK_CREATED_ASC;
      case CREATED_DESC -> TICKETS.SK_CREATED_DESC;
      case UPDATED_ASC -> TICKETS.SK_UPDATED_ASC;
      case UPDATED_DESC -> TICKETS.SK_UPDATED_DESC;
      case PRIORITY_DESC -> TICKETS.SK_PRIORITY_DESC;
      case DEADLINE_ASC -> TICKETS.SK_DEADLINE_ASC;
    };
  }

  @Override
  public Optional<Ticket> find(TicketId id) {
    Objects.requireNonNull(id, "id");
    return db.call(
        () ->
            db.dsl()
                .select(TICKETS.SNAPSHOT)
                .from(TICKETS)
                .where(TICKETS.ID.eq(id.value()))
                .fetchOptional(TICKETS.SNAPSHOT)
                .map(TicketFormat::readTicket));
  }

  @Override
  public Optional<Ticket> findByKey(TicketKey key) {
    Objects.requireNonNull(key, "key");
    return db.call(
        () ->
            db.dsl()
                .select(TICKETS.SNAPSHOT)
                .from(TICKETS)
                .where(TICKETS.KEY_PREFIX.eq(key.prefix()).and(TICKETS.KEY_NUMBER.eq(key.number())))
                .fetchOptional(TICKETS.SNAPSHOT)
                .map(TicketFormat::readTicket));
  }

  /** The stored history, read inside a transaction. */
  static List<TicketEvent> history(DSLContext tx, TicketId id) {
    return tx.select(EVENTS.EVENT)
        .from(EVENTS)
        .where(EVENTS.TICKET_ID.eq(id.value()))
        .orderBy(EVENTS.VERSION.asc())
        .fetch(EVENTS.EVENT)
        .stream()
        .map(TicketFormat::readEvent)
        .toList();
  }

  /**
   * Fills the metrics columns of up to {@code limit} rows with {@code metrics_v} NULL (written
   * before schema V2, or marked by V5 or V7 for a refold) from their snapshot and history, each in
   * its own transaction.
   *
   * @param limit rows per call
   * @return the number of rows filled by this call (0 when none is left)
   */
  int backfillMetrics(int limit) {
    List<String> ids =
        db.call(() -> db.dsl().select(TICKETS.ID).from(TICKETS).where(TICKETS.METRICS_V.isNull()).limit(limit).fetch(TICKETS.ID));
    int filled = 0;
    for (String id : ids) {
      filled +=
          db.tx(
          tx -> {
            String json =
                tx.select(TICKETS.SNAPSHOT).from(TICKETS).where(TICKETS.ID.eq(id).and(TICKETS.METRICS_V.isNull())).fetchOne(TICKETS.SNAPSHOT);
            if (json == null) {
              return 1; // filled meanwhile by a ticket write
            }
            Ticket t = TicketFormat.readTicket(json);
            MetricsColumns m = new MetricsColumns().fold(history(tx, t.id()));
            Map<Field<?>, Object> cols = new LinkedHashMap<>();
            m.putInto(cols, t);
            int n =
                tx.update(TICKETS)
                    .set(cols)
                    .where(TICKETS.ID.eq(id).and(TICKETS.METRICS_V.isNull()).and(TICKETS.VERSION.eq(t.version())))
                    .execute();
            if (n == 1) {
              MetricsColumns.deleteDerivedRows(tx, id);
              m.insertCsat(tx, id);
              m.writeInactive(tx, id);
            }
            return n;
          });
    }
    return filled;
  }

  @Override
  public List<TicketEvent> history(TicketId id) {
    Objects.requireNonNull(id, "id");
    return db.call(
        () ->
            db.dsl()
                .select(EVENTS.EVENT)
                .from(EVENTS)
                .where(EVENTS.TICKET_ID.eq(id.value()))
                .orderBy(EVENTS.VERSION.asc())
                .fetch(EVENTS.EVENT)
                .stream()
                .map(TicketFormat::readEvent)
                .toList());
  }

  @Override
  public TicketPage query(TicketQuery query, TicketVisibility visibility) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(visibility, "visibility");
    TicketCursor cursor = query.after() == null ? null : TicketCursor.decode(query.after(), query.sort());
    if (visibility.isNone()) {
      return new TicketPage(List.of(), null);
    }
    Field<Long> sk = sortKey(query.sort());
    Condition where = filters(query).and(visible(visibility));
    if (cursor != null) {
      where = where.and(row(sk, TICKETS.ID).gt(cursor.key(), cursor.id().value()));
    }
    Condition w = where;
    List<Ticket> rows =
        db.call(
            () ->
                db.dsl()
                    .select(TICKETS.SNAPSHOT)
                    .from(TICKETS)
                    .where(w)
                    .orderBy(sk.asc(), TICKETS.ID.asc())
                    .limit(query.limit() + 1)
                    .fetch(TICKETS.SNAPSHOT)
                    .stream()
                    .map(TicketFormat::readTicket)
                    .toList());
    if (rows.size() <= query.limit()) {
      return new TicketPage(rows, null);
    }
    List<Ticket> page = rows.subList(0, query.limit());
    return new TicketPage(page, TicketCursor.after(page.get(page.size() - 1), query.sort()).encode());
  }

  @Override
  public long count(TicketQuery query, TicketVisibility visibility) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(visibility, "visibility");
    if (visibility.isNone()) {
      return 0;
    }
    Condition where = filters(query).and(visible(visibility));
    return db.call(
        () -> {
          Long n = db.dsl().selectCount().from(TICKETS).where(where).fetchOne(0, Long.class);
          return n == null ? 0L : n;
        });
  }

  private static <T> List<String> names(Collection<T> values, Function<T, String> f) {
    List<String> out = new ArrayList<>(values.size());
    for (T v : values) {
      out.add(f.apply(v));
    }
    out.sort(null); // stable SQL text for statement caches
    return out;
  }

  static Condition filters(TicketQuery q) {
    Condition c = noCondition();
    if (!q.states().isEmpty()) {
      c = c.and(TICKETS.STATE.in(names(q.states(), Enum::name)));
    }
    if (!q.priorities().isEmpty()) {
      c = c.and(TICKETS.PRIORITY.in(names(q.priorities(), Enum::name)));
    }
    if (!q.teams().isEmpty()) {
      c = c.and(TICKETS.TEAM.in(names(q.teams(), t -> t.value())));
    }
    if (!q.tiers().isEmpty()) {
      c = c.and(TICKETS.TIER.in(q.tiers()));
    }
    if (q.assignee() != null) {
      c = c.and(TICKETS.ASSIGNEE.eq(q.assignee().value()));
    }
    if (q.unassigned()) {
      c = c.and(TICKETS.ASSIGNEE.isNull());
    }
    if (q.requester() != null) {
      c = c.and(TICKETS.REQUESTER.eq(q.requester().value()));
    }
    if (q.organization() != null) {
      c = c.and(TICKETS.ORGANIZATION.eq(q.organization().value()));
    }
    if (!q.channels().isEmpty()) {
      c = c.and(TICKETS.CHANNEL.in(names(q.channels(), Enum::name)));
    }
    for (String tag : names(q.tagsAll(), Function.identity())) {
      c =
          c.and(
              exists(
                  selectOne()
                      .from(TAGS)
                      .where(TAGS.TICKET_ID.eq(TICKETS.ID).and(TAGS.TAG.eq(tag)))));
    }
    if (q.createdFrom() != null) {
      c = c.and(TICKETS.CREATED_AT_NS.ge(nanos(q.createdFrom())));
    }
    if (!q.slaStatuses().isEmpty()) {
      c = c.and(org.jooq.impl.DSL.bitAnd(TICKETS.SLA_MASK, q.slaStatusMask()).ne(0));
    }
    if (q.slaWarned()) {
      c = c.and(org.jooq.impl.DSL.bitAnd(TICKETS.SLA_MASK, 1 << Ticket.SLA_WARNED_BIT).ne(0));
    }
    if (q.createdBefore() != null) {
      c = c.and(TICKETS.CREATED_AT_NS.lt(nanos(q.createdBefore())));
    }
    return c;
  }

  /** The OR of the visibility sets, as in {@link TicketVisibility#matches}. */
  static Condition visible(TicketVisibility v) {
    if (v.all()) {
      return noCondition();
    }
    Condition c = falseCondition();
    if (!v.assignees().isEmpty()) {
      c = c.or(TICKETS.ASSIGNEE.in(names(v.assignees(), a -> a.value())));
    }
    if (!v.teams().isEmpty()) {
      c = c.or(TICKETS.TEAM.in(names(v.teams(), t -> t.value())));
    }
    if (!v.tiers().isEmpty()) {
      c = c.or(TICKETS.TIER.in(v.tiers()));
    }
    if (!v.requesters().isEmpty()) {
      c = c.or(TICKETS.REQUESTER.in(names(v.requesters(), r -> r.value())));
    }
    if (!v.organizations().isEmpty()) {
      c = c.or(TICKETS.ORGANIZATION.in(names(v.organizations(), o -> o.value())));
    }
    return c;
  }

  @Override
  public List<Ticket> due(Instant now, @Nullable Instant afterDeadline, @Nullable TicketId afterId, int limit) {
    Objects.requireNonNull(now, "now");
    if (limit < 1) {
      throw new ValidationException("limit must be positive");
    }
    // "<=" already excludes NULL (and implies the partial index's predicate on PostgreSQL)
    Condition where = TICKETS.NEXT_DEADLINE_MS.le(now.toEpochMilli());
    if (afterDeadline != null && afterId != null) {
      where = where.and(row(TICKETS.NEXT_DEADLINE_MS, TICKETS.ID).gt(afterDeadline.toEpochMilli(), afterId.value()));
    }
    Condition w = where;
    if (db.dialect() != JdbcDialect.POSTGRES) {
      return db.call(
          () ->
              db.dsl()
                  .select(TICKETS.SNAPSHOT)
                  .from(TICKETS)
                  .where(w)
                  .orderBy(TICKETS.NEXT_DEADLINE_MS.asc(), TICKETS.ID.asc())
                  .limit(limit)
                  .fetch(TICKETS.SNAPSHOT)
                  .stream()
                  .map(TicketFormat::readTicket)
                  .toList());
    }
    // PostgreSQL: with statistics that underestimate the due rows (deadlines pass without the rows
    // changing, so ANALYZE has not seen them due), the page is planned as a bitmap scan of every
    // due row plus a top-N sort: its cost grows with the number due, not with the page (32 ms for
    // 10,000 due of 1,000,000 against 3 ms). So the ids are taken from the (next_deadline_ms, id)
    // index in order, with bitmap scans switched off for this one transaction, and the snapshots
    // are then fetched by primary key for just this page.
    Table<?> page =
        db.dsl()
            .select(TICKETS.ID, TICKETS.NEXT_DEADLINE_MS)
            .from(TICKETS)
            .where(w)
            .orderBy(TICKETS.NEXT_DEADLINE_MS.asc(), TICKETS.ID.asc())
            .limit(limit)
            .asTable("due_page");
    Field<String> pageId = page.field(TICKETS.ID);
    Field<Long> pageDeadline = page.field(TICKETS.NEXT_DEADLINE_MS);
    FrontlineTickets t = TICKETS.as("t");
    List<String> snapshots =
        db.tx(
            ctx -> {
              ctx.execute("set local enable_bitmapscan = off");
              return ctx.select(t.SNAPSHOT)
                  .from(t)
                  .join(page)
                  .on(t.ID.eq(pageId))
                  .orderBy(pageDeadline.asc(), pageId.asc())
                  .fetch(t.SNAPSHOT);
            },
            true,
            false);
    return snapshots.stream().map(TicketFormat::readTicket).toList();
  }
}
