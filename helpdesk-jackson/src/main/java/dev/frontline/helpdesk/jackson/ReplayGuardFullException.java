package dev.frontline.helpdesk.jackson;

import dev.frontline.helpdesk.HelpdeskException;
import java.io.Serial;

/**
 * A {@link WebhookReceiver} already remembers as many unexpired delivery ids as its capacity
 * allows, so it cannot accept one more without forgetting an id that could still be replayed. The
 * delivery was not accepted and nothing was recorded; the condition passes as remembered ids leave
 * the tolerance window, so a receiver would usually answer with a temporary failure and let the
 * sender retry.
 */
public final class ReplayGuardFullException extends HelpdeskException {
  @Serial private static final long serialVersionUID = 1L;

  /** @param capacity the receiver's capacity */
  public ReplayGuardFullException(int capacity) {
    super("webhook replay guard is full (" + capacity + " deliveries within the tolerance window); retry later");
  }
}
