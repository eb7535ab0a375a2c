package dev.frontline.helpdesk.jackson;

import dev.frontline.helpdesk.ValidationException;
import java.io.Serial;
import java.util.Objects;

/**
 * A correctly signed, fresh webhook delivery whose id was already received within the tolerance
 * window: a replay, or the sender's retry of a delivery that was already processed. Thrown by
 * {@link WebhookReceiver}; the delivery's events must not be processed again. Since the first copy
 * was accepted, a receiver would usually acknowledge this one as successful so that the sender stops
 * retrying.
 */
public final class ReplayedDeliveryException extends ValidationException {
  @Serial private static final long serialVersionUID = 1L;

  /** The id of the repeated delivery. */
  private final String deliveryId;

  /** @param deliveryId the id of the repeated delivery */
  public ReplayedDeliveryException(String deliveryId) {
    super("webhook delivery was already received");
    this.deliveryId = Objects.requireNonNull(deliveryId, "deliveryId");
  }

  /** @return the id of the repeated delivery */
  public String deliveryId() {
    return deliveryId;
  }
}
