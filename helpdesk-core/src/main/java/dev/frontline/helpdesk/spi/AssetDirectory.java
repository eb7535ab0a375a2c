package dev.frontline.helpdesk.spi;

import dev.frontline.helpdesk.asset.Asset;
import dev.frontline.helpdesk.asset.AssetId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.OrganizationId;
import java.util.List;
import java.util.Optional;

/**
 * Where customer assets are kept (often the host's inventory or CMDB). Implementations must be
 * thread-safe and do no permission checks; {@link dev.frontline.helpdesk.asset.AssetService} does.
 */
public interface AssetDirectory {
  /** @param asset the asset to create or replace */
  void save(Asset asset);

  /**
   * @param id an id
   * @return the asset, if any
   */
  Optional<Asset> find(AssetId id);

  /**
   * @param customer a customer
   * @return the assets of the customer, ordered by id
   */
  List<Asset> byCustomer(CustomerId customer);

  /**
   * @param organization an organization
   * @return the assets of the organization, ordered by id
   */
  List<Asset> byOrganization(OrganizationId organization);
}
