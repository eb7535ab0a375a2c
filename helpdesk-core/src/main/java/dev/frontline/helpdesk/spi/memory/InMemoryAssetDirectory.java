package dev.frontline.helpdesk.spi.memory;

import dev.frontline.helpdesk.asset.Asset;
import dev.frontline.helpdesk.asset.AssetId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.spi.AssetDirectory;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link AssetDirectory}. Thread-safe. */
public final class InMemoryAssetDirectory implements AssetDirectory {
  private final ConcurrentHashMap<AssetId, Asset> assets = new ConcurrentHashMap<>();

  /** Creates an empty directory. */
  public InMemoryAssetDirectory() {}

  @Override
  public void save(Asset asset) {
    assets.put(Objects.requireNonNull(asset, "asset").id(), asset);
  }

  @Override
  public Optional<Asset> find(AssetId id) {
    return Optional.ofNullable(assets.get(id));
  }

  @Override
  public List<Asset> byCustomer(CustomerId customer) {
    return assets.values().stream().filter(a -> customer.equals(a.customer())).sorted(Comparator.comparing(Asset::id)).toList();
  }

  @Override
  public List<Asset> byOrganization(OrganizationId organization) {
    return assets.values().stream().filter(a -> organization.equals(a.organization())).sorted(Comparator.comparing(Asset::id)).toList();
  }
}
