package dev.frontline.helpdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.Organization;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.spi.IdGenerator;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketPage;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketSort;
import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Zammad #2757, Frappe Helpdesk #2947/#3686, FreeScout CVE-2026-41183: "can read", "appears in the
 * list" and "is counted" agree for every principal and every ticket, in random directories. Prints
 * its seed; rerun one with {@code -Dfrontline.seed=N}.
 */
@DisplayName("Visibility agreement (randomized)")
class VisibilityAgreementTest {
  private static final List<TeamId> TEAMS = List.of(World.T1, World.T2A, World.T2B, World.T3, World.T4);
  private static final Map<TeamId, Integer> TIER_OF = Map.of(World.T1, 1, World.T2A, 2, World.T2B, 2, World.T3, 3, World.T4, 4);

  @Test
  @DisplayName("find, every page of query, and count agree for random principals on random tickets")
  void findListAndCountAgree() {
    long seed = Long.getLong("frontline.seed", System.nanoTime());
    System.out.println("VisibilityAgreementTest seed: " + seed + " (rerun with -Dfrontline.seed=" + seed + ")");
    Random rnd = new Random(seed);
    int worlds = 8;
    for (int i = 0; i < worlds; i++) {
      long worldSeed = rnd.nextLong();
      try {
        oneWorld(new Random(worldSeed));
      } catch (AssertionError e) {
        throw new AssertionError("seed " + seed + ", world " + i + ": " + e.getMessage(), e);
      }
    }
  }

  private static IdGenerator seededIds(Random rnd) {
    return () -> {
      byte[] b = new byte[16];
      rnd.nextBytes(b);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    };
  }

  private static <T> T pick(Random rnd, List<T> from) {
    return from.get(rnd.nextInt(from.size()));
  }

  private void oneWorld(Random rnd) {
    World w = new World(seededIds(new Random(rnd.nextLong())));
    // a custom role with a random scope and random ticket permissions, beside the built-in ones
    Set<Permission> custom = new HashSet<>();
    for (Permission p : Permission.grantable()) {
      if (rnd.nextInt(3) == 0) {
        custom.add(p);
      }
    }
    w.directory.saveRole(new Role("custom", custom, pick(rnd, List.of(Scope.values()))));
    List<String> roleNames = new ArrayList<>(Roles.defaults().stream().map(Role::name).toList());
    roleNames.add("custom");
    roleNames.add("unknown-role");

    // organizations and customers
    List<OrganizationId> orgs = new ArrayList<>();
    for (int o = 0; o < 3; o++) {
      OrganizationId id = OrganizationId.of("org-r" + o);
      w.directory.saveOrganization(new Organization(id, "Org " + o, rnd.nextBoolean(), false, "standard"));
      orgs.add(id);
    }
    List<CustomerId> customers = new ArrayList<>(List.of(World.ALICE, World.ANNA, World.BOB));
    for (int c = 0; c < 8; c++) {
      CustomerId id = CustomerId.of("cust-" + c);
      OrganizationId org = rnd.nextInt(4) == 0 ? null : pick(rnd, orgs);
      w.directory.saveCustomer(new Customer(id, "Customer " + c, null, org, rnd.nextBoolean()));
      customers.add(id);
    }

    // agents: created active (so tickets can be assigned to them), some deactivated later
    List<AgentId> agents = new ArrayList<>();
    Map<AgentId, Map<TeamId, TeamAccess>> membership = new HashMap<>();
    for (int a = 0; a < 8; a++) {
      Set<String> roles = new LinkedHashSet<>();
      int n = rnd.nextInt(3);
      for (int r = 0; r < n; r++) {
        roles.add(pick(rnd, roleNames));
      }
      Map<TeamId, TeamAccess> teams = new HashMap<>();
      for (TeamId t : TEAMS) {
        if (rnd.nextInt(3) == 0) {
          teams.put(t, pick(rnd, List.of(TeamAccess.values())));
        }
      }
      AgentId id = w.agent("agent-" + a, roles, teams, true);
      agents.add(id);
      membership.put(id, teams);
    }

    // tickets
    List<TicketId> tickets = new ArrayList<>();
    Principal system = w.system;
    for (int t = 0; t < 30; t++) {
      w.clock.advance(Duration.ofSeconds(1 + rnd.nextInt(600)));
      CustomerId requester = pick(rnd, customers);
      TeamId team = rnd.nextInt(4) == 0 ? null : pick(rnd, TEAMS);
      int tier = team == null ? 1 + rnd.nextInt(4) : TIER_OF.get(team);
      AgentId assignee = null;
      if (rnd.nextBoolean()) {
        List<AgentId> members = agents.stream().filter(a -> team == null || membership.get(a).containsKey(team)).toList();
        assignee = members.isEmpty() ? null : pick(rnd, members);
      }
      Ticket created = w.tickets().create(system, NewTicket.builder("Ticket " + t, requester, Message.of("hello " + t))
          .tier(tier).team(team).assignee(assignee).priority(pick(rnd, List.of(Priority.values()))).build());
      if (rnd.nextInt(3) == 0) {
        w.tickets().transition(system, created.id(), created.version(), pick(rnd, List.of(TicketState.OPEN, TicketState.PENDING, TicketState.SOLVED)));
      }
      tickets.add(created.id());
    }
    // some agents leave; some organizations change their sharing afterwards
    for (AgentId a : agents) {
      if (rnd.nextInt(5) == 0) {
        var agent = w.directory.findAgent(a).orElseThrow();
        w.agent(a.value(), agent.roles(), agent.teams(), false);
      }
    }
    if (rnd.nextBoolean()) {
      OrganizationId o = pick(rnd, orgs);
      w.directory.saveOrganization(new Organization(o, "Org changed", rnd.nextBoolean(), false, "standard"));
    }

    List<Principal> principals = new ArrayList<>();
    agents.forEach(a -> principals.add(Principal.agent(a)));
    customers.forEach(c -> principals.add(Principal.customer(c)));
    principals.add(Principal.agent(AgentId.of("no-such-agent")));
    principals.add(Principal.customer(CustomerId.of("no-such-customer")));
    principals.add(Principal.anonymous());
    principals.add(system);

    for (Principal p : principals) {
      for (TicketQuery q : queries(rnd, orgs, customers)) {
        Set<TicketId> listed = listAll(w, p, q, 1 + rnd.nextInt(9));
        long count = w.tickets().count(p, q);
        assertThat(count).as("%s: count agrees with the listed tickets for %s", p.describe(), q).isEqualTo(listed.size());
        for (TicketId id : tickets) {
          Ticket snapshot = w.reload(id);
          boolean readable = w.tickets().find(p, id).isPresent();
          Boolean rule = expectedByRules(w, p, snapshot);
          if (rule != null) {
            assertThat(readable).as("%s: readable by the documented rules: %s", p.describe(), snapshot).isEqualTo(rule);
          }
          boolean expectedListed = readable && q.matches(snapshot);
          assertThat(listed.contains(id))
              .as("%s: ticket %s readable=%s, matches query=%s, listed", p.describe(), snapshot, readable, q.matches(snapshot))
              .isEqualTo(expectedListed);
          Throwable byKey = catchThrowable(() -> w.tickets().getByKey(p, snapshot.key()));
          assertThat(byKey == null).as("%s: get by key agrees with find for %s", p.describe(), snapshot.key()).isEqualTo(readable);
          if (!readable) {
            assertThat(byKey).isExactlyInstanceOf(NotFoundException.class);
            assertThat(catchThrowable(() -> w.tickets().conversation(p, id))).isExactlyInstanceOf(NotFoundException.class);
          }
        }
      }
    }
  }

