package dev.frontline.helpdesk.routing;

import static dev.frontline.helpdesk.OpsDesk.*;
import dev.frontline.helpdesk.spi.memory.InMemoryStores;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.OpsDesk;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.spi.RoutingLedger;
import dev.frontline.helpdesk.spi.memory.InMemoryAgentAvailability;
import dev.frontline.helpdesk.spi.memory.InMemoryBlobStore;
import dev.frontline.helpdesk.spi.memory.InMemoryRoutingLedger;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketPage;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes (two {@link Helpdesk} instances over the same stores, each with its own
 * router and listeners) sharing one {@link RoutingLedger}: they route as one.
 */
class RouterTwoNodesTest {
  OpsDesk d = new OpsDesk();
  /** The second node: same stores and clock, its own services, listeners and router. */
  Helpdesk nodeB = d.base().build();
  final InMemoryAgentAvailability presence = new InMemoryAgentAvailability();
  final RoutingLedger ledger = d.stores.routingLedger();

  /** Node A (the desk) gets a router; later commands on {@code d} reach it. */
  Router routerA(AssignmentStrategy s, RoutingPolicy p) {
    d = d.with(b -> b.routing(p, s, presence));
    return d.helpdesk.routing();
  }

  /** Node B gets a router (a node restarting with routing on). */
  Router routerB(AssignmentStrategy s, RoutingPolicy p) {
    nodeB = d.base().routing(p, s, presence).build();
    return nodeB.routing();
  }

  @Test
  @DisplayName("capacity counts across nodes, and the node that frees capacity serves the other node's held ticket")
  void sharedCapacityAndQueue() {
    presence.set(ALICE, Availability.ONLINE);
    presence.set(AMY, Availability.ONLINE);
    RoutingPolicy oneEach = RoutingPolicy.builder().defaultCapacity(Capacity.of(2)).build(); // one e-mail (2 units)
    Router a = routerA(new LeastLoaded(), oneEach);
    Router b = routerB(new LeastLoaded(), oneEach);

    Ticket t1 = d.ticket("first", Channel.EMAIL);
    Ticket t2 = d.ticket("second", Channel.EMAIL);
    Ticket t3 = d.ticket("third", Channel.EMAIL);
    RoutingResult r1 = a.route(t1.id());
    RoutingResult r2 = b.route(t2.id());
    assertThat(r1.outcome()).isEqualTo(RoutingResult.Outcome.ASSIGNED);
    assertThat(r2.outcome()).isEqualTo(RoutingResult.Outcome.ASSIGNED);
    assertThat(r2.agent()).as("node B knows node A's assignment").isNotEqualTo(r1.agent());
    assertThat(b.route(t3.id()).outcome()).isEqualTo(RoutingResult.Outcome.HELD);
    assertThat(a.held()).as("one queue").containsExactly(t3.id());
    assertThat(a.route(t3.id()).outcome()).isEqualTo(RoutingResult.Outcome.HELD);

    // node A solves its ticket: node A's router frees the capacity and serves node B's held ticket
    Ticket solved = d.tickets.get(d.system, t1.id());
    d.tickets.transition(d.system, solved.id(), solved.version(), TicketState.SOLVED);
    Ticket third = d.tickets.get(d.system, t3.id());
    assertThat(third.assignee()).isEqualTo(r1.agent());
    assertThat(b.held()).isEmpty();
    assertThat(b.load(r1.agent())).isEqualTo(2);
    assertThat(a.route(t3.id()).outcome()).isEqualTo(RoutingResult.Outcome.ALREADY_ASSIGNED);
  }

  @Test
  @DisplayName("a new node's router takes over the shared ledger and clears slots of tickets closed meanwhile")
  void startReconciles() {
    presence.set(ALICE, Availability.ONLINE);
    RoutingPolicy p = RoutingPolicy.ofDefaults();
    Router a = routerA(new LeastLoaded(), p);
    Ticket t1 = d.ticket("first", Channel.CHAT);
    Ticket t2 = d.ticket("second", Channel.CHAT);
    a.route(t1.id());
    a.route(t2.id());
    assertThat(ledger.slots()).hasSize(2);
    // solved on node B before node B has a router: node A does not hear of it
    Ticket s = nodeB.tickets().get(d.system, t1.id());
    nodeB.tickets().transition(d.system, s.id(), s.version(), TicketState.SOLVED);
    assertThat(ledger.slots()).hasSize(2);
    Router b = routerB(new LeastLoaded(), p);
    assertThat(ledger.slots()).extracting(RoutingLedger.Slot::ticket).containsExactly(t2.id());
    assertThat(b.load(ALICE)).isEqualTo(p.weight(Channel.CHAT));
  }

