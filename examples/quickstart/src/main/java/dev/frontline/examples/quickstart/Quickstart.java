package dev.frontline.examples.quickstart;

import dev.frontline.helpdesk.Helpdesk;
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
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketSort;
import dev.frontline.helpdesk.ticket.TicketState;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Walks through a ticket's life on Frontline: wiring, a demo directory with two support tiers, a
 * customer's request, an agent's reply and internal note, escalation to second line, the hand-back,
 * the solution and the audit trail. Copy it as the starting point of your own integration.
 */
public final class Quickstart {
  private final PrintStream out;

  /** @param out where the walk-through is printed */
  public Quickstart(PrintStream out) {
    this.out = out;
  }

  /**
   * Runs the walk-through.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    new Quickstart(System.out).run(Clock.systemUTC());
  }

  /**
   * Runs the walk-through on a clock.
   *
   * @param clock the clock the helpdesk reads
   * @return the solved ticket
   */
  public Ticket run(Clock clock) {
    // 1. Wire the stores explicitly. Swap in JdbcStores / LuceneKnowledgeSearch for production.
    InMemoryDirectoryStore directory = new InMemoryDirectoryStore();
    Helpdesk helpdesk = Helpdesk.builder()
        .ticketStore(new InMemoryTicketStore())
        .directoryStore(directory)
        .blobStore(new InMemoryBlobStore())
        .clock(clock)
        .keyPrefix("HD")
        .listener(events -> events.forEach(e -> out.println("  event v" + e.version() + " " + describe(e))))
        .build();

    // 2. The directory: tiers, teams, agents, customers. Roles come ready-made or your own.
    TeamId front = TeamId.of("front-line");
    TeamId second = TeamId.of("second-line");
    Roles.defaults().forEach(directory::saveRole);
    directory.saveTeam(new Team(front, "Front line", 1));
    directory.saveTeam(new Team(second, "Second line", 2));
    directory.saveTier(new SupportTier(1, "Front line", front));
    directory.saveTier(new SupportTier(2, "Second line", second));
    AgentId anna = AgentId.of("anna");
    AgentId bence = AgentId.of("bence");
    directory.saveAgent(new Agent(anna, "Anna Jensen", "anna@example.com", Set.of("agent"), Map.of(front, TeamAccess.FULL),
        Set.of("billing"), Set.of(Locale.ENGLISH, Locale.forLanguageTag("da")), true));
    directory.saveAgent(new Agent(bence, "Bence Kovács", "bence@example.com", Set.of("specialist"), Map.of(second, TeamAccess.FULL),
        Set.of("database"), Set.of(Locale.ENGLISH, Locale.forLanguageTag("hu")), true));
    OrganizationId acme = OrganizationId.of("acme");
    directory.saveOrganization(new Organization(acme, "Acme A/S", false, true, "premium"));
    CustomerId carol = CustomerId.of("carol");
    directory.saveCustomer(new Customer(carol, "Carol Nielsen", "carol@acme.example", acme, false));

    Principal customer = Principal.customer(carol);
    Principal agent = Principal.agent(anna);
    Principal specialist = Principal.agent(bence);

    // 3. Intake: the customer opens a ticket in the portal.
    out.println("Carol opens a ticket:");
    Ticket t = helpdesk.tickets().create(customer,
        NewTicket.builder("Invoices export fails", carol, Message.of("The CSV export of my invoices stops at 50%.", Channel.WEB)).build());
    out.println("  -> " + t.key() + " " + t.state() + " in team " + t.team());

    // 4. Front line replies publicly and notes internally; the customer sees only the reply.
    out.println("Anna replies and adds an internal note:");
    t = helpdesk.tickets().reply(agent, t.id(), t.version(), Message.of("Thanks Carol, we are looking into it."));
    t = helpdesk.tickets().addNote(agent, t.id(), Ticket.ANY_VERSION, Message.of("Reproduced; looks like a timeout in the export job."));
    t = helpdesk.tickets().update(agent, t.id(), t.version(),
        dev.frontline.helpdesk.ticket.TicketUpdate.none().withTags(Set.of("export", "billing"), Set.of()));

    // 5. Tier 1 cannot fix it: escalate to second line.
    out.println("Anna escalates to second line:");
    t = helpdesk.tickets().escalate(agent, t.id(), t.version(), 2, null, "Export job times out; needs a database look");
    out.println("  -> tier " + t.tier() + ", team " + t.team() + "; Anna still sees it: " + helpdesk.tickets().find(agent, t.id()).isPresent());

    // 6. Second line takes it, fixes it and hands it back with a note.
    t = helpdesk.tickets().assign(specialist, t.id(), t.version(), second, bence);
    t = helpdesk.tickets().addNote(specialist, t.id(), Ticket.ANY_VERSION, Message.of("Added the missing index; export runs in 4 s now."));
    out.println("Bence hands it back:");
    t = helpdesk.tickets().deescalate(specialist, t.id(), t.version(), 1, front, "Fixed on our side, please confirm with Carol and solve.");

    // 7. Front line confirms and solves.
    t = helpdesk.tickets().reply(agent, t.id(), Ticket.ANY_VERSION, Message.of("Fixed! Please try the export again."));
    t = helpdesk.tickets().transition(agent, t.id(), t.version(), TicketState.SOLVED);
    out.println("Solved: " + t.key() + " " + t.state() + ", escalations " + t.escalationCount() + ", agent replies " + t.publicAgentReplies());

    // 8. What each side sees.
    List<Entry> carolSees = helpdesk.tickets().conversation(customer, t.id());
    List<Entry> annaSees = helpdesk.tickets().conversation(agent, t.id());
    out.println("Carol sees " + carolSees.size() + " entries, Anna sees " + annaSees.size() + " (internal notes included)");
    long openQueue = helpdesk.tickets().count(agent, TicketQuery.builder().states(TicketState.NEW, TicketState.OPEN).build());
    out.println("Anna's open queue: " + openQueue + " tickets; her queue sorted by urgency: "
        + helpdesk.tickets().query(agent, TicketQuery.builder().sort(TicketSort.PRIORITY_DESC).priorities(Priority.values()).build()).items().size());
    out.println("Audit trail: " + helpdesk.tickets().history(agent, t.id()).size() + " events");
    return t;
  }

  private static String describe(TicketEvent e) {
    String s = e.change().getClass().getSimpleName();
    return s + " by " + e.actor().id();
  }
}
