package dev.frontline.helpdesk.access;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.intake.IdentityCheck;
import dev.frontline.helpdesk.intake.Recording;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Decides what a principal may see and do, as pure functions of the principal's {@link Rights}
 * (resolved once per service call with {@link #rightsOf}; no decision reads the directory). Deny by default: an agent without roles, an inactive
 * agent, an unknown customer or the anonymous principal may do nothing with tickets. Thread-safe;
 * {@link #rightsOf} reads the directory on every call, so changes to roles and teams apply from the
 * next service call on. Every rule of the library lives here, over {@link Permission} values: the
 * services ask, they do not decide.
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
 *   <li>Inherent permissions ({@link Permission#inherent()}) follow from who the caller is: every
 *       active agent uses macros and records interactions, only a ticket's requester answers its
 *       survey, only the system principal closes tickets automatically (see each constant).
 *   <li>The system principal may do everything but answer a customer's survey; the anonymous
 *       principal nothing with tickets, and in the knowledge base it only reads (no votes).
 *   <li>A live contact (call, chat, walk-in) writes into a customer's conversation only for a
 *       verified caller, and opens no ticket in the name of a caller who failed the identity check
 *       ({@link #checkContact}).
 *   <li>A mail joins an existing conversation only if its sender takes part in it ({@link
 *       #joinsByMail}); naming a known Message-ID or ticket number grants nothing.
 *   <li>Write rights imply read rights: {@link #check} first requires that the ticket is seen, and
 *       answers {@link NotFoundException} otherwise, so existence is never revealed.
 * </ul>
 */
public interface AccessControl {
  /**
   * Resolves what a principal may do, once: the agent's roles and teams, or the customer's
   * organization sharing. Every other decision is a pure function of the result: resolve once per
   * service call and pass it on.
   *
   * @param principal the caller
   * @return its rights (allowing nothing for unknown or inactive principals)
   */
  Rights rightsOf(Principal principal);

  /**
   * Which tickets the rights see, as a filter for the store.
   *
   * @param rights resolved rights
   * @return the filter; {@link TicketVisibility#none()} if nothing
   */
  TicketVisibility visibility(Rights rights);

  /**
   * The tickets on which the rights allow a permission, as a filter for searches that push rights
   * into an index (for example whether internal notes may be searched). Use it together with
   * {@link #visibility}: a ticket qualifies if it matches <em>both</em>.
   *
   * <p>Every ticket matching both filters satisfies {@link #may}. The result is exact, except for
   * one case {@link TicketVisibility} cannot express: an agent whose TIER-scoped role grants the
   * permission but who belongs to a team whose access level does not admit it. There the tier part
   * is left out, so the filter is a subset (some tickets on which the agent may do it are missing),
   * never a superset.
   *
   * @param rights resolved rights
   * @param permission the permission
   * @return the filter; {@link TicketVisibility#none()} if nothing
   */
  TicketVisibility permitted(Rights rights, Permission permission);

  /**
   * @param rights resolved rights
   * @param ticket a ticket
   * @return whether they see the ticket (agrees with {@link #visibility})
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
   * Whether the rights hold a permission anywhere: for permissions not tied to one ticket, such as
   * {@link Permission#REPORTS_VIEW}, {@link Permission#ADMINISTER}, the knowledge rights and the
   * inherent {@link Permission#MACRO_USE} or {@link Permission#INTERACTION_RECORD}.
   *
   * @param rights resolved rights
   * @param permission the permission
   * @return whether any of their roles grants it, or for an inherent permission whether the caller
   *     is who holds it (the system principal holds every permission but {@link
   *     Permission#CSAT_ANSWER})
   */
  boolean holds(Rights rights, Permission permission);

  /**
   * Requires {@link #holds}.
   *
   * @param rights resolved rights
   * @param permission the permission
   * @throws AccessDeniedException if not held (and the denial is recorded)
   */
  void require(Rights rights, Permission permission);

  /**
   * Requires the right to open a ticket for {@code requester}, decided before anything is looked up
   * so that the answer never tells an unauthorized caller whether a customer, team or agent exists.
   * A customer opens tickets only for themselves and sets no agent-only field; an agent needs
   * {@link Permission#TICKET_CREATE} in some role (the team access level of the ticket's team is
   * checked on the ticket itself with {@link #may}); the anonymous principal opens none.
   *
   * @param rights resolved rights
   * @param requester the customer the ticket is for
   * @param setsAgentFields whether the command sets priority, type, tier, team, assignee, tags or
   *     fields
   * @throws AccessDeniedException if not allowed (and the denial is recorded)
   */
  void checkCreate(Rights rights, CustomerId requester, boolean setsAgentFields);

  /**
   * {@link Permission#ASSET_READ} on one customer's assets: the customer themself, an active agent
   * that sees at least one of the customer's tickets, the system principal.
   *
   * @param rights resolved rights
   * @param customer whose assets
   * @param seesTheirTickets whether the rights see a ticket of that customer; asked only for agents
   * @return whether the assets may be read
   */
  boolean mayReadAssets(Rights rights, CustomerId customer, BooleanSupplier seesTheirTickets);

  /**
   * Whether the rights reach an organization's shared assets (those without a customer), wherever
   * they reach its customers' assets: always for staff, for a customer exactly when they see the
   * organization's tickets (the sharing grid).
   *
   * @param rights resolved rights
   * @return whether shared assets are included
   */
  boolean seesSharedAssets(Rights rights);

  /**
   * Requires what recording a live contact needs beyond {@link Permission#INTERACTION_RECORD} and
   * the ticket permissions of the write itself: a public entry in a customer's conversation needs a
   * {@link IdentityCheck#VERIFIED verified} caller (otherwise the caller could learn or add to
   * someone else's conversation), and a new ticket must not be opened in the name of a caller who
   * {@link IdentityCheck#FAILED failed} the check. Internal notes and contacts recorded without a
   * ticket need no check.
   *
   * @param rights resolved rights of the recording agent (or system)
   * @param recording where the contact is written
   * @param identity the result of the caller's identity check
   * @param target the ticket written to, if any (for the denial record)
   * @throws AccessDeniedException if the identity check does not allow this recording (and the
   *     denial is recorded)
   */
  void checkContact(Rights rights, Recording recording, IdentityCheck identity, @Nullable String target);

  /**
   * The participant rule for mail: whether a message from a sender may join an existing ticket's
   * conversation. It may if the sender is the ticket's requester, has written into the ticket
   * before, or is a customer who may {@link Permission#TICKET_REPLY_PUBLIC reply} to it (a colleague
   * in an organization that shares tickets). Anyone else's message must open a new ticket, so that
   * naming a known Message-ID, ticket number or reply address grants nothing.
   *
   * @param sender resolved rights of the customer whose address sent the message ({@link
   *     Rights#none} of the anonymous principal for an unknown address)
   * @param ticket the ticket the message refers to
   * @param wroteBefore whether the sender's address has written into the ticket before; asked only
   *     when the other facts do not decide
   * @return whether the message joins the ticket
   */
  boolean joinsByMail(Rights sender, Ticket ticket, BooleanSupplier wroteBefore);

  /**
   * Records a denial: logs it at DEBUG (logger {@code dev.frontline.helpdesk.access}) and tells the
   * listeners.
   *
   * @param principal who tried
   * @param permission what it tried to do
   * @param target on what, if known
   * @param reason why denied (internal, never shown to the caller)
   */
  void deny(Principal principal, Permission permission, @Nullable String target, String reason);
}
