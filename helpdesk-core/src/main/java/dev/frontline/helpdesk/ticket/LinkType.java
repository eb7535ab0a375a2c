package dev.frontline.helpdesk.ticket;

/** How two tickets are related. Links are stored on both tickets, each with its own view. */
public enum LinkType {
  /** Symmetric: the tickets concern the same matter. */
  RELATED,
  /** This ticket is the parent of the other. */
  PARENT_OF,
  /** This ticket is a child of the other. */
  CHILD_OF,
  /** This ticket follows up the other (opened by a customer reply to a closed ticket). */
  FOLLOW_UP_OF,
  /** The other ticket follows up this one. */
  FOLLOWED_UP_BY,
  /** This ticket was split out of the other. */
  SPLIT_FROM,
  /** The other ticket was split out of this one. */
  SPLIT_INTO,
  /** The other ticket was merged into this one. */
  MERGED_FROM;

  /** @return the type the other ticket records for the same link */
  public LinkType inverse() {
    return switch (this) {
      case RELATED -> RELATED;
      case PARENT_OF -> CHILD_OF;
      case CHILD_OF -> PARENT_OF;
      case FOLLOW_UP_OF -> FOLLOWED_UP_BY;
      case FOLLOWED_UP_BY -> FOLLOW_UP_OF;
      case SPLIT_FROM -> SPLIT_INTO;
      case SPLIT_INTO -> SPLIT_FROM;
      case MERGED_FROM -> MERGED_FROM;
    };
  }
}
