package dev.frontline.helpdesk.search;

import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.TicketVisibility;

/**
 * What a reader may see of the ticket index, resolved by the access layer before a search. A
 * {@link dev.frontline.helpdesk.spi.TicketSearch} applies both filters inside the index, never to
 * a finished result. Immutable.
 *
 * @param visible the tickets the reader sees ({@code AccessControl.visibility}); only these can be
 *     hits, and only their subject and public conversation are searched and highlighted
 * @param internal the tickets whose internal notes and system entries the reader may read
 *     ({@code AccessControl.permitted(principal, TICKET_READ_INTERNAL)}); internal text is searched
 *     and highlighted only for tickets matching both {@code visible} and {@code internal}
 */
public record TicketSearchAudience(TicketVisibility visible, TicketVisibility internal) {
  /** Validates. */
  public TicketSearchAudience {
    Checks.notNull(visible, "visible");
    Checks.notNull(internal, "internal");
  }

  /**
   * @param visible the visible tickets
   * @return an audience that never uses internal text
   */
  public static TicketSearchAudience publicOnly(TicketVisibility visible) {
    return new TicketSearchAudience(visible, TicketVisibility.none());
  }

  /** @return whether internal text may be used for at least some tickets */
  public boolean usesInternal() {
    return !visible.isNone() && !internal.isNone();
  }
}
