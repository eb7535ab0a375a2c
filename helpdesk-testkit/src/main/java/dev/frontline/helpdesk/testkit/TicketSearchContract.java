package dev.frontline.helpdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import dev.frontline.helpdesk.spi.memory.InMemoryStores;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.HelpdeskException;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.access.Role;
import dev.frontline.helpdesk.access.Roles;
import dev.frontline.helpdesk.access.Scope;
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
import dev.frontline.helpdesk.search.SimilarTicket;
import dev.frontline.helpdesk.search.SimilarTicketService;
import dev.frontline.helpdesk.search.TicketSearchIndexer;
import dev.frontline.helpdesk.spi.TicketSearch;
import dev.frontline.helpdesk.spi.memory.InMemoryBlobStore;
import dev.frontline.helpdesk.spi.memory.InMemoryDirectoryStore;
import dev.frontline.helpdesk.spi.memory.InMemoryTicketStore;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TicketSearch} must pass, run through {@link SimilarTicketService} on a
 * real in-memory helpdesk: the SECURITY.md cases for "similar tickets" (OTRS CVE-2017-16854 /
 * CVE-2018-11563: a word only in an internal note gives a customer, and an agent without
 * internal-read rights, no hit and no snippet; Frappe Helpdesk #2947/#3686: every hit is a ticket
 * the principal can read) and a seeded randomized agreement test.
 */
public abstract class TicketSearchContract {
  private static final List<String> PUBLIC_WORDS =
      List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel");
  private static final List<String> INTERNAL_WORDS =
      List.of("kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo");
  private static final TeamId T1 = TeamId.of("t1");
  private static final TeamId T2 = TeamId.of("t2");
  private static final TeamId T3 = TeamId.of("t3");
  private static final List<TeamId> TEAMS = List.of(T1, T2, T3);
  private static final Map<TeamId, Integer> TIER_OF = Map.of(T1, 1, T2, 2, T3, 2);

  /** The search under test, fresh per test. */
  protected TicketSearch search;

  /** Subclasses need no-arg constructors. */
  protected TicketSearchContract() {}

  /** @return a new, empty search */
  protected abstract TicketSearch newSearch();

  /**
   * Makes every indexed change searchable now; the default does nothing.
   *
   * @param s the search under test
   */
  protected void refresh(TicketSearch s) {}

  @BeforeEach
  void open() {
    search = newSearch();
  }

  @AfterEach
  void close() {
    search.close();
  }

  /** A helpdesk with tiers 1 and 2, teams t1 (tier 1), t2 and t3 (tier 2), and an indexer. */
  private final class Desk {
    final InMemoryDirectoryStore directory = new InMemoryDirectoryStore();
    final Helpdesk helpdesk;
    final SimilarTicketService service;
    final Principal system = Principal.system("test");

    Desk() {
      directory.saveTier(new SupportTier(1, "First", T1));
      directory.saveTier(new SupportTier(2, "Second", T2));
      directory.saveTeam(new Team(T1, "Team 1", 1));
      directory.saveTeam(new Team(T2, "Team 2", 2));
      directory.saveTeam(new Team(T3, "Team 3", 2));
      Roles.defaults().forEach(directory::saveRole);
      directory.saveRole(new Role("reader", Set.of(Permission.TICKET_READ), Scope.ALL));
      helpdesk = Helpdesk.builder().stores(InMemoryStores.builder().ticketStore(new InMemoryTicketStore()).directoryStore(directory).blobStore(new InMemoryBlobStore()).build())
          .clock(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC))
          .ticketSearch(search, t -> Locale.ENGLISH)
          .build();
      service = helpdesk.similarTickets();
    }

    AgentId agent(String id, Set<String> roles, Map<TeamId, TeamAccess> teams) {
      AgentId a = AgentId.of(id);
      directory.saveAgent(new Agent(a, id, id + "@example.com", roles, teams, Set.of(), Set.of(), true));
      return a;
    }

    Ticket ticket(CustomerId requester, String subject, String publicText, @Nullable String note, @Nullable TeamId team,
        @Nullable AgentId assignee, int tier, boolean solve) {
      Ticket t = helpdesk.tickets().create(system, NewTicket.builder(subject, requester, Message.of(publicText))
          .tier(tier).team(team).assignee(assignee).build());
      if (team == null && t.team() != null) {
        t = helpdesk.tickets().assign(system, t.id(), t.version(), null, assignee);
      }
      if (note != null) {
        t = helpdesk.tickets().addNote(system, t.id(), Ticket.ANY_VERSION, Message.of(note, Channel.INTERNAL));
      }
      if (solve) {
        t = helpdesk.tickets().transition(system, t.id(), t.version(), TicketState.SOLVED);
      }
      return t;
    }

