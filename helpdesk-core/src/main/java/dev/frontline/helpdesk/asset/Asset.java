package dev.frontline.helpdesk.asset;

import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * Something a customer or organization owns that support deals with: a device, a licence, a
 * contract. Owned by a customer, an organization, or both (a company laptop used by one person).
 * Names are untrusted text. Immutable.
 *
 * @param id the id
 * @param name display name
 * @param type the kind, e.g. {@code laptop} (an identifier)
 * @param serial serial or licence number
 * @param status status
 * @param customer the owning or using customer, if any
 * @param organization the owning organization, if any
 */
public record Asset(
    AssetId id,
    String name,
    String type,
    String serial,
    AssetStatus status,
    @Nullable CustomerId customer,
    @Nullable OrganizationId organization) {
  /** Validates. */
  public Asset {
    Checks.notNull(id, "asset id");
    Checks.line(name, "asset name", 200);
    Checks.identifier(type, "asset type");
    Checks.line(serial, "serial", 200);
    Checks.notNull(status, "status");
    Checks.require(customer != null || organization != null, "an asset belongs to a customer or an organization");
  }

  /**
   * @param c a customer
   * @param org the customer's organization, or null
   * @return whether the asset is the customer's own, or a shared asset (no named customer) of
   *     their organization; a colleague's personal asset recorded under the same organization is
   *     not
   */
  public boolean belongsTo(CustomerId c, @Nullable OrganizationId org) {
    if (customer != null) {
      return customer.equals(c);
    }
    return org != null && org.equals(organization);
  }
}
