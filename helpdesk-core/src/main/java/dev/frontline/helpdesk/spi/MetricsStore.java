package dev.frontline.helpdesk.spi;

import dev.frontline.helpdesk.metrics.MetricsQuery;
import dev.frontline.helpdesk.metrics.MetricsReport;
import dev.frontline.helpdesk.ticket.TicketVisibility;

/**
 * Computes metrics reports, so that database-backed stores can push the aggregation down to SQL.
 * Like {@link TicketStore#query}, it gets the caller's {@link TicketVisibility} and must apply it
 * before aggregating: a report never counts a ticket the caller may not see. The semantics are
 * those of {@link dev.frontline.helpdesk.spi.memory.InMemoryMetricsStore}, the reference
 * implementation. Implementations must be thread-safe.
 */
public interface MetricsStore {
  /**
   * @param query what to measure
   * @param visibility which tickets to include
   * @return the report
   */
  MetricsReport compute(MetricsQuery query, TicketVisibility visibility);
}