    List<SimilarTicket> similar(Principal p, String text) {
      refresh(search);
      return service.similarSolved(p, text, null, 50);
    }
  }

  private static Set<TicketId> ids(List<SimilarTicket> hits) {
    return hits.stream().map(SimilarTicket::ticketId).collect(Collectors.toSet());
  }

  @Test
  @DisplayName("SECURITY.md: a word only in an internal note gives customers and agents without internal rights no hit or snippet")
  void internalNoteWordIsInvisible() {
    Desk d = new Desk();
    d.directory.saveOrganization(new Organization(OrganizationId.of("org-a"), "Org A", true, false, "standard"));
    CustomerId alice = CustomerId.of("alice");
    d.directory.saveCustomer(new Customer(alice, "Alice", "alice@a.example", OrganizationId.of("org-a"), true));
    Principal customer = Principal.customer(alice);
    Principal withInternal = Principal.agent(d.agent("with-internal", Set.of("agent"), Map.of(T1, TeamAccess.FULL)));
    Principal overview = Principal.agent(d.agent("overview", Set.of("agent"), Map.of(T1, TeamAccess.OVERVIEW)));
    Principal reader = Principal.agent(d.agent("reader", Set.of("reader"), Map.of()));
    Ticket t = d.ticket(alice, "Printer shows an error", "My printer shows error 42 after the update.",
        "zebrafish firmware workaround: flash printer version 7", T1, null, 1, true);

    // an agent who sees team 1 only as an overview may not read its conversations: no hit, no snippet
    for (String text : List.of("printer", "printer error", "error 42 after the update", "zebrafish", "printer error zebrafish")) {
      assertThat(d.similar(overview, text)).as("overview agent searching %s", text).isEmpty();
    }
    assertThatThrownBy(() -> d.helpdesk.tickets().conversation(overview, t.id())).isInstanceOf(HelpdeskException.class);
    for (Principal p : List.of(customer, reader)) {
      assertThat(d.similar(p, "zebrafish")).as("%s: internal-only word", p.describe()).isEmpty();
      assertThat(d.similar(p, "zebrafish firmware workaround")).as("%s", p.describe()).isEmpty();
      List<SimilarTicket> hits = d.similar(p, "printer error zebrafish");
      assertThat(ids(hits)).as("%s: the public words still find the ticket", p.describe()).containsExactly(t.id());
      assertThat(hits.get(0).snippet()).doesNotContain("zebrafish").doesNotContain("firmware");
      assertThat(hits.get(0).internalSnippet()).isFalse();
    }
    for (Principal p : List.of(withInternal, d.system)) {
      List<SimilarTicket> hits = d.similar(p, "zebrafish");
      assertThat(ids(hits)).as("%s may read internal notes", p.describe()).containsExactly(t.id());
      assertThat(hits.get(0).snippet()).contains("<b>zebrafish</b>");
      assertThat(hits.get(0).internalSnippet()).isTrue();
    }
    // a stranger's customer sees nothing of it
    CustomerId bob = CustomerId.of("bob");
    d.directory.saveCustomer(new Customer(bob, "Bob", null, null, false));
    assertThat(d.similar(Principal.customer(bob), "printer error")).isEmpty();
    assertThat(d.similar(Principal.anonymous(), "printer error")).isEmpty();
  }

  @Test
  @DisplayName("only solved tickets; reopening, reassigning and new notes are followed by the index")
  void followsChanges() {
    Desk d = new Desk();
    CustomerId alice = CustomerId.of("alice");
    d.directory.saveCustomer(new Customer(alice, "Alice", null, null, false));
    Principal t1Agent = Principal.agent(d.agent("t1-agent", Set.of("agent"), Map.of(T1, TeamAccess.FULL)));
    Ticket open = d.ticket(alice, "VPN drops", "The VPN drops every hour", null, T1, null, 1, false);
    Ticket solved = d.ticket(alice, "VPN drops again", "The VPN drops at night", null, T1, null, 1, true);
    assertThat(ids(d.similar(t1Agent, "vpn drops"))).containsExactly(solved.id());
    // a note added later is found (by those who may read it)
    d.helpdesk.tickets().addNote(d.system, solved.id(), Ticket.ANY_VERSION, Message.of("router quirk", Channel.INTERNAL));
    assertThat(ids(d.similar(t1Agent, "quirk"))).containsExactly(solved.id());
    assertThat(d.similar(Principal.customer(alice), "quirk")).isEmpty();
    // moved to another team: the t1 agent no longer sees it
    Ticket now = d.helpdesk.tickets().get(d.system, solved.id());
    d.helpdesk.tickets().transition(d.system, now.id(), now.version(), TicketState.OPEN);
    now = d.helpdesk.tickets().get(d.system, solved.id());
    assertThat(d.similar(t1Agent, "vpn drops")).isEmpty();
    now = d.helpdesk.tickets().escalate(d.system, now.id(), now.version(), 2, T2, "needs tier 2");
    d.helpdesk.tickets().transition(d.system, now.id(), now.version(), TicketState.SOLVED);
    assertThat(d.similar(t1Agent, "vpn drops")).isEmpty();
    assertThat(ids(d.similar(d.system, "vpn drops"))).containsExactly(solved.id());
    assertThat(open.state()).isNotIn(TicketSearch.SOLVED_STATES);
    // the ticket itself is left out of "similar to this ticket"
    assertThat(d.service.similarTo(d.system, solved.id(), null, 10)).isEmpty();
  }

  @Test
  @DisplayName("concurrent notes on one solved ticket: the index ends with every note")
  void concurrentChanges() throws Exception {
    Desk d = new Desk();
    CustomerId alice = CustomerId.of("alice");
    d.directory.saveCustomer(new Customer(alice, "Alice", null, null, false));
    Ticket t = d.ticket(alice, "Mail sync", "Mail does not sync", null, T1, null, 1, true);
    int threads = 4;
    int notes = 10;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int thread = i;
        done.add(pool.submit(() -> {
          for (int n = 0; n < notes; n++) {
            d.helpdesk.tickets().addNote(d.system, t.id(), Ticket.ANY_VERSION,
                Message.of("marker" + (char) ('a' + thread) + (char) ('a' + n), Channel.INTERNAL));
          }
          return null;
        }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get(60, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < threads; i++) {
      for (int n = 0; n < notes; n++) {
        String w = "marker" + (char) ('a' + i) + (char) ('a' + n);
        assertThat(ids(d.similar(d.system, w))).as(w).containsExactly(t.id());
      }
    }
  }

  @Test
  @DisplayName("randomized: hits are exactly the readable solved tickets with the word, internal words only where internal reads are allowed")
  void randomizedAgreement() {
    Random random = Seeds.random(getClass().getSimpleName() + ".randomizedAgreement");
    for (int world = 0; world < 4; world++) {
      long seed = random.nextLong();
      search.close();
      search = newSearch();
      try {
        oneWorld(new Random(seed));
      } catch (AssertionError e) {
        throw new AssertionError("world " + world + ": " + e.getMessage(), e);
      }
    }
  }

  private static <T> T pick(Random rnd, List<T> from) {
    return from.get(rnd.nextInt(from.size()));
  }

  private void oneWorld(Random rnd) {
    Desk d = new Desk();
    Set<Permission> custom = new HashSet<>();
    for (Permission p : Permission.grantable()) {
      if (rnd.nextInt(3) == 0) {
        custom.add(p);
      }
    }
    d.directory.saveRole(new Role("custom", custom, pick(rnd, List.of(Scope.values()))));
    List<String> roleNames = new ArrayList<>(Roles.defaults().stream().map(Role::name).toList());
    roleNames.add("custom");
    roleNames.add("reader");
    List<OrganizationId> orgs = new ArrayList<>();
    for (int o = 0; o < 3; o++) {
      OrganizationId id = OrganizationId.of("org-" + o);
      d.directory.saveOrganization(new Organization(id, "Org " + o, rnd.nextBoolean(), false, "standard"));
      orgs.add(id);
    }
    List<CustomerId> customers = new ArrayList<>();
    for (int c = 0; c < 6; c++) {
      CustomerId id = CustomerId.of("cust-" + c);
      d.directory.saveCustomer(new Customer(id, "Customer " + c, null, rnd.nextInt(4) == 0 ? null : pick(rnd, orgs), rnd.nextBoolean()));
      customers.add(id);
    }
    List<AgentId> agents = new ArrayList<>();
    for (int a = 0; a < 7; a++) {
      Set<String> roles = new LinkedHashSet<>();
      for (int r = rnd.nextInt(3); r > 0; r--) {
        roles.add(pick(rnd, roleNames));
      }
      Map<TeamId, TeamAccess> teams = new HashMap<>();
      for (TeamId t : TEAMS) {
        if (rnd.nextInt(2) == 0) {
          teams.put(t, pick(rnd, List.of(TeamAccess.values())));
        }
      }
      agents.add(d.agent("agent-" + a, roles, teams));
    }
    Map<TicketId, Set<String>> publicWords = new HashMap<>();
    Map<TicketId, Set<String>> internalWords = new HashMap<>();
    List<TicketId> tickets = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      TeamId team = rnd.nextInt(4) == 0 ? null : pick(rnd, TEAMS);
      int tier = team == null ? 1 + rnd.nextInt(2) : TIER_OF.get(team);
      AgentId assignee = rnd.nextInt(3) == 0 ? pick(rnd, agents) : null;
      String subjectWord = pick(rnd, PUBLIC_WORDS);
      String bodyWord = pick(rnd, PUBLIC_WORDS);
      String noteWord = rnd.nextInt(4) == 0 ? null : pick(rnd, INTERNAL_WORDS);
      Ticket t;
      try {
        t = d.ticket(pick(rnd, customers), "Case " + subjectWord, "Question about " + bodyWord,
            noteWord == null ? null : "Note on " + noteWord, team, assignee, tier, rnd.nextInt(4) != 0);
      } catch (HelpdeskException e) {
        continue; // e.g. an assignee outside the team; not what this test is about
      }
      tickets.add(t.id());
      publicWords.put(t.id(), new HashSet<>(List.of(subjectWord, bodyWord)));
      internalWords.put(t.id(), noteWord == null ? new HashSet<>() : new HashSet<>(Set.of(noteWord)));
    }
    // changes after indexing: reopen, move, add notes
    for (TicketId id : tickets) {
      try {
        Ticket t = d.helpdesk.tickets().get(d.system, id);
        switch (rnd.nextInt(5)) {
          case 0 -> {
            if (t.state() == TicketState.SOLVED) {
              d.helpdesk.tickets().transition(d.system, id, t.version(), TicketState.OPEN);
            }
          }
          case 1 -> {
            String w = pick(rnd, INTERNAL_WORDS);
            d.helpdesk.tickets().addNote(d.system, id, Ticket.ANY_VERSION, Message.of("Later " + w, Channel.INTERNAL));
            Objects.requireNonNull(internalWords.get(id)).add(w);
          }
          case 2 -> {
            TeamId to = pick(rnd, TEAMS);
            d.helpdesk.tickets().escalate(d.system, id, t.version(), Objects.requireNonNull(TIER_OF.get(to)), to, "move");
          }
          default -> { }
        }
      } catch (HelpdeskException e) {
        // a rule of the ticket service refused the change; the index must still match the store
      }
    }
    List<Principal> principals = new ArrayList<>();
    agents.forEach(a -> principals.add(Principal.agent(a)));
    customers.forEach(c -> principals.add(Principal.customer(c)));
    principals.add(Principal.anonymous());
    principals.add(d.system);
    for (Principal p : principals) {
      List<String> words = new ArrayList<>(PUBLIC_WORDS);
      words.addAll(INTERNAL_WORDS);
      for (String w : words) {
        List<SimilarTicket> hits = d.similar(p, w);
        Set<TicketId> expected = new HashSet<>();
        for (TicketId id : tickets) {
          Ticket t = d.helpdesk.tickets().get(d.system, id);
          // the conversation's read right (an overview of a team's tickets is not enough), as the
          // index can apply it (permitted() leaves out tier-reached tickets of agents in a team
          // that withholds reading; never more)
          boolean readable = d.helpdesk.access().may(d.helpdesk.access().rightsOf(p), t, Permission.TICKET_READ)
              && d.helpdesk.access().permitted(d.helpdesk.access().rightsOf(p), Permission.TICKET_READ).matches(t);
          boolean solved = TicketSearch.SOLVED_STATES.contains(t.state());
          boolean inPublic = Objects.requireNonNull(publicWords.get(id)).contains(w);
          boolean inInternal = Objects.requireNonNull(internalWords.get(id)).contains(w)
              && d.helpdesk.access().permitted(d.helpdesk.access().rightsOf(p), Permission.TICKET_READ_INTERNAL).matches(t);
          if (readable && solved && (inPublic || inInternal)) {
            expected.add(id);
          }
        }
        assertThat(ids(hits)).as("%s searching %s", p.describe(), w).isEqualTo(expected);
        for (SimilarTicket h : hits) {
          Ticket t = d.helpdesk.tickets().get(d.system, h.ticketId());
          assertThat(d.helpdesk.tickets().find(p, h.ticketId())).as("every hit is readable").isPresent();
          assertThat(d.helpdesk.access().may(d.helpdesk.access().rightsOf(p), t, Permission.TICKET_READ)).as("%s may read the conversation of every hit", p.describe()).isTrue();
          boolean mayInternal = d.helpdesk.access().may(d.helpdesk.access().rightsOf(p), t, Permission.TICKET_READ_INTERNAL);
          if (INTERNAL_WORDS.contains(w) && !Objects.requireNonNull(publicWords.get(h.ticketId())).contains(w)) {
            assertThat(mayInternal).as("%s: an internal-only hit needs internal-read rights on %s", p.describe(), t).isTrue();
          }
          if (!mayInternal) {
            assertThat(h.internalSnippet()).isFalse();
          }
          if (!h.internalSnippet()) {
            for (String iw : INTERNAL_WORDS) {
              assertThat(h.snippet()).as("public snippet of %s", p.describe()).doesNotContain(iw);
            }
          }
        }
      }
    }
  }
}
