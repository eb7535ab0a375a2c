package dev.frontline.helpdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link AccessControl#permitted}: together with {@link AccessControl#visibility} it never admits a
 * ticket {@link AccessControl#may} refuses, and it is exact except for the documented TIER case.
 */
@DisplayName("AccessControl.permitted agrees with may (randomized)")
class PermittedAgreementTest {
  private static final List<TeamId> TEAMS = List.of(World.T1, World.T2A, World.T2B, World.T3, World.T4);
  private static final Map<TeamId, Integer> TIER_OF = Map.of(World.T1, 1, World.T2A, 2, World.T2B, 2, World.T3, 3, World.T4, 4);
  private static final List<Permission> CHECKED = List.of(
      Permission.TICKET_READ_INTERNAL, Permission.TICKET_READ, Permission.TICKET_REPLY_PUBLIC, Permission.TICKET_SOLVE,
      Permission.TICKET_NOTE_INTERNAL, Permission.TICKET_MERGE,
      // inherent permissions follow the same agreement
      Permission.CSAT_ANSWER, Permission.MACRO_USE, Permission.INTERACTION_RECORD, Permission.ASSET_READ,
      Permission.KB_READ, Permission.KB_FEEDBACK, Permission.TICKET_AUTO_CLOSE);

  private static <T> T pick(Random rnd, List<T> from) {
    return from.get(rnd.nextInt(from.size()));
  }

  @Test
  @DisplayName("visible and permitted implies may; may implies both unless a TIER role meets a withholding team")
  void agrees() {
    long seed = Long.getLong("frontline.seed", System.nanoTime());
    System.out.println("PermittedAgreementTest seed: " + seed + " (rerun with -Dfrontline.seed=" + seed + ")");
    Random rnd = new Random(seed);
    for (int world = 0; world < 6; world++) {
      World w = new World();
      Set<Permission> custom = new HashSet<>();
      for (Permission p : Permission.grantable()) {
        if (rnd.nextInt(3) == 0) {
          custom.add(p);
        }
      }
      w.directory.saveRole(new Role("custom", custom, pick(rnd, List.of(Scope.values()))));
      List<String> roleNames = new ArrayList<>(Roles.defaults().stream().map(Role::name).toList());
      roleNames.add("custom");
      List<AgentId> agents = new ArrayList<>();
      for (int a = 0; a < 10; a++) {
        Set<String> roles = new LinkedHashSet<>();
        for (int r = rnd.nextInt(3); r > 0; r--) {
          roles.add(pick(rnd, roleNames));
        }
        Map<TeamId, TeamAccess> teams = new HashMap<>();
        for (TeamId t : TEAMS) {
          if (rnd.nextInt(3) == 0) {
            teams.put(t, pick(rnd, List.of(TeamAccess.values())));
          }
        }
        agents.add(w.agent("agent-" + a, roles, teams, true));
      }
      w.directory.saveCustomer(new Customer(CustomerId.of("carl"), "Carl", null, World.ORG_A, rnd.nextBoolean()));
      List<Ticket> tickets = new ArrayList<>();
      List<CustomerId> customers = List.of(World.ALICE, World.ANNA, World.BOB, CustomerId.of("carl"));
      for (int i = 0; i < 25; i++) {
        TeamId team = rnd.nextInt(4) == 0 ? null : pick(rnd, TEAMS);
        int tier = team == null ? 1 + rnd.nextInt(4) : TIER_OF.get(team);
        AgentId assignee = rnd.nextInt(3) == 0 ? pick(rnd, agents) : null;
        try {
          tickets.add(w.ticket(pick(rnd, customers), tier, team, assignee));
        } catch (RuntimeException e) {
          // assignee not allowed on that team: skip
        }
      }
      List<Principal> principals = new ArrayList<>();
      agents.forEach(a -> principals.add(Principal.agent(a)));
      customers.forEach(c -> principals.add(Principal.customer(c)));
      principals.add(Principal.anonymous());
      principals.add(w.system);
      AccessControl access = w.helpdesk.access();
      for (Principal p : principals) {
        TicketVisibility visible = access.visibility(access.rightsOf(p));
        for (Permission perm : CHECKED) {
          TicketVisibility permitted = access.permitted(access.rightsOf(p), perm);
          for (Ticket t : tickets) {
            boolean filter = visible.matches(t) && permitted.matches(t);
            boolean may = access.may(access.rightsOf(p), t, perm);
            if (filter) {
              assertThat(may).as("%s %s on %s: the filter admits only what may allows", p.describe(), perm, t).isTrue();
            } else if (may) {
              assertThat(caveat(w, p, perm)).as("%s %s on %s: missing from the filter only in the TIER case", p.describe(), perm, t).isTrue();
            }
          }
        }
      }
    }
  }

  /** Whether the principal has a TIER role with the permission and a team whose level withholds it. */
  private static boolean caveat(World w, Principal p, Permission perm) {
    if (!(p instanceof Principal.Agent pa)) {
      return false;
    }
    var agent = w.directory.findAgent(pa.id()).orElseThrow();
    boolean tierRole = agent.roles().stream()
        .flatMap(r -> w.directory.findRole(r).stream())
        .anyMatch(r -> r.scope() == Scope.TIER && r.permissions().contains(perm));
    boolean withholding = agent.teams().values().stream().anyMatch(l -> !l.admits(perm));
    return tierRole && withholding;
  }
}
