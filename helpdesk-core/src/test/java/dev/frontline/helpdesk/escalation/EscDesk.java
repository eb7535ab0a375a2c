package dev.frontline.helpdesk.escalation;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.spi.memory.InMemoryStores;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.access.Roles;
import dev.frontline.helpdesk.access.TeamAccess;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.Organization;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.directory.SupportTier;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.sla.BusinessCalendar;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaPolicy;
import dev.frontline.helpdesk.spi.memory.InMemoryBlobStore;
import dev.frontline.helpdesk.spi.memory.InMemoryDirectoryStore;
import dev.frontline.helpdesk.spi.memory.InMemoryNotificationSink;
import dev.frontline.helpdesk.spi.memory.InMemoryTicketStore;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A helpdesk with SLA policies and escalation rules for tests: three tiers, a business calendar
 * (Mon-Fri 09:00-17:00 UTC), a test clock starting Monday 2026-03-02 09:00 UTC.
 */
final class EscDesk {
  static final TeamId FRONT = TeamId.of("front");
  static final TeamId SECOND = TeamId.of("second");
  static final TeamId THIRD = TeamId.of("third");
  static final AgentId ALICE = AgentId.of("alice");
  static final AgentId BOB = AgentId.of("bob");
  static final AgentId LEAD = AgentId.of("lead");
  static final AgentId OLGA = AgentId.of("olga");
  static final CustomerId CAROL = CustomerId.of("carol");
  static final CustomerId VERA = CustomerId.of("vera");
  static final CustomerId DAN = CustomerId.of("dan");
  static final OrganizationId ACME = OrganizationId.of("acme");
  static final OrganizationId BIGCO = OrganizationId.of("bigco");
  static final Instant MONDAY_9 = Instant.parse("2026-03-02T09:00:00Z");

  static final BusinessCalendar OFFICE =
      BusinessCalendar.builder(ZoneOffset.UTC).weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).build();

  /** First response 4h, resolution 16h, both on office hours, warning at 75%. */
  static final SlaPolicy STANDARD =
      SlaPolicy.builder("standard")
          .target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(4), OFFICE)
          .target(SlaMetric.RESOLUTION, Duration.ofHours(16), OFFICE)
          .build();

  final TestClock clock = new TestClock(MONDAY_9);
  final InMemoryTicketStore store;
  final InMemoryDirectoryStore dir;
  final InMemoryNotificationSink sink = new InMemoryNotificationSink();
  final Helpdesk helpdesk;
  final TicketService tickets;
  final Principal alice = Principal.agent(ALICE);
  final Principal bob = Principal.agent(BOB);
  final Principal lead = Principal.agent(LEAD);
  final Principal olga = Principal.agent(OLGA);
  final Principal carol = Principal.customer(CAROL);
  final Principal vera = Principal.customer(VERA);
  final Principal dan = Principal.customer(DAN);

  EscDesk(List<SlaPolicy> policies, List<EscalationRule> rules) {
    this(new InMemoryTicketStore(), newDirectory(), policies, rules);
  }

  /** Another node on the same stores (with its own clock reference shared via {@code clockOf}). */
  EscDesk(InMemoryTicketStore store, InMemoryDirectoryStore dir, List<SlaPolicy> policies, List<EscalationRule> rules) {
    this.store = store;
    this.dir = dir;
    helpdesk = Helpdesk.builder().stores(InMemoryStores.builder().ticketStore(store).directoryStore(dir).blobStore(new InMemoryBlobStore()).build())
        .clock(clock).slaPolicies(policies).escalationRules(rules).notificationSink(sink)
        .escalationBatchSize(7).build();
    tickets = helpdesk.tickets();
  }

  static InMemoryDirectoryStore newDirectory() {
    InMemoryDirectoryStore dir = new InMemoryDirectoryStore();
    Roles.defaults().forEach(dir::saveRole);
    dir.saveTeam(new Team(FRONT, "Front line", 1));
    dir.saveTeam(new Team(SECOND, "Second line", 2));
    dir.saveTeam(new Team(THIRD, "Third line", 3));
    dir.saveTier(new SupportTier(1, "Front line", FRONT));
    dir.saveTier(new SupportTier(2, "Second line", SECOND));
    dir.saveTier(new SupportTier(3, "Third line", THIRD));
    dir.saveAgent(Agent.of(ALICE, "Alice", "alice@example.com", Set.of("agent"), Map.of(FRONT, TeamAccess.FULL)));
    dir.saveAgent(Agent.of(BOB, "Bob", "bob@example.com", Set.of("specialist"), Map.of(SECOND, TeamAccess.FULL)));
    dir.saveAgent(Agent.of(LEAD, "Lead", "lead@example.com", Set.of("supervisor"), Map.of(FRONT, TeamAccess.FULL)));
    dir.saveAgent(Agent.of(OLGA, "Olga", "olga@example.com", Set.of("observer"), Map.of(FRONT, TeamAccess.FULL)));
    dir.saveOrganization(new Organization(ACME, "Acme", false, false, "standard"));
    dir.saveOrganization(new Organization(BIGCO, "BigCo", false, true, "enterprise"));
    dir.saveCustomer(new Customer(CAROL, "Carol", "carol@example.com", ACME, false));
    dir.saveCustomer(new Customer(VERA, "Vera", "vera@example.com", BIGCO, false));
    dir.saveCustomer(Customer.of(DAN, "Dan", "dan@example.com"));
    return dir;
  }

  Ticket carolAsks(String subject) {
    return tickets.create(carol, NewTicket.builder(subject, CAROL, Message.of("Please help: " + subject)).build());
  }

  Ticket ticket(TicketId id) {
    return store.find(id).orElseThrow();
  }

  int run() {
    return helpdesk.escalation().runOnce();
  }

  /** Sets the clock and runs the escalation runner once. */
  int runAt(Instant t) {
    clock.set(t);
    return run();
  }

  List<TicketEvent> history(TicketId id) {
    return store.history(id);
  }

  List<TicketChange.EscalationStepFired> fired(TicketId id) {
    return history(id).stream()
        .filter(e -> e.change() instanceof TicketChange.EscalationStepFired)
        .map(e -> (TicketChange.EscalationStepFired) e.change())
        .toList();
  }

  List<String> firedRules(TicketId id) {
    return fired(id).stream().map(TicketChange.EscalationStepFired::rule).toList();
  }

  <T extends TicketChange> List<T> changes(TicketId id, Class<T> type) {
    return history(id).stream().map(TicketEvent::change).filter(type::isInstance).map(type::cast).toList();
  }

  /** A clock that stands still until moved. */
  static final class TestClock extends Clock {
    private final AtomicReference<Instant> now;

    TestClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    void advance(Duration d) {
      now.updateAndGet(i -> i.plus(d));
    }

    void set(Instant t) {
      now.set(t);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
