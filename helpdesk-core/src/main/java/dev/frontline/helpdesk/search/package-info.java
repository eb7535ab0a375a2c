/**
 * Ticket search beside the ticket store: "similar solved tickets" ({@link
 * dev.frontline.helpdesk.search.SimilarTicketService}), the values it returns, and the listener that
 * keeps a {@link dev.frontline.helpdesk.spi.TicketSearch} index current ({@link
 * dev.frontline.helpdesk.search.TicketSearchIndexer}).
 */
@NullMarked
package dev.frontline.helpdesk.search;

import org.jspecify.annotations.NullMarked;
