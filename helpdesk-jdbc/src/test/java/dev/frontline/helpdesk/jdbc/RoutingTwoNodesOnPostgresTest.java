package dev.frontline.helpdesk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.IllegalTransitionException;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.access.Roles;
import dev.frontline.helpdesk.access.TeamAccess;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.SupportTier;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.routing.Availability;
import dev.frontline.helpdesk.routing.Capacity;
import dev.frontline.helpdesk.routing.LeastLoaded;
import dev.frontline.helpdesk.routing.Router;
import dev.frontline.helpdesk.routing.RoutingPolicy;
import dev.frontline.helpdesk.routing.RoutingResult;
import dev.frontline.helpdesk.spi.memory.InMemoryAgentAvailability;
import dev.frontline.helpdesk.testkit.MutableClock;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes — two {@link Helpdesk} instances with their own {@link JdbcStores} and
 * routers — on one PostgreSQL database, sharing the JDBC routing ledger: they never put an agent
 * over capacity together and serve one held queue.
 */
@DisplayName("routers on two nodes on one PostgreSQL")
class RoutingTwoNodesOnPostgresTest {
  private static final TeamId FRONT = TeamId.of("front");
  private static final TeamId SECOND = TeamId.of("second");
  private static final CustomerId CAROL = CustomerId.of("carol");
  private static final Principal SYSTEM = Principal.system("test");
  private static final List<AgentId> AGENTS = List.of(AgentId.of("alice"), AgentId.of("amy"), AgentId.of("anna"));

  private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
  private final InMemoryAgentAvailability presence = new InMemoryAgentAvailability();
  private TestDatabase database;
  private JdbcStores storesA;
  private JdbcStores storesB;
  private Helpdesk nodeA;
  private Helpdesk nodeB;

  @BeforeEach
  void start() {
    database = TestDatabase.embeddedPostgres();
    storesA = JdbcStores.builder(database.dataSource(), database.dialect()).build();
    storesA.migrate();
    storesB = JdbcStores.builder(database.dataSource(), database.dialect()).build();
    nodeA = node(storesA);
    nodeB = node(storesB);
    var dir = storesA.directoryStore();
    Roles.defaults().forEach(dir::saveRole);
    dir.saveTeam(new Team(FRONT, "Front line", 1));
    dir.saveTeam(new Team(SECOND, "Second line", 2));
    dir.saveTier(new SupportTier(1, "Front line", FRONT));
    dir.saveTier(new SupportTier(2, "Second line", SECOND));
    for (AgentId a : AGENTS) {
      dir.saveAgent(Agent.of(a, a.value(), a.value() + "@example.com", Set.of("agent"), Map.of(FRONT, TeamAccess.FULL)));
      presence.set(a, Availability.ONLINE);
    }
    dir.saveCustomer(Customer.of(CAROL, "Carol", "carol@example.com"));
  }

  private Helpdesk node(JdbcStores s) {
    return Helpdesk.builder().stores(s)
        .clock(clock).build();
  }

  /** Restarts both nodes with routing on (their routers share the database's ledger). */
  private List<Router> route(RoutingPolicy policy) {
    nodeA = Helpdesk.builder().stores(storesA).clock(clock).routing(policy, new LeastLoaded(), presence).build();
    nodeB = Helpdesk.builder().stores(storesB).clock(clock).routing(policy, new LeastLoaded(), presence).build();
    return List.of(nodeA.routing(), nodeB.routing());
  }

  @AfterEach
  void stop() {
    if (database != null) {
      database.close();
    }
  }

  private static Ticket ticket(Helpdesk node, String subject, Channel channel) {
    return node.tickets().create(SYSTEM, NewTicket.builder(subject, CAROL, Message.of("About " + subject, channel)).build());
  }

