package dev.frontline.helpdesk.internal;

import dev.frontline.helpdesk.access.Role;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.SupportTier;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.escalation.EscalationAction;
import dev.frontline.helpdesk.escalation.EscalationRule;
import dev.frontline.helpdesk.routing.RoutingPolicy;
import dev.frontline.helpdesk.sla.SlaConditions;
import dev.frontline.helpdesk.sla.SlaPolicy;
import dev.frontline.helpdesk.spi.DirectoryStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The consistency rules of a helpdesk's configuration: the directory against itself and the rules
 * (SLA policies, escalation rules, routing policy) against the directory. Each problem is one
 * sentence naming the entry and what to fix; a new user's wiring mistakes (a role never saved, no
 * tiers, a typo in a team id) become one clear error instead of empty queues later.
 */
public final class ConfigurationCheck {
  private ConfigurationCheck() {}

  /**
   * Problems visible without a directory.
   *
   * @param policies the SLA policies
   * @param rules the escalation rules
   * @return every problem, empty if none
   */
  public static List<String> staticProblems(List<SlaPolicy> policies, List<EscalationRule> rules) {
    List<String> problems = new ArrayList<>();
    for (SlaPolicy p : policies) {
      if (p.targets().isEmpty()) {
        problems.add("SLA policy '" + p.name() + "' has no targets: give it at least one metric with a target and a business calendar");
      }
    }
    for (EscalationRule r : rules) {
      if (r.actions().isEmpty()) {
        problems.add("escalation rule '" + r.name() + "' has no actions");
      }
    }
    return problems;
  }

  /**
   * Every problem of the directory and of the rules against it.
   *
   * @param directory the directory as it is now
   * @param policies the SLA policies
   * @param rules the escalation rules
   * @param routing the routing policy, if routing is configured
   * @return every problem, empty if none
   */
  public static List<String> problems(DirectoryStore directory, List<SlaPolicy> policies, List<EscalationRule> rules,
      @Nullable RoutingPolicy routing) {
    List<String> problems = new ArrayList<>(staticProblems(policies, rules));
    List<SupportTier> tiers = directory.tiers();
    List<Team> teams = directory.teams();
    Map<Integer, SupportTier> tierByLevel = new HashMap<>();
    tiers.forEach(t -> tierByLevel.put(t.level(), t));
    Map<TeamId, Team> teamById = new HashMap<>();
    teams.forEach(t -> teamById.put(t.id(), t));
    Set<AgentId> agentIds = new HashSet<>();
    if (tiers.isEmpty() && (!teams.isEmpty() || !directory.agents().isEmpty())) {
      problems.add("the directory has no support tiers: save at least tier 1 (SupportTier) so new tickets reach a queue");
    }
    for (Team t : teams) {
      if (!tierByLevel.containsKey(t.tier())) {
        problems.add("team '" + t.id().value() + "' is in tier " + t.tier() + ", which does not exist: save that SupportTier first");
      }
    }
    for (SupportTier tier : tiers) {
      TeamId d = tier.defaultTeam();
      if (d != null) {
        Team t = teamById.get(d);
        if (t == null) {
          problems.add("tier " + tier.level() + " names default team '" + d.value() + "', which does not exist");
        } else if (t.tier() != tier.level()) {
          problems.add("tier " + tier.level() + " names default team '" + d.value() + "', which is in tier " + t.tier());
        }
      }
    }
    Map<String, Boolean> roleExists = new HashMap<>();
    for (Agent a : directory.agents()) {
      agentIds.add(a.id());
      for (String role : a.roles()) {
        if (roleExists.computeIfAbsent(role, r -> directory.findRole(r).map(Role::name).isPresent())) {
          continue;
        }
        problems.add("agent '" + a.id().value() + "' has role '" + role + "', which was never saved: save the Role first");
      }
      for (TeamId team : a.teams().keySet()) {
        if (!teamById.containsKey(team)) {
          problems.add("agent '" + a.id().value() + "' is a member of team '" + team.value() + "', which does not exist");
        }
      }
    }
    for (SlaPolicy p : policies) {
      tiersOf("SLA policy '" + p.name() + "'", p.conditions(), tierByLevel, problems);
    }
    for (EscalationRule r : rules) {
      String what = "escalation rule '" + r.name() + "'";
      tiersOf(what, r.conditions(), tierByLevel, problems);
      for (EscalationAction action : r.actions()) {
        if (action instanceof EscalationAction.MoveToTier m) {
          if (!tierByLevel.containsKey(m.tier())) {
            problems.add(what + " moves tickets to tier " + m.tier() + ", which does not exist");
          }
          TeamId team = m.team();
          if (team != null) {
            Team t = teamById.get(team);
            if (t == null) {
              problems.add(what + " moves tickets to team '" + team.value() + "', which does not exist");
            } else if (t.tier() != m.tier()) {
              problems.add(what + " moves tickets to tier " + m.tier() + " with team '" + team.value() + "', which is in tier " + t.tier());
            }
          } else if (tierByLevel.containsKey(m.tier()) && teams.stream().noneMatch(t -> t.tier() == m.tier())) {
            problems.add(what + " moves tickets to tier " + m.tier() + ", which has no team");
          }
        } else if (action instanceof EscalationAction.Reassign re) {
          TeamId team = re.team();
          if (team != null && !teamById.containsKey(team)) {
            problems.add(what + " reassigns tickets to team '" + team.value() + "', which does not exist");
          }
          AgentId agent = re.agent();
          if (agent != null && directory.findAgent(agent).isEmpty()) {
            problems.add(what + " reassigns tickets to agent '" + agent.value() + "', who does not exist");
          }
        }
      }
    }
    if (routing != null) {
      for (AgentId a : routing.capacities().keySet()) {
        if (!agentIds.contains(a)) {
          problems.add("the routing policy gives a capacity to agent '" + a.value() + "', who does not exist");
        }
      }
    }
    return problems;
  }

  private static void tiersOf(String what, SlaConditions conditions, Map<Integer, SupportTier> tiers, List<String> problems) {
    for (Integer level : conditions.tiers()) {
      if (!tiers.containsKey(level)) {
        problems.add(what + " applies to tier " + level + ", which does not exist");
      }
    }
  }
}
