package dev.frontline.helpdesk.jackson;

import dev.frontline.helpdesk.jackson.internal.JsonCodec;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketEvent;

/**
 * Ticket events and snapshots as JSON. Every field and every kind of {@link
 * dev.frontline.helpdesk.ticket.TicketChange} has an explicit name (the change's {@code kind}, e.g.
 * {@code state_changed}); instants are ISO-8601 strings. Reading validates like the value types do
 * and fails with {@link dev.frontline.helpdesk.StorageException} on malformed input. This is the
 * format the JDBC store keeps and webhooks send. Stateless and thread-safe.
 */
public final class TicketJson {
  private TicketJson() {}

  /**
   * @param event an event
   * @return its JSON object
   */
  public static String write(TicketEvent event) {
    return JsonCodec.event(event);
  }

  /**
   * @param json a JSON object written by {@link #write(TicketEvent)}
   * @return the event
   * @throws dev.frontline.helpdesk.StorageException if the JSON is not a valid event
   */
  public static TicketEvent readEvent(String json) {
    return JsonCodec.event(json);
  }

  /**
   * @param ticket a snapshot
   * @return its JSON object
   */
  public static String write(Ticket ticket) {
    return JsonCodec.ticket(ticket);
  }

  /**
   * @param json a JSON object written by {@link #write(Ticket)}
   * @return the snapshot
   * @throws dev.frontline.helpdesk.StorageException if the JSON is not a valid ticket
   */
  public static Ticket readTicket(String json) {
    return JsonCodec.ticket(json);
  }
}
