package dev.frontline.helpdesk.sla;

import dev.frontline.helpdesk.internal.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The stored SLA state of one metric of a ticket, as of the ticket's last change or escalation
 * sweep: what {@link dev.frontline.helpdesk.ticket.Ticket#sla()} holds so that stores can filter
 * queues by it. Immutable.
 *
 * @param status the metric's status
 * @param warned whether the warning threshold has passed in the current cycle
 * @param due when the current cycle breaches, if it is running or paused
 */
public record SlaMetricState(SlaStatus status, boolean warned, @Nullable Instant due) {
  /** Rejects a null status. */
  public SlaMetricState {
    Checks.notNull(status, "status");
  }

  /**
   * @param s a metric's full status from the SLA clock
   * @return its stored state
   */
  public static SlaMetricState of(SlaMetricStatus s) {
    return new SlaMetricState(s.status(), s.warned(), s.due());
  }
}
