package dev.frontline.helpdesk.jackson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.jackson.format.TicketFormat;
import dev.frontline.helpdesk.jackson.internal.Json;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketEvent;

/**
 * Ticket events and snapshots in the webhook <em>wire</em> format: what {@link WebhookPayloads}
 * sends and receivers read. Every field and every kind of {@link
 * dev.frontline.helpdesk.ticket.TicketChange} has an explicit name (the change's {@code kind}, e.g.
 * {@code state_changed}); instants are ISO-8601 strings. Reading validates like the value types do
 * and fails with {@link StorageException} on malformed input. Stateless and thread-safe.
 *
 * <p>The wire format is not the stored format ({@link dev.frontline.helpdesk.jackson.format}): the
 * two share today's shapes (the wire documents are the stored version-1 documents without their
 * {@code "v"} field, and this class reuses the stored format's mapping), but each may change
 * without the other, so a webhook change is never a database change and the reverse. When they
 * diverge, this class keeps the wire shape its tests pin.
 */
public final class TicketJson {
  private TicketJson() {}

  /**
   * @param event an event
   * @return its JSON object
   */
  public static String write(TicketEvent event) {
    return withoutVersion(TicketFormat.writeEvent(event));
  }

  /**
   * @param json a JSON object written by {@link #write(TicketEvent)}
   * @return the event
   * @throws StorageException if the JSON is not a valid event
   */
  public static TicketEvent readEvent(String json) {
    return TicketFormat.readEvent(json);
  }

  /**
   * @param ticket a snapshot
   * @return its JSON object
   */
  public static String write(Ticket ticket) {
    return withoutVersion(TicketFormat.writeTicket(ticket));
  }

  /**
   * @param json a JSON object written by {@link #write(Ticket)}
   * @return the snapshot
   * @throws StorageException if the JSON is not a valid ticket
   */
  public static Ticket readTicket(String json) {
    return TicketFormat.readTicket(json);
  }

  /** The stored document's shape without the stored format's version field. */
  private static String withoutVersion(String stored) {
    try {
      ObjectNode n = (ObjectNode) Json.MAPPER.readTree(stored);
      n.remove("v");
      return Json.text(n);
    } catch (JsonProcessingException e) {
      throw new StorageException("cannot write a ticket value as JSON", e);
    }
  }
}
