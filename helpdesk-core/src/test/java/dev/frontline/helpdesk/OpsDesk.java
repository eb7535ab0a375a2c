package dev.frontline.helpdesk;

import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.spi.memory.InMemoryStores;
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
import dev.frontline.helpdesk.spi.memory.InMemoryBlobStore;
import dev.frontline.helpdesk.spi.memory.InMemoryDirectoryStore;
import dev.frontline.helpdesk.spi.memory.InMemoryTicketStore;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A helpdesk for the tests of intake, routing, automation, feedback, metrics and assets: two
 * front-line teams and a second-line team, agents with different roles, and customers of one
 * organization that shares tickets.
 */
public final class OpsDesk {
  public static final TeamId FRONT = TeamId.of("front");
  public static final TeamId FRONT_B = TeamId.of("front-b");
  public static final TeamId SECOND = TeamId.of("second");
  public static final AgentId ALICE = AgentId.of("alice"); // tier 1 agent, FRONT
  public static final AgentId AMY = AgentId.of("amy"); // tier 1 agent, FRONT, billing + German
  public static final AgentId BEN = AgentId.of("ben"); // tier 1 agent, FRONT_B
  public static final AgentId BOB = AgentId.of("bob"); // tier 2 specialist, SECOND
  public static final AgentId LEAD = AgentId.of("lead"); // team lead of FRONT
  public static final AgentId SUP = AgentId.of("sup"); // supervisor
  public static final CustomerId CAROL = CustomerId.of("carol"); // ACME, sees org tickets
  public static final CustomerId ERIN = CustomerId.of("erin"); // ACME, sees org tickets
  public static final CustomerId DAN = CustomerId.of("dan"); // no organization
  public static final OrganizationId ACME = OrganizationId.of("acme");

  public final TestClock clock;
  public final InMemoryTicketStore store;
  public final InMemoryDirectoryStore dir;
  private final java.util.List<dev.frontline.helpdesk.sla.SlaPolicy> policies;
  public final InMemoryStores stores;
  public final Helpdesk helpdesk;
  public final TicketService tickets;
  public final Principal alice = Principal.agent(ALICE);
  public final Principal amy = Principal.agent(AMY);
  public final Principal ben = Principal.agent(BEN);
  public final Principal bob = Principal.agent(BOB);
  public final Principal lead = Principal.agent(LEAD);
  public final Principal sup = Principal.agent(SUP);
  public final Principal carol = Principal.customer(CAROL);
  public final Principal erin = Principal.customer(ERIN);
  public final Principal dan = Principal.customer(DAN);
  public final Principal system = Principal.system("test");

  public OpsDesk() {
    this(java.util.List.of());
  }

  /** @param policies the SLA policies of the helpdesk */
  public OpsDesk(java.util.List<dev.frontline.helpdesk.sla.SlaPolicy> policies) {
    this(policies, b -> {});
  }

  /** @param config adds to the helpdesk's configuration (routing, sink, ...) */
  public OpsDesk(java.util.function.Consumer<Helpdesk.Builder> config) {
    this(java.util.List.of(), config);
  }

  /**
   * @param policies the SLA policies of the helpdesk
   * @param config adds to the helpdesk's configuration (routing, sink, ...)
   */
  public OpsDesk(java.util.List<dev.frontline.helpdesk.sla.SlaPolicy> policies, java.util.function.Consumer<Helpdesk.Builder> config) {
    clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
    store = new InMemoryTicketStore();
    dir = new InMemoryDirectoryStore();
    this.policies = policies;
    Roles.defaults().forEach(dir::saveRole);
    dir.saveTeam(new Team(FRONT, "Front line", 1));
    dir.saveTeam(new Team(FRONT_B, "Front line B", 1));
    dir.saveTeam(new Team(SECOND, "Second line", 2));
    dir.saveTier(new SupportTier(1, "Front line", FRONT));
    dir.saveTier(new SupportTier(2, "Second line", SECOND));
    dir.saveAgent(Agent.of(ALICE, "Alice", "alice@example.com", Set.of("agent"), Map.of(FRONT, TeamAccess.FULL)));
    dir.saveAgent(new Agent(AMY, "Amy", "amy@example.com", Set.of("agent"), Map.of(FRONT, TeamAccess.FULL),
        Set.of("billing"), Set.of(Locale.GERMAN, Locale.ENGLISH), true));
    dir.saveAgent(Agent.of(BEN, "Ben", "ben@example.com", Set.of("agent"), Map.of(FRONT_B, TeamAccess.FULL)));
    dir.saveAgent(Agent.of(BOB, "Bob", "bob@example.com", Set.of("specialist"), Map.of(SECOND, TeamAccess.FULL)));
    dir.saveAgent(Agent.of(LEAD, "Lead", "lead@example.com", Set.of("team-lead"), Map.of(FRONT, TeamAccess.FULL)));
    dir.saveAgent(Agent.of(SUP, "Sup", "sup@example.com", Set.of("supervisor"), Map.of()));
    dir.saveOrganization(new Organization(ACME, "Acme", true, false, "standard"));
    dir.saveCustomer(new Customer(CAROL, "Carol <b>C</b>", "carol@example.com", ACME, true));
    dir.saveCustomer(new Customer(ERIN, "Erin", "erin@example.com", ACME, true));
    dir.saveCustomer(Customer.of(DAN, "Dan", "dan@example.com"));
    stores = InMemoryStores.builder().ticketStore(store).directoryStore(dir).blobStore(new InMemoryBlobStore()).build();
    Helpdesk.Builder b = base().slaPolicies(policies);
    config.accept(b);
    helpdesk = b.build();
    tickets = helpdesk.tickets();
  }

  private OpsDesk(OpsDesk same, java.util.function.Consumer<Helpdesk.Builder> config) {
    clock = same.clock;
    store = same.store;
    dir = same.dir;
    policies = same.policies;
    stores = same.stores;
    Helpdesk.Builder b = base().slaPolicies(policies);
    config.accept(b);
    helpdesk = b.build();
    tickets = helpdesk.tickets();
  }

  /**
   * @param config the configuration to add
   * @return a desk on the same stores and clock whose helpdesk has this configuration too
   */
  public OpsDesk with(java.util.function.Consumer<Helpdesk.Builder> config) {
    return new OpsDesk(this, config);
  }

  /** @return a builder of another helpdesk (another node) on the same stores and clock */
  public Helpdesk.Builder base() {
    return Helpdesk.builder().stores(stores).clock(clock).reopenWindow(Duration.ofDays(7)).autoCloseAfter(Duration.ofDays(4));
  }

  /** @return a ticket Carol opened herself on the web */
  public Ticket carolAsks(String subject) {
    return tickets.create(carol, NewTicket.builder(subject, CAROL, Message.of("Please help: " + subject)).build());
  }

  /** @return a front-line ticket for Carol opened by the system on a channel */
  public Ticket ticket(String subject, Channel channel) {
    return tickets.create(system, NewTicket.builder(subject, CAROL, Message.of("About " + subject, channel)).build());
  }

  /** A clock that stands still until moved. */
  public static final class TestClock extends Clock {
    private final AtomicReference<Instant> now;

    TestClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    public void advance(Duration d) {
      now.updateAndGet(i -> i.plus(d));
    }

    public void set(Instant i) {
      now.set(i);
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
