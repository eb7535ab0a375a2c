package dev.frontline.helpdesk.ticket;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a ticket query.
 *
 * @param items the tickets, in query order
 * @param nextCursor pass to {@link TicketQuery.Builder#after} for the next page; null on the last page
 */
public record TicketPage(List<Ticket> items, @Nullable String nextCursor) {
  /** Copies. */
  public TicketPage {
    items = List.copyOf(items);
  }
}
