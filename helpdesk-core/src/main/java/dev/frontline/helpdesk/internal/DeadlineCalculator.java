package dev.frontline.helpdesk.internal;

import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketEvent;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Computes a ticket's next SLA deadline from its history after every change. */
@FunctionalInterface
public interface DeadlineCalculator {
  /** A calculator for helpdesks without SLA policies. */
  DeadlineCalculator NONE = (t, h) -> new Result(null, "", java.util.Map.of());

  /**
   * The result.
   *
   * @param nextDeadline the earliest pending warning or breach instant, or null
   * @param detail a short per-metric status text for the audit trail
   * @param sla the per-metric SLA state
   */
  record Result(
      @Nullable Instant nextDeadline,
      String detail,
      java.util.Map<dev.frontline.helpdesk.sla.SlaMetric, dev.frontline.helpdesk.sla.SlaMetricState> sla) {}

  /**
   * @param ticket the snapshot after the change
   * @param history the full history including the change
   * @return the deadline
   */
  Result compute(Ticket ticket, List<TicketEvent> history);
}
