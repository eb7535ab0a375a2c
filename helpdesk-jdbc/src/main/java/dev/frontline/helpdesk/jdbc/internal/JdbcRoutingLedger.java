package dev.frontline.helpdesk.jdbc.internal;

import dev.frontline.helpdesk.ConflictException;
import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.jdbc.internal.schema.Tables;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineRoutingAgents;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineRoutingHeld;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineRoutingSlots;
import dev.frontline.helpdesk.routing.Capacity;
import dev.frontline.helpdesk.spi.RoutingLedger;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.TicketId;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record4;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * {@link RoutingLedger} on jOOQ (schema V6), shared by the routers of every node on the database.
 *
 * <ul>
 *   <li>Slots: {@code frontline_routing_slots}, primary key ticket, indexed by (agent, channel,
 *       weight); loads are aggregated from it, so they always agree with the slots.
 *   <li>{@link #reserve}: one transaction that locks the agent's row in {@code
 *       frontline_routing_agents} ({@code SELECT … FOR UPDATE}; the row is created by an
 *       insert-ignore on the agent's first reservation, in its own statement), reads the agent's
 *       load, checks it with {@link Load#fits}, inserts the slot ignoring a duplicate ticket (a
 *       ticket that got a slot in between) and deletes the held row. Reservations for one agent
 *       therefore run one at a time on every node and each sees the slots of the ones before it;
 *       reservations for different agents do not wait for each other. Each transaction locks one
 *       agent row and nothing before it, so reservations do not deadlock among themselves.
 *   <li>Held queue: {@code frontline_routing_held}, primary key ticket; served by (priority rank,
 *       since, seq), all ascending (rank 0 is {@link Priority#URGENT}), on one index. {@code seq}
 *       is an identity / {@code AUTO_INCREMENT} column: the hold order across nodes. {@code since}
 *       is kept exactly (epoch seconds and nanoseconds).
 * </ul>
 *
 * Writing transactions run at READ COMMITTED on MariaDB/MySQL too (no gap locks; every statement
 * sees the latest commits) and are retried after a deadlock or serialization failure. Thread-safe.
 */
public final class JdbcRoutingLedger implements RoutingLedger {
  private static final FrontlineRoutingSlots SLOTS = Tables.FRONTLINE_ROUTING_SLOTS;
  private static final FrontlineRoutingAgents AGENTS = Tables.FRONTLINE_ROUTING_AGENTS;
  private static final FrontlineRoutingHeld HELD = Tables.FRONTLINE_ROUTING_HELD;
  private static final int ATTEMPTS = 50;

  private final Db db;

  /** @param db the database */
  public JdbcRoutingLedger(Db db) {
    this.db = db;
  }

  private static <T> T notNull(@Nullable T value, String what) {
    if (value == null) {
      throw new ValidationException(what + " must not be null");
    }
    return value;
  }

  /** @return the rank of a priority in the serving order: 0 for the highest */
  static int rank(Priority p) {
    return Priority.URGENT.ordinal() - p.ordinal();
  }

  /** Runs a writing transaction: READ COMMITTED everywhere, retried after transient failures. */
  private <T> T write(Function<DSLContext, T> work) {
    return db.tx(work, true, true);
  }

  @Override
  public boolean reserve(Slot slot, Capacity capacity) {
    notNull(slot, "slot");
    notNull(capacity, "capacity");
    String agent = slot.agent().value();
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Boolean reserved;
      try {
        reserved = write(dsl -> reserve(dsl, slot, capacity));
      } catch (ConflictException e) {
        // H2's insert-ignore emulation reports a slot inserted concurrently for the same ticket
        // as a unique violation: the ticket has a slot
        return false;
      }
      if (reserved != null) {
        return reserved;
      }
      // the agent has no lock row yet: create it (a concurrent creation is as good) and retry
      db.insertIgnore(
          dsl -> dsl.insertInto(AGENTS, AGENTS.AGENT_ID).values(agent).onDuplicateKeyIgnore().execute());
    }
    throw new StorageException("reserve: the agent's lock row kept disappearing; giving up after " + ATTEMPTS + " attempts");
  }

  /** @return whether reserved, or null if the agent has no lock row */
  private static @Nullable Boolean reserve(DSLContext dsl, Slot slot, Capacity capacity) {
    String ticket = slot.ticket().value();
    String agent = slot.agent().value();
    if (dsl.fetchExists(SLOTS, SLOTS.TICKET_ID.eq(ticket))) {
      return false;
    }
    String locked =
        dsl.select(AGENTS.AGENT_ID).from(AGENTS).where(AGENTS.AGENT_ID.eq(agent)).forUpdate().fetchOne(AGENTS.AGENT_ID);
    if (locked == null) {
      return null;
    }
    // every reservation for this agent that committed before the lock was granted is visible
    // here (READ COMMITTED: each statement reads the latest commits)
    Load load =
        toLoad(
            dsl.select(SLOTS.AGENT_ID, SLOTS.CHANNEL, DSL.count(), DSL.sum(SLOTS.WEIGHT))
                .from(SLOTS)
                .where(SLOTS.AGENT_ID.eq(agent))
                .groupBy(SLOTS.AGENT_ID, SLOTS.CHANNEL)
                .fetch())
            .getOrDefault(slot.agent(), Load.NONE);
    if (!load.fits(slot, capacity)) {
      return false;
    }
    int inserted =
        dsl.insertInto(SLOTS, SLOTS.TICKET_ID, SLOTS.AGENT_ID, SLOTS.CHANNEL, SLOTS.WEIGHT)
            .values(ticket, agent, slot.channel().name(), slot.weight())
            .onDuplicateKeyIgnore()
            .execute();
    if (inserted == 0) {
      return false; // a slot for the ticket committed after the check above
    }
    dsl.deleteFrom(HELD).where(HELD.TICKET_ID.eq(ticket)).execute();
    return true;
  }

  /** Loads from rows of (agent, channel, count, summed weight). */
  private static Map<AgentId, Load> toLoad(List<? extends Record4<String, String, Integer, ? extends Number>> rows) {
    Map<AgentId, long[]> totals = new HashMap<>();
    Map<AgentId, Map<Channel, Integer>> perChannel = new HashMap<>();
    for (Record4<String, String, Integer, ? extends Number> r : rows) {
      AgentId agent = AgentId.of(r.value1());
      int count = r.value3();
      long units = r.value4() == null ? 0 : r.value4().longValue();
      long[] t = totals.computeIfAbsent(agent, a -> new long[2]);
      t[0] += units;
      t[1] += count;
      perChannel.computeIfAbsent(agent, a -> new EnumMap<>(Channel.class)).put(Channel.valueOf(r.value2()), count);
    }
    Map<AgentId, Load> out = new HashMap<>();
    totals.forEach(
        (a, t) -> out.put(a, new Load((int) Math.min(Integer.MAX_VALUE, t[0]), (int) Math.min(Integer.MAX_VALUE, t[1]), perChannel.getOrDefault(a, Map.of()))));
    return out;
  }


  @Override
  public void put(Slot slot) {
    notNull(slot, "slot");
    String ticket = slot.ticket().value();
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        write(
            dsl -> {
              dsl.insertInto(SLOTS, SLOTS.TICKET_ID, SLOTS.AGENT_ID, SLOTS.CHANNEL, SLOTS.WEIGHT)
                  .values(ticket, slot.agent().value(), slot.channel().name(), slot.weight())
                  .onDuplicateKeyUpdate()
                  .set(SLOTS.AGENT_ID, slot.agent().value())
                  .set(SLOTS.CHANNEL, slot.channel().name())
                  .set(SLOTS.WEIGHT, slot.weight())
                  .execute();
              dsl.deleteFrom(HELD).where(HELD.TICKET_ID.eq(ticket)).execute();
              return null;
            });
        return;
      } catch (ConflictException e) {
        // H2's upsert emulation lost a race against an insert of the same ticket: update it now
      }
    }
    throw new StorageException("put: the slot kept changing; giving up after " + ATTEMPTS + " attempts");
  }

  private static Slot toSlot(Record r) {
    return new Slot(
        TicketId.of(r.get(SLOTS.TICKET_ID)),
        AgentId.of(r.get(SLOTS.AGENT_ID)),
        Channel.valueOf(r.get(SLOTS.CHANNEL)),
        r.get(SLOTS.WEIGHT));
  }

  @Override
  public Optional<Slot> release(TicketId ticket) {
    String t = notNull(ticket, "ticket").value();
    return write(
        dsl -> {
          Optional<Slot> slot =
              dsl.select(SLOTS.TICKET_ID, SLOTS.AGENT_ID, SLOTS.CHANNEL, SLOTS.WEIGHT)
                  .from(SLOTS)
                  .where(SLOTS.TICKET_ID.eq(t))
                  .forUpdate()
                  .fetchOptional()
                  .map(JdbcRoutingLedger::toSlot);
          if (slot.isPresent()) {
            dsl.deleteFrom(SLOTS).where(SLOTS.TICKET_ID.eq(t)).execute();
          }
          return slot;
        });
  }

  @Override
  public Optional<Slot> slot(TicketId ticket) {
    String t = notNull(ticket, "ticket").value();
    return db.call(
        () ->
            db.dsl()
                .select(SLOTS.TICKET_ID, SLOTS.AGENT_ID, SLOTS.CHANNEL, SLOTS.WEIGHT)
                .from(SLOTS)
                .where(SLOTS.TICKET_ID.eq(t))
                .fetchOptional()
                .map(JdbcRoutingLedger::toSlot));
  }

  @Override
  public List<Slot> slots() {
    return db.call(
        () ->
            db.dsl()
                .select(SLOTS.TICKET_ID, SLOTS.AGENT_ID, SLOTS.CHANNEL, SLOTS.WEIGHT)
                .from(SLOTS)
                .orderBy(SLOTS.TICKET_ID)
                .fetch(JdbcRoutingLedger::toSlot));
  }

  @Override
  public Map<AgentId, Load> loads() {
    return db.call(
        () ->
            Map.copyOf(
                toLoad(
                    db.dsl()
                        .select(SLOTS.AGENT_ID, SLOTS.CHANNEL, DSL.count(), DSL.sum(SLOTS.WEIGHT))
                        .from(SLOTS)
                        .groupBy(SLOTS.AGENT_ID, SLOTS.CHANNEL)
                        .fetch())));
  }

  @Override
  public boolean hold(Held held) {
    notNull(held, "held ticket");
    String t = held.ticket().value();
    try {
      return write(
          dsl -> {
            if (dsl.fetchExists(SLOTS, SLOTS.TICKET_ID.eq(t))) {
              return false;
            }
            return dsl.insertInto(HELD, HELD.TICKET_ID, HELD.PRIORITY, HELD.PRIORITY_RANK, HELD.SINCE_S, HELD.SINCE_NANOS)
                    .values(t, held.priority().name(), rank(held.priority()), held.since().getEpochSecond(), held.since().getNano())
                    .onDuplicateKeyIgnore()
                    .execute()
                > 0;
          });
    } catch (ConflictException e) {
      return false; // H2's insert-ignore emulation lost a race: held by someone else
    }
  }

  @Override
  public boolean isHeld(TicketId ticket) {
    String t = notNull(ticket, "ticket").value();
    return db.call(() -> db.dsl().fetchExists(HELD, HELD.TICKET_ID.eq(t)));
  }

  @Override
  public boolean unhold(TicketId ticket) {
    String t = notNull(ticket, "ticket").value();
    return db.call(() -> db.dsl().deleteFrom(HELD).where(HELD.TICKET_ID.eq(t)).execute() > 0);
  }

  @Override
  public void reprioritize(TicketId ticket, Priority priority) {
    String t = notNull(ticket, "ticket").value();
    notNull(priority, "priority");
    db.call(
        () ->
            db.dsl()
                .update(HELD)
                .set(HELD.PRIORITY, priority.name())
                .set(HELD.PRIORITY_RANK, rank(priority))
                .where(HELD.TICKET_ID.eq(t).and(HELD.PRIORITY.ne(priority.name())))
                .execute());
  }

  @Override
  public List<Held> held(int limit) {
    if (limit < 1) {
      throw new ValidationException("limit must be at least 1");
    }
    return db.call(
        () ->
            db.dsl()
                .select(HELD.TICKET_ID, HELD.PRIORITY, HELD.SINCE_S, HELD.SINCE_NANOS)
                .from(HELD)
                .orderBy(HELD.PRIORITY_RANK, HELD.SINCE_S, HELD.SINCE_NANOS, HELD.SEQ)
                .limit(limit)
                .fetch(
                    r ->
                        new Held(
                            TicketId.of(r.value1()),
                            Priority.valueOf(r.value2()),
                            Instant.ofEpochSecond(r.value3(), r.value4()))));
  }
}
