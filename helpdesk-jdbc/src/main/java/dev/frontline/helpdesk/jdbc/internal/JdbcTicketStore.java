package dev.frontline.helpdesk.jdbc.internal;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.selectOne;

import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.ConflictException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.jdbc.internal.Tables.KeySequences;
import dev.frontline.helpdesk.jdbc.internal.Tables.TicketEvents;
import dev.frontline.helpdesk.jdbc.internal.Tables.TicketTags;
import dev.frontline.helpdesk.jdbc.internal.Tables.Tickets;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketCursor;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketPage;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketSort;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
import org.jooq.InsertValuesStep2;
import org.jooq.InsertValuesStep5;
import org.jooq.Record;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * {@link TicketStore} on jOOQ. Every call is one statement or one transaction. Writes validate in
 * the same order as the in-memory reference, then write with {@code UPDATE ... WHERE id = ? AND
 * version = ?}, checking the row count, so concurrent writers on any number of nodes cannot lose
 * updates. Queries push filters, visibility and the keyset position into SQL with bind values.
 * Thread-safe.
 */
public final class JdbcTicketStore implements TicketStore {
  /** {@code frontline_tickets.id} qualified, for correlated subqueries. */
  private static final Field<String> QUALIFIED_ID =
      DSL.field(DSL.unquotedName("frontline_tickets", "id"), String.class);

  private final Db db;

  /** @param db the database */
  public JdbcTicketStore(Db db) {
    this.db = db;
  }

