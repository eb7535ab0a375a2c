package dev.frontline.helpdesk.metrics;

/** What a metrics report groups tickets by (each ticket by its current value). */
public enum Dimension {
  /** The assignee; {@code unassigned} for none. */
  AGENT,
  /** The team; {@code none} for none. */
  TEAM,
  /** The support tier, {@code 1} for the front line. */
  TIER,
  /** The channel the ticket came in through. */
  CHANNEL
}
