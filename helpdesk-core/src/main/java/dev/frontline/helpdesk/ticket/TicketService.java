package dev.frontline.helpdesk.ticket;

import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.TeamId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything that reads or changes tickets. Every operation names the acting principal and checks
 * its rights first (see {@link dev.frontline.helpdesk.access.AccessControl}); a ticket the principal
 * may not see is reported as not found. Every change is validated before anything is written, is
 * stored atomically with its audit events, and is then announced to the listeners.
 *
 * <p>Commands that modify a ticket take the {@code expectedVersion} the caller read; if the ticket
 * changed since, they throw {@link dev.frontline.helpdesk.ConcurrentModificationException} and
 * change nothing. Pass {@link Ticket#ANY_VERSION} for commands that commute (replies and notes).
 *
 * <p>Implementations are thread-safe.
 */
public interface TicketService {

  /**
   * Opens a ticket with its first public message. Customers may open tickets only for themselves
   * and may not set agent-only fields.
   *
   * @param principal the caller
   * @param command what to create
   * @return the new ticket
   */
  Ticket create(Principal principal, NewTicket command);

  /**
   * @param principal the caller
   * @param id the ticket
   * @return the ticket
   * @throws dev.frontline.helpdesk.NotFoundException if it does not exist or is not visible
   */
  Ticket get(Principal principal, TicketId id);

  /**
   * @param principal the caller
   * @param id the ticket
   * @return the ticket if it exists and is visible
   */
  Optional<Ticket> find(Principal principal, TicketId id);

  /**
   * @param principal the caller
   * @param key the human key
   * @return the ticket
   * @throws dev.frontline.helpdesk.NotFoundException if it does not exist or is not visible
   */
  Ticket getByKey(Principal principal, TicketKey key);

  /**
   * The conversation as the principal may see it: customers get public replies only (including
   * those merged in from other tickets); agents with {@code TICKET_READ_INTERNAL} get everything.
   *
   * @param principal the caller
   * @param id the ticket
   * @return entries in time order
   */
  List<Entry> conversation(Principal principal, TicketId id);

  /**
   * The full audit trail. Agents only, with {@code TICKET_READ_INTERNAL}.
   *
   * @param principal the caller
   * @param id the ticket
   * @return all events in version order
   */
  List<TicketEvent> history(Principal principal, TicketId id);

  /**
   * Reads an attachment's content. The attachment must belong to an entry of this ticket that the
   * caller may see.
   *
   * @param principal the caller
   * @param ticket the ticket
   * @param attachment the attachment
   * @return metadata and bytes
   * @throws dev.frontline.helpdesk.NotFoundException otherwise
   */
  AttachmentContent attachment(Principal principal, TicketId ticket, AttachmentId attachment);

  /**
   * Adds a public reply. A customer reply to a SOLVED ticket within the reopen window reopens it;
   * after the window, or to a CLOSED ticket, it opens a follow-up ticket linked to the old one; to a
   * MERGED ticket it lands in the ticket it was merged into. A customer reply to a PENDING ticket
   * moves it to OPEN; the first agent reply to a NEW ticket moves it to OPEN.
   *
   * @param principal the caller
   * @param id the ticket
   * @param expectedVersion version read by the caller, or {@link Ticket#ANY_VERSION}
   * @param message the reply
   * @return the ticket the reply landed in (a new follow-up ticket in the cases above); if that is a
   *     ticket the caller may not see (a customer replying to their ticket merged into a colleague's),
   *     the merged ticket they replied to
   */
  Ticket reply(Principal principal, TicketId id, long expectedVersion, Message message);

  /**
   * Adds an internal note, never shown to customers.
   *
   * @param principal the caller
   * @param id the ticket
   * @param expectedVersion version read by the caller, or {@link Ticket#ANY_VERSION}
   * @param message the note
   * @return the updated ticket
   */
  Ticket addNote(Principal principal, TicketId id, long expectedVersion, Message message);

  /**
   * Moves a ticket to another state along the transition table (not to MERGED: use {@link #merge}).
   *
   * @param principal the caller
   * @param id the ticket
   * @param expectedVersion version read by the caller
   * @param target the new state
   * @return the updated ticket
   * @throws dev.frontline.helpdesk.IllegalTransitionException if the table does not allow it
   */
  Ticket transition(Principal principal, TicketId id, long expectedVersion, TicketState target);

  /**
   * Changes subject, priority, type, tags or custom fields.
   *
   * @param principal the caller
   * @param id the ticket
   * @param expectedVersion version read by the caller
   * @param update the changes
   * @return the updated ticket (unchanged if the update changes nothing)
   */
  Ticket update(Principal principal, TicketId id, long expectedVersion, TicketUpdate update);

  /**
   * Assigns the ticket to a team and/or agent within its tier. Taking a ticket (assigning it to
   * oneself without changing the team) needs only {@code TICKET_TAKE}.
   *
   * @param principal the caller
   * @param id the ticket
   * @param expectedVersion version read by the caller
   * @param team the team (must serve the ticket's tier), or null for none
   * @param assignee the agent (must be active and a member of the team, if any), or null for none
   * @return the updated ticket
   */
  Ticket assign(Principal principal, TicketId id, long expectedVersion, @Nullable TeamId team, @Nullable AgentId assignee);

  /**
   * Moves the ticket up to a higher tier, with a reason; the assignee is cleared.
   *
   * @param principal the caller
   * @param id the ticket
   * @param expectedVersion version read by the caller
   * @param toTier the higher tier
   * @param team a team of that tier, or null for the tier's default team
   * @param reason why (recorded in the audit trail and as an internal note)
   * @return the updated ticket
   */
  Ticket escalate(Principal principal, TicketId id, long expectedVersion, int toTier, @Nullable TeamId team, String reason);

  /**
   * Hands the ticket back down to a lower tier with a hand-off note; the assignee is cleared.
   *
   * @param principal the caller
   * @param id the ticket
   * @param expectedVersion version read by the caller
   * @param toTier the lower tier
   * @param team a team of that tier, or null for the tier's default team
   * @param handOffNote what the lower tier needs to know (also added as an internal note)
   * @return the updated ticket
   */
  Ticket deescalate(Principal principal, TicketId id, long expectedVersion, int toTier, @Nullable TeamId team, String handOffNote);

  /**
   * Links two tickets; needs {@code TICKET_LINK} on both.
   *
   * @param principal the caller
   * @param from the ticket the link type is seen from
   * @param type the type
   * @param to the other ticket
   * @return the updated {@code from} ticket
   */
  Ticket link(Principal principal, TicketId from, LinkType type, TicketId to);

  /**
   * Merges {@code source} into {@code target}: the source becomes MERGED, its entries are copied to
   * the target with their kinds kept (internal stays internal), and later replies to the source land
   * in the target. Needs {@code TICKET_MERGE} on both.
   *
   * @param principal the caller
   * @param source the ticket to merge away
   * @param sourceVersion version of the source read by the caller
   * @param target the surviving ticket
   * @return the updated target
   */
  Ticket merge(Principal principal, TicketId source, long sourceVersion, TicketId target);

  /**
   * Splits one entry out into a new ticket for the same requester, linked both ways. Needs {@code
   * TICKET_SPLIT} on the source and {@code TICKET_CREATE} for the new ticket's team.
   *
   * @param principal the caller
   * @param source the ticket
   * @param entry the entry to split out
   * @param subject the new ticket's subject
   * @param team the new ticket's team, or null to keep the source's
   * @return the new ticket
   */
  Ticket split(Principal principal, TicketId source, EntryId entry, String subject, @Nullable TeamId team);

  /**
   * A page of the tickets the principal sees, filtered in the store.
   *
   * @param principal the caller
   * @param query filters, order and page
   * @return the page
   */
  TicketPage query(Principal principal, TicketQuery query);

  /**
   * {@link #get} as the customer view, for customer portals: the same rights, without the fields
   * that are the support organization's business.
   *
   * @param principal the caller (usually a customer)
   * @param id the ticket
   * @return the customer view of the ticket
   * @throws dev.frontline.helpdesk.NotFoundException if it does not exist or is not visible
   */
  default CustomerTicket getForCustomer(Principal principal, TicketId id) {
    return CustomerTicket.of(get(principal, id));
  }

  /**
   * {@link #query} as customer views, for customer portals: the same rights, filters and pages.
   *
   * @param principal the caller (usually a customer)
   * @param query filters, order and page
   * @return the page of customer views
   */
  default CustomerTicket.Page queryForCustomer(Principal principal, TicketQuery query) {
    return CustomerTicket.Page.of(query(principal, query));
  }

  /**
   * @param principal the caller
   * @param query filters
   * @return how many visible tickets match
   */
  long count(Principal principal, TicketQuery query);

  /**
   * Closes SOLVED tickets whose solution is older than the configured auto-close period. Run it
   * periodically as the system principal.
   *
   * @param principal must be the system principal
   * @return how many tickets were closed
   */
  int closeSolvedTickets(Principal principal);
}
