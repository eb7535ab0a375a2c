package dev.frontline.helpdesk.metrics;

import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.sla.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What to measure. Tickets created in {@code [from, to)} give the creation-based figures (first
 * response, escalation), tickets resolved in the range the resolution-based ones (resolution time,
 * first-contact resolution, reopens, and SLA compliance per metric against each ticket's own
 * policy), CSAT answers given in the range the CSAT figures (whatever the ticket's state now); the
 * backlog is the tickets created before {@code to} that were active at {@code to} (see {@link
 * MetricsRow#backlog()}). Immutable; build with {@link #builder(Instant, Instant)}.
 *
 * @param from start, inclusive
 * @param to end, exclusive (after {@code from}, at most 3 years later)
 * @param groupBy the grouping of the rows (the report always has a total too)
 * @param fcr the first-contact resolution definition
 * @param calendar if given, durations are measured in this calendar's business time
 * @param firstResponseTarget if given, the report counts first responses within this time
 * @param resolutionTarget if given, the report counts resolutions within this time
 */
public record MetricsQuery(
    Instant from,
    Instant to,
    Dimension groupBy,
    FcrDefinition fcr,
    @Nullable BusinessCalendar calendar,
    @Nullable Duration firstResponseTarget,
    @Nullable Duration resolutionTarget) {

  /** Validates. */
  public MetricsQuery {
    Checks.notNull(from, "from");
    Checks.notNull(to, "to");
    Checks.require(to.isAfter(from), "the range must end after it starts");
    Checks.require(!to.isAfter(from.plus(Duration.ofDays(3 * 366))), "the range must be at most 3 years");
    Checks.notNull(groupBy, "group by");
    Checks.notNull(fcr, "FCR definition");
    Checks.require(firstResponseTarget == null || !(firstResponseTarget.isNegative() || firstResponseTarget.isZero()), "first response target must be positive");
    Checks.require(resolutionTarget == null || !(resolutionTarget.isNegative() || resolutionTarget.isZero()), "resolution target must be positive");
  }

  /**
   * @param from start, inclusive
   * @param to end, exclusive
   * @return a builder grouping by tier with the default FCR definition, in wall-clock time
   */
  public static Builder builder(Instant from, Instant to) {
    return new Builder(from, to);
  }

  /** Builds {@link MetricsQuery} values. Not thread-safe. */
  public static final class Builder {
    private final Instant from;
    private final Instant to;
    private Dimension groupBy = Dimension.TIER;
    private FcrDefinition fcr = FcrDefinition.ofDefaults();
    private @Nullable BusinessCalendar calendar;
    private @Nullable Duration firstResponseTarget;
    private @Nullable Duration resolutionTarget;

    private Builder(Instant from, Instant to) {
      this.from = from;
      this.to = to;
    }

    /**
     * @param d the grouping
     * @return this
     */
    public Builder groupBy(Dimension d) {
      groupBy = d;
      return this;
    }

    /**
     * @param f the FCR definition
     * @return this
     */
    public Builder fcr(FcrDefinition f) {
      fcr = f;
      return this;
    }

    /**
     * @param c measure durations in this calendar's business time
     * @return this
     */
    public Builder businessCalendar(@Nullable BusinessCalendar c) {
      calendar = c;
      return this;
    }

    /**
     * @param firstResponse first response target, or null
     * @param resolution resolution target, or null
     * @return this
     */
    public Builder targets(@Nullable Duration firstResponse, @Nullable Duration resolution) {
      firstResponseTarget = firstResponse;
      resolutionTarget = resolution;
      return this;
    }

    /** @return the query */
    public MetricsQuery build() {
      return new MetricsQuery(from, to, groupBy, fcr, calendar, firstResponseTarget, resolutionTarget);
    }
  }
}
