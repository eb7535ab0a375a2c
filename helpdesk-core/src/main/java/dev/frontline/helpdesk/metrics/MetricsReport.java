package dev.frontline.helpdesk.metrics;

import dev.frontline.helpdesk.internal.Checks;
import java.util.List;
import java.util.Optional;

/**
 * A computed report: one row per group, ordered by key, and the total. Immutable.
 *
 * @param query what was asked
 * @param rows the groups
 * @param total the sum of all rows
 */
public record MetricsReport(MetricsQuery query, List<MetricsRow> rows, MetricsRow total) {
  /** Validates and copies. */
  public MetricsReport {
    Checks.notNull(query, "query");
    rows = List.copyOf(Checks.elements(rows, "rows", 1_000_000));
    Checks.notNull(total, "total");
  }

  /**
   * @param group a group key
   * @return the row of that group, if any ticket fell into it
   */
  public Optional<MetricsRow> row(String group) {
    return rows.stream().filter(r -> r.group().equals(group)).findFirst();
  }
}
