package dev.frontline.helpdesk.asset.internal;

import dev.frontline.helpdesk.asset.Asset;
import dev.frontline.helpdesk.asset.AssetId;
import dev.frontline.helpdesk.asset.AssetService;
import dev.frontline.helpdesk.internal.Kernel;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.access.Rights;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.spi.AssetDirectory;
import dev.frontline.helpdesk.ticket.FieldValue;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketService;
import dev.frontline.helpdesk.ticket.TicketUpdate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Shows customers' assets to the people who help them, and links assets to tickets. A ticket
 * references its assets in the text custom field {@value #FIELD} (asset ids, comma-separated), set
 * through {@link #link}, which checks that the asset is the ticket requester's own or a shared asset
 * of their organization (one without a named customer).
 *
 * <p>A customer's assets are their own and their organization's shared assets; a colleague's
 * personal asset is never one of them, even if it is recorded under the same organization. Who
 * sees what: a customer sees only their own assets (and their organization's shared ones, if they
 * see its tickets), also on tickets of colleagues they may read; an agent sees a customer's assets
 * only if the agent sees at least one of that customer's tickets (a lookup helper must not reveal
 * personal data to anyone, see SECURITY.md); the system sees every customer's. Thread-safe.
 */
public final class DefaultAssetService implements AssetService {
  /** The ticket custom field listing the ids of the ticket's assets. */
  public static final String FIELD = "assets";
  private static final int MAX_LINKS = 50;

  private final TicketService tickets;
  private final AccessControl access;
  private final Kernel helpdesk;
  private final AssetDirectory assets;

  public DefaultAssetService(Kernel helpdesk, AssetDirectory assets) {
    this.helpdesk = helpdesk;
    this.tickets = helpdesk.tickets();
    this.access = helpdesk.access();
    this.assets = assets;
  }

  /**
   * The assets of a customer, with their status.
   *
   * @param principal the caller
   * @param customer the customer
   * @return the customer's own and (where the caller may see them) their organization's shared
   *     assets, by id
   * @throws NotFoundException if the caller may not see this customer (existence is not revealed)
   */
  public List<Asset> customerAssets(Principal principal, CustomerId customer) {
    Checks.notNull(principal, "principal");
    Checks.notNull(customer, "customer");
    Optional<Customer> c = helpdesk.directory().findCustomer(customer);
    Rights r = access.rightsOf(principal);
    boolean allowed = c.isPresent() && access.mayReadAssets(r, customer,
        () -> helpdesk.ticketStore().count(TicketQuery.builder().requester(customer).build(), access.visibility(r)) > 0);
    if (!allowed) {
      access.deny(principal, Permission.ASSET_READ, customer.value(), "customer not visible");
      throw new NotFoundException("customer not found");
    }
    // the customer's own shared-assets right is their organization's sharing (Rights), for
    // staff always
    boolean withOrg = access.seesSharedAssets(r);
    Map<AssetId, Asset> out = new LinkedHashMap<>();
    assets.byCustomer(customer).forEach(a -> out.put(a.id(), a));
    if (withOrg && c.get().organization() != null) {
      assets.byOrganization(c.get().organization()).stream()
          .filter(a -> a.customer() == null)
          .forEach(a -> out.putIfAbsent(a.id(), a));
    }
    List<Asset> list = new ArrayList<>(out.values());
    list.sort(java.util.Comparator.comparing(Asset::id));
    return list;
  }

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
  public List<Asset> ticketAssets(Principal principal, TicketId ticket) {
    Rights r = access.rightsOf(principal);
    Ticket t = load(r, ticket, Permission.TICKET_READ);
    Customer me = r.customer();
    boolean colleague = me != null && !me.id().equals(t.requester());
    // a customer sees shared assets only where the organization shares tickets (the sharing grid)
    boolean shared = access.seesSharedAssets(r);
    List<Asset> out = new ArrayList<>();
    for (AssetId id : linked(t)) {
      assets.find(id)
          .filter(a -> a.belongsTo(t.requester(), t.organization()))
          .filter(a -> !colleague || a.customer() == null)
          .filter(a -> shared || a.customer() != null)
          .ifPresent(out::add);
    }
    return out;
  }

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
  public Ticket link(Principal principal, TicketId ticket, AssetId asset) {
    Checks.notNull(asset, "asset");
    Ticket t = load(access.rightsOf(principal), ticket, Permission.TICKET_EDIT);
    Asset a = assets.find(asset).filter(x -> x.belongsTo(t.requester(), t.organization()))
        .orElseThrow(() -> new NotFoundException("asset not found"));
    Set<AssetId> ids = new LinkedHashSet<>(linked(t));
    if (!ids.add(a.id())) {
      return t;
    }
    if (ids.size() > MAX_LINKS) {
      throw new ValidationException("a ticket references at most " + MAX_LINKS + " assets");
    }
    String value = String.join(",", ids.stream().map(AssetId::value).toList());
    return tickets.update(principal, t.id(), t.version(), TicketUpdate.none().withFields(Map.of(FIELD, FieldValue.text(value)), Set.of()));
  }

  private static List<AssetId> linked(Ticket t) {
    List<AssetId> out = new ArrayList<>();
    if (t.fields().get(FIELD) instanceof FieldValue.Text text) {
      for (String s : text.value().split(",")) {
        try {
          if (!s.isBlank()) {
            out.add(AssetId.of(s.strip()));
          }
        } catch (ValidationException e) {
          // a hand-edited field with a malformed id references nothing
        }
      }
    }
    return out;
  }

  /** One look-up, one decision: "not found" for a ticket the rights do not see. */
  private Ticket load(Rights r, TicketId id, Permission needed) {
    Checks.notNull(id, "ticket id");
    Ticket t = helpdesk.ticketStore().find(id).orElseThrow(() -> new NotFoundException("ticket not found"));
    access.check(r, t, needed);
    return t;
  }
}
