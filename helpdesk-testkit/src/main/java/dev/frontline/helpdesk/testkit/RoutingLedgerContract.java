package dev.frontline.helpdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.routing.Capacity;
import dev.frontline.helpdesk.spi.RoutingLedger;
import dev.frontline.helpdesk.spi.RoutingLedger.Held;
import dev.frontline.helpdesk.spi.RoutingLedger.Load;
import dev.frontline.helpdesk.spi.RoutingLedger.Slot;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.TicketId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link RoutingLedger} must pass: reservations respect the capacity (units and
 * per-channel limits) and a ticket has at most one slot, also when many threads (standing in for
 * routers on several nodes) reserve at once; loads add up; the held queue is served by priority,
 * then waiting time, then hold order, and a ticket with a slot is never held.
 */
public abstract class RoutingLedgerContract {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final AgentId ANNA = AgentId.of("anna");
  private static final AgentId BENCE = AgentId.of("bence");

  /** The ledger under test. */
  protected RoutingLedger ledger;

  /** Subclasses need no-arg constructors. */
  protected RoutingLedgerContract() {}

  /** @return a new, empty ledger */
  protected abstract RoutingLedger newLedger();

  @BeforeEach
  void fresh() {
    ledger = newLedger();
  }

  private static TicketId ticket(int i) {
    return TicketId.of("ticket-" + i);
  }

  private static Slot slot(int ticket, AgentId agent, Channel channel, int weight) {
    return new Slot(ticket(ticket), agent, channel, weight);
  }

  @Test
  @DisplayName("an empty ledger has no slots, loads or held tickets")
  void empty() {
    assertThat(ledger.slots()).isEmpty();
    assertThat(ledger.loads()).isEmpty();
    assertThat(ledger.held(10)).isEmpty();
    assertThat(ledger.slot(ticket(1))).isEmpty();
    assertThat(ledger.release(ticket(1))).isEmpty();
    assertThat(ledger.isHeld(ticket(1))).isFalse();
    assertThat(ledger.unhold(ticket(1))).isFalse();
  }

  @Test
  @DisplayName("reservations stop at the capacity's units; a release makes room again")
  void unitsLimit() {
    Capacity cap = Capacity.of(5);
    assertThat(ledger.reserve(slot(1, ANNA, Channel.PHONE, 3), cap)).isTrue();
    assertThat(ledger.reserve(slot(2, ANNA, Channel.CHAT, 2), cap)).isTrue();
    assertThat(ledger.reserve(slot(3, ANNA, Channel.CHAT, 1), cap)).isFalse();
    assertThat(ledger.reserve(slot(3, BENCE, Channel.CHAT, 1), cap)).isTrue();
    assertThat(ledger.loads()).isEqualTo(Map.of(
        ANNA, new Load(5, 2, Map.of(Channel.PHONE, 1, Channel.CHAT, 1)),
        BENCE, new Load(1, 1, Map.of(Channel.CHAT, 1))));
    assertThat(ledger.release(ticket(1))).contains(slot(1, ANNA, Channel.PHONE, 3));
    assertThat(ledger.release(ticket(1))).isEmpty();
    assertThat(ledger.loads().get(ANNA)).isEqualTo(new Load(2, 1, Map.of(Channel.CHAT, 1)));
    assertThat(ledger.reserve(slot(4, ANNA, Channel.EMAIL, 3), cap)).isTrue();
    assertThat(ledger.slots()).containsExactlyInAnyOrder(
        slot(2, ANNA, Channel.CHAT, 2), slot(3, BENCE, Channel.CHAT, 1), slot(4, ANNA, Channel.EMAIL, 3));
  }