  @Override
  public long nextKeyNumber(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    for (int attempt = 1; ; attempt++) {
      try {
        return db.tx(
            tx -> {
              // portable "upsert": jOOQ's MERGE emulation on H2 is ambiguous with unqualified names
              int updated =
                  tx.update(KeySequences.T)
                      .set(KeySequences.LAST_NUMBER, KeySequences.LAST_NUMBER.plus(1L))
                      .where(KeySequences.PREFIX.eq(prefix))
                      .execute();
              if (updated == 0) {
                tx.insertInto(KeySequences.T, KeySequences.PREFIX, KeySequences.LAST_NUMBER).values(prefix, 1L).execute();
              }
              Long n =
                  tx.select(KeySequences.LAST_NUMBER)
                      .from(KeySequences.T)
                      .where(KeySequences.PREFIX.eq(prefix))
                      .fetchOne(KeySequences.LAST_NUMBER);
              return Objects.requireNonNull(n, "sequence row vanished");
            });
      } catch (ConflictException e) {
        // two first-time inserts of the same prefix raced: the row exists now, so update it
        if (attempt >= 5 || !Db.isUniqueViolation(e)) {
          throw e;
        }
      }
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
    Objects.requireNonNull(updates, "updates");
    Objects.requireNonNull(creates, "creates");
    for (Create c : creates) {
      checkEvents(c.ticket(), 0, c.events());
    }
    db.tx(
        tx -> {
          // validate everything first, in the reference's order, then write
          Set<TicketId> seen = new HashSet<>();
          Set<TicketKey> newKeys = new HashSet<>();
          for (Create c : creates) {
            Ticket t = c.ticket();
            if (!seen.add(t.id()) || tx.fetchExists(Tickets.T, Tickets.ID.eq(t.id().value()))) {
              throw new ConflictException("a ticket with this id already exists");
            }
            if (!newKeys.add(t.key())
                || tx.fetchExists(
                    Tickets.T, Tickets.KEY_PREFIX.eq(t.key().prefix()).and(Tickets.KEY_NUMBER.eq(t.key().number())))) {
              throw new ConflictException("a ticket with key " + t.key() + " already exists");
            }
          }
          for (Update u : updates) {
            Ticket t = u.ticket();
            Record3<Long, String, Long> current =
                tx.select(Tickets.VERSION, Tickets.KEY_PREFIX, Tickets.KEY_NUMBER)
                    .from(Tickets.T)
                    .where(Tickets.ID.eq(t.id().value()))
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
          }
          for (Create c : creates) {
            tx.insertInto(Tickets.T).set(columns(c.ticket())).execute();
            insertTags(tx, c.ticket());
            insertEvents(tx, c.events());
          }
          // write in id order, so that two calls touching the same tickets lock them in one order
          List<Update> ordered = new ArrayList<>(updates);
          ordered.sort(java.util.Comparator.comparing((Update u) -> u.ticket().id()));
          for (Update u : ordered) {
            Ticket t = u.ticket();
            Map<Field<?>, Object> cols = columns(t);
            cols.remove(Tickets.ID);
            int n =
                tx.update(Tickets.T)
                    .set(cols)
                    .where(Tickets.ID.eq(t.id().value()).and(Tickets.VERSION.eq(u.expectedVersion())))
                    .execute();
            if (n != 1) {
              // changed by someone else between our read and our write
              throw new ConcurrentModificationException(
                  "ticket " + t.key() + " was changed concurrently; expected version " + u.expectedVersion());
            }
            tx.deleteFrom(TicketTags.T).where(TicketTags.TICKET_ID.eq(t.id().value())).execute();
            insertTags(tx, t);
            insertEvents(tx, u.events());
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
    InsertValuesStep2<Record, String, String> insert =
        tx.insertInto(TicketTags.T, TicketTags.TICKET_ID, TicketTags.TAG);
    for (String tag : t.tags()) {
      insert = insert.values(t.id().value(), tag);
    }
    insert.execute();
  }

  private static void insertEvents(DSLContext tx, List<TicketEvent> events) {
    InsertValuesStep5<Record, String, Long, Long, String, String> insert =
        tx.insertInto(
            TicketEvents.T,
            TicketEvents.TICKET_ID,
            TicketEvents.VERSION,
            TicketEvents.AT_MS,
            TicketEvents.KIND,
            TicketEvents.EVENT);
    for (TicketEvent e : events) {
      insert =
          insert.values(
              e.ticketId().value(), e.version(), e.at().toEpochMilli(), JsonCodec.kind(e.change()), JsonCodec.event(e));
    }
    insert.execute();
  }

  private static Map<Field<?>, Object> columns(Ticket t) {
    Map<Field<?>, Object> m = new LinkedHashMap<>();
    m.put(Tickets.ID, t.id().value());
    m.put(Tickets.KEY_PREFIX, t.key().prefix());
    m.put(Tickets.KEY_NUMBER, t.key().number());
    m.put(Tickets.VERSION, t.version());
    m.put(Tickets.STATE, t.state().name());
    m.put(Tickets.PRIORITY, t.priority().name());
    m.put(Tickets.TYPE, t.type().name());
    m.put(Tickets.CHANNEL, t.channel().name());
    m.put(Tickets.REQUESTER, t.requester().value());
    m.put(Tickets.ORGANIZATION, t.organization() == null ? null : t.organization().value());
    m.put(Tickets.TEAM, t.team() == null ? null : t.team().value());
    m.put(Tickets.TIER, t.tier());
    m.put(Tickets.ASSIGNEE, t.assignee() == null ? null : t.assignee().value());
    m.put(Tickets.CREATED_AT_NS, nanos(t.createdAt()));
    m.put(Tickets.UPDATED_AT_MS, t.updatedAt().toEpochMilli());
    m.put(Tickets.NEXT_DEADLINE_MS, t.nextDeadline() == null ? null : t.nextDeadline().toEpochMilli());
    for (TicketSort s : TicketSort.values()) {
      m.put(sortKey(s), s.key(t));
    }
    m.put(Tickets.SNAPSHOT, JsonCodec.ticket(t));
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
      case CREATED_ASC -> Tickets.SK_CREATED_ASC;
      case CREATED_DESC -> Tickets.SK_CREATED_DESC;
      case UPDATED_ASC -> Tickets.SK_UPDATED_ASC;
      case UPDATED_DESC -> Tickets.SK_UPDATED_DESC;
      case PRIORITY_DESC -> Tickets.SK_PRIORITY_DESC;
      case DEADLINE_ASC -> Tickets.SK_DEADLINE_ASC;
    };
  }

  @Override
  public Optional<Ticket> find(TicketId id) {
    Objects.requireNonNull(id, "id");
    return db.call(
        () ->
            db.dsl()
                .select(Tickets.SNAPSHOT)
                .from(Tickets.T)
                .where(Tickets.ID.eq(id.value()))
                .fetchOptional(Tickets.SNAPSHOT)
                .map(JsonCodec::ticket));
  }

  @Override
  public Optional<Ticket> findByKey(TicketKey key) {
    Objects.requireNonNull(key, "key");
    return db.call(
        () ->
            db.dsl()
                .select(Tickets.SNAPSHOT)
                .from(Tickets.T)
                .where(Tickets.KEY_PREFIX.eq(key.prefix()).and(Tickets.KEY_NUMBER.eq(key.number())))
                .fetchOptional(Tickets.SNAPSHOT)
                .map(JsonCodec::ticket));
  }

  @Override
  public List<TicketEvent> history(TicketId id) {
    Objects.requireNonNull(id, "id");
    return db.call(
        () ->
            db.dsl()
                .select(TicketEvents.EVENT)
                .from(TicketEvents.T)
                .where(TicketEvents.TICKET_ID.eq(id.value()))
                .orderBy(TicketEvents.VERSION.asc())
                .fetch(TicketEvents.EVENT)
                .stream()
                .map(JsonCodec::event)
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
      where = where.and(row(sk, Tickets.ID).gt(cursor.key(), cursor.id().value()));
    }
    Condition w = where;
    List<Ticket> rows =
        db.call(
            () ->
                db.dsl()
                    .select(Tickets.SNAPSHOT)
                    .from(Tickets.T)
                    .where(w)
                    .orderBy(sk.asc(), Tickets.ID.asc())
                    .limit(query.limit() + 1)
                    .fetch(Tickets.SNAPSHOT)
                    .stream()
                    .map(JsonCodec::ticket)
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
          Long n = db.dsl().selectCount().from(Tickets.T).where(where).fetchOne(0, Long.class);
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
      c = c.and(Tickets.STATE.in(names(q.states(), Enum::name)));
    }
    if (!q.priorities().isEmpty()) {
      c = c.and(Tickets.PRIORITY.in(names(q.priorities(), Enum::name)));
    }
    if (!q.teams().isEmpty()) {
      c = c.and(Tickets.TEAM.in(names(q.teams(), t -> t.value())));
    }
    if (!q.tiers().isEmpty()) {
      c = c.and(Tickets.TIER.in(q.tiers()));
    }
    if (q.assignee() != null) {
      c = c.and(Tickets.ASSIGNEE.eq(q.assignee().value()));
    }
    if (q.unassigned()) {
      c = c.and(Tickets.ASSIGNEE.isNull());
    }
    if (q.requester() != null) {
      c = c.and(Tickets.REQUESTER.eq(q.requester().value()));
    }
    if (q.organization() != null) {
      c = c.and(Tickets.ORGANIZATION.eq(q.organization().value()));
    }
    if (!q.channels().isEmpty()) {
      c = c.and(Tickets.CHANNEL.in(names(q.channels(), Enum::name)));
    }
    for (String tag : names(q.tagsAll(), Function.identity())) {
      c =
          c.and(
              exists(
                  selectOne()
                      .from(TicketTags.T)
                      .where(TicketTags.TICKET_ID.eq(QUALIFIED_ID).and(TicketTags.TAG.eq(tag)))));
    }
    if (q.createdFrom() != null) {
      c = c.and(Tickets.CREATED_AT_NS.ge(nanos(q.createdFrom())));
    }
    if (q.createdBefore() != null) {
      c = c.and(Tickets.CREATED_AT_NS.lt(nanos(q.createdBefore())));
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
      c = c.or(Tickets.ASSIGNEE.in(names(v.assignees(), a -> a.value())));
    }
    if (!v.teams().isEmpty()) {
      c = c.or(Tickets.TEAM.in(names(v.teams(), t -> t.value())));
    }
    if (!v.tiers().isEmpty()) {
      c = c.or(Tickets.TIER.in(v.tiers()));
    }
    if (!v.requesters().isEmpty()) {
      c = c.or(Tickets.REQUESTER.in(names(v.requesters(), r -> r.value())));
    }
    if (!v.organizations().isEmpty()) {
      c = c.or(Tickets.ORGANIZATION.in(names(v.organizations(), o -> o.value())));
    }
    return c;
  }

  @Override
  public List<Ticket> due(Instant now, @Nullable Instant afterDeadline, @Nullable TicketId afterId, int limit) {
    Objects.requireNonNull(now, "now");
    if (limit < 1) {
      throw new ValidationException("limit must be positive");
    }
    Condition where = Tickets.NEXT_DEADLINE_MS.isNotNull().and(Tickets.NEXT_DEADLINE_MS.le(now.toEpochMilli()));
    if (afterDeadline != null && afterId != null) {
      where = where.and(row(Tickets.NEXT_DEADLINE_MS, Tickets.ID).gt(afterDeadline.toEpochMilli(), afterId.value()));
    }
    Condition w = where;
    return db.call(
        () ->
            db.dsl()
                .select(Tickets.SNAPSHOT)
                .from(Tickets.T)
                .where(w)
                .orderBy(Tickets.NEXT_DEADLINE_MS.asc(), Tickets.ID.asc())
                .limit(limit)
                .fetch(Tickets.SNAPSHOT)
                .stream()
                .map(JsonCodec::ticket)
                .toList());
  }
}
