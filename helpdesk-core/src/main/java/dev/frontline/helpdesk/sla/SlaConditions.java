package dev.frontline.helpdesk.sla;

import dev.frontline.helpdesk.automation.Rule;
import dev.frontline.helpdesk.automation.TicketFacts;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.TicketType;
import dev.frontline.helpdesk.ticket.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which tickets a policy (or an escalation rule) applies to. Each non-empty set must match (AND
 * across fields); within a field any listed value matches (OR); an empty set matches everything.
 * For {@code tags} a ticket matches if it has at least one of them. A shorthand for a list of
 * {@link Rule}s ({@link #rules()}), evaluated by the same evaluator as triggers and automations.
 * Tags are normalized like ticket tags and tiers must be 1 to {@link
 * dev.frontline.helpdesk.ticket.Ticket#MAX_TIER}, so a condition that could never match is refused
 * when it is made. Immutable and thread-safe.
 *
 * @param priorities matching priorities
 * @param organizations matching organizations (a ticket without one never matches a non-empty set)
 * @param channels matching channels
 * @param types matching ticket types
 * @param tags matching tags
 * @param tiers matching support levels
 * @param plans matching service plans of the ticket's organization (a ticket without one never
 *     matches a non-empty set)
 */
public record SlaConditions(
    Set<Priority> priorities,
    Set<OrganizationId> organizations,
    Set<Channel> channels,
    Set<TicketType> types,
    Set<String> tags,
    Set<Integer> tiers,
    Set<String> plans) {
  private static final SlaConditions ANY = new SlaConditions(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

  /** Validates and copies. */
  public SlaConditions {
    priorities = Set.copyOf(Checks.elements(priorities, "priorities", 100));
    organizations = Set.copyOf(Checks.elements(organizations, "organizations", 10_000));
    channels = Set.copyOf(Checks.elements(channels, "channels", 100));
    types = Set.copyOf(Checks.elements(types, "types", 100));
    Checks.elements(tags, "tags", 1000);
    Set<String> normalized = new java.util.TreeSet<>();
    tags.forEach(t -> normalized.add(Tags.normalize(t)));
    tags = Set.copyOf(normalized);
    tiers = Set.copyOf(Checks.elements(tiers, "tiers", 100));
    tiers.forEach(t -> Checks.require(t >= 1 && t <= dev.frontline.helpdesk.ticket.Ticket.MAX_TIER,
        "tier must be between 1 and " + dev.frontline.helpdesk.ticket.Ticket.MAX_TIER + ", was " + t));
    plans = Set.copyOf(Checks.elements(plans, "plans", 1000));
  }

  /** @return conditions that match every ticket */
  public static SlaConditions any() {
    return ANY;
  }

  /**
   * @param p the priorities
   * @return a copy matching only those priorities
   */
  public SlaConditions withPriorities(Set<Priority> p) {
    return new SlaConditions(p, organizations, channels, types, tags, tiers, plans);
  }

  /**
   * @param o the organizations
   * @return a copy matching only those organizations
   */
  public SlaConditions withOrganizations(Set<OrganizationId> o) {
    return new SlaConditions(priorities, o, channels, types, tags, tiers, plans);
  }

  /**
   * @param c the channels
   * @return a copy matching only those channels
   */
  public SlaConditions withChannels(Set<Channel> c) {
    return new SlaConditions(priorities, organizations, c, types, tags, tiers, plans);
  }

  /**
   * @param t the ticket types
   * @return a copy matching only those types
   */
  public SlaConditions withTypes(Set<TicketType> t) {
    return new SlaConditions(priorities, organizations, channels, t, tags, tiers, plans);
  }

  /**
   * @param t the tags
   * @return a copy matching only tickets with at least one of those tags
   */
  public SlaConditions withTags(Set<String> t) {
    return new SlaConditions(priorities, organizations, channels, types, t, tiers, plans);
  }

  /**
   * @param t the tiers
   * @return a copy matching only those support levels
   */
  public SlaConditions withTiers(Set<Integer> t) {
    return new SlaConditions(priorities, organizations, channels, types, tags, t, plans);
  }

  /**
   * @param p the service plans
   * @return a copy matching only tickets of organizations on those plans
   */
  public SlaConditions withPlans(Set<String> p) {
    return new SlaConditions(priorities, organizations, channels, types, tags, tiers, p);
  }

  /**
   * @return the conditions as rules, one per non-empty field (all must hold); empty for {@link
   *     #any()}
   */
  public List<Rule> rules() {
    List<Rule> out = new ArrayList<>();
    if (!priorities.isEmpty()) {
      out.add(new Rule.PriorityIn(priorities));
    }
    if (!organizations.isEmpty()) {
      out.add(new Rule.OrganizationIn(organizations));
    }
    if (!channels.isEmpty()) {
      out.add(new Rule.ChannelIn(channels));
    }
    if (!types.isEmpty()) {
      out.add(new Rule.TypeIn(types));
    }
    if (!tags.isEmpty()) {
      out.add(new Rule.TagIn(tags));
    }
    if (!tiers.isEmpty()) {
      out.add(new Rule.TierIn(tiers));
    }
    if (!plans.isEmpty()) {
      out.add(new Rule.PlanIn(plans));
    }
    return out;
  }

  /**
   * @param facts a ticket's facts
   * @return whether every rule of {@link #rules()} holds
   */
  public boolean matches(TicketFacts facts) {
    Checks.notNull(facts, "facts");
    for (Rule r : rules()) {
      if (!r.test(facts)) {
        return false;
      }
    }
    return true;
  }

}
