package dev.frontline.helpdesk.jdbc;

import static dev.frontline.helpdesk.escalation.EscalationAction.moveToTier;
import static dev.frontline.helpdesk.escalation.EscalationAction.notification;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.Helpdesk;
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
import dev.frontline.helpdesk.escalation.EscalationRule;
import dev.frontline.helpdesk.escalation.EscalationTrigger;
import dev.frontline.helpdesk.sla.BusinessCalendar;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaPolicy;
import dev.frontline.helpdesk.spi.memory.InMemoryNotificationSink;
import dev.frontline.helpdesk.testkit.MutableClock;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes — two {@link Helpdesk} instances with their own {@link JdbcStores} — on one
 * PostgreSQL database: concurrent edits through both lose nothing, and escalation runners on both
 * fire every step exactly once.
 */
@DisplayName("two Helpdesk nodes on one PostgreSQL")
class TwoNodesOnPostgresTest {
  private static final TeamId FRONT = TeamId.of("front");
  private static final TeamId SECOND = TeamId.of("second");
  private static final CustomerId CAROL = CustomerId.of("carol");
  private static final Principal ALICE = Principal.agent(AgentId.of("alice"));
  private static final List<EscalationRule> RULES = List.of(
      EscalationRule.builder("warn").when(EscalationTrigger.slaWarning(SlaMetric.FIRST_RESPONSE)).then(notification("lead", "soon")).build(),
      EscalationRule.builder("breach").when(EscalationTrigger.slaBreach(SlaMetric.FIRST_RESPONSE)).then(moveToTier(2, null), notification("tier2", "breached")).build());
  private static final SlaPolicy POLICY = SlaPolicy.builder("standard")
      .target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(4), BusinessCalendar.always()).build();

  private static TestDatabase database;
  private static final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
  private static final InMemoryNotificationSink sink = new InMemoryNotificationSink();
  private static Helpdesk nodeA;
  private static Helpdesk nodeB;

  @BeforeAll
  static void start() {
    database = TestDatabase.embeddedPostgres();
    JdbcStores a = JdbcStores.builder(database.dataSource(), database.dialect()).build();
    a.migrate();
    JdbcStores b = JdbcStores.builder(database.dataSource(), database.dialect()).build();
    b.migrate(); // the second node migrating again changes nothing
    nodeA = node(a);
    nodeB = node(b);
    var dir = a.directoryStore();
    Roles.defaults().forEach(dir::saveRole);
    dir.saveTeam(new Team(FRONT, "Front line", 1));
    dir.saveTeam(new Team(SECOND, "Second line", 2));
    dir.saveTier(new SupportTier(1, "Front line", FRONT));
    dir.saveTier(new SupportTier(2, "Second line", SECOND));
    dir.saveAgent(Agent.of(AgentId.of("alice"), "Alice", "alice@example.com", Set.of("agent"), Map.of(FRONT, TeamAccess.FULL)));
    dir.saveCustomer(Customer.of(CAROL, "Carol", "carol@example.com"));
  }

  private static Helpdesk node(JdbcStores s) {
    return Helpdesk.builder().stores(s)
        .clock(clock).slaPolicies(List.of(POLICY)).escalationRules(RULES).notificationSink(sink).escalationBatchSize(7).build();
  }

  @AfterAll
  static void stop() {
    if (database != null) {
      database.close();
    }
  }

  private static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<T>> fs = new ArrayList<>();
      for (Callable<T> t : tasks) {
        fs.add(pool.submit(() -> {
          go.await();
          return t.call();
        }));
      }
      go.countDown();
      List<T> out = new ArrayList<>();
      for (Future<T> f : fs) {
        out.add(f.get(120, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("notes added through both nodes at once are all kept, in a gap-free history")
  void concurrentEditsLoseNothing() throws Exception {
    Ticket t = nodeA.tickets().create(ALICE, NewTicket.builder("Shared", CAROL, Message.of("help")).team(FRONT).build());
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      Helpdesk node = w % 2 == 0 ? nodeA : nodeB;
      int worker = w;
      tasks.add(() -> {
        for (int i = 0; i < 10; i++) {
          node.tickets().addNote(ALICE, t.id(), Ticket.ANY_VERSION, Message.of("note " + worker + "-" + i));
        }
        return 10;
      });
    }
    race(tasks);
    List<Entry> conversation = nodeB.tickets().conversation(ALICE, t.id());
    assertThat(conversation.stream().filter(e -> e.kind() == EntryKind.INTERNAL_NOTE)).hasSize(40);
    List<TicketEvent> history = nodeA.tickets().history(ALICE, t.id());
    for (int i = 0; i < history.size(); i++) {
      assertThat(history.get(i).version()).isEqualTo(i + 1);
    }
  }

  @Test
  @DisplayName("runners on both nodes fire each escalation step exactly once")
  void escalationStepsFireOnce() throws Exception {
    List<TicketId> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add(nodeA.tickets().create(ALICE, NewTicket.builder("Ticket " + i, CAROL, Message.of("help")).team(FRONT).build()).id());
    }
    sink.clear();
    clock.advance(Duration.ofHours(5)); // past warning (3h) and breach (4h)
    List<Integer> fired = race(List.of(
        () -> nodeA.escalation().runOnce(), () -> nodeB.escalation().runOnce(),
        () -> nodeA.escalation().runOnce(), () -> nodeB.escalation().runOnce()));
    // a last sweep finds nothing left to do
    assertThat(nodeA.escalation().runOnce() + nodeB.escalation().runOnce()).isZero();
    Map<String, Integer> steps = new HashMap<>();
    for (TicketId id : ids) {
      for (TicketEvent e : nodeA.tickets().history(Principal.system("test"), id)) {
        if (e.change() instanceof TicketChange.EscalationStepFired f) {
          steps.merge(id.value() + "/" + f.rule() + "/" + f.step(), 1, Integer::sum);
        }
      }
      assertThat(nodeB.tickets().get(Principal.system("test"), id).tier()).isEqualTo(2);
    }
    assertThat(steps).hasSize(ids.size() * 2);
    assertThat(steps.values()).containsOnly(1);
    assertThat(sink.sent()).hasSize(ids.size() * 2);
    assertThat(fired.stream().mapToInt(Integer::intValue).sum()).isPositive();
  }
}
