package dev.frontline.helpdesk.sla;

import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Duration;
import java.util.Set;

/**
 * The target for one metric of a policy: how much working time, on which calendar, when to warn and
 * in which ticket states the clock pauses. Immutable and thread-safe.
 *
 * @param target working time allowed, positive and at most {@link #MAX_TARGET}, and at most 2,608
 *     weeks of the calendar's weekly working time (so its due date is never near {@link
 *     BusinessCalendar#MAX_SPAN} away)
 * @param calendar whose working time counts
 * @param warning when to warn before the breach
 * @param pausedIn states in which the clock pauses (an unmodifiable copy)
 */
public record SlaTarget(Duration target, BusinessCalendar calendar, WarningThreshold warning, Set<TicketState> pausedIn) {
  /** The longest target accepted: 3,653 days (ten years) of working time. */
  public static final Duration MAX_TARGET = Duration.ofDays(3_653);

  /** Weeks of its calendar's working time a target may need at most: half of {@link BusinessCalendar#MAX_SPAN}. */
  private static final long MAX_SPAN_WEEKS = BusinessCalendar.MAX_SPAN.toDays() / 14;

  /** Validates and copies. */
  public SlaTarget {
    Checks.notNull(target, "target");
    Checks.require(!target.isNegative() && !target.isZero(), "SLA target must be positive, was " + target);
    Checks.require(
        target.compareTo(MAX_TARGET) <= 0, "SLA target must be at most " + MAX_TARGET.toDays() + " days, was " + target);
    Checks.notNull(calendar, "calendar");
    Duration weekly = calendar.weeklyWorkingTime();
    // The due date must stay well within BusinessCalendar.MAX_SPAN (half of it, leaving room for holidays).
    Checks.require(
        weekly.isZero() || target.dividedBy(weekly) <= MAX_SPAN_WEEKS,
        "SLA target " + target + " needs more than " + MAX_SPAN_WEEKS + " weeks of a calendar with "
            + weekly + " of working time a week");
    Checks.notNull(warning, "warning");
    Checks.elements(pausedIn, "pausedIn", TicketState.values().length);
    pausedIn = Set.copyOf(pausedIn);
  }

  /**
   * A target with the metric's default pauses and a warning at 75% elapsed.
   *
   * @param metric the metric, for its {@link SlaMetric#defaultPauses()}
   * @param target working time allowed
   * @param calendar whose working time counts
   * @return the target
   */
  public static SlaTarget of(SlaMetric metric, Duration target, BusinessCalendar calendar) {
    Checks.notNull(metric, "metric");
    return new SlaTarget(target, calendar, WarningThreshold.percentElapsed(75), metric.defaultPauses());
  }

  /**
   * @param w the warning threshold
   * @return a copy with that warning threshold
   */
  public SlaTarget withWarning(WarningThreshold w) {
    return new SlaTarget(target, calendar, w, pausedIn);
  }

  /**
   * @param states the pause states
   * @return a copy pausing in exactly those states
   */
  public SlaTarget withPausedIn(Set<TicketState> states) {
    return new SlaTarget(target, calendar, warning, states);
  }
}
