package dev.frontline.helpdesk.sla;

import dev.frontline.helpdesk.internal.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The stored SLA state of one metric of a ticket, as of the ticket's last change or escalation
 * sweep: what {@link dev.frontline.helpdesk.ticket.Ticket#sla()} holds so that stores can filter
 * queues by it and aggregate compliance. Immutable.
 *
 * @param status the metric's status (of its latest cycle)
 * @param warned whether the warning threshold has passed in the current cycle
 * @param due when the current cycle breaches, if it is running or paused
 * @param met how many cycles so far stopped within the target (not negative)
 * @param breached how many cycles so far breached the target, including the latest one if it is
 *     breached and still open (not negative)
 */
public record SlaMetricState(SlaStatus status, boolean warned, @Nullable Instant due, int met, int breached) {
  /** Rejects a null status and negative counts. */
  public SlaMetricState {
    Checks.notNull(status, "status");
    Checks.require(met >= 0, "met cycles must not be negative");
    Checks.require(breached >= 0, "breached cycles must not be negative");
  }

  /**
   * A state whose cycle counts are inferred from the status alone: one met cycle if {@link
   * SlaStatus#MET}, one breached cycle if {@link SlaStatus#BREACHED}, none otherwise (the lower
   * bound, for states recorded without counts).
   *
   * @param status the metric's status
   * @param warned whether the warning threshold has passed in the current cycle
   * @param due when the current cycle breaches, if it is running or paused
   */
  public SlaMetricState(SlaStatus status, boolean warned, @Nullable Instant due) {
    this(status, warned, due, status == SlaStatus.MET ? 1 : 0, status == SlaStatus.BREACHED ? 1 : 0);
  }

  /**
   * @param s a metric's full status from the SLA clock
   * @return its stored state
   */
  public static SlaMetricState of(SlaMetricStatus s) {
    return new SlaMetricState(s.status(), s.warned(), s.due(), s.met(), s.breaches());
  }
}
