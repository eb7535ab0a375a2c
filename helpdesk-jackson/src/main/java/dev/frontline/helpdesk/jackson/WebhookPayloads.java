package dev.frontline.helpdesk.jackson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.automation.WebhookSignature;
import dev.frontline.helpdesk.ticket.TicketEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds and checks signed webhook deliveries of ticket events. A delivery is a JSON body {@code
 * {"id":…, "sentAt":…, "events":[…]}} with the events in {@link TicketJson}'s format, and a
 * signature header value {@code t=<epoch seconds>,v1=<hex HMAC-SHA256>} over {@code t + "." +
 * body} (see {@link WebhookSignature}), to be sent as {@value #SIGNATURE_HEADER}. Receivers verify
 * with {@link #verify}, which rejects stale timestamps (replays) and compares in constant time.
 *
 * <p>Customers must never receive internal events through a webhook meant for them: filter with
 * {@link #customerVisible(List)} before building such a delivery. Immutable and thread-safe.
 */
public final class WebhookPayloads {
  /** The HTTP header that carries the signature. */
  public static final String SIGNATURE_HEADER = "Frontline-Signature";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final WebhookSignature signature;

  private WebhookPayloads(WebhookSignature signature) {
    this.signature = signature;
  }

  /**
   * @param secret the secret shared with the receiver, at least 32 bytes
   * @return a builder of deliveries signed with it
   */
  public static WebhookPayloads withSecret(byte[] secret) {
    return new WebhookPayloads(WebhookSignature.withSecret(secret));
  }

  /**
   * A signed delivery.
   *
   * @param body the exact JSON body to send
   * @param signature the value of the {@value WebhookPayloads#SIGNATURE_HEADER} header
   */
  public record Delivery(String body, String signature) {
    /** Rejects nulls. */
    public Delivery {
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(signature, "signature");
    }
  }

  /**
   * @param deliveryId a unique id of this delivery, for the receiver's de-duplication (a single line)
   * @param events the events, in order
   * @param sentAt the signing time
   * @return the body and its signature
   */
  public Delivery deliver(String deliveryId, List<TicketEvent> events, Instant sentAt) {
    if (deliveryId == null || deliveryId.isBlank() || deliveryId.length() > 200 || deliveryId.indexOf('\n') >= 0 || deliveryId.indexOf('\r') >= 0) {
      throw new ValidationException("delivery id must be a single non-blank line of at most 200 characters");
    }
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(sentAt, "sentAt");
    ObjectNode root = MAPPER.createObjectNode();
    root.put("id", deliveryId);
    root.put("sentAt", sentAt.toString());
    ArrayNode arr = root.putArray("events");
    try {
      for (TicketEvent e : events) {
        arr.add(MAPPER.readTree(TicketJson.write(e)));
      }
      String body = MAPPER.writeValueAsString(root);
      return new Delivery(body, signature.sign(sentAt, body));
    } catch (JsonProcessingException e) {
      throw new StorageException("could not write webhook payload", e);
    }
  }

  /**
   * Verifies a received delivery and reads its events.
   *
   * @param body the received body, exactly as received
   * @param signatureHeader the received {@value #SIGNATURE_HEADER} header value
   * @param now the receiver's time
   * @param tolerance how far the signing time may be from now
   * @return the events
   * @throws ValidationException if the signature is missing, wrong or stale, or the body is malformed
   */
  public List<TicketEvent> verify(String body, String signatureHeader, Instant now, Duration tolerance) {
    if (!signature.verify(signatureHeader, body, now, tolerance)) {
      throw new ValidationException("webhook signature is invalid or stale");
    }
    try {
      JsonNode root = MAPPER.readTree(body);
      JsonNode arr = root.get("events");
      if (arr == null || !arr.isArray()) {
        throw new ValidationException("webhook body has no events");
      }
      List<TicketEvent> out = new ArrayList<>();
      for (JsonNode n : arr) {
        out.add(TicketJson.readEvent(MAPPER.writeValueAsString(n)));
      }
      return out;
    } catch (JsonProcessingException | StorageException e) {
      throw new ValidationException("malformed webhook body");
    }
  }

  /**
   * @param events events of a change
   * @return only those a customer may see (public replies, creation, state changes, merges)
   */
  public static List<TicketEvent> customerVisible(List<TicketEvent> events) {
    return events.stream().filter(e -> e.change().isCustomerVisible()).toList();
  }
}
