package dev.frontline.helpdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.asset.Asset;
import dev.frontline.helpdesk.asset.AssetId;
import dev.frontline.helpdesk.asset.AssetStatus;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.spi.AssetDirectory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The contract every {@link AssetDirectory} must pass (derived from the in-memory directory). */
public abstract class AssetDirectoryContract {
  /** The directory under test. */
  protected AssetDirectory directory;

  /** Subclasses need no-arg constructors. */
  protected AssetDirectoryContract() {}

  /** @return a new, empty directory */
  protected abstract AssetDirectory newDirectory();

  @BeforeEach
  void fresh() {
    directory = newDirectory();
  }

  private static Asset asset(String id, @Nullable String customer, @Nullable String org, AssetStatus status) {
    return new Asset(AssetId.of(id), "Laptop “" + id + "” ✓", "laptop", "SN-" + id, status,
        customer == null ? null : CustomerId.of(customer), org == null ? null : OrganizationId.of(org));
  }

  @Test
  @DisplayName("saves, finds and replaces assets")
  void saveAndReplace() {
    Asset a = asset("a-1", "cust-1", null, AssetStatus.ACTIVE);
    directory.save(a);
    assertThat(directory.find(a.id())).contains(a);
    Asset moved = asset("a-1", null, "org-1", AssetStatus.IN_REPAIR);
    directory.save(moved);
    assertThat(directory.find(a.id())).contains(moved);
    assertThat(directory.byCustomer(CustomerId.of("cust-1"))).isEmpty();
    assertThat(directory.byOrganization(OrganizationId.of("org-1"))).containsExactly(moved);
    assertThat(directory.find(AssetId.of("nope"))).isEmpty();
  }

  @Test
  @DisplayName("lists by customer and by organization, ordered by id")
  void lists() {
    Asset b = asset("b", "cust-1", "org-1", AssetStatus.ACTIVE);
    Asset a = asset("a", "cust-1", null, AssetStatus.ORDERED);
    Asset upper = asset("Z", "cust-1", "org-2", AssetStatus.LOST);
    Asset c = asset("c", "cust-2", "org-1", AssetStatus.ACTIVE);
    directory.save(b);
    directory.save(a);
    directory.save(upper);
    directory.save(c);
    assertThat(directory.byCustomer(CustomerId.of("cust-1"))).containsExactly(upper, a, b);
    assertThat(directory.byOrganization(OrganizationId.of("org-1"))).containsExactly(b, c);
    assertThat(directory.byCustomer(CustomerId.of("cust-9"))).isEmpty();
  }
}
