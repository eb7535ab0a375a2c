package dev.frontline.helpdesk.access;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.Organization;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.spi.DirectoryStore;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a principal may see and do. Deny by default: an agent without roles, an inactive
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
public final class AccessControl {
  private static final Logger LOG = LoggerFactory.getLogger("dev.frontline.helpdesk.access");
  private static final Set<Permission> CUSTOMER_OWN =
      Set.of(Permission.TICKET_READ, Permission.TICKET_REPLY_PUBLIC, Permission.TICKET_SOLVE);
  private static final Set<Permission> CUSTOMER_ORG = Set.of(Permission.TICKET_READ, Permission.TICKET_REPLY_PUBLIC);

  private final DirectoryStore directory;
  private final Clock clock;
  private final List<AccessListener> listeners = new CopyOnWriteArrayList<>();

  /**
   * @param directory where agents, roles, teams and customers come from
   * @param clock for the time of denials
   * @param listeners receivers of denied attempts
   */
  public AccessControl(DirectoryStore directory, Clock clock, List<AccessListener> listeners) {
    this.directory = directory;
    this.clock = clock;
    this.listeners.addAll(listeners);
  }

  private record AgentRights(Agent agent, List<Role> roles, Set<Integer> tiers) {}

  private Optional<AgentRights> agentRights(Principal.Agent p) {
    Optional<Agent> agent = directory.findAgent(p.id());
    if (agent.isEmpty() || !agent.get().active()) {
      return Optional.empty();
    }
    List<Role> roles = new ArrayList<>();
    for (String r : agent.get().roles()) {
      directory.findRole(r).ifPresent(roles::add);
    }
    Set<Integer> tiers = new HashSet<>();
    for (TeamId t : agent.get().teams().keySet()) {
      directory.findTeam(t).map(Team::tier).ifPresent(tiers::add);
    }
    return Optional.of(new AgentRights(agent.get(), roles, tiers));
  }

  private static boolean covers(AgentRights a, Scope scope, Ticket t) {
    boolean own = a.agent().id().equals(t.assignee());
    boolean team = t.team() != null && a.agent().teams().containsKey(t.team());
    return switch (scope) {
      case OWN -> own;
      case TEAM -> own || team;
      case TIER -> own || team || a.tiers().contains(t.tier());
      case ALL -> true;
    };
  }

  private static boolean agentMay(AgentRights a, Ticket t, Permission p) {
    for (Role r : a.roles()) {
      if (!r.permissions().contains(p) || !covers(a, r.scope(), t)) {
        continue;
      }
      if (r.scope() == Scope.ALL || a.agent().id().equals(t.assignee())) {
        return true;
      }
      TeamAccess level = t.team() == null ? null : a.agent().teams().get(t.team());
      if (level == null || level.admits(p)) {
        return true;
      }
    }
    return false;
  }

  private Optional<Customer> customer(Principal.Customer p) {
    return directory.findCustomer(p.id());
  }

  private boolean sharesWith(Customer c) {
    if (!c.seesOrganizationTickets() || c.organization() == null) {
      return false;
    }
    return directory.findOrganization(c.organization()).map(Organization::sharesTickets).orElse(false);
  }

  /**
   * Which tickets the principal sees, as a filter for the store.
   *
   * @param principal the caller
   * @return the filter; {@link TicketVisibility#none()} if nothing
   */
  public TicketVisibility visibility(Principal principal) {
    if (principal instanceof Principal.System) {
      return TicketVisibility.everything();
    }
    if (principal instanceof Principal.Customer pc) {
      Optional<Customer> c = customer(pc);
      if (c.isEmpty()) {
        return TicketVisibility.none();
      }
      Set<dev.frontline.helpdesk.directory.OrganizationId> orgs =
          sharesWith(c.get()) ? Set.of(c.get().organization()) : Set.of();
      return new TicketVisibility(false, Set.of(), Set.of(), Set.of(), Set.of(pc.id()), orgs);
    }
    if (principal instanceof Principal.Agent pa) {
      Optional<AgentRights> a = agentRights(pa);
      if (a.isEmpty()) {
        return TicketVisibility.none();
      }
      boolean own = false;
      boolean team = false;
      boolean tier = false;
      for (Role r : a.get().roles()) {
        if (!r.permissions().contains(Permission.TICKET_READ)) {
          continue;
        }
        switch (r.scope()) {
          case ALL -> {
            return TicketVisibility.everything();
          }
          case TIER -> tier = true;
          case TEAM -> team = true;
          case OWN -> own = true;
        }
      }
      own |= team | tier;
      team |= tier;
      return new TicketVisibility(
          false,
          own ? Set.of(pa.id()) : Set.of(),
          team ? a.get().agent().teams().keySet() : Set.of(),
          tier ? a.get().tiers() : Set.of(),
          Set.of(),
          Set.of());
    }
    return TicketVisibility.none();
  }

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
  public TicketVisibility permitted(Principal principal, Permission permission) {
    if (principal instanceof Principal.System) {
      return TicketVisibility.everything();
    }
    if (principal instanceof Principal.Customer pc) {
      Optional<Customer> c = customer(pc);
      if (c.isEmpty() || !CUSTOMER_OWN.contains(permission)) {
        return TicketVisibility.none();
      }
      Set<dev.frontline.helpdesk.directory.OrganizationId> orgs =
          CUSTOMER_ORG.contains(permission) && sharesWith(c.get()) ? Set.of(c.get().organization()) : Set.of();
      return new TicketVisibility(false, Set.of(), Set.of(), Set.of(), Set.of(pc.id()), orgs);
    }
    if (principal instanceof Principal.Agent pa) {
      Optional<AgentRights> found = agentRights(pa);
      if (found.isEmpty()) {
        return TicketVisibility.none();
      }
      AgentRights a = found.get();
      boolean own = false;
      boolean team = false;
      boolean tier = false;
      for (Role r : a.roles()) {
        if (!r.permissions().contains(permission)) {
          continue;
        }
        switch (r.scope()) {
          case ALL -> {
            return TicketVisibility.everything();
          }
          case TIER -> tier = true;
          case TEAM -> team = true;
          case OWN -> own = true;
        }
      }
      own |= team | tier;
      team |= tier;
      Set<TeamId> admitting = new HashSet<>();
      boolean allAdmit = true;
      for (Map.Entry<TeamId, TeamAccess> e : a.agent().teams().entrySet()) {
        if (e.getValue().admits(permission)) {
          admitting.add(e.getKey());
        } else {
          allAdmit = false;
        }
      }
      return new TicketVisibility(
          false,
          own ? Set.of(pa.id()) : Set.of(),
          team ? admitting : Set.of(),
          tier && allAdmit ? a.tiers() : Set.of(),
          Set.of(),
          Set.of());
    }
    return TicketVisibility.none();
  }

