package dev.frontline.helpdesk.routing;

import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.TicketId;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Router#route} did with a ticket. Immutable.
 *
 * @param ticket the ticket
 * @param outcome what happened
 * @param agent the assignee, for {@link Outcome#ASSIGNED} and {@link Outcome#ALREADY_ASSIGNED}
 */
public record RoutingResult(TicketId ticket, Outcome outcome, @Nullable AgentId agent) {
  /** What happened. */
  public enum Outcome {
    /** Assigned to an agent now. */
    ASSIGNED,
    /** Already had an assignee; left alone. */
    ALREADY_ASSIGNED,
    /** Nobody suitable has room; waiting in the held queue. */
    HELD,
    /** Not routable (solved, closed or merged). */
    NOT_ROUTABLE
  }

  /** Validates. */
  public RoutingResult {
    Checks.notNull(ticket, "ticket");
    Checks.notNull(outcome, "outcome");
  }
}
