package dev.frontline.helpdesk.jackson;

import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.ticket.TicketEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The receiving end of signed webhook deliveries, with replay protection: it verifies each delivery
 * like {@link WebhookPayloads#verify} (signature in constant time, signing time within the
 * tolerance) and also remembers the ids of the deliveries it accepted, rejecting a second delivery
 * with the same id with a {@link ReplayedDeliveryException} for as long as a copy of it could still
 * pass the time check. Together the two checks accept every delivery id at most once within the
 * window: an exact replay of a captured request, and the sender's retry of an already accepted
 * delivery (which keeps its id but is signed anew), are both rejected.
 *
 * <p>Only deliveries with a valid signature are remembered, so nobody without the secret can fill
 * the memory or block an id. An id is forgotten once its signing time plus the tolerance has passed
 * (from then on {@link WebhookPayloads#verify} rejects every copy as stale), or when {@link
 * #release} is called because processing the delivery failed and the sender's retry should be
 * accepted. At most {@code capacity} unexpired ids are kept; a delivery that would need more is
 * rejected with a {@link ReplayGuardFullException} rather than forgetting an id early.
 *
 * <p>The memory is per instance and in-process: receivers running on several nodes behind a load
 * balancer need a shared store of delivery ids for the same guarantee. Thread-safe: concurrent
 * copies of one delivery are accepted exactly once.
 */
public final class WebhookReceiver {
  /** The capacity of {@link #create(WebhookPayloads, Duration)}. */
  public static final int DEFAULT_CAPACITY = 100_000;

  private final WebhookPayloads payloads;
  private final Duration tolerance;
  private final int capacity;

  /** Delivery id → the first instant at which no copy of it passes the time check; guarded by {@code this}. */
  private final Map<String, Instant> seen = new HashMap<>();

  private WebhookReceiver(WebhookPayloads payloads, Duration tolerance, int capacity) {
    this.payloads = payloads;
    this.tolerance = tolerance;
    this.capacity = capacity;
  }

  /**
   * A receiver that remembers up to {@value #DEFAULT_CAPACITY} delivery ids.
   *
   * @param payloads verifies signatures with the shared secret
   * @param tolerance how far a delivery's signing time may be from the receiver's time (whole seconds
   *     count)
   * @return the receiver
   * @throws ValidationException if the tolerance is negative
   */
  public static WebhookReceiver create(WebhookPayloads payloads, Duration tolerance) {
    return create(payloads, tolerance, DEFAULT_CAPACITY);
  }

  /**
   * @param payloads verifies signatures with the shared secret
   * @param tolerance how far a delivery's signing time may be from the receiver's time (whole seconds
   *     count)
   * @param capacity how many unexpired delivery ids it remembers at most, at least 1
   * @return the receiver
   * @throws ValidationException if the tolerance is negative or the capacity below 1
   */
  public static WebhookReceiver create(WebhookPayloads payloads, Duration tolerance, int capacity) {
    Objects.requireNonNull(payloads, "payloads");
    Objects.requireNonNull(tolerance, "tolerance");
    if (tolerance.isNegative()) {
      throw new ValidationException("webhook tolerance must not be negative");
    }
    if (capacity < 1) {
      throw new ValidationException("webhook replay guard capacity must be at least 1");
    }
    return new WebhookReceiver(payloads, tolerance, capacity);
  }

  /**
   * Verifies a delivery in the full format, records its id and reads its events.
   *
   * @param body the received body, exactly as received
   * @param signatureHeader the received {@value WebhookPayloads#SIGNATURE_HEADER} header value
   * @param now the receiver's time
   * @return the events
   * @throws ReplayedDeliveryException if a delivery with this id was already accepted within the window
   * @throws ReplayGuardFullException if the receiver remembers as many ids as its capacity allows
   * @throws ValidationException if the signature is missing, wrong or stale, or the body is malformed
   *     or a customer delivery
   */
  public List<TicketEvent> receive(String body, String signatureHeader, Instant now) {
    return accept(payloads.checkFull(body, signatureHeader, now, tolerance), now);
  }

  /**
   * Verifies a customer delivery, records its id and reads its events.
   *
   * @param body the received body, exactly as received
   * @param signatureHeader the received {@value WebhookPayloads#SIGNATURE_HEADER} header value
   * @param now the receiver's time
   * @return the customer-facing events
   * @throws ReplayedDeliveryException if a delivery with this id was already accepted within the window
   * @throws ReplayGuardFullException if the receiver remembers as many ids as its capacity allows
   * @throws ValidationException if the signature is missing, wrong or stale, or the body is malformed
   *     or not a customer delivery
   */
  public List<CustomerEvent> receiveCustomer(String body, String signatureHeader, Instant now) {
    return accept(payloads.checkCustomer(body, signatureHeader, now, tolerance), now);
  }

  /**
   * Forgets an accepted delivery id, so that the sender's retry of it is accepted. Call it when
   * processing a received delivery failed.
   *
   * @param deliveryId the delivery id
   * @return whether the id was remembered
   */
  public synchronized boolean release(String deliveryId) {
    Objects.requireNonNull(deliveryId, "deliveryId");
    return seen.remove(deliveryId) != null;
  }

  private <E> List<E> accept(WebhookPayloads.Verified<E> delivery, Instant now) {
    // a copy passes the time check while now <= signedAt + tolerance, in whole epoch seconds
    Instant expires = delivery.signedAt().plusSeconds(tolerance.getSeconds() + 1);
    synchronized (this) {
      Instant known = seen.get(delivery.id());
      if (known != null && now.isBefore(known)) {
        if (expires.isAfter(known)) {
          // this copy was signed later, so it can be replayed for longer
          seen.put(delivery.id(), expires);
        }
        throw new ReplayedDeliveryException(delivery.id());
      }
      if (known == null && seen.size() >= capacity) {
        evictExpired(now);
        if (seen.size() >= capacity) {
          throw new ReplayGuardFullException(capacity);
        }
      }
      seen.put(delivery.id(), expires);
    }
    return delivery.events();
  }

  private void evictExpired(Instant now) {
    for (Iterator<Instant> it = seen.values().iterator(); it.hasNext(); ) {
      if (!now.isBefore(it.next())) {
        it.remove();
      }
    }
  }
}
