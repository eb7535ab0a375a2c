package dev.frontline.helpdesk.access;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.spi.memory.InMemoryStores;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.Organization;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.directory.SupportTier;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.spi.IdGenerator;
import dev.frontline.helpdesk.spi.memory.InMemoryBlobStore;
import dev.frontline.helpdesk.spi.memory.InMemoryDirectoryStore;
import dev.frontline.helpdesk.spi.memory.InMemoryTicketStore;
import dev.frontline.helpdesk.ticket.Attachment;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewAttachment;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * A small helpdesk for access tests: tiers 1 to 4 with a default team each (T1, T2A, T3, T4), a
 * second tier-2 team T2B, every built-in role registered, a colleague agent in every team, and
 * organizations A and B with customers. Denials are collected in {@link #denials}.
 */
final class World {
  static final TeamId T1 = TeamId.of("t1");
  static final TeamId T2A = TeamId.of("t2a");
  static final TeamId T2B = TeamId.of("t2b");
  static final TeamId T3 = TeamId.of("t3");
  static final TeamId T4 = TeamId.of("t4");
  static final AgentId COLLEAGUE = AgentId.of("colleague");
  static final OrganizationId ORG_A = OrganizationId.of("org-a");
  static final OrganizationId ORG_B = OrganizationId.of("org-b");
  static final CustomerId ALICE = CustomerId.of("alice");
  static final CustomerId ANNA = CustomerId.of("anna");
  static final CustomerId BOB = CustomerId.of("bob");

  /** The first public message's text; every other entry has its own marker. */
  static final String PUBLIC_TEXT = "public question";
  static final String NOTE_TEXT = "internal secret note";

  final TestClock clock = new TestClock(Instant.parse("2026-01-05T09:00:00Z"));
  final InMemoryDirectoryStore directory = new InMemoryDirectoryStore();
  final InMemoryTicketStore store = new InMemoryTicketStore();
  final InMemoryBlobStore blobs = new InMemoryBlobStore();
  final List<AccessDecision> denials = new CopyOnWriteArrayList<>();
  final Helpdesk helpdesk;
  final Principal system = Principal.system("test");

  World() {
    this(IdGenerator.secureRandom());
  }

  World(IdGenerator ids) {
    directory.saveTier(new SupportTier(1, "First line", T1));
    directory.saveTier(new SupportTier(2, "Second line", T2A));
    directory.saveTier(new SupportTier(3, "Third line", T3));
    directory.saveTier(new SupportTier(4, "Vendor", T4));
    directory.saveTeam(new Team(T1, "Team 1", 1));
    directory.saveTeam(new Team(T2A, "Team 2A", 2));
    directory.saveTeam(new Team(T2B, "Team 2B", 2));
    directory.saveTeam(new Team(T3, "Team 3", 3));
    directory.saveTeam(new Team(T4, "Team 4", 4));
    Roles.defaults().forEach(directory::saveRole);
    directory.saveAgent(
        Agent.of(
            COLLEAGUE, "Colleague", "colleague@example.com", Set.of("agent"),
            Map.of(T1, TeamAccess.FULL, T2A, TeamAccess.FULL, T2B, TeamAccess.FULL, T3, TeamAccess.FULL, T4, TeamAccess.FULL)));
    organizations(true);
    directory.saveCustomer(new Customer(ALICE, "Alice", "alice@a.example", ORG_A, true));
    directory.saveCustomer(new Customer(ANNA, "Anna", "anna@a.example", ORG_A, true));
    directory.saveCustomer(new Customer(BOB, "Bob", "bob@b.example", ORG_B, true));
    helpdesk =
        Helpdesk.builder().stores(InMemoryStores.builder().ticketStore(store).directoryStore(directory).blobStore(blobs).build())
            .clock(clock)
            .ids(ids)
            .accessListener(denials::add)
            .build();
  }

  void organizations(boolean aShares) {
    directory.saveOrganization(new Organization(ORG_A, "Org A", aShares, false, "standard"));
    directory.saveOrganization(new Organization(ORG_B, "Org B", true, false, "standard"));
  }

  TicketService tickets() {
    return helpdesk.tickets();
  }

  AgentId agent(String id, Set<String> roles, Map<TeamId, TeamAccess> teams, boolean active) {
    AgentId a = AgentId.of(id);
    directory.saveAgent(new Agent(a, id, id + "@example.com", roles, teams, Set.of(), Set.of(), active));
    return a;
  }

  /**
   * Opens a ticket as the system principal with a public message carrying an attachment, then an
   * internal note carrying another attachment.
   */
  Ticket ticket(CustomerId requester, int tier, @Nullable TeamId team, @Nullable AgentId assignee) {
    clock.advance(Duration.ofMinutes(1));
    Message first =
        new Message(PUBLIC_TEXT, Channel.WEB, List.of(new NewAttachment("public.txt", "text/plain", bytes("public file"))));
    Ticket t =
        tickets().create(system, NewTicket.builder("Help with " + requester.value(), requester, first)
            .tier(tier).team(team).assignee(assignee).build());
    if (team == null && t.team() != null) {
      // new tickets land in the tier's default team; take it out again for "no team" situations
      t = tickets().assign(system, t.id(), t.version(), null, assignee);
    }
    clock.advance(Duration.ofMinutes(1));
    Message note =
        new Message(NOTE_TEXT, Channel.INTERNAL, List.of(new NewAttachment("secret.txt", "text/plain", bytes("secret file"))));
    return tickets().addNote(system, t.id(), Ticket.ANY_VERSION, note);
  }

  Ticket reload(TicketId id) {
    return tickets().get(system, id);
  }

  long total() {
    return tickets().count(system, TicketQuery.builder().build());
  }

  List<Entry> allEntries(TicketId id) {
    return tickets().conversation(system, id);
  }

  Entry firstEntry(TicketId id, EntryKind kind) {
    return allEntries(id).stream().filter(e -> e.kind() == kind).findFirst().orElseThrow();
  }

  Attachment attachmentOf(TicketId id, EntryKind kind) {
    return firstEntry(id, kind).attachments().get(0);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
