package dev.frontline.helpdesk.email.internal;

import dev.frontline.helpdesk.email.SenderRateLimit;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sliding-window log per sender: a sender may acquire at most {@code maxMessages} permits within
 * any {@code window}. Keeps at most {@code maxMessages} timestamps per sender and forgets senders
 * whose last permit left the window. Thread-safe: each acquisition is atomic per sender.
 */
public final class SenderRateLimiter {
  private static final int SWEEP_EVERY = 1024;

  private final SenderRateLimit limit;
  private final long windowMillis;
  private final Clock clock;
  private final ConcurrentHashMap<String, ArrayDeque<Long>> log = new ConcurrentHashMap<>();
  private final AtomicLong calls = new AtomicLong();

  /**
   * @param limit the limit
   * @param clock the time source
   */
  public SenderRateLimiter(SenderRateLimit limit, Clock clock) {
    this.limit = Objects.requireNonNull(limit, "limit");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.windowMillis = limit.window().toMillis();
  }

  /**
   * Takes a permit for one message from {@code sender} if the sender has fewer than {@code
   * maxMessages} permits within the window ending now.
   *
   * @param sender the sender key (the intake passes the lower-cased address)
   * @return true if the message may be added; false if it is over the limit (nothing is recorded)
   */
  public boolean tryAcquire(String sender) {
    Objects.requireNonNull(sender, "sender");
    if (limit.isUnlimited()) {
      return true;
    }
    long now = clock.millis();
    if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
      sweep(now);
    }
    boolean[] granted = new boolean[1];
    log.compute(sender, (k, times) -> {
      ArrayDeque<Long> t = times != null ? times : new ArrayDeque<>();
      evict(t, now);
      if (t.size() < limit.maxMessages()) {
        t.addLast(now);
        granted[0] = true;
      }
      return t.isEmpty() ? null : t;
    });
    return granted[0];
  }

  /** Removes timestamps that left the window; a clock that went back keeps "future" ones. */
  private void evict(ArrayDeque<Long> times, long now) {
    while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
      times.removeFirst();
    }
  }

  private void sweep(long now) {
    for (String sender : log.keySet()) {
      log.computeIfPresent(sender, (k, t) -> {
        evict(t, now);
        return t.isEmpty() ? null : t;
      });
    }
  }
}
