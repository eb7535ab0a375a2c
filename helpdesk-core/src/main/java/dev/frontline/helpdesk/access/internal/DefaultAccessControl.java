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
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.Organization;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.intake.IdentityCheck;
import dev.frontline.helpdesk.intake.Recording;
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
import java.util.function.BooleanSupplier;
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

  /** Who holds an inherent permission (see each constant of {@link Permission}). */
  private static boolean holdsInherent(Rights r, Permission p) {
    return switch (p) {
      case MACRO_USE, INTERACTION_RECORD -> r.isStaff();
      case CSAT_ANSWER -> r.customer() != null;
      case ASSET_READ -> r.isStaff() || r.customer() != null;
      case KB_READ -> true;
      case KB_FEEDBACK -> r.isStaff() || r.customer() != null;
      case TICKET_AUTO_CLOSE -> r.isSystem();
      default -> throw new IllegalArgumentException(p + " is granted by roles");
    };
  }

  @Override
  public TicketVisibility visibility(Rights rights) {
    return filter(rights, Permission.TICKET_READ, false);
  }

  @Override
  public TicketVisibility permitted(Rights rights, Permission permission) {
    if (permission.inherent()) {
      if (!holdsInherent(rights, permission)) {
        return TicketVisibility.none();
      }
      Customer c = rights.customer();
      if (permission == Permission.CSAT_ANSWER && c != null) {
        return new TicketVisibility(false, Set.of(), Set.of(), Set.of(), Set.of(c.id()), Set.of());
      }
      return visibility(rights);
    }
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
  public boolean sees(Rights rights, Ticket ticket) {
    return visibility(rights).matches(ticket);
  }

  @Override
  public boolean may(Rights rights, Ticket ticket, Permission permission) {
    if (permission.inherent()) {
      Customer c = rights.customer();
      return holdsInherent(rights, permission)
          && sees(rights, ticket)
          && (permission != Permission.CSAT_ANSWER || (c != null && c.id().equals(ticket.requester())));
    }
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
  public void check(Rights rights, Ticket ticket, Permission permission) {
    if (may(rights, ticket, permission)) {
      return;
    }
    boolean seen = sees(rights, ticket);
    deny(rights.principal(), permission, ticket.id().value(), seen ? "not permitted" : "not visible");
    if (!seen) {
      throw new NotFoundException("ticket not found");
    }
    throw new AccessDeniedException("not permitted: " + permission.name().toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public boolean holds(Rights rights, Permission permission) {
    if (permission.inherent()) {
      return holdsInherent(rights, permission);
    }
    return rights.isSystem() || rights.roles().stream().anyMatch(r -> r.permissions().contains(permission));
  }

  @Override
  public void require(Rights rights, Permission permission) {
    if (!holds(rights, permission)) {
      deny(rights.principal(), permission, null, "permission not held");
      throw new AccessDeniedException("not permitted: " + permission.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  @Override
  public void checkCreate(Rights rights, CustomerId requester, boolean setsAgentFields) {
    Principal p = rights.principal();
    if (p instanceof Principal.Customer c) {
      if (!c.id().equals(requester)) {
        deny(p, Permission.TICKET_CREATE, null, "customer creating a ticket for someone else");
        throw new AccessDeniedException("customers may only open tickets for themselves");
      }
      if (setsAgentFields) {
        deny(p, Permission.TICKET_CREATE, null, "customer setting agent-only fields");
        throw new AccessDeniedException("customers may not set priority, type, tier, team, assignee, tags or fields");
      }
    } else if (p instanceof Principal.Anonymous) {
      deny(p, Permission.TICKET_CREATE, null, "anonymous");
      throw new AccessDeniedException("sign in to open a ticket");
    } else if (!holds(rights, Permission.TICKET_CREATE)) {
      // an unknown or inactive agent, or one without the right to create anywhere, learns nothing
      // about the requester: the right is checked before the look-up (the per-team check follows)
      deny(p, Permission.TICKET_CREATE, null, "permission not held");
      throw new AccessDeniedException("not permitted: ticket_create");
    }
  }

  @Override
  public boolean mayReadAssets(Rights rights, CustomerId customer, BooleanSupplier seesTheirTickets) {
    if (rights.isSystem()) {
      return true;
    }
    Customer c = rights.customer();
    if (c != null) {
      return c.id().equals(customer);
    }
    return rights.agent() != null && seesTheirTickets.getAsBoolean();
  }

  @Override
  public boolean seesSharedAssets(Rights rights) {
    return rights.isStaff() || rights.sharedOrganization() != null;
  }

  @Override
  public void checkContact(Rights rights, Recording recording, IdentityCheck identity, @Nullable String target) {
    if (recording == Recording.NEW_TICKET && identity == IdentityCheck.FAILED) {
      deny(rights.principal(), Permission.TICKET_CREATE, target, "caller failed the identity check");
      throw new AccessDeniedException(
          "the caller failed the identity check: do not open a ticket in the customer's name; record the contact without a ticket");
    }
    if (recording == Recording.PUBLIC_ENTRY && identity != IdentityCheck.VERIFIED) {
      deny(rights.principal(), Permission.TICKET_REPLY_PUBLIC, target, "caller identity not verified");
      throw new AccessDeniedException("verify the caller's identity before adding to their conversation");
    }
  }

  @Override
  public boolean joinsByMail(Rights sender, Ticket ticket, BooleanSupplier wroteBefore) {
    Customer c = sender.customer();
    if (c != null && c.id().equals(ticket.requester())) {
      return true;
    }
    return wroteBefore.getAsBoolean() || (c != null && may(sender, ticket, Permission.TICKET_REPLY_PUBLIC));
  }

  /**
   * @param d a denial
   * @return its DEBUG line; a denial without a target names none (no "on null")
   */
  public static String logLine(AccessDecision d) {
    return "denied " + d.principal().describe() + " " + d.permission()
        + (d.target() == null ? "" : " on " + d.target()) + ": " + d.reason();
  }

  /**
   * Records a denial: logs it and tells the listeners.
   *
   * @param principal who tried
   * @param permission what it tried to do
   * @param target on what, if known
   * @param reason why denied (internal)
   */
  @Override
  public void deny(Principal principal, Permission permission, @Nullable String target, String reason) {
    AccessDecision d = new AccessDecision(principal, permission, target, clock.instant(), reason);
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
