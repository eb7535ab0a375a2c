package dev.frontline.helpdesk.access.internal;

import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.access.AccessDecision;
import dev.frontline.helpdesk.access.AccessListener;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.access.Rights;
import dev.frontline.helpdesk.access.Role;
import dev.frontline.helpdesk.access.Scope;
import dev.frontline.helpdesk.access.TeamAccess;
import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.Organization;
import dev.frontline.helpdesk.directory.OrganizationId;
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
public final class DefaultAccessControl implements AccessControl {
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
  public DefaultAccessControl(DirectoryStore directory, Clock clock, List<AccessListener> listeners) {
    this.directory = directory;
    this.clock = clock;
    this.listeners.addAll(listeners);
  }

  @Override
  public Rights rightsOf(Principal principal) {
    if (principal instanceof Principal.Agent pa) {
      Optional<Agent> agent = directory.findAgent(pa.id());
      if (agent.isEmpty() || !agent.get().active()) {
        return Rights.none(principal);
      }
      List<Role> roles = new ArrayList<>();
      for (String r : agent.get().roles()) {
        directory.findRole(r).ifPresent(roles::add);
      }
      Set<Integer> tiers = new HashSet<>();
      for (TeamId t : agent.get().teams().keySet()) {
        directory.findTeam(t).map(Team::tier).ifPresent(tiers::add);
      }
      return new Rights(principal, agent.get(), roles, tiers, null, null);
    }
    if (principal instanceof Principal.Customer pc) {
      Optional<Customer> c = directory.findCustomer(pc.id());
      if (c.isEmpty()) {
        return Rights.none(principal);
      }
      OrganizationId shared = null;
      OrganizationId org = c.get().organization();
      if (c.get().seesOrganizationTickets() && org != null
          && directory.findOrganization(org).map(Organization::sharesTickets).orElse(false)) {
        shared = org;
      }
      return new Rights(principal, null, List.of(), Set.of(), c.get(), shared);
    }
    return Rights.none(principal);
  }

  private static boolean covers(Agent a, Rights r, Scope scope, Ticket t) {
    boolean own = a.id().equals(t.assignee());
    boolean team = t.team() != null && a.teams().containsKey(t.team());
    return switch (scope) {
      case OWN -> own;
      case TEAM -> own || team;
      case TIER -> own || team || r.tiers().contains(t.tier());
      case ALL -> true;
    };
  }

  private static boolean agentMay(Agent a, Rights rights, Ticket t, Permission p) {
    for (Role r : rights.roles()) {
      if (!r.permissions().contains(p) || !covers(a, rights, r.scope(), t)) {
        continue;
      }
      if (r.scope() == Scope.ALL || a.id().equals(t.assignee())) {
        return true;
      }
      TeamAccess level = t.team() == null ? null : a.teams().get(t.team());
      if (level == null || level.admits(p)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public TicketVisibility visibility(Principal principal) {
    return visibility(rightsOf(principal));
  }

  @Override
  public TicketVisibility visibility(Rights rights) {
    return filter(rights, Permission.TICKET_READ, false);
  }

  @Override
  public TicketVisibility permitted(Principal principal, Permission permission) {
    return permitted(rightsOf(principal), permission);
  }

  @Override
  public TicketVisibility permitted(Rights rights, Permission permission) {
    return filter(rights, permission, true);
  }

  /** The tickets on which the rights allow a permission; {@code levels}: apply team access levels. */
  private static TicketVisibility filter(Rights rights, Permission permission, boolean levels) {
    if (rights.isSystem()) {
      return TicketVisibility.everything();
    }
    Customer c = rights.customer();
    if (c != null) {
      if (levels ? !CUSTOMER_OWN.contains(permission) : !permission.equals(Permission.TICKET_READ)) {
        return TicketVisibility.none();
      }
      OrganizationId shared = rights.sharedOrganization();
      Set<OrganizationId> orgs = shared != null && CUSTOMER_ORG.contains(permission) ? Set.of(shared) : Set.of();
      return new TicketVisibility(false, Set.of(), Set.of(), Set.of(), Set.of(c.id()), orgs);
    }
    Agent a = rights.agent();
    if (a == null) {
      return TicketVisibility.none();
    }
    boolean own = false;
    boolean team = false;
    boolean tier = false;
    for (Role r : rights.roles()) {
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
    Set<TeamId> teams = a.teams().keySet();
    boolean allAdmit = true;
    if (levels) {
      Set<TeamId> admitting = new HashSet<>();
      for (Map.Entry<TeamId, TeamAccess> e : a.teams().entrySet()) {
        if (e.getValue().admits(permission)) {
          admitting.add(e.getKey());
        } else {
          allAdmit = false;
        }
      }
      teams = admitting;
    }
    return new TicketVisibility(
        false,
        own ? Set.of(a.id()) : Set.of(),
        team ? teams : Set.of(),
        tier && allAdmit ? rights.tiers() : Set.of(),
        Set.of(),
        Set.of());
  }

  @Override
  public boolean sees(Principal principal, Ticket ticket) {
    return sees(rightsOf(principal), ticket);
  }

  @Override
  public boolean sees(Rights rights, Ticket ticket) {
    return visibility(rights).matches(ticket);
  }

  @Override
  public boolean may(Principal principal, Ticket ticket, Permission permission) {
    return may(rightsOf(principal), ticket, permission);
  }

  @Override
  public boolean may(Rights rights, Ticket ticket, Permission permission) {
    if (rights.isSystem()) {
      return true;
    }
    if (!sees(rights, ticket)) {
      return false;
    }
    Customer c = rights.customer();
    if (c != null) {
      return c.id().equals(ticket.requester()) ? CUSTOMER_OWN.contains(permission) : CUSTOMER_ORG.contains(permission);
    }
    Agent a = rights.agent();
    return a != null && agentMay(a, rights, ticket, permission);
  }

  @Override
  public void check(Principal principal, Ticket ticket, Permission permission) {
    check(rightsOf(principal), ticket, permission);
  }

  @Override
  public void check(Rights rights, Ticket ticket, Permission permission) {
    if (may(rights, ticket, permission)) {
      return;
    }
    boolean seen = sees(rights, ticket);
    deny(rights.principal(), permission.name(), ticket.id().value(), seen ? "not permitted" : "not visible");
    if (!seen) {
      throw new NotFoundException("ticket not found");
    }
    throw new AccessDeniedException("not permitted: " + permission.name().toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public boolean holds(Principal principal, Permission permission) {
    return holds(rightsOf(principal), permission);
  }

  @Override
  public boolean holds(Rights rights, Permission permission) {
    return rights.isSystem() || rights.roles().stream().anyMatch(r -> r.permissions().contains(permission));
  }

  @Override
  public void require(Principal principal, Permission permission) {
    if (!holds(principal, permission)) {
      deny(principal, permission.name(), null, "permission not held");
      throw new AccessDeniedException("not permitted: " + permission.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  @Override
  public Map<TeamId, TeamAccess> teamsOf(Principal principal) {
    Agent a = principal instanceof Principal.Agent ? rightsOf(principal).agent() : null;
    return a == null ? Map.of() : a.teams();
  }

  /**
   * @param d a denial
   * @return its DEBUG line; a denial without a target names none (no "on null")
   */
  public static String logLine(AccessDecision d) {
    return "denied " + d.principal().describe() + " " + d.action()
        + (d.target() == null ? "" : " on " + d.target()) + ": " + d.reason();
  }

  /**
   * Records a denial: logs it and tells the listeners.
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
