package dev.frontline.helpdesk.feedback;

import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A customer's answer to the satisfaction survey of one ticket. Stored in the ticket's history as
 * a {@link TicketChange.Custom} event of kind {@value #KIND}. Immutable.
 *
 * @param ticket the ticket
 * @param customer the requester who answered
 * @param rating the rating
 * @param comment an optional comment (untrusted text)
 * @param at when
 */
public record CsatResponse(TicketId ticket, CustomerId customer, CsatRating rating, @Nullable String comment, Instant at) {
  /** The kind of the custom ticket event. */
  public static final String KIND = "csat";
  /** Longest comment, in characters. */
  public static final int MAX_COMMENT = 2000;

  /** Validates. */
  public CsatResponse {
    Checks.notNull(ticket, "ticket");
    Checks.notNull(customer, "customer");
    Checks.notNull(rating, "rating");
    if (comment != null) {
      Checks.text(comment, "comment", MAX_COMMENT);
    }
    Checks.notNull(at, "time");
  }

  /** @return the fields of the {@code csat} custom event that records this answer in the ticket history */
  public Map<String, String> toData() {
    Map<String, String> m = new HashMap<>();
    m.put("customer", customer.value());
    m.put("scale", rating.scale().name());
    m.put("rating", Integer.toString(rating.value()));
    if (comment != null) {
      m.put("comment", comment);
    }
    return m;
  }

  /**
   * Reads a response back from a ticket event.
   *
   * @param event any event
   * @return the response if the event records one
   */
  public static Optional<CsatResponse> from(TicketEvent event) {
    if (event.change() instanceof TicketChange.Custom c && KIND.equals(c.kind())) {
      Map<String, String> d = c.data();
      return Optional.of(new CsatResponse(event.ticketId(), CustomerId.of(Objects.requireNonNull(d.get("customer"))),
          new CsatRating(CsatRating.Scale.valueOf(Objects.requireNonNull(d.get("scale"))), Integer.parseInt(d.get("rating"))), d.get("comment"), event.at()));
    }
    return Optional.empty();
  }
}
