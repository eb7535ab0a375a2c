package dev.frontline.helpdesk.sla;

import dev.frontline.helpdesk.internal.Checks;
import java.time.Duration;

/**
 * When to warn before an SLA breach: after a percentage of the target's working time has elapsed, or
 * a fixed amount of working time before the breach. Immutable and thread-safe.
 */
public sealed interface WarningThreshold {
  /**
   * @param target the target
   * @return how much counted working time triggers the warning, between zero and {@code target}
   */
  Duration elapsedAt(Duration target);

  /**
   * Warns once {@code percent} of the target has elapsed.
   *
   * @param percent 0 to 100
   * @return the threshold
   * @throws dev.frontline.helpdesk.ValidationException if out of range
   */
  static WarningThreshold percentElapsed(int percent) {
    return new PercentElapsed(percent);
  }

  /**
   * Warns {@code d} of working time before the breach (at once if {@code d} is not shorter than the
   * target).
   *
   * @param d the lead time, not negative
   * @return the threshold
   * @throws dev.frontline.helpdesk.ValidationException if null or negative
   */
  static WarningThreshold beforeBreach(Duration d) {
    return new BeforeBreach(d);
  }

  /**
   * Warns after a percentage of the target.
   *
   * @param percent 0 to 100
   */
  record PercentElapsed(int percent) implements WarningThreshold {
    /** Validates the percentage. */
    public PercentElapsed {
      Checks.require(percent >= 0 && percent <= 100, "warning percent must be 0-100, was " + percent);
    }

    @Override
    public Duration elapsedAt(Duration target) {
      return target.multipliedBy(percent).dividedBy(100);
    }
  }

  /**
   * Warns a fixed working time before the breach.
   *
   * @param lead the working time before the breach, not negative
   */
  record BeforeBreach(Duration lead) implements WarningThreshold {
    /** Validates the lead time. */
    public BeforeBreach {
      Checks.notNull(lead, "lead");
      Checks.require(!lead.isNegative(), "warning lead time must not be negative, was " + lead);
    }

    @Override
    public Duration elapsedAt(Duration target) {
      return lead.compareTo(target) >= 0 ? Duration.ZERO : target.minus(lead);
    }
  }
}
