package dev.frontline.helpdesk.metrics;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.spi.MetricsStore;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.util.List;
import java.util.Objects;

/**
 * Front-line reports. Needs {@link Permission#REPORTS_VIEW}; a report only counts the tickets the
 * caller sees (a team lead's report covers their teams), because the caller's {@link
 * TicketVisibility} is handed to the store, which applies it before aggregating. Thread-safe.
 */
public final class MetricsService {
  private final AccessControl access;
  private final MetricsStore store;

  private MetricsService(AccessControl access, MetricsStore store) {
    this.access = access;
    this.store = store;
  }

  /**
   * @param helpdesk the helpdesk (for access control)
   * @param store computes the reports
   * @return the service
   */
  public static MetricsService create(Helpdesk helpdesk, MetricsStore store) {
    return new MetricsService(Objects.requireNonNull(helpdesk, "helpdesk").access(), Objects.requireNonNull(store, "store"));
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
    access.require(principal, Permission.REPORTS_VIEW);
    TicketVisibility v = access.visibility(principal);
    if (v.isNone()) {
      return new MetricsReport(query, List.of(), MetricsRow.empty("total"));
    }
    return store.compute(query, v);
  }
}