  /**
   * @param principal the caller
   * @param ticket a ticket
   * @return whether the caller sees the ticket (agrees with {@link #visibility})
   */
  public boolean sees(Principal principal, Ticket ticket) {
    return visibility(principal).matches(ticket);
  }

  /**
   * @param principal the caller
   * @param ticket a ticket
   * @param permission what it wants to do
   * @return whether it may (implies {@link #sees})
   */
  public boolean may(Principal principal, Ticket ticket, Permission permission) {
    if (principal instanceof Principal.System) {
      return true;
    }
    if (!sees(principal, ticket)) {
      return false;
    }
    if (principal instanceof Principal.Customer pc) {
      return pc.id().equals(ticket.requester())
          ? CUSTOMER_OWN.contains(permission)
          : CUSTOMER_ORG.contains(permission);
    }
    if (principal instanceof Principal.Agent pa) {
      return agentRights(pa).map(a -> agentMay(a, ticket, permission)).orElse(false);
    }
    return false;
  }

  /**
   * Requires a permission on a ticket.
   *
   * @param principal the caller
   * @param ticket the ticket
   * @param permission what it wants to do
   * @throws NotFoundException if the caller does not see the ticket (existence is not revealed)
   * @throws AccessDeniedException if it sees the ticket but may not do this
   */
  public void check(Principal principal, Ticket ticket, Permission permission) {
    if (may(principal, ticket, permission)) {
      return;
    }
    boolean seen = sees(principal, ticket);
    deny(principal, permission.name(), ticket.id().value(), seen ? "not permitted" : "not visible");
    if (!seen) {
      throw new NotFoundException("ticket not found");
    }
    throw new AccessDeniedException("not permitted: " + permission.name().toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Whether a principal holds a permission anywhere (for permissions not tied to one ticket, such as
   * {@link Permission#REPORTS_VIEW}, {@link Permission#ADMINISTER} or knowledge rights).
   *
   * @param principal the caller
   * @param permission the permission
   * @return whether any of its roles grants it
   */
  public boolean holds(Principal principal, Permission permission) {
    if (principal instanceof Principal.System) {
      return true;
    }
    if (principal instanceof Principal.Agent pa) {
      return agentRights(pa).map(a -> a.roles().stream().anyMatch(r -> r.permissions().contains(permission))).orElse(false);
    }
    return false;
  }

  /**
   * Requires {@link #holds}.
   *
   * @param principal the caller
   * @param permission the permission
   * @throws AccessDeniedException if not held
   */
  public void require(Principal principal, Permission permission) {
    if (!holds(principal, permission)) {
      deny(principal, permission.name(), null, "permission not held");
      throw new AccessDeniedException("not permitted: " + permission.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  /**
   * The teams an agent may work in with at least the given access, for routing and UI hints.
   *
   * @param principal the caller
   * @return team access map, empty for non-agents
   */
  public Map<TeamId, TeamAccess> teamsOf(Principal principal) {
    if (principal instanceof Principal.Agent pa) {
      return agentRights(pa).map(a -> a.agent().teams()).orElse(Map.of());
    }
    return Map.of();
  }

  /** @return the DEBUG line of a denial; a denial without a target names none (no "on null") */
  static String logLine(AccessDecision d) {
    return "denied " + d.principal().describe() + " " + d.action()
        + (d.target() == null ? "" : " on " + d.target()) + ": " + d.reason();
  }

  /**
   * Records a denial: logs it at DEBUG (logger {@code dev.frontline.helpdesk.access}) and tells the
   * listeners.
   *
   * @param principal who tried
   * @param action what
   * @param target on what, if known
   * @param reason why denied (internal)
   */
  public void deny(Principal principal, String action, @Nullable String target, String reason) {
    AccessDecision d = new AccessDecision(principal, action, target, clock.instant(), reason);
    // DEBUG, not WARN: denials are routine (a customer probing another's ticket, a UI offering an
    // action the caller may not take); hosts that audit them attach an AccessListener.
    if (LOG.isDebugEnabled()) {
      LOG.debug(logLine(d));
    }
    for (AccessListener l : listeners) {
      try {
        l.denied(d);
      } catch (RuntimeException e) {
        LOG.error("access listener failed", e);
      }
    }
  }
}
