package dev.frontline.helpdesk.ticket;

import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.directory.TeamId;
import java.util.Set;

/**
 * Which tickets a principal may see, resolved by the access layer and pushed into the store's
 * query, so that pages and counts never include what the principal may not see. A ticket is
 * visible if {@code all} is set or if it matches any of the sets. {@link #none()} matches nothing.
 * Immutable.
 *
 * @param all every ticket
 * @param assignees tickets assigned to one of these agents
 * @param teams tickets of one of these teams
 * @param tiers tickets in one of these tiers
 * @param requesters tickets requested by one of these customers
 * @param organizations tickets of one of these organizations
 */
public record TicketVisibility(
    boolean all,
    Set<AgentId> assignees,
    Set<TeamId> teams,
    Set<Integer> tiers,
    Set<CustomerId> requesters,
    Set<OrganizationId> organizations) {

  /** Copies. */
  public TicketVisibility {
    assignees = Set.copyOf(assignees);
    teams = Set.copyOf(teams);
    tiers = Set.copyOf(tiers);
    requesters = Set.copyOf(requesters);
    organizations = Set.copyOf(organizations);
  }

  /** @return visibility of every ticket */
  public static TicketVisibility everything() {
    return new TicketVisibility(true, Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
  }

  /** @return visibility of no ticket */
  public static TicketVisibility none() {
    return new TicketVisibility(false, Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
  }

  /** @return whether nothing can match */
  public boolean isNone() {
    return !all && assignees.isEmpty() && teams.isEmpty() && tiers.isEmpty() && requesters.isEmpty() && organizations.isEmpty();
  }

  /**
   * The reference semantics every store must implement.
   *
   * @param t a ticket
   * @return whether it is visible
   */
  public boolean matches(Ticket t) {
    return all
        || (t.assignee() != null && assignees.contains(t.assignee()))
        || (t.team() != null && teams.contains(t.team()))
        || tiers.contains(t.tier())
        || requesters.contains(t.requester())
        || (t.organization() != null && organizations.contains(t.organization()));
  }
}
