package dev.frontline.helpdesk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.access.Roles;
import dev.frontline.helpdesk.access.TeamAccess;
import dev.frontline.helpdesk.automation.Action;
import dev.frontline.helpdesk.automation.Automation;
import dev.frontline.helpdesk.automation.AutomationDefinition;
import dev.frontline.helpdesk.automation.AutomationRunner;
import dev.frontline.helpdesk.automation.Condition;
import dev.frontline.helpdesk.automation.Macro;
import dev.frontline.helpdesk.automation.MacroService;
import dev.frontline.helpdesk.automation.StoredDefinition;
import dev.frontline.helpdesk.automation.Trigger;
import dev.frontline.helpdesk.automation.TriggerEngine;
import dev.frontline.helpdesk.automation.TriggerEvent;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.SupportTier;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.spi.AutomationDefinitionStore;
import dev.frontline.helpdesk.spi.memory.InMemoryNotificationSink;
import dev.frontline.helpdesk.testkit.MutableClock;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes — two {@link Helpdesk} instances with their own {@link JdbcStores}, macro
 * services, trigger engines and automation runners — on one PostgreSQL database: what an
 * administrator defines through one node is used by the other.
 */
@DisplayName("macros, triggers and automations on two nodes on one PostgreSQL")
class AutomationTwoNodesOnPostgresTest {
  private static final TeamId FRONT = TeamId.of("front");
  private static final CustomerId CAROL = CustomerId.of("carol");
  private static final AgentId ALICE = AgentId.of("alice");
  private static final AgentId ADA = AgentId.of("ada");
  private static final Principal alice = Principal.agent(ALICE);
  private static final Principal admin = Principal.agent(ADA);

  private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
  private final InMemoryNotificationSink sink = new InMemoryNotificationSink();
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
    dir.saveTier(new SupportTier(1, "Front line", FRONT));
    dir.saveAgent(Agent.of(ALICE, "Alice", "alice@example.com", Set.of("team-lead"), Map.of(FRONT, TeamAccess.FULL)));
    dir.saveAgent(Agent.of(ADA, "Ada", "ada@example.com", Set.of("admin"), Map.of()));
    dir.saveCustomer(Customer.of(CAROL, "Carol", "carol@example.com"));
  }

  private Helpdesk node(JdbcStores s) {
    return Helpdesk.builder().stores(s)
        .clock(clock).notificationSink(sink).build();
  }

  @AfterEach
  void stop() {
    if (database != null) {
      database.close();
    }
  }

  private static Ticket ticket(Helpdesk node, String subject, String... tags) {
    return node.tickets().create(alice, NewTicket.builder(subject, CAROL, Message.of("About " + subject)).tags(tags).team(FRONT).build());
  }

  @Test
  @DisplayName("a macro defined on node A is applied on node B; B's edit is applied on A; stale edits are refused")
  void macros() {
    MacroService a = nodeA.macros();
    MacroService b = nodeB.macros();
    Macro greet = Macro.of("greet", "Greet", List.of(Action.addTag("greeted")),
        Map.of(Locale.ENGLISH, "Hello {{customer.name}}", Locale.GERMAN, "Hallo {{customer.name}}",
            Locale.forLanguageTag("de-CH"), "Grüezi {{customer.name}}"), Locale.ENGLISH);
    assertThat(b.list(alice)).isEmpty(); // B has read (and cached) the empty store
    StoredDefinition<Macro> s1 = a.define(alice, greet, AutomationDefinitionStore.NEW);

    Ticket t = ticket(nodeB, "Hi");
    assertThat(b.apply(alice, "greet", t.id(), Locale.forLanguageTag("de-CH")).tags()).contains("greeted");
    assertThat(nodeB.tickets().conversation(alice, t.id()).get(1).body()).isEqualTo("Grüezi Carol");

    Macro edited = Macro.of("greet", "Greet", List.of(), Map.of(Locale.ENGLISH, "Good day {{customer.name}}"), Locale.ENGLISH);
    StoredDefinition<Macro> s2 = b.define(alice, edited, s1.revision());
    assertThatThrownBy(() -> a.define(alice, greet, s1.revision())).isInstanceOf(ConcurrentModificationException.class);
    Ticket t2 = ticket(nodeA, "Again");
    a.apply(alice, "greet", t2.id(), Locale.GERMAN);
    assertThat(nodeA.tickets().conversation(alice, t2.id()).get(1).body()).isEqualTo("Good day Carol");
    assertThat(a.findStored(alice, "greet")).contains(s2);

    assertThat(a.delete(alice, "greet", s2.revision())).isTrue();
    assertThat(b.find(alice, "greet")).isEmpty();
  }

  @Test
  @DisplayName("a trigger defined on node A fires on node B; a delete on B stops it on A")
  void triggers() {
    TriggerEngine a = nodeA.triggers();
    TriggerEngine b = nodeB.triggers();
    Ticket before = ticket(nodeB, "Before", "vip");
    a.define(admin, new Trigger("vip", TriggerEvent.CREATED, List.of(Condition.hasTag("vip"), Condition.not(Condition.stateIn(TicketState.CLOSED))),
        List.of(Action.setPriority(Priority.URGENT), Action.addInternalNote("VIP {{ticket.key}}"))));
    assertThat(nodeA.tickets().get(alice, before.id()).priority()).isNotEqualTo(Priority.URGENT);
    Ticket vip = ticket(nodeB, "Down", "vip");
    assertThat(nodeA.tickets().get(alice, vip.id()).priority()).isEqualTo(Priority.URGENT);
    assertThat(nodeA.tickets().get(alice, ticket(nodeB, "Plain").id()).priority()).isNotEqualTo(Priority.URGENT);

    assertThat(b.delete(admin, "vip")).isTrue();
    Ticket after = ticket(nodeA, "After", "vip");
    assertThat(nodeA.tickets().get(alice, after.id()).priority()).isNotEqualTo(Priority.URGENT);
    assertThat(a.list(admin)).isEmpty();
  }

  @Test
  @DisplayName("an automation defined on node A is run by node B's runner, once")
  void automations() {
    AutomationRunner a = nodeA.automations();
    AutomationRunner b = nodeB.automations();
    a.define(admin, new Automation("nudge", TicketState.PENDING, Duration.ofDays(2), List.of(Condition.lacksTag("no-nudge")),
        List.of(Action.addTag("nudged"))));
    Ticket t = ticket(nodeA, "Waiting");
    nodeA.tickets().transition(alice, t.id(), t.version(), TicketState.PENDING);
    clock.advance(Duration.ofDays(3));
    assertThat(b.runDue()).isEqualTo(1);
    assertThat(a.runDue()).isZero();
    assertThat(nodeA.tickets().get(alice, t.id()).tags()).contains("nudged");
  }

  @Test
  @DisplayName("a stored definition in a format this version cannot read fails with a StorageException, not a half-read definition")
  void unreadableRow() {
    AutomationDefinitionStore store = storesA.automationDefinitionStore();
    store.save(Macro.of("m", "M", List.of(Action.addTag("x")), Map.of(), Locale.ENGLISH), AutomationDefinitionStore.NEW);
    TestDatabase.exec(database.dataSource(), "UPDATE frontline_automation_definitions SET body = '{\"format\":2,\"kind\":\"macro\",\"name\":\"m\"}'");
    assertThatThrownBy(() -> store.find(AutomationDefinition.Kind.MACRO, "m")).isInstanceOf(StorageException.class)
        .hasMessageContaining("unsupported definition format 2");
    assertThatThrownBy(() -> nodeB.macros().list(alice))
        .isInstanceOf(StorageException.class);
  }
}
