package dev.frontline.helpdesk.asset;

import dev.frontline.helpdesk.internal.Checks;

/**
 * Identifies an asset. Immutable.
 *
 * @param value the identifier; 1 to 64 characters of letters, digits, {@code - _ . : @}
 */
public record AssetId(String value) implements Comparable<AssetId> {
  /** Validates the identifier. */
  public AssetId {
    Checks.identifier(value, "AssetId");
  }

  /**
   * @param value the identifier
   * @return the typed id
   */
  public static AssetId of(String value) {
    return new AssetId(value);
  }

  @Override
  public int compareTo(AssetId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
