package dev.frontline.helpdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where one metric stands: of its latest cycle (for metrics with several cycles, such as next
 * response), with the count of breached cycles so far. Immutable and thread-safe.
 *
 * @param metric the metric
 * @param status where it stands
 * @param target the working time allowed per cycle
 * @param elapsed working time counted in the latest cycle, up to its stop or {@code now}
 * @param startedAt when the latest cycle started; null if {@link SlaStatus#INACTIVE}
 * @param due when the target is (or was) reached: the breach instant if breached, the projection
 *     assuming no further pauses if running, the projection at the stop if met; null if inactive or
 *     paused
 * @param warningAt when the warning threshold was reached, or for a running metric will be
 *     (assuming no further pauses); null otherwise
 * @param warned whether the warning threshold was reached before the cycle stopped and by {@code now}
 * @param stoppedAt when the latest cycle stopped; null if it is still running or paused
 * @param breaches how many cycles so far breached the target (including the latest one if it is
 *     breached, stopped or not)
 * @param met how many cycles so far stopped within the target
 * @param segments the latest cycle's counted and paused stretches, in order
 */
public record SlaMetricStatus(
    SlaMetric metric,
    SlaStatus status,
    Duration target,
    Duration elapsed,
    @Nullable Instant startedAt,
    @Nullable Instant due,
    @Nullable Instant warningAt,
    boolean warned,
    @Nullable Instant stoppedAt,
    int breaches,
    int met,
    List<SlaSegment> segments) {
  /** Copies the segments. */
  public SlaMetricStatus {
    segments = List.copyOf(segments);
  }
}
