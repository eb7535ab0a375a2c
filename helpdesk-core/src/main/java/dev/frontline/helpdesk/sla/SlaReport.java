package dev.frontline.helpdesk.sla;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@link SlaClock#evaluate}: every measured metric's status as of {@code now}, and the
 * next deadline. Immutable and thread-safe.
 *
 * @param policy the policy's name
 * @param now the instant evaluated at
 * @param metrics status per metric the policy has a target for (an unmodifiable copy)
 * @param nextDeadline the earliest warning or breach instant after {@code now} of a running metric;
 *     null if none (nothing is running, or everything running is already breached and warned). This
 *     is what an escalation scheduler indexes.
 */
public record SlaReport(String policy, Instant now, Map<SlaMetric, SlaMetricStatus> metrics, @Nullable Instant nextDeadline) {
  /** Copies the map. */
  public SlaReport {
    metrics = Collections.unmodifiableMap(metrics.isEmpty() ? new EnumMap<>(SlaMetric.class) : new EnumMap<>(metrics));
  }

  /**
   * @param metric a metric
   * @return its status, or null if the policy does not measure it
   */
  public @Nullable SlaMetricStatus status(SlaMetric metric) {
    return metrics.get(metric);
  }

  /** @return a multi-line human-readable explanation: each metric, its status and its segments */
  public String explain() {
    StringBuilder sb = new StringBuilder();
    sb.append("policy ").append(policy).append(" at ").append(now);
    sb.append(", next deadline ").append(nextDeadline == null ? "none" : nextDeadline).append('\n');
    for (SlaMetricStatus s : metrics.values()) {
      sb.append(s.metric()).append(": ").append(s.status());
      sb.append(", elapsed ").append(s.elapsed()).append(" of ").append(s.target());
      if (s.startedAt() != null) {
        sb.append(", started ").append(s.startedAt());
      }
      if (s.due() != null) {
        sb.append(", due ").append(s.due());
      }
      if (s.warningAt() != null) {
        sb.append(", warning ").append(s.warningAt()).append(s.warned() ? " (warned)" : "");
      }
      if (s.stoppedAt() != null) {
        sb.append(", stopped ").append(s.stoppedAt());
      }
      if (s.breaches() > 0) {
        sb.append(", breached cycles ").append(s.breaches());
      }
      sb.append('\n');
      for (SlaSegment seg : s.segments()) {
        sb.append("  ").append(seg).append('\n');
      }
    }
    return sb.toString();
  }
}
