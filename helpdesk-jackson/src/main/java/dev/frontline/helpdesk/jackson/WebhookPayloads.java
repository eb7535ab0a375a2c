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
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Builds and checks signed webhook deliveries of ticket events. A delivery is a JSON body {@code
 * {"id":…, "sentAt":…, "events":[…]}} with the events in {@link TicketJson}'s wire format (not the
 * stored format of {@link dev.frontline.helpdesk.jackson.format}, which may diverge), and a
 * signature header value {@code t=<epoch seconds>,v1=<hex HMAC-SHA256>} over {@code t + "." +
 * body} (see {@link WebhookSignature}), to be sent as {@value #SIGNATURE_HEADER}. {@link #verify}
 * checks the signature in constant time and rejects a signing time outside the tolerance; it keeps
 * no state, so it cannot tell a replay within the tolerance window from the original. Receivers
 * that need replay protection use a {@link WebhookReceiver}, which also remembers delivery ids.
 *
 * <p>The full format is for the helpdesk's own systems: it carries internal notes, tags, custom
 * fields, teams, assignees and agent ids. Customers must only ever receive a <em>customer
 * delivery</em>: project the events with {@link #customerVisible(List)} and build it with {@link
 * #deliverToCustomer}. Its body is {@code {"id":…, "sentAt":…, "audience":"customer",
 * "events":[…]}} with the events in the customer-facing shape of {@link CustomerEvent}, signed the
 * same way; receivers read it with {@link #verifyCustomer}. Immutable and thread-safe.
 */
public final class WebhookPayloads {
  /** The HTTP header that carries the signature. */
  public static final String SIGNATURE_HEADER = "Frontline-Signature";

  /** The {@code audience} value of a customer delivery's body. */
  static final String CUSTOMER_AUDIENCE = "customer";

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
   * A delivery in the full format, for the helpdesk's own systems. Never send it to a customer: use
   * {@link #deliverToCustomer} for that.
   *
   * @param deliveryId a unique id of this delivery, for the receiver's de-duplication (a single line
   *     of at most 200 characters); a retry of the same delivery keeps its id
   * @param events the events, in order
   * @param sentAt the signing time
   * @return the body and its signature
   * @throws ValidationException if the delivery id is blank, too long or not a single line
   */
  public Delivery deliver(String deliveryId, List<TicketEvent> events, Instant sentAt) {
    Objects.requireNonNull(events, "events");
    List<JsonNode> nodes = new ArrayList<>();
    try {
      for (TicketEvent e : events) {
        nodes.add(MAPPER.readTree(TicketJson.write(e)));
      }
    } catch (JsonProcessingException e) {
      throw new StorageException("could not write webhook payload", e);
    }
    return sign(deliveryId, null, nodes, sentAt);
  }

  /**
   * A customer delivery: only what the ticket's customer may see (see {@link CustomerEvent}). The
   * projection removes internal content, not other people's tickets: pass only events of tickets the
   * recipient may see (their own, or their organization's shared ones).
   *
   * @param deliveryId a unique id of this delivery, for the receiver's de-duplication (a single line
   *     of at most 200 characters); a retry of the same delivery keeps its id
   * @param events the customer-facing events, in order, from {@link #customerVisible(List)}
   * @param sentAt the signing time
   * @return the body and its signature
   * @throws ValidationException if the delivery id is blank, too long or not a single line
   */
  public Delivery deliverToCustomer(String deliveryId, List<CustomerEvent> events, Instant sentAt) {
    Objects.requireNonNull(events, "events");
    List<JsonNode> nodes = new ArrayList<>();
    for (CustomerEvent e : events) {
      nodes.add(CustomerEventJson.node(e));
    }
    return sign(deliveryId, CUSTOMER_AUDIENCE, nodes, sentAt);
  }

  private Delivery sign(String deliveryId, @Nullable String audience, List<JsonNode> events, Instant sentAt) {
    checkDeliveryId(deliveryId);
    Objects.requireNonNull(sentAt, "sentAt");
    ObjectNode root = MAPPER.createObjectNode();
    root.put("id", deliveryId);
    root.put("sentAt", sentAt.toString());
    if (audience != null) {
      root.put("audience", audience);
    }
    ArrayNode arr = root.putArray("events");
    events.forEach(arr::add);
    try {
      String body = MAPPER.writeValueAsString(root);
      return new Delivery(body, signature.sign(sentAt, body));
    } catch (JsonProcessingException e) {
      throw new StorageException("could not write webhook payload", e);
    }
  }

  private static void checkDeliveryId(@Nullable String deliveryId) {
    if (deliveryId == null
        || deliveryId.isBlank()
        || deliveryId.length() > 200
        || deliveryId.indexOf('\n') >= 0
        || deliveryId.indexOf('\r') >= 0) {
      throw new ValidationException("delivery id must be a single non-blank line of at most 200 characters");
    }
  }

  /**
   * Verifies a received delivery in the full format and reads its events. Stateless: a copy of a
   * valid delivery passes again as long as its signing time is within the tolerance (use a {@link
   * WebhookReceiver} to reject replays).
   *
   * @param body the received body, exactly as received
   * @param signatureHeader the received {@value #SIGNATURE_HEADER} header value
   * @param now the receiver's time
   * @param tolerance how far the signing time may be from now
   * @return the events
   * @throws ValidationException if the signature is missing, wrong or stale, or the body is malformed
   *     or a customer delivery
   */
  public List<TicketEvent> verify(String body, String signatureHeader, Instant now, Duration tolerance) {
    return checkFull(body, signatureHeader, now, tolerance).events();
  }

  /**
   * Verifies a received customer delivery and reads its events. Stateless like {@link #verify}.
   *
   * @param body the received body, exactly as received
   * @param signatureHeader the received {@value #SIGNATURE_HEADER} header value
   * @param now the receiver's time
   * @param tolerance how far the signing time may be from now
   * @return the customer-facing events
   * @throws ValidationException if the signature is missing, wrong or stale, or the body is malformed
   *     or not a customer delivery
   */
  public List<CustomerEvent> verifyCustomer(String body, String signatureHeader, Instant now, Duration tolerance) {
    return checkCustomer(body, signatureHeader, now, tolerance).events();
  }

  private static TicketEvent readEvent(JsonNode n) {
    try {
      return TicketJson.readEvent(MAPPER.writeValueAsString(n));
    } catch (JsonProcessingException e) {
      throw new StorageException("cannot read a ticket event", e);
    }
  }

  /**
   * A verified delivery.
   *
   * @param id the delivery id from the body
   * @param signedAt the signing time from the signature header, whole seconds
   * @param events the events
   * @param <E> the type of the events
   */
  record Verified<E>(String id, Instant signedAt, List<E> events) {}

  /** Verifies a delivery in the full format and reads it. */
  Verified<TicketEvent> checkFull(String body, String signatureHeader, Instant now, Duration tolerance) {
    return check(body, signatureHeader, now, tolerance, null, WebhookPayloads::readEvent);
  }

  /** Verifies a customer delivery and reads it. */
  Verified<CustomerEvent> checkCustomer(String body, String signatureHeader, Instant now, Duration tolerance) {
    return check(body, signatureHeader, now, tolerance, CUSTOMER_AUDIENCE, CustomerEventJson::read);
  }

  /**
   * Verifies the signature, then reads the body.
   *
   * @param audience the body's required {@code audience}, or null for the full format (no audience)
   */
  private <E> Verified<E> check(
      String body,
      String signatureHeader,
      Instant now,
      Duration tolerance,
      @Nullable String audience,
      Function<JsonNode, E> reader) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(tolerance, "tolerance");
    if (!signature.verify(signatureHeader, body, now, tolerance)) {
      throw new ValidationException("webhook signature is invalid or stale");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ValidationException("malformed webhook body");
    }
    JsonNode id = root.get("id");
    if (id == null || !id.isTextual() || id.asText().isBlank()) {
      throw new ValidationException("webhook body has no delivery id");
    }
    JsonNode aud = root.get("audience");
    @Nullable String actual = aud == null || aud.isNull() ? null : aud.asText();
    if (!Objects.equals(actual, audience)) {
      throw new ValidationException(CUSTOMER_AUDIENCE.equals(actual)
          ? "webhook body is a customer delivery; read it with verifyCustomer"
          : "webhook body is not a customer delivery");
    }
    JsonNode arr = root.get("events");
    if (arr == null || !arr.isArray()) {
      throw new ValidationException("webhook body has no events");
    }
    List<E> out = new ArrayList<>();
    try {
      for (JsonNode n : arr) {
        out.add(reader.apply(n));
      }
    } catch (StorageException | ValidationException e) {
      throw new ValidationException("malformed webhook body");
    }
    return new Verified<>(id.asText(), Instant.ofEpochSecond(signedAt(signatureHeader)), List.copyOf(out));
  }

  /** The {@code t=} value of a header that {@link WebhookSignature#verify} accepted (the last one wins, as there). */
  private static long signedAt(String header) {
    Long t = null;
    for (String part : header.split(",")) {
      String p = part.strip();
      if (p.startsWith("t=")) {
        t = Long.parseLong(p.substring(2));
      }
    }
    if (t == null) {
      throw new ValidationException("webhook signature is invalid or stale");
    }
    return t;
  }

  /**
   * Projects events for a customer delivery (see {@link CustomerEvent} for what is kept): the
   * creation, state changes and merges of the ticket with only customer-visible values, its public
   * replies, and the public replies copied in by merges. Internal notes and system entries, also
   * those copied in by merges, and every internal value (tags, custom fields, tier, team, assignee,
   * SLA state, agent and automation identities) are left out.
   *
   * @param events events of a change, from the full audit trail
   * @return what a customer may see of them, in order
   */
  public static List<CustomerEvent> customerVisible(List<TicketEvent> events) {
    return CustomerEvent.of(events);
  }
}