  @Test
  @DisplayName("a per-channel limit counts tickets of that channel only; a limit of 0 blocks the channel")
  void channelLimit() {
    Capacity cap = Capacity.of(100).withLimit(Channel.CHAT, 2).withLimit(Channel.PHONE, 0);
    assertThat(ledger.reserve(slot(1, ANNA, Channel.CHAT, 1), cap)).isTrue();
    assertThat(ledger.reserve(slot(2, ANNA, Channel.CHAT, 1), cap)).isTrue();
    assertThat(ledger.reserve(slot(3, ANNA, Channel.CHAT, 1), cap)).isFalse();
    assertThat(ledger.reserve(slot(3, ANNA, Channel.EMAIL, 1), cap)).isTrue();
    assertThat(ledger.reserve(slot(4, ANNA, Channel.PHONE, 1), cap)).isFalse();
    assertThat(ledger.loads().get(ANNA)).isEqualTo(new Load(3, 3, Map.of(Channel.CHAT, 2, Channel.EMAIL, 1)));
  }

  @Test
  @DisplayName("a ticket has one slot: a second reservation fails, put moves it without a capacity check")
  void oneSlotPerTicket() {
    Capacity cap = Capacity.of(2);
    assertThat(ledger.reserve(slot(1, ANNA, Channel.EMAIL, 1), cap)).isTrue();
    assertThat(ledger.reserve(slot(1, BENCE, Channel.EMAIL, 1), cap)).isFalse();
    assertThat(ledger.slot(ticket(1))).contains(slot(1, ANNA, Channel.EMAIL, 1));
    ledger.put(slot(1, BENCE, Channel.EMAIL, 1));
    ledger.put(slot(2, BENCE, Channel.PHONE, 5)); // over any capacity: someone assigned it by hand
    ledger.put(slot(2, BENCE, Channel.PHONE, 5)); // idempotent
    assertThat(ledger.slot(ticket(1))).contains(slot(1, BENCE, Channel.EMAIL, 1));
    assertThat(ledger.loads()).isEqualTo(Map.of(BENCE, new Load(6, 2, Map.of(Channel.EMAIL, 1, Channel.PHONE, 1))));
  }

  @Test
  @DisplayName("the held queue: higher priority first, then longest waiting, then hold order")
  void heldOrder() {
    assertThat(ledger.hold(new Held(ticket(1), Priority.NORMAL, T0.plusSeconds(10)))).isTrue();
    assertThat(ledger.hold(new Held(ticket(2), Priority.NORMAL, T0))).isTrue();
    assertThat(ledger.hold(new Held(ticket(3), Priority.URGENT, T0.plusSeconds(30)))).isTrue();
    assertThat(ledger.hold(new Held(ticket(4), Priority.NORMAL, T0))).isTrue();
    assertThat(ledger.hold(new Held(ticket(5), Priority.LOW, T0.minusSeconds(60)))).isTrue();
    assertThat(ledger.hold(new Held(ticket(2), Priority.URGENT, T0))).as("held already").isFalse();
    assertThat(ids(ledger.held(10))).containsExactly(3, 2, 4, 1, 5);
    assertThat(ids(ledger.held(2))).containsExactly(3, 2);
    assertThat(ledger.held(10).get(1)).isEqualTo(new Held(ticket(2), Priority.NORMAL, T0));
    assertThat(ledger.isHeld(ticket(4))).isTrue();

    ledger.reprioritize(ticket(1), Priority.HIGH);
    ledger.reprioritize(ticket(9), Priority.HIGH); // not held: nothing
    assertThat(ids(ledger.held(10))).containsExactly(3, 1, 2, 4, 5);
    assertThat(ledger.held(10).get(1)).isEqualTo(new Held(ticket(1), Priority.HIGH, T0.plusSeconds(10)));

    assertThat(ledger.unhold(ticket(2))).isTrue();
    assertThat(ledger.unhold(ticket(2))).isFalse();
    assertThat(ledger.isHeld(ticket(2))).isFalse();
    assertThat(ids(ledger.held(Integer.MAX_VALUE))).containsExactly(3, 1, 4, 5);
  }

