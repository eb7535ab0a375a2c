package dev.frontline.helpdesk.automation;

import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.FieldValue;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketType;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A test on a ticket's {@link TicketFacts} (its snapshot with its stored SLA state, its
 * organization's VIP flag and plan, the evaluation instant). One vocabulary for every rule of the
 * library: triggers, automations, escalation rules ({@link
 * dev.frontline.helpdesk.escalation.EscalationRule}) and SLA policy matching ({@link
 * dev.frontline.helpdesk.sla.SlaConditions#rules()}) evaluate the same {@link Rule}s through {@link
 * #test(TicketFacts)}. Implementations must be side-effect free and thread-safe.
 *
 * <p>The factories return standard conditions, {@link Rule}s: immutable values with value equality
 * that can be stored (see {@link dev.frontline.helpdesk.spi.AutomationDefinitionStore}) and written
 * as JSON. Hosts may also write their own conditions (e.g. a lambda); those work for triggers and
 * automations added in memory ({@link TriggerEngine#add}, {@link AutomationRunner#add}), but a
 * definition that contains one cannot be stored: stores reject it with a {@link
 * dev.frontline.helpdesk.ValidationException}.
 */
@FunctionalInterface
public interface Condition {
  /**
   * @param ticket the current snapshot
   * @return whether the condition holds
   */
  boolean test(Ticket ticket);

  /**
   * Evaluates the condition on the facts; this is what the engines call. A host condition that
   * implements only {@link #test(Ticket)} sees the snapshot.
   *
   * @param facts the ticket, its organization's facts and the evaluation instant
   * @return whether the condition holds
   */
  default boolean test(TicketFacts facts) {
    return test(facts.ticket());
  }

  /**
   * @param states states, at least one
   * @return the ticket is in one of these states
   * @throws dev.frontline.helpdesk.ValidationException if none or a null is given
   */
  static Rule.StateIn stateIn(TicketState... states) {
    return new Rule.StateIn(set(Checks.notNull(states, "states")));
  }

  /**
   * @param priorities priorities, at least one
   * @return the ticket has one of these priorities
   * @throws dev.frontline.helpdesk.ValidationException if none or a null is given
   */
  static Rule.PriorityIn priorityIn(Priority... priorities) {
    return new Rule.PriorityIn(set(Checks.notNull(priorities, "priorities")));
  }

  /**
   * @param tag a tag
   * @return the ticket has the tag
   * @throws dev.frontline.helpdesk.ValidationException if the tag is invalid
   */
  static Rule.HasTag hasTag(String tag) {
    return new Rule.HasTag(tag);
  }

  /**
   * @param tag a tag
   * @return the ticket lacks the tag
   * @throws dev.frontline.helpdesk.ValidationException if the tag is invalid
   */
  static Rule.LacksTag lacksTag(String tag) {
    return new Rule.LacksTag(tag);
  }

  /**
   * @param channels channels, at least one
   * @return the ticket came in through one of these channels
   * @throws dev.frontline.helpdesk.ValidationException if none or a null is given
   */
  static Rule.ChannelIn channelIn(Channel... channels) {
    return new Rule.ChannelIn(set(Checks.notNull(channels, "channels")));
  }

  /**
   * @param type a type
   * @return the ticket has this type
   */
  static Rule.TypeIs typeIs(TicketType type) {
    return new Rule.TypeIs(type);
  }

  /**
   * @param tier a tier, 1 to {@link Ticket#MAX_TIER}
   * @return the ticket is in this tier
   * @throws dev.frontline.helpdesk.ValidationException for a tier out of range
   */
  static Rule.TierIs tierIs(int tier) {
    return new Rule.TierIs(tier);
  }

  /**
   * @param team a team
   * @return the ticket belongs to this team
   */
  static Rule.TeamIs teamIs(TeamId team) {
    return new Rule.TeamIs(team);
  }

  /**
   * @param organizations organizations
   * @return the ticket's organization is one of these
   */
  static Rule.OrganizationIn organizationIn(dev.frontline.helpdesk.directory.OrganizationId... organizations) {
    dev.frontline.helpdesk.internal.Checks.notNull(organizations, "organizations");
    return new Rule.OrganizationIn(new java.util.HashSet<>(java.util.Arrays.asList(organizations)));
  }

  /**
   * @param customer a customer
   * @return the ticket's requester is this customer
   */
  static Rule.RequesterIs requesterIs(dev.frontline.helpdesk.directory.CustomerId customer) {
    return new Rule.RequesterIs(customer);
  }

  /** @return the ticket has no assignee */
  static Rule.Unassigned unassigned() {
    return new Rule.Unassigned();
  }

  /**
   * @param agent an agent
   * @return the ticket is assigned to this agent
   */
  static Rule.AssigneeIs assigneeIs(AgentId agent) {
    return new Rule.AssigneeIs(agent);
  }

  /**
   * @param name a custom field
   * @param value a value
   * @return the field has this value
   * @throws dev.frontline.helpdesk.ValidationException if the name is not an identifier
   */
  static Rule.FieldEquals fieldEquals(String name, FieldValue value) {
    return new Rule.FieldEquals(name, value);
  }

  /**
   * @param rule a standard condition
   * @return the rule does not hold
   */
  static Rule.Not not(Rule rule) {
    return new Rule.Not(rule);
  }

  /**
   * @param rules standard conditions, at least one
   * @return at least one of them holds
   */
  static Rule.AnyOf anyOf(Rule... rules) {
    return new Rule.AnyOf(Arrays.asList(Checks.notNull(rules, "rules")));
  }

  private static <E> Set<E> set(E[] values) {
    return new HashSet<>(Arrays.asList(values));
  }

  /**
   * @param priority the lowest priority that matches
   * @return the ticket's priority is at least this one
   */
  static Rule.PriorityAtLeast priorityAtLeast(Priority priority) {
    return new Rule.PriorityAtLeast(priority);
  }

  /** @return the ticket's organization is marked VIP */
  static Rule.VipOrganization vipOrganization() {
    return new Rule.VipOrganization();
  }

  /**
   * @param plans service plans, at least one
   * @return the ticket's organization has one of these plans
   */
  static Rule.PlanIn planIn(String... plans) {
    return new Rule.PlanIn(new HashSet<>(Arrays.asList(Checks.notNull(plans, "plans"))));
  }

  /**
   * @param times at least 1
   * @return the ticket was reopened at least this many times
   */
  static Rule.ReopenedAtLeast reopenedAtLeast(int times) {
    return new Rule.ReopenedAtLeast(times);
  }

  /**
   * @param keyword a keyword
   * @return the subject contains the keyword, ignoring case
   */
  static Rule.SubjectContains subjectContains(String keyword) {
    return new Rule.SubjectContains(keyword);
  }

  /**
   * @param metric an SLA metric
   * @return the metric's current cycle has reached its warning threshold
   */
  static Rule.SlaWarned slaWarned(dev.frontline.helpdesk.sla.SlaMetric metric) {
    return new Rule.SlaWarned(metric);
  }

  /**
   * @param metric an SLA metric
   * @return the metric's current cycle is breached
   */
  static Rule.SlaBreached slaBreached(dev.frontline.helpdesk.sla.SlaMetric metric) {
    return new Rule.SlaBreached(metric);
  }

  /**
   * @param from the state before, or null for any
   * @param to the state after, or null for any
   * @return the changes a trigger reacts to include such a state change
   */
  static Rule.StateChange stateChanged(@Nullable TicketState from, @Nullable TicketState to) {
    return new Rule.StateChange(from, to);
  }

  /**
   * @param to the new state
   * @return the changes a trigger reacts to include a change to this state ("state became SOLVED")
   */
  static Rule.StateChange stateBecame(TicketState to) {
    return new Rule.StateChange(null, Checks.notNull(to, "state"));
  }

  /**
   * @param from the priority before, or null for any
   * @param to the priority after, or null for any
   * @return the changes a trigger reacts to include such a priority change
   */
  static Rule.PriorityChange priorityChanged(@Nullable Priority from, @Nullable Priority to) {
    return new Rule.PriorityChange(from, to);
  }
}