  @Test
  @DisplayName("node A frees capacity and serves the ticket node B held")
  void sharedQueue() {
    presence.set(AGENTS.get(2), Availability.OFFLINE);
    RoutingPolicy oneEach = RoutingPolicy.builder().defaultCapacity(Capacity.of(2)).build();
    List<Router> routers = route(oneEach);
    Router a = routers.get(0);
    Router b = routers.get(1);
    Ticket t1 = ticket(nodeA, "first", Channel.EMAIL);
    Ticket t2 = ticket(nodeB, "second", Channel.EMAIL);
    Ticket t3 = ticket(nodeB, "third", Channel.EMAIL);
    RoutingResult r1 = a.route(t1.id());
    RoutingResult r2 = b.route(t2.id());
    assertThat(r2.agent()).isNotNull().isNotEqualTo(r1.agent());
    assertThat(b.route(t3.id()).outcome()).isEqualTo(RoutingResult.Outcome.HELD);
    assertThat(a.held()).containsExactly(t3.id());

    Ticket s = nodeA.tickets().get(SYSTEM, t1.id());
    nodeA.tickets().transition(SYSTEM, s.id(), s.version(), TicketState.SOLVED);
    assertThat(nodeB.tickets().get(SYSTEM, t3.id()).assignee()).isEqualTo(r1.agent());
    assertThat(b.held()).isEmpty();
  }

  @Test
  @DisplayName("threads on two nodes routing and solving never put an agent over capacity")
  void neverOverCapacity() throws Exception {
    long seed = Long.getLong("frontline.seed", System.nanoTime());
    System.out.println("RoutingTwoNodesOnPostgresTest seed: " + seed + " (rerun with -Dfrontline.seed=" + seed + ")");
    Random seeds = new Random(seed);
    RoutingPolicy policy = RoutingPolicy.builder().defaultCapacity(Capacity.of(12).withLimit(Channel.CHAT, 2)).build();
    List<Router> routers = route(policy);
    List<Helpdesk> nodes = List.of(nodeA, nodeB);
    Channel[] channels = {Channel.PHONE, Channel.CHAT, Channel.EMAIL, Channel.WEB};
    int threads = 4;
    int perThread = 15;
    ConcurrentLinkedQueue<TicketId> created = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        long s = seeds.nextLong();
        int node = i % 2;
        int n = i;
        futures.add(pool.submit(() -> {
          Random rnd = new Random(s);
          Helpdesk h = nodes.get(node);
          go.await();
          for (int k = 0; k < perThread; k++) {
            Ticket t = ticket(h, "t" + n + "-" + k, channels[rnd.nextInt(channels.length)]);
            created.add(t.id());
            routers.get(node).route(t.id());
            if (rnd.nextInt(3) == 0) {
              List<Ticket> mine = h.tickets().query(SYSTEM, TicketQuery.builder()
                  .assignee(AGENTS.get(rnd.nextInt(AGENTS.size()))).states(TicketState.NEW).limit(5).build()).items();
              if (!mine.isEmpty()) {
                Ticket victim = mine.get(rnd.nextInt(mine.size()));
                try {
                  h.tickets().transition(SYSTEM, victim.id(), victim.version(), TicketState.SOLVED);
                } catch (ConcurrentModificationException | IllegalTransitionException e) {
                  // another thread got there first
                }
              }
            }
          }
          return null;
        }));
      }
      go.countDown();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      for (Future<?> f : futures) {
        f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }

    assertThat(routers.get(0).drain() + routers.get(1).drain()).as("held tickets left waiting although an agent had room")
        .isZero();
    Map<AgentId, Integer> units = new HashMap<>();
    Map<AgentId, Integer> chats = new HashMap<>();
    int unassignedActive = 0;
    List<TicketId> held = routers.get(1).held();
    for (TicketId id : created) {
      Ticket t = nodeA.tickets().get(SYSTEM, id);
      if (!t.state().isActive()) {
        continue;
      }
      if (t.assignee() == null) {
        unassignedActive++;
        assertThat(held).contains(id);
      } else {
        units.merge(t.assignee(), policy.weight(t.channel()), Integer::sum);
        if (t.channel() == Channel.CHAT) {
          chats.merge(t.assignee(), 1, Integer::sum);
        }
      }
    }
    for (AgentId x : AGENTS) {
      assertThat(units.getOrDefault(x, 0)).as("units of %s", x).isLessThanOrEqualTo(12).isEqualTo(routers.get(0).load(x));
      assertThat(chats.getOrDefault(x, 0)).as("chats of %s", x).isLessThanOrEqualTo(2);
    }
    assertThat(held).hasSize(unassignedActive);
    assertThat(created).hasSize(threads * perThread);
  }
}
