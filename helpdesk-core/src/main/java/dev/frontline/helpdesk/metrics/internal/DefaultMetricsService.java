package dev.frontline.helpdesk.metrics.internal;

import dev.frontline.helpdesk.metrics.MetricsQuery;
import dev.frontline.helpdesk.metrics.MetricsReport;
import dev.frontline.helpdesk.metrics.MetricsRow;
import dev.frontline.helpdesk.metrics.MetricsService;
import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Rights;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.spi.MetricsStore;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.util.List;

/**
 * Front-line reports. Needs {@link Permission#REPORTS_VIEW}; a report only counts the tickets the
 * caller sees (a team lead's report covers their teams), because the caller's {@link
 * TicketVisibility} is handed to the store, which applies it before aggregating. Thread-safe.
 */
public final class DefaultMetricsService implements MetricsService {
  private final AccessControl access;
  private final MetricsStore store;

  public DefaultMetricsService(AccessControl access, MetricsStore store) {
    this.access = access;
    this.store = store;
  }

  /**
   * @param principal the caller
   * @param query what to measure
   * @return the report over the tickets the caller sees
   * @throws dev.frontline.helpdesk.AccessDeniedException without {@code REPORTS_VIEW}
   */
  public MetricsReport report(Principal principal, MetricsQuery query) {
    Checks.notNull(principal, "principal");
    Checks.notNull(query, "query");
    Rights r = access.rightsOf(principal);
    access.require(r, Permission.REPORTS_VIEW);
    TicketVisibility v = access.visibility(r);
    if (v.isNone()) {
      return new MetricsReport(query, List.of(), MetricsRow.empty("total"));
    }
    return store.compute(query, v);
  }
}