  /**
   * Node B's store, which can make one read stale on purpose: the first {@code find} of a ticket
   * after node B wrote it returns what it read, but only after {@code meanwhile} ran.
   */
  static final class InterleavingStore implements TicketStore {
    private final TicketStore delegate;
    volatile TicketId target;
    volatile Runnable meanwhile;
    private volatile boolean written;

    InterleavingStore(TicketStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public long nextKeyNumber(String prefix) {
      return delegate.nextKeyNumber(prefix);
    }

    @Override
    public void create(Ticket ticket, List<TicketEvent> events) {
      delegate.create(ticket, events);
    }

    @Override
    public void update(Ticket ticket, long expectedVersion, List<TicketEvent> events) {
      delegate.update(ticket, expectedVersion, events);
      written |= ticket.id().equals(target);
    }

    @Override
    public void updateAll(List<Update> updates, List<Create> creates) {
      delegate.updateAll(updates, creates);
      written |= updates.stream().anyMatch(u -> u.ticket().id().equals(target));
    }

    @Override
    public Optional<Ticket> find(TicketId id) {
      Optional<Ticket> t = delegate.find(id);
      Runnable r = meanwhile;
      if (written && id.equals(target) && r != null) {
        meanwhile = null;
        r.run();
      }
      return t;
    }

    @Override
    public Optional<Ticket> findByKey(TicketKey key) {
      return delegate.findByKey(key);
    }

    @Override
    public List<TicketEvent> history(TicketId id) {
      return delegate.history(id);
    }

    @Override
    public TicketPage query(TicketQuery query, TicketVisibility visibility) {
      return delegate.query(query, visibility);
    }

    @Override
    public long count(TicketQuery query, TicketVisibility visibility) {
      return delegate.count(query, visibility);
    }

    @Override
    public List<Ticket> due(Instant now, @Nullable Instant afterDeadline, @Nullable TicketId afterId, int limit) {
      return delegate.due(now, afterDeadline, afterId, limit);
    }
  }

  @Test
  @DisplayName("a ledger write based on a read that another node made stale is settled again")
  void staleReadIsSettled() {
    presence.set(ALICE, Availability.ONLINE);
    InterleavingStore storeB = new InterleavingStore(d.store);
    RoutingPolicy p = RoutingPolicy.ofDefaults();
    Router routerA = routerA(new LeastLoaded(), p);
    Helpdesk b = Helpdesk.builder()
        .stores(InMemoryStores.builder().ticketStore(storeB).directoryStore(d.dir).blobStore(d.stores.blobStore()).routingLedger(ledger).build())
        .clock(d.clock).routing(p, new LeastLoaded(), presence).build();
    Router routerB = b.routing();
    Ticket t = d.ticket("first", Channel.EMAIL);
    assertThat(routerA.route(t.id()).agent()).isEqualTo(ALICE);

    // node B puts the ticket on hold; its router re-reads it (still Alice's, on hold) ... and in
    // between, node A solves it and node A's router frees Alice's capacity
    storeB.target = t.id();
    storeB.meanwhile = () -> {
      Ticket now = d.tickets.get(d.system, t.id());
      d.tickets.transition(d.system, now.id(), now.version(), TicketState.SOLVED);
    };
    Ticket before = b.tickets().get(d.system, t.id());
    b.tickets().transition(d.system, before.id(), before.version(), TicketState.PENDING);

    assertThat(storeB.meanwhile).as("the interleaving happened").isNull();
    assertThat(d.tickets.get(d.system, t.id()).state()).isEqualTo(TicketState.SOLVED);
    assertThat(ledger.slots()).as("no slot left for a solved ticket").isEmpty();
    assertThat(routerB.load(ALICE)).isZero();
  }