  @Test
  @DisplayName("a reservation or put takes the ticket out of the queue; a ticket with a slot is not held")
  void slotsLeaveTheQueue() {
    ledger.hold(new Held(ticket(1), Priority.NORMAL, T0));
    ledger.hold(new Held(ticket(2), Priority.NORMAL, T0));
    assertThat(ledger.reserve(slot(1, ANNA, Channel.EMAIL, 1), Capacity.of(5))).isTrue();
    ledger.put(slot(2, BENCE, Channel.EMAIL, 1));
    assertThat(ledger.held(10)).isEmpty();
    assertThat(ledger.hold(new Held(ticket(1), Priority.NORMAL, T0))).isFalse();
    assertThat(ledger.isHeld(ticket(1))).isFalse();
    ledger.release(ticket(1));
    assertThat(ledger.hold(new Held(ticket(1), Priority.NORMAL, T0))).isTrue();
    assertThat(ids(ledger.held(10))).containsExactly(1);
  }

  @Test
  @DisplayName("a failed reservation leaves the ticket held")
  void failedReservationKeepsItHeld() {
    ledger.hold(new Held(ticket(1), Priority.NORMAL, T0));
    assertThat(ledger.reserve(slot(1, ANNA, Channel.PHONE, 3), Capacity.of(2))).isFalse();
    assertThat(ledger.isHeld(ticket(1))).isTrue();
    assertThat(ledger.slot(ticket(1))).isEmpty();
  }

  @Test
  @DisplayName("concurrent reservations never exceed an agent's capacity, and each ticket is reserved once")
  void concurrentReservations() throws Exception {
    int threads = 8;
    int tickets = 120;
    Capacity cap = Capacity.of(10).withLimit(Channel.CHAT, 3);
    List<AgentId> agents = List.of(ANNA, BENCE, AgentId.of("carla"));
    Map<TicketId, AgentId> won = new ConcurrentHashMap<>();
    AtomicInteger duplicates = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        int seed = w;
        done.add(pool.submit(() -> {
          start.await();
          Random r = new Random(seed);
          for (int i = 0; i < tickets; i++) {
            int t = (i * 7 + seed * 13) % tickets; // every thread tries every ticket, in its own order
            AgentId agent = agents.get(r.nextInt(agents.size()));
            Channel channel = t % 3 == 0 ? Channel.CHAT : Channel.EMAIL;
            if (ledger.reserve(new Slot(ticket(t), agent, channel, channel == Channel.CHAT ? 1 : 2), cap)) {
              if (won.putIfAbsent(ticket(t), agent) != null) {
                duplicates.incrementAndGet();
              }
            }
          }
          return null;
        }));
      }
      start.countDown();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      for (Future<?> f : done) {
        f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
    assertThat(duplicates.get()).as("tickets reserved twice").isZero();
    Map<AgentId, Load> loads = ledger.loads();
    for (AgentId a : agents) {
      Load l = loads.getOrDefault(a, Load.NONE);
      assertThat(l.units()).as("units of " + a).isLessThanOrEqualTo(10);
      assertThat(l.perChannel().getOrDefault(Channel.CHAT, 0)).as("chats of " + a).isLessThanOrEqualTo(3);
    }
    // nobody can have gone unused while work was left: every agent is full (10 units) or was
    // refused only because of the chat limit; with 120 tickets offered, all three are at 9-10 units
    for (AgentId a : agents) {
      assertThat(loads.getOrDefault(a, Load.NONE).units()).as("units of " + a).isGreaterThanOrEqualTo(9);
    }
    Map<AgentId, Integer> fromSlots = new HashMap<>();
    for (Slot s : ledger.slots()) {
      assertThat(won.get(s.ticket())).isEqualTo(s.agent());
      fromSlots.merge(s.agent(), s.weight(), Integer::sum);
    }
    assertThat(ledger.slots()).hasSize(won.size());
    loads.forEach((a, l) -> assertThat(fromSlots.get(a)).isEqualTo(l.units()));
  }

  private static List<Integer> ids(List<Held> held) {
    return held.stream().map(h -> Integer.parseInt(h.ticket().value().substring("ticket-".length()))).toList();
  }

  /** @return the slot of a ticket, for subclasses' own checks */
  protected final Optional<Slot> slotOf(int ticket) {
    return ledger.slot(ticket(ticket));
  }
}
