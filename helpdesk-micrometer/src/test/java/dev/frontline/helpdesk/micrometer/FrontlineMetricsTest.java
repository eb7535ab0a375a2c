package dev.frontline.helpdesk.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.frontline.helpdesk.email.EmailIntake;
import dev.frontline.helpdesk.email.IntakeResult;
import dev.frontline.helpdesk.escalation.EscalationAction;
import dev.frontline.helpdesk.escalation.EscalationRule;
import dev.frontline.helpdesk.escalation.EscalationTrigger;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.micrometer.email.EmailIntakeMetrics;
import dev.frontline.helpdesk.sla.BusinessCalendar;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaPolicy;
import dev.frontline.helpdesk.spi.KnowledgeSearch;
import dev.frontline.helpdesk.spi.memory.InMemoryKnowledgeSearch;
import dev.frontline.helpdesk.spi.memory.InMemoryStores;
import dev.frontline.helpdesk.testkit.MutableClock;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Micrometer meters of a helpdesk")
class FrontlineMetricsTest {
  private static final TeamId FRONT = TeamId.of("front");
  private static final TeamId SECOND = TeamId.of("second");
  private static final Principal CAROL = Principal.customer(CustomerId.of("carol"));
  private static final Principal ANNA = Principal.agent(AgentId.of("anna"));

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
  private final InMemoryStores stores = InMemoryStores.create();
  private Helpdesk helpdesk;

