package dev.frontline.helpdesk.asset;

import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import java.util.List;

/**
 * Shows customers' assets to the people who help them, and links assets to tickets. A ticket
 * references its assets in the text custom field {@value #FIELD} (asset ids, comma-separated), set
 * through {@link #link}, which checks that the asset is the ticket requester's own or a shared asset
 * of their organization (one without a named customer).
 *
 * <p>A customer's assets are their own and their organization's shared assets; a colleague's
 * personal asset is never one of them, even if it is recorded under the same organization. Who
 * sees what: a customer sees only their own assets (and their organization's shared ones, if they
 * see its tickets: they may see organization tickets and the organization shares tickets), also on
 * tickets of colleagues they may read; an agent sees a customer's assets
 * only if the agent sees at least one of that customer's tickets (a lookup helper must not reveal
 * personal data to anyone, see SECURITY.md); the system sees every customer's. Thread-safe.
 */
public interface AssetService {
  /** The ticket custom field listing the ids of the ticket's assets. */
  String FIELD = "assets";

  /**
   * The assets of a customer, with their status.
   *
   * @param principal the caller
   * @param customer the customer
   * @return the customer's own and (where the caller may see them) their organization's shared
   *     assets, by id
   * @throws NotFoundException if the caller may not see this customer (existence is not revealed)
   */
  List<Asset> customerAssets(Principal principal, CustomerId customer);

  /**
   * The assets a ticket references, for anyone who may read the ticket.
   *
   * @param principal the caller
   * @param ticket the ticket
   * @return the referenced assets that still exist and are the requester's own or their
   *     organization's shared assets; for a customer other than the requester (a colleague who
   *     reads the ticket), only the shared ones
   * @throws NotFoundException if the ticket is not visible
   */
  List<Asset> ticketAssets(Principal principal, TicketId ticket);

  /**
   * Links an asset to a ticket (needs {@code TICKET_EDIT}, checked by the ticket service).
   *
   * @param principal the caller
   * @param ticket the ticket
   * @param asset the asset; must be the requester's own or a shared asset of their organization
   * @return the updated ticket
   * @throws NotFoundException if the ticket is not visible, or the asset does not exist or belongs to
   *     someone else (not distinguished)
   */
  Ticket link(Principal principal, TicketId ticket, AssetId asset);
}
