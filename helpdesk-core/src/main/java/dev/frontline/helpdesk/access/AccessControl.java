package dev.frontline.helpdesk.access;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decides what a principal may see and do, as pure functions of the principal's {@link Rights}
 * (resolved once with {@link #rightsOf}; the {@code Principal} overloads resolve them per call). Deny by default: an agent without roles, an inactive
 * agent, an unknown customer or the anonymous principal may do nothing with tickets. Thread-safe;
 * reads the directory on every decision, so changes to roles and teams apply at once.
 *
 * <p>Rules, in short:
 *
 * <ul>
 *   <li>An agent <em>sees</em> a ticket (its snapshot, in lists, counts and search) if one of its
 *       roles grants {@link Permission#TICKET_READ} in a scope that covers the ticket: OWN covers
 *       tickets assigned to the agent, TEAM also those of the agent's teams (any access level),
 *       TIER also those in the tiers of the agent's teams, ALL every ticket.
 *   <li>An agent may <em>do</em> P on a ticket it sees if a role grants P in a covering scope and,
 *       for tickets of one of its teams that are not assigned to it and not reached through an ALL
 *       role, the team access level admits P.
 *   <li>A customer sees their own tickets and, where their organization shares tickets and they are
 *       allowed to, the organization's. They may read the public conversation, reply, and mark their
 *       own tickets solved. Nothing internal, ever.
 *   <li>The system principal may do everything; the anonymous principal nothing with tickets.
 *   <li>Write rights imply read rights: {@link #check} first requires that the ticket is seen, and
 *       answers {@link NotFoundException} otherwise, so existence is never revealed.
 * </ul>
 */
public interface AccessControl {
  /**
   * Resolves what a principal may do, once: the agent's roles and teams, or the customer's
   * organization sharing. Every other decision is a pure function of the result, so resolve once
   * per service call and pass it on.
   *
   * @param principal the caller
   * @return its rights (allowing nothing for unknown or inactive principals)
   */
  Rights rightsOf(Principal principal);

  /**
   * @param rights resolved rights
   * @return the tickets they see, as a filter for the store
   */
  TicketVisibility visibility(Rights rights);

  /**
   * @param rights resolved rights
   * @param permission the permission
   * @return the tickets on which they allow it (see {@link #permitted(Principal, Permission)})
   */
  TicketVisibility permitted(Rights rights, Permission permission);

  /**
   * @param rights resolved rights
   * @param ticket a ticket
   * @return whether they see the ticket
   */
  boolean sees(Rights rights, Ticket ticket);

  /**
   * @param rights resolved rights
   * @param ticket a ticket
   * @param permission what is to be done
   * @return whether they allow it (implies {@link #sees(Rights, Ticket)})
   */
  boolean may(Rights rights, Ticket ticket, Permission permission);

  /**
   * Requires a permission on a ticket.
   *
   * @param rights resolved rights
   * @param ticket the ticket
   * @param permission what is to be done
   * @throws NotFoundException if they do not see the ticket (existence is not revealed)
   * @throws AccessDeniedException if they see it but do not allow this
   */
  void check(Rights rights, Ticket ticket, Permission permission);

  /**
   * @param rights resolved rights
   * @param permission the permission
   * @return whether any of their roles grants it (always true for the system principal)
   */
  boolean holds(Rights rights, Permission permission);

  /**
   * Which tickets the principal sees, as a filter for the store.
   *
   * @param principal the caller
   * @return the filter; {@link TicketVisibility#none()} if nothing
   */
  TicketVisibility visibility(Principal principal);

  /**
   * The tickets on which a principal may do {@code permission}, as a filter for searches that push
   * rights into an index (for example whether internal notes may be searched). Use it together
   * with {@link #visibility(Principal)}: a ticket qualifies if it matches <em>both</em>.
   *
   * <p>Every ticket matching both filters satisfies {@link #may}. The result is exact, except for
   * one case {@link TicketVisibility} cannot express: an agent whose TIER-scoped role grants the
   * permission but who belongs to a team whose access level does not admit it. There the tier part
   * is left out, so the filter is a subset (some tickets on which the agent may do it are
   * missing), never a superset.
   *
   * @param principal the caller
   * @param permission the permission
   * @return the filter; {@link TicketVisibility#none()} if nothing
   */
  TicketVisibility permitted(Principal principal, Permission permission);

  /**
   * @param principal the caller
   * @param ticket a ticket
   * @return whether the caller sees the ticket (agrees with {@link #visibility})
   */
  boolean sees(Principal principal, Ticket ticket);

  /**
   * @param principal the caller
   * @param ticket a ticket
   * @param permission what it wants to do
   * @return whether it may (implies {@link #sees})
   */
  boolean may(Principal principal, Ticket ticket, Permission permission);

  /**
   * Requires a permission on a ticket.
   *
   * @param principal the caller
   * @param ticket the ticket
   * @param permission what it wants to do
   * @throws NotFoundException if the caller does not see the ticket (existence is not revealed)
   * @throws AccessDeniedException if it sees the ticket but may not do this
   */
  void check(Principal principal, Ticket ticket, Permission permission);

  /**
   * Whether a principal holds a permission anywhere (for permissions not tied to one ticket, such as
   * {@link Permission#REPORTS_VIEW}, {@link Permission#ADMINISTER} or knowledge rights).
   *
   * @param principal the caller
   * @param permission the permission
   * @return whether any of its roles grants it
   */
  boolean holds(Principal principal, Permission permission);

  /**
   * Requires {@link #holds}.
   *
   * @param principal the caller
   * @param permission the permission
   * @throws AccessDeniedException if not held
   */
  void require(Principal principal, Permission permission);

  /**
   * The teams an agent may work in with at least the given access, for routing and UI hints.
   *
   * @param principal the caller
   * @return team access map, empty for non-agents
   */
  Map<TeamId, TeamAccess> teamsOf(Principal principal);

  /**
   * Records a denial: logs it at DEBUG (logger {@code dev.frontline.helpdesk.access}) and tells the
   * listeners.
   *
   * @param principal who tried
   * @param action what
   * @param target on what, if known
   * @param reason why denied (internal)
   */
  void deny(Principal principal, String action, @Nullable String target, String reason);
}
