package dev.frontline.helpdesk.asset;

/** The lifecycle status of an asset. */
public enum AssetStatus {
  /** Ordered, not yet delivered. */
  ORDERED,
  /** In use. */
  ACTIVE,
  /** Being repaired or replaced. */
  IN_REPAIR,
  /** Reported lost or stolen. */
  LOST,
  /** Out of service. */
  RETIRED
}
