package dev.frontline.helpdesk.automation;

import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.FieldValue;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Tags;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketType;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A standard {@link Condition}: an immutable value with value equality that a {@link
 * dev.frontline.helpdesk.spi.AutomationDefinitionStore} can store and a JSON codec can write, unlike
 * a condition written by the host as a lambda or class of its own. Made by the factories of {@link
 * Condition} (e.g. {@link Condition#hasTag(String)}) or the record constructors. Sets of states,
 * priorities and channels are non-empty, iterate in declaration order and compare as sets.
 * Composites ({@link Not}, {@link AnyOf}) nest at most {@value #MAX_DEPTH} levels deep. Immutable
 * and thread-safe.
 */
public sealed interface Rule extends Condition
    permits Rule.StateIn,
        Rule.PriorityIn,
        Rule.HasTag,
        Rule.LacksTag,
        Rule.ChannelIn,
        Rule.TypeIs,
        Rule.TierIs,
        Rule.TeamIs,
        Rule.Unassigned,
        Rule.AssigneeIs,
        Rule.OrganizationIn,
        Rule.RequesterIs,
        Rule.FieldEquals,
        Rule.TagIn,
        Rule.TypeIn,
        Rule.TierIn,
        Rule.PriorityAtLeast,
        Rule.VipOrganization,
        Rule.PlanIn,
        Rule.ReopenedAtLeast,
        Rule.SubjectContains,
        Rule.SlaWarned,
        Rule.SlaBreached,
        Rule.StateChange,
        Rule.PriorityChange,
        Rule.Not,
        Rule.AnyOf {

  /** The deepest nesting of {@link Not} and {@link AnyOf}. */
  int MAX_DEPTH = 8;

  /** The most rules in one {@link AnyOf}. */
  int MAX_ALTERNATIVES = 50;

  /**
   * Evaluates the rule on the facts; every rule kind decides from the facts alone.
   *
   * @param facts the ticket and its organization's facts at an instant
   * @return whether the rule holds
   */
  @Override
  boolean test(TicketFacts facts);

  /**
   * Evaluates the rule on a ticket alone ({@link TicketFacts#of}): rules about the organization's
   * VIP flag or plan do not hold, and SLA facts are judged at the ticket's last update.
   *
   * @param ticket the snapshot
   * @return whether the rule holds
   */
  @Override
  default boolean test(Ticket ticket) {
    return test(TicketFacts.of(ticket));
  }

  /** @return how deeply this rule nests (1 for a rule without sub-rules) */
  default int depth() {
    return 1;
  }

  /**
   * The ticket is in one of these states.
   *
   * @param states the states, non-empty
   */
  record StateIn(Set<TicketState> states) implements Rule {
    /** Validates and copies. */
    public StateIn {
      states = enums(states, TicketState.class, "states");
    }

    @Override
    public boolean test(TicketFacts facts) {
      Ticket ticket = facts.ticket();
      return states.contains(ticket.state());
    }
  }

  /**
   * The ticket has one of these priorities.
   *
   * @param priorities the priorities, non-empty
   */
  record PriorityIn(Set<Priority> priorities) implements Rule {
    /** Validates and copies. */
    public PriorityIn {
      priorities = enums(priorities, Priority.class, "priorities");
    }

    @Override
    public boolean test(TicketFacts facts) {
      Ticket ticket = facts.ticket();
      return priorities.contains(ticket.priority());
    }
  }

  /**
   * The ticket has the tag.
   *
   * @param tag the tag (normalized)
   */
  record HasTag(String tag) implements Rule {
    /** Normalizes. */
    public HasTag {
      tag = Tags.normalize(tag);
    }

    @Override
    public boolean test(TicketFacts facts) {
      Ticket ticket = facts.ticket();
      return ticket.tags().contains(tag);
    }
  }

  /**
   * The ticket lacks the tag.
   *
   * @param tag the tag (normalized)
   */
  record LacksTag(String tag) implements Rule {
    /** Normalizes. */
    public LacksTag {
      tag = Tags.normalize(tag);
    }

    @Override
    public boolean test(TicketFacts facts) {
      Ticket ticket = facts.ticket();
      return !ticket.tags().contains(tag);
    }
  }

  /**
   * The ticket came in through one of these channels.
   *
   * @param channels the channels, non-empty
   */
  record ChannelIn(Set<Channel> channels) implements Rule {
    /** Validates and copies. */
    public ChannelIn {
      channels = enums(channels, Channel.class, "channels");
    }

    @Override
    public boolean test(TicketFacts facts) {
      Ticket ticket = facts.ticket();
      return channels.contains(ticket.channel());
    }
  }

  /**
   * The ticket has this type.
   *
   * @param type the type
   */
  record TypeIs(TicketType type) implements Rule {
    /** Validates. */
    public TypeIs {
      Checks.notNull(type, "type");
    }

    @Override
    public boolean test(TicketFacts facts) {
      Ticket ticket = facts.ticket();
      return ticket.type() == type;
    }
  }

  /**
   * The ticket is in this support tier.
   *
   * @param tier the tier, 1 to {@link Ticket#MAX_TIER}
   */
  record TierIs(int tier) implements Rule {
    /** Validates. */
    public TierIs {
      Checks.require(tier >= 1 && tier <= Ticket.MAX_TIER, "tier must be between 1 and " + Ticket.MAX_TIER);
    }

    @Override
    public boolean test(TicketFacts facts) {
      Ticket ticket = facts.ticket();
      return ticket.tier() == tier;
    }
  }

  /**
   * The ticket belongs to this team.
   *
   * @param team the team
   */
  record TeamIs(TeamId team) implements Rule {
    /** Validates. */
    public TeamIs {
      Checks.notNull(team, "team");
    }

    @Override
    public boolean test(TicketFacts facts) {
      Ticket ticket = facts.ticket();
      return team.equals(ticket.team());
    }
  }

  /** The ticket has no assignee. */
  record Unassigned() implements Rule {
    @Override
    public boolean test(TicketFacts facts) {
      Ticket ticket = facts.ticket();
      return ticket.assignee() == null;
    }
  }

  /**
   * The ticket is assigned to this agent.
   *
   * @param agent the agent
   */
  record AssigneeIs(AgentId agent) implements Rule {
    /** Validates. */
    public AssigneeIs {
      Checks.notNull(agent, "agent");
    }

    @Override
    public boolean test(TicketFacts facts) {
      Ticket ticket = facts.ticket();
      return agent.equals(ticket.assignee());
    }
  }

  /**
   * The ticket's organization (the requester's when it was opened) is one of these, e.g. the VIP
   * customers.
   *
   * @param organizations the organizations, 1 to 100
   */
  record OrganizationIn(Set<dev.frontline.helpdesk.directory.OrganizationId> organizations) implements Rule {
    /** Validates and copies. */
    public OrganizationIn {
      Checks.notNull(organizations, "organizations");
      Checks.require(!organizations.isEmpty() && organizations.size() <= 10_000, "between 1 and 10,000 organizations");
      organizations.forEach(o -> Checks.notNull(o, "organization"));
      organizations = Set.copyOf(organizations);
    }

    @Override
    public boolean test(TicketFacts facts) {
      Ticket ticket = facts.ticket();
      return ticket.organization() != null && organizations.contains(ticket.organization());
    }
  }

  /**
   * The ticket's requester is this customer.
   *
   * @param customer the customer
   */
  record RequesterIs(dev.frontline.helpdesk.directory.CustomerId customer) implements Rule {
    /** Validates. */
    public RequesterIs {
      Checks.notNull(customer, "customer");
    }

    @Override
    public boolean test(TicketFacts facts) {
      Ticket ticket = facts.ticket();
      return customer.equals(ticket.requester());
    }
  }

  /**
   * A custom field has this value (a ticket without the field does not match).
   *
   * @param field the field name (an identifier)
   * @param value the value
   */
  record FieldEquals(String field, FieldValue value) implements Rule {
    /** Validates. */
    public FieldEquals {
      Checks.identifier(field, "field name");
      Checks.notNull(value, "value");
    }

    @Override
    public boolean test(TicketFacts facts) {
      Ticket ticket = facts.ticket();
      return value.equals(ticket.fields().get(field));
    }
  }

  /**
   * The ticket has at least one of these tags.
   *
   * @param tags tags, 1 to 1,000 (normalized like ticket tags)
   */
  record TagIn(Set<String> tags) implements Rule {
    /** Validates, normalizes and copies. */
    public TagIn {
      Checks.elements(tags, "tags", 1000);
      Checks.require(!tags.isEmpty(), "tags must not be empty");
      Set<String> n = new java.util.TreeSet<>();
      tags.forEach(t -> n.add(Tags.normalize(t)));
      tags = Collections.unmodifiableSet(n);
    }

    @Override
    public boolean test(TicketFacts facts) {
      for (String t : facts.ticket().tags()) {
        if (tags.contains(t)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The ticket has one of these types.
   *
   * @param types the types, non-empty
   */
  record TypeIn(Set<TicketType> types) implements Rule {
    /** Validates and copies. */
    public TypeIn {
      types = enums(types, TicketType.class, "types");
    }

    @Override
    public boolean test(TicketFacts facts) {
      return types.contains(facts.ticket().type());
    }
  }

  /**
   * The ticket is in one of these tiers.
   *
   * @param tiers tiers, each 1 to {@link Ticket#MAX_TIER}, non-empty
   */
  record TierIn(Set<Integer> tiers) implements Rule {
    /** Validates and copies. */
    public TierIn {
      Checks.elements(tiers, "tiers", 100);
      Checks.require(!tiers.isEmpty(), "tiers must not be empty");
      tiers.forEach(t -> Checks.require(t >= 1 && t <= Ticket.MAX_TIER, "tier must be between 1 and " + Ticket.MAX_TIER));
      tiers = Set.copyOf(tiers);
    }

    @Override
    public boolean test(TicketFacts facts) {
      return tiers.contains(facts.ticket().tier());
    }
  }

  /**
   * The ticket's priority is at least this one ({@link Priority} order: LOW &lt; NORMAL &lt; HIGH
   * &lt; URGENT).
   *
   * @param priority the lowest priority that matches
   */
  record PriorityAtLeast(Priority priority) implements Rule {
    /** Validates. */
    public PriorityAtLeast {
      Checks.notNull(priority, "priority");
    }

    @Override
    public boolean test(TicketFacts facts) {
      return facts.ticket().priority().compareTo(priority) >= 0;
    }
  }

  /** The ticket's organization is marked VIP ({@link TicketFacts#vipOrganization()}). */
  record VipOrganization() implements Rule {
    @Override
    public boolean test(TicketFacts facts) {
      return facts.vipOrganization();
    }
  }

  /**
   * The ticket's organization has one of these service plans ({@link TicketFacts#plan()}).
   *
   * @param plans the plans, 1 to 1,000
   */
  record PlanIn(Set<String> plans) implements Rule {
    /** Validates and copies. */
    public PlanIn {
      Checks.elements(plans, "plans", 1000);
      Checks.require(!plans.isEmpty(), "plans must not be empty");
      plans.forEach(x -> Checks.line(x, "plan", 100));
      plans = Set.copyOf(plans);
    }

    @Override
    public boolean test(TicketFacts facts) {
      return facts.plan() != null && plans.contains(facts.plan());
    }
  }

  /**
   * The ticket was reopened at least this many times.
   *
   * @param times at least 1
   */
  record ReopenedAtLeast(int times) implements Rule {
    /** Validates. */
    public ReopenedAtLeast {
      Checks.require(times >= 1, "reopen count must be at least 1, was " + times);
    }

    @Override
    public boolean test(TicketFacts facts) {
      return facts.ticket().reopenCount() >= times;
    }
  }

  /**
   * The ticket's subject contains a keyword, ignoring case.
   *
   * @param keyword one line, at most 200 characters
   */
  record SubjectContains(String keyword) implements Rule {
    /** Validates. */
    public SubjectContains {
      Checks.line(keyword, "keyword", 200);
    }

    @Override
    public boolean test(TicketFacts facts) {
      return facts.ticket().subject().toLowerCase(java.util.Locale.ROOT).contains(keyword.toLowerCase(java.util.Locale.ROOT));
    }
  }

  /**
   * The ticket's current cycle of an SLA metric has reached its warning threshold (from the stored
   * SLA state, {@link Ticket#sla()}).
   *
   * @param metric the metric
   */
  record SlaWarned(dev.frontline.helpdesk.sla.SlaMetric metric) implements Rule {
    /** Validates. */
    public SlaWarned {
      Checks.notNull(metric, "metric");
    }

    @Override
    public boolean test(TicketFacts facts) {
      dev.frontline.helpdesk.sla.SlaMetricState s = facts.ticket().sla().get(metric);
      return s != null && s.warned();
    }
  }

  /**
   * The ticket's current cycle of an SLA metric is breached at the evaluation instant: its stored
   * status says so, or it is running and its due instant has passed.
   *
   * @param metric the metric
   */
  record SlaBreached(dev.frontline.helpdesk.sla.SlaMetric metric) implements Rule {
    /** Validates. */
    public SlaBreached {
      Checks.notNull(metric, "metric");
    }

    @Override
    public boolean test(TicketFacts facts) {
      dev.frontline.helpdesk.sla.SlaMetricState s = facts.ticket().sla().get(metric);
      if (s == null) {
        return false;
      }
      Instant due = s.due();
      return s.status() == dev.frontline.helpdesk.sla.SlaStatus.BREACHED
          || (s.status() == dev.frontline.helpdesk.sla.SlaStatus.RUNNING && due != null && !facts.now().isBefore(due));
    }
  }

  /**
   * The changes being reacted to ({@link TicketFacts#changes()}, a trigger's triggering changes)
   * include a state change from {@code from} (any, if null) to {@code to} (any, if null); for
   * example {@code StateChange(null, SOLVED)}: "the state became SOLVED". Never holds where there are
   * no changes (automations, escalation rules, SLA matching).
   *
   * @param from the state before, or null for any
   * @param to the state after, or null for any
   */
  record StateChange(@Nullable TicketState from, @Nullable TicketState to) implements Rule {
    @Override
    public boolean test(TicketFacts facts) {
      for (dev.frontline.helpdesk.ticket.TicketChange c : facts.changes()) {
        if (c instanceof dev.frontline.helpdesk.ticket.TicketChange.StateChanged sc
            && (from == null || from == sc.from()) && (to == null || to == sc.to())) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The changes being reacted to include a priority change from {@code from} (any, if null) to
   * {@code to} (any, if null), e.g. "priority changed from NORMAL to URGENT". Never holds where there
   * are no changes.
   *
   * @param from the priority before, or null for any
   * @param to the priority after, or null for any
   */
  record PriorityChange(@Nullable Priority from, @Nullable Priority to) implements Rule {
    @Override
    public boolean test(TicketFacts facts) {
      for (dev.frontline.helpdesk.ticket.TicketChange c : facts.changes()) {
        if (c instanceof dev.frontline.helpdesk.ticket.TicketChange.PriorityChanged pc
            && (from == null || from == pc.from()) && (to == null || to == pc.to())) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The rule does not hold.
   *
   * @param rule the negated rule
   */
  record Not(Rule rule) implements Rule {
    /** Validates. */
    public Not {
      Checks.notNull(rule, "rule");
      Checks.require(rule.depth() < MAX_DEPTH, "rules nest at most " + MAX_DEPTH + " levels deep");
    }

    @Override
    public boolean test(TicketFacts facts) {
      return !rule.test(facts);
    }

    @Override
    public int depth() {
      return rule.depth() + 1;
    }
  }

  /**
   * At least one of the rules holds.
   *
   * @param rules the alternatives, 1 to {@value Rule#MAX_ALTERNATIVES}
   */
  record AnyOf(List<Rule> rules) implements Rule {
    /** Validates and copies. */
    public AnyOf {
      rules = List.copyOf(Checks.elements(rules, "rules", MAX_ALTERNATIVES));
      Checks.require(!rules.isEmpty(), "any-of needs at least one rule");
      Checks.require(rules.stream().allMatch(r -> r.depth() < MAX_DEPTH), "rules nest at most " + MAX_DEPTH + " levels deep");
    }

    @Override
    public boolean test(TicketFacts facts) {
      return rules.stream().anyMatch(r -> r.test(facts));
    }

    @Override
    public int depth() {
      return 1 + rules.stream().mapToInt(Rule::depth).max().orElse(0);
    }
  }

  private static <E extends Enum<E>> Set<E> enums(Collection<E> values, Class<E> type, String what) {
    Checks.elements(values, what, 100);
    Checks.require(!values.isEmpty(), what + " must not be empty");
    EnumSet<E> copy = EnumSet.noneOf(type);
    copy.addAll(values);
    return Collections.unmodifiableSet(copy);
  }
}
