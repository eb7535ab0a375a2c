package dev.frontline.helpdesk.metrics;

import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.ticket.TicketVisibility;

/**
 * Front-line reports. Needs {@link Permission#REPORTS_VIEW}; a report only counts the tickets the
 * caller sees (a team lead's report covers their teams), because the caller's {@link
 * TicketVisibility} is handed to the store, which applies it before aggregating. Thread-safe.
 */
public interface MetricsService {
  /**
   * @param principal the caller
   * @param query what to measure
   * @return the report over the tickets the caller sees
   * @throws dev.frontline.helpdesk.AccessDeniedException without {@code REPORTS_VIEW}
   */
  MetricsReport report(Principal principal, MetricsQuery query);
}
