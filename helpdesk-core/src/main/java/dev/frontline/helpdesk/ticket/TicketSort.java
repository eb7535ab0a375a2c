package dev.frontline.helpdesk.ticket;

/**
 * Sort orders for ticket queries. Every order breaks ties by ticket id, so keyset pagination is
 * stable. Only these orders exist: there is no way to sort by an arbitrary column.
 */
public enum TicketSort {
  /** Oldest first. */
  CREATED_ASC,
  /** Newest first. */
  CREATED_DESC,
  /** Least recently updated first. */
  UPDATED_ASC,
  /** Most recently updated first. */
  UPDATED_DESC,
  /** Most urgent first, then oldest. */
  PRIORITY_DESC,
  /** Earliest SLA deadline first; tickets without a deadline last. */
  DEADLINE_ASC;

  /**
   * The primary sort key of a ticket as a long, ascending in this order (tie-break: id ascending).
   * Stores that cannot evaluate it directly must reproduce the same order.
   *
   * @param t a ticket
   * @return the key
   */
  public long key(Ticket t) {
    return switch (this) {
      case CREATED_ASC -> t.createdAt().toEpochMilli();
      case CREATED_DESC -> -t.createdAt().toEpochMilli();
      case UPDATED_ASC -> t.updatedAt().toEpochMilli();
      case UPDATED_DESC -> -t.updatedAt().toEpochMilli();
      case PRIORITY_DESC -> -(t.priority().ordinal() * 10_000_000_000_000L) + t.createdAt().toEpochMilli();
      case DEADLINE_ASC -> t.nextDeadline() == null ? Long.MAX_VALUE : t.nextDeadline().toEpochMilli();
    };
  }
}
