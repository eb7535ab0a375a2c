package dev.frontline.helpdesk.ticket;

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
import dev.frontline.helpdesk.spi.memory.InMemoryBlobStore;
import dev.frontline.helpdesk.spi.memory.InMemoryDirectoryStore;
import dev.frontline.helpdesk.spi.memory.InMemoryTicketStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A small helpdesk for service tests: two tiers, three agents, two customers. */
final class Desk {
  static final TeamId FRONT = TeamId.of("front");
  static final TeamId SECOND = TeamId.of("second");
  static final AgentId ALICE = AgentId.of("alice"); // tier 1 agent
  static final AgentId BOB = AgentId.of("bob"); // tier 2 specialist
  static final AgentId LEAD = AgentId.of("lead"); // supervisor
  static final CustomerId CAROL = CustomerId.of("carol");
  static final CustomerId DAN = CustomerId.of("dan");
  static final OrganizationId ACME = OrganizationId.of("acme");

  final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
  final InMemoryTicketStore store = new InMemoryTicketStore();
  final InMemoryDirectoryStore dir = new InMemoryDirectoryStore();
  final List<TicketEvent> events = new CopyOnWriteArrayList<>();
  final Helpdesk helpdesk;
  final TicketService tickets;
  final Principal alice = Principal.agent(ALICE);
  final Principal bob = Principal.agent(BOB);
  final Principal lead = Principal.agent(LEAD);
  final Principal carol = Principal.customer(CAROL);
  final Principal dan = Principal.customer(DAN);
  final Principal system = Principal.system("test");

  Desk() {
    Roles.defaults().forEach(dir::saveRole);
    dir.saveTeam(new Team(FRONT, "Front line", 1));
    dir.saveTeam(new Team(SECOND, "Second line", 2));
    dir.saveTier(new SupportTier(1, "Front line", FRONT));
    dir.saveTier(new SupportTier(2, "Second line", SECOND));
    dir.saveAgent(Agent.of(ALICE, "Alice", "alice@example.com", Set.of("agent"), Map.of(FRONT, TeamAccess.FULL)));
    dir.saveAgent(Agent.of(BOB, "Bob", "bob@example.com", Set.of("specialist"), Map.of(SECOND, TeamAccess.FULL)));
    dir.saveAgent(Agent.of(LEAD, "Lead", "lead@example.com", Set.of("supervisor"), Map.of(FRONT, TeamAccess.FULL)));
    dir.saveOrganization(new Organization(ACME, "Acme", false, false, "standard"));
    dir.saveCustomer(new Customer(CAROL, "Carol", "carol@example.com", ACME, false));
    dir.saveCustomer(Customer.of(DAN, "Dan", "dan@example.com"));
    helpdesk = Helpdesk.builder().stores(InMemoryStores.builder().ticketStore(store).directoryStore(dir).blobStore(new InMemoryBlobStore()).build())
        .clock(clock).reopenWindow(Duration.ofDays(7)).autoCloseAfter(Duration.ofDays(4))
        .listener(events::addAll).build();
    tickets = helpdesk.tickets();
  }

  Ticket carolAsks(String subject) {
    return tickets.create(carol, NewTicket.builder(subject, CAROL, Message.of("Please help: " + subject)).build());
  }

  Ticket frontTicket(String subject) {
    return tickets.create(alice, NewTicket.builder(subject, CAROL, Message.of("Customer called: " + subject, Channel.PHONE)).team(FRONT).build());
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

  static <T> List<T> list(Iterable<T> it) {
    List<T> l = new ArrayList<>();
    it.forEach(l::add);
    return l;
  }
}