  /**
   * What the matrix's oracle says about an agent seeing a ticket, or null for other principals
   * (customers are covered by the matrix; here only agreement is checked for them).
   */
  private static @Nullable Boolean expectedByRules(World w, Principal p, Ticket t) {
    if (p instanceof Principal.System) {
      return true;
    }
    if (p instanceof Principal.Anonymous) {
      return false;
    }
    if (!(p instanceof Principal.Agent pa)) {
      return null;
    }
    var agent = w.directory.findAgent(pa.id());
    if (agent.isEmpty()) {
      return false;
    }
    List<Role> roles = agent.get().roles().stream().flatMap(r -> w.directory.findRole(r).stream()).toList();
    Map<TeamId, TeamAccess> teams = agent.get().teams();
    boolean myTeam = t.team() != null && teams.containsKey(t.team());
    boolean myTier = teams.keySet().stream().anyMatch(team -> TIER_OF.get(team) == t.tier());
    var situation = new PermissionMatrixTest.AgentSituation(
        "random", pa.id().equals(t.assignee()), myTeam, myTier, myTeam ? teams.get(t.team()) : TeamAccess.FULL, t.tier(), t.team());
    return new PermissionMatrixTest.AgentOracle(roles, agent.get().active()).sees(situation);
  }

  private static List<TicketQuery> queries(Random rnd, List<OrganizationId> orgs, List<CustomerId> customers) {
    List<TicketQuery> q = new ArrayList<>();
    q.add(TicketQuery.builder().sort(pick(rnd, List.of(TicketSort.values()))).build());
    TicketQuery.Builder b = TicketQuery.builder().sort(pick(rnd, List.of(TicketSort.values())));
    switch (rnd.nextInt(5)) {
      case 0 -> b.organization(pick(rnd, orgs));
      case 1 -> b.requester(pick(rnd, customers));
      case 2 -> b.teams(pick(rnd, TEAMS));
      case 3 -> b.unassigned(true);
      default -> b.states(TicketState.NEW);
    }
    q.add(b.build());
    return q;
  }

  private static Set<TicketId> listAll(World w, Principal p, TicketQuery q, int pageSize) {
    Set<TicketId> out = new LinkedHashSet<>();
    @Nullable String cursor = null;
    int pages = 0;
    do {
      TicketPage page = w.tickets().query(p, q.toBuilder().limit(pageSize).after(cursor).build());
      for (Ticket t : page.items()) {
        assertThat(out.add(t.id())).as("%s: ticket %s listed twice", p.describe(), t.key()).isTrue();
      }
      cursor = page.nextCursor();
      assertThat(++pages).as("paging terminates").isLessThan(1000);
    } while (cursor != null);
    return out.stream().collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
