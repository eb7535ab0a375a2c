package dev.frontline.helpdesk.automation;

import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.Ticket;
import java.time.Instant;
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
 */
public record TicketFacts(Ticket ticket, boolean vipOrganization, @Nullable String plan, Instant now) {
  /** Validates. */
  public TicketFacts {
    Checks.notNull(ticket, "ticket");
    Checks.notNull(now, "now");
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