  @Test
  @DisplayName("another node's reservation whose assignment is being stored survives a state change seen here")
  void inFlightElsewhereKeepsItsSlot() {
    presence.set(ALICE, Availability.ONLINE);
    RoutingPolicy p = RoutingPolicy.ofDefaults();
    routerB(new LeastLoaded(), p);
    Ticket t = d.ticket("first", Channel.EMAIL);
    // node A has reserved Alice for it and is storing the assignment right now
    assertThat(ledger.reserve(new RoutingLedger.Slot(t.id(), ALICE, Channel.EMAIL, p.weight(Channel.EMAIL)),
        p.capacity(ALICE))).isTrue();
    Ticket now = nodeB.tickets().get(d.system, t.id());
    nodeB.tickets().transition(d.system, now.id(), now.version(), TicketState.PENDING);
    assertThat(ledger.slot(t.id())).as("the reservation is kept").isPresent();
    // an assignment made here replaces it
    now = nodeB.tickets().get(d.system, t.id());
    nodeB.tickets().assign(d.system, now.id(), now.version(), FRONT, AMY);
    assertThat(ledger.slot(t.id()).map(RoutingLedger.Slot::agent)).contains(AMY);
    // and solving it releases it
    now = nodeB.tickets().get(d.system, t.id());
    nodeB.tickets().transition(d.system, now.id(), now.version(), TicketState.SOLVED);
    assertThat(ledger.slots()).isEmpty();
  }

  @Test
  @DisplayName("many threads on two nodes routing and solving never put an agent over capacity, and nothing waits needlessly")
  void neverOverCapacityAcrossNodes() throws Exception {
    long seed = Long.getLong("frontline.seed", System.nanoTime());
    System.out.println("RouterTwoNodesTest seed: " + seed + " (rerun with -Dfrontline.seed=" + seed + ")");
    Random seeds = new Random(seed);
    List<AgentId> agents = List.of(ALICE, AMY, LEAD);
    agents.forEach(x -> presence.set(x, Availability.ONLINE));
    RoutingPolicy policy = RoutingPolicy.builder().defaultCapacity(Capacity.of(12).withLimit(Channel.CHAT, 2)).build();
    List<Router> routers = List.of(routerA(new LeastLoaded(), policy),
        routerB(new LeastLoaded(), policy));
    List<Helpdesk> nodes = List.of(d.helpdesk, nodeB);
    Channel[] channels = {Channel.PHONE, Channel.CHAT, Channel.EMAIL, Channel.WEB};
    int threads = 6;
    int perThread = 30;
    ConcurrentLinkedQueue<TicketId> created = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        long s = seeds.nextLong();
        int n = i;
        futures.add(pool.submit(() -> {
          Random rnd = new Random(s);
          int node = n % 2;
          Helpdesk h = nodes.get(node);
          go.await();
          for (int k = 0; k < perThread; k++) {
            Ticket t = h.tickets().create(d.system, dev.frontline.helpdesk.ticket.NewTicket.builder("t" + n + "-" + k, CAROL,
                dev.frontline.helpdesk.ticket.Message.of("About it", channels[rnd.nextInt(channels.length)])).build());
            created.add(t.id());
            routers.get(node).route(t.id());
            if (rnd.nextInt(3) == 0) {
              List<Ticket> mine = d.store.query(TicketQuery.builder().assignee(agents.get(rnd.nextInt(agents.size())))
                  .states(TicketState.NEW).limit(5).build(), TicketVisibility.everything()).items();
              if (!mine.isEmpty()) {
                Ticket victim = mine.get(rnd.nextInt(mine.size()));
                try {
                  h.tickets().transition(d.system, victim.id(), victim.version(), TicketState.SOLVED);
                } catch (dev.frontline.helpdesk.ConcurrentModificationException
                    | dev.frontline.helpdesk.IllegalTransitionException e) {
                  // another thread got there first
                }
              }
            }
          }
          return null;
        }));
      }
      go.countDown();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      for (Future<?> f : futures) {
        f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }

    assertThat(routers.get(0).drain() + routers.get(1).drain()).as("held tickets left waiting although an agent had room")
        .isZero();
    RoutingChecks.assertConsistent(created, id -> d.store.find(id).orElseThrow(), routers.get(1), routers.get(0), policy, agents,
        12, 2);
    assertThat(created).hasSize(threads * perThread);
  }
}
