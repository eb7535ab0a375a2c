package dev.frontline.helpdesk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A clock for tests that stands still until moved. Thread-safe. */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  /** @param start the initial instant */
  public MutableClock(Instant start) {
    this(new AtomicReference<>(start), ZoneOffset.UTC);
  }

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * @param text an ISO-8601 instant
   * @return a clock standing at it
   */
  public static MutableClock at(String text) {
    return new MutableClock(Instant.parse(text));
  }

  /**
   * Moves the clock forward.
   *
   * @param d how far
   * @return the new instant
   */
  public Instant advance(Duration d) {
    return now.updateAndGet(i -> i.plus(d));
  }

  /** @param instant the new time */
  public void set(Instant instant) {
    now.set(instant);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId z) {
    return new MutableClock(now, z);
  }

  @Override
  public Instant instant() {
    return Objects.requireNonNull(now.get()); // only ever set to non-null instants
  }
}
