package dev.frontline.examples.quickstart;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the demo moves forward by hand, so that an SLA breach takes a line of code instead of an
 * hour. In your application inject {@link Clock#systemUTC()}; keep the clock injectable for tests.
 * Thread-safe.
 */
public final class DemoClock extends Clock {
  private volatile Instant now;

  /** @param start the first instant */
  public DemoClock(Instant start) {
    this.now = start;
  }

  /**
   * Moves the clock forward.
   *
   * @param d how far
   * @return the new instant
   */
  public synchronized Instant advance(Duration d) {
    now = now.plus(d);
    return now;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the demo clock is always UTC");
  }
}