  @BeforeEach
  void build() {
    var dir = stores.directoryStore();
    Roles.defaults().forEach(dir::saveRole);
    dir.saveTeam(new Team(FRONT, "Front", 1));
    dir.saveTeam(new Team(SECOND, "Second", 2));
    dir.saveTier(new SupportTier(1, "Front", FRONT));
    dir.saveTier(new SupportTier(2, "Second", SECOND));
    dir.saveAgent(new Agent(AgentId.of("anna"), "Anna", "anna@example.com", Set.of(Roles.AGENT.name()),
        Map.of(FRONT, TeamAccess.FULL, SECOND, TeamAccess.FULL), Set.of(), Set.of(Locale.ENGLISH), true));
    dir.saveCustomer(new Customer(CustomerId.of("carol"), "Carol", "carol@example.com", null, false));
    FrontlineMetrics metrics = FrontlineMetrics.of(registry);
    helpdesk = Helpdesk.builder().stores(stores).clock(clock)
        .slaPolicies(List.of(SlaPolicy.builder("all")
            .target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(1), BusinessCalendar.always())
            .target(SlaMetric.RESOLUTION, Duration.ofHours(8), BusinessCalendar.always())
            .build()))
        .escalationRules(List.of(EscalationRule.builder("first-response-breach")
            .when(EscalationTrigger.slaBreach(SlaMetric.FIRST_RESPONSE))
            .then(EscalationAction.moveToTier(2, null)).build()))
        .listener(metrics.ticketListener(stores.ticketStore()))
        .knowledgeSearch(metrics.timed(new InMemoryKnowledgeSearch()))
        .build();
  }

  private double count(String name, String... tags) {
    var c = registry.find(name).tags(tags).counter();
    return c == null ? 0 : c.count();
  }

  private Ticket open(String subject, Priority priority) {
    // customers may not choose a priority: an integration opens those tickets for them
    return helpdesk.tickets().create(priority == Priority.NORMAL ? CAROL : Principal.system("integration"),
        NewTicket.builder(subject, CustomerId.of("carol"), Message.of("It does not work")).priority(priority).build());
  }

  @Test
  @DisplayName("tickets created are counted by channel and priority")
  void created() {
    Ticket t = open("Printer", Priority.HIGH);
    open("Scanner", Priority.HIGH);
    open("Mouse", Priority.LOW);
    String channel = t.channel().name().toLowerCase(Locale.ROOT);

    assertThat(count(FrontlineMetrics.TICKETS_CREATED, "channel", channel, "priority", "high")).isEqualTo(2);
    assertThat(count(FrontlineMetrics.TICKETS_CREATED, "channel", channel, "priority", "low")).isEqualTo(1);
    assertThat(registry.getMeters()).as("no tag carries an id")
        .flatMap(m -> m.getId().getTags()).noneMatch(tag -> tag.getValue().contains(t.id().toString()));
  }

  @Test
  @DisplayName("solving and reopening are counted once each")
  void solvedAndReopened() {
    Ticket t = open("Printer", Priority.NORMAL);
    t = helpdesk.tickets().reply(ANNA, t.id(), t.version(), Message.of("Try turning it off and on"));
    t = helpdesk.tickets().transition(ANNA, t.id(), t.version(), TicketState.SOLVED);
    assertThat(count(FrontlineMetrics.TICKETS_SOLVED, "priority", "normal")).isEqualTo(1);
    assertThat(count(FrontlineMetrics.TICKETS_REOPENED)).isZero();

    t = helpdesk.tickets().reply(CAROL, t.id(), t.version(), Message.of("Still broken"));
    assertThat(t.state()).isNotEqualTo(TicketState.SOLVED);
    assertThat(count(FrontlineMetrics.TICKETS_REOPENED, "priority", "normal")).isEqualTo(1);
    assertThat(count(FrontlineMetrics.TICKETS_SOLVED)).isEqualTo(1);
  }

  @Test
  @DisplayName("an SLA breach is counted once by metric, and the escalation it causes by tier")
  void breachAndEscalation() {
    Ticket t = open("Printer", Priority.NORMAL);
    clock.advance(Duration.ofMinutes(90));
    helpdesk.escalation().runOnce();

    assertThat(count(FrontlineMetrics.SLA_BREACHES, "metric", "first_response")).isEqualTo(1);
    assertThat(count(FrontlineMetrics.ESCALATIONS, "tier", "2", "automatic", "true")).isEqualTo(1);

    // later changes and sweeps record the same breach again in the ticket's SLA state: not a new one
    clock.advance(Duration.ofMinutes(10));
    helpdesk.escalation().runOnce();
    t = helpdesk.tickets().get(ANNA, t.id());
    helpdesk.tickets().reply(ANNA, t.id(), t.version(), Message.of("Looking into it"));
    assertThat(count(FrontlineMetrics.SLA_BREACHES, "metric", "first_response")).isEqualTo(1);
    assertThat(count(FrontlineMetrics.SLA_BREACHES, "metric", "resolution")).isZero();

    // the resolution target (8 h) breaches later: a breach of another metric
    clock.advance(Duration.ofHours(8));
    helpdesk.escalation().runOnce();
    assertThat(count(FrontlineMetrics.SLA_BREACHES, "metric", "resolution")).isEqualTo(1);
    assertThat(count(FrontlineMetrics.SLA_BREACHES, "metric", "first_response")).isEqualTo(1);
  }

  @Test
  @DisplayName("an agent's escalation is counted as not automatic")
  void manualEscalation() {
    Ticket t = open("Printer", Priority.NORMAL);
    helpdesk.tickets().escalate(ANNA, t.id(), t.version(), 2, null, "needs a specialist");
    assertThat(count(FrontlineMetrics.ESCALATIONS, "tier", "2", "automatic", "false")).isEqualTo(1);
    assertThat(count(FrontlineMetrics.ESCALATIONS, "automatic", "true")).isZero();
  }

  @Test
  @DisplayName("knowledge searches are timed by operation and outcome")
  void knowledgeSearchTimer() {
    helpdesk.knowledge().search(ANNA, KnowledgeQuery.builder("printer").build());
    helpdesk.knowledge().search(ANNA, KnowledgeQuery.builder("scanner").build());

    var timer = registry.find(FrontlineMetrics.KNOWLEDGE_SEARCH).tags("operation", "search", "outcome", "success").timer();
    assertThat(timer).isNotNull();
    assertThat(timer.count()).isEqualTo(2);
  }

  @Test
  @DisplayName("a failing knowledge search is timed with outcome error and still fails")
  void knowledgeSearchError() {
    KnowledgeSearch closed = (KnowledgeSearch) java.lang.reflect.Proxy.newProxyInstance(KnowledgeSearch.class.getClassLoader(),
        new Class<?>[] {KnowledgeSearch.class}, (proxy, method, args) -> {
          throw new IllegalStateException("index closed");
        });
    KnowledgeSearch timed = FrontlineMetrics.of(registry).timed(closed);
    assertThatThrownBy(() -> timed.search(KnowledgeQuery.builder("x").build(),
        dev.frontline.helpdesk.knowledge.SearchAudience.everything())).hasMessage("index closed");
    var timer = registry.find(FrontlineMetrics.KNOWLEDGE_SEARCH).tags("operation", "search", "outcome", "error").timer();
    assertThat(timer).isNotNull();
    assertThat(timer.count()).isEqualTo(1);
  }

  @Test
  @DisplayName("e-mail intake outcomes are counted by status and threading")
  void emailIntake() {
    EmailIntake intake = EmailIntake.builder(helpdesk, stores).domain("help.example.com")
        .secret("0123456789abcdef0123456789abcdef-test-secret".getBytes(StandardCharsets.UTF_8))
        .build();
    EmailIntakeMetrics meters = EmailIntakeMetrics.of(registry);
    String mail = """
        From: Erik <erik@example.org>
        To: support@help.example.com
        Subject: Cannot log in
        Message-ID: <m1@example.org>
        Date: Mon, 2 Mar 2026 09:00:00 +0000
        Content-Type: text/plain; charset=UTF-8

        My password does not work.
        """.replace("\n", "\r\n");
    IntakeResult first = meters.record(intake.receive(mail.getBytes(StandardCharsets.UTF_8)));
    IntakeResult again = meters.record(intake.receive(mail.getBytes(StandardCharsets.UTF_8)));

    assertThat(first.status()).isEqualTo(IntakeResult.Status.CREATED);
    assertThat(again.status()).isEqualTo(IntakeResult.Status.DUPLICATE);
    assertThat(count(EmailIntakeMetrics.INTAKE, "status", "created", "threaded_by", "new_ticket")).isEqualTo(1);
    assertThat(count(EmailIntakeMetrics.INTAKE, "status", "duplicate")).isEqualTo(1);
    assertThat(count(FrontlineMetrics.TICKETS_CREATED, "channel", "email")).isEqualTo(1);
  }
}
