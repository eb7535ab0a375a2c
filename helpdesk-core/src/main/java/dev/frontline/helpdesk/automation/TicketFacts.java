package dev.frontline.helpdesk.automation;

import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Condition} is evaluated on: the ticket snapshot (including its stored per-metric
 * SLA state, {@link Ticket#sla()}), the facts of its organization that the ticket does not carry,
 * and the evaluation instant. The same facts feed triggers, automations, escalation rules and SLA
 * policy matching, so that one condition means the same everywhere.
 *
 * @param ticket the snapshot
 * @param vipOrganization whether the ticket's organization is marked VIP
 * @param plan the ticket's organization's service plan, or null (no organization, or none set)
 * @param now the evaluation instant (SLA facts such as "breached" are judged at it)
 * @param changes the changes being reacted to, oldest first: a trigger's triggering changes on this
 *     ticket; empty for automations, escalation rules and SLA matching, where conditions on changes
 *     ({@link Rule.StateChange}, {@link Rule.PriorityChange}) never hold
 */
public record TicketFacts(Ticket ticket, boolean vipOrganization, @Nullable String plan, Instant now, List<TicketChange> changes) {
  /** Validates and copies. */
  public TicketFacts {
    Checks.notNull(ticket, "ticket");
    Checks.notNull(now, "now");
    changes = List.copyOf(Checks.notNull(changes, "changes"));
  }

  /**
   * Facts without changes.
   *
   * @param ticket the snapshot
   * @param vipOrganization whether the organization is VIP
   * @param plan the organization's plan, or null
   * @param now the evaluation instant
   */
  public TicketFacts(Ticket ticket, boolean vipOrganization, @Nullable String plan, Instant now) {
    this(ticket, vipOrganization, plan, now, List.of());
  }

  /**
   * @param reactedTo the changes being reacted to
   * @return these facts with those changes
   */
  public TicketFacts withChanges(List<TicketChange> reactedTo) {
    return new TicketFacts(ticket, vipOrganization, plan, now, reactedTo);
  }

  /**
   * Facts of a ticket alone: no VIP organization, no plan, evaluated at the ticket's last update.
   *
   * @param ticket the snapshot
   * @return its facts
   */
  public static TicketFacts of(Ticket ticket) {
    Checks.notNull(ticket, "ticket");
    return new TicketFacts(ticket, false, null, ticket.updatedAt());
  }
}
