package dev.frontline.helpdesk.metrics;

import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.sla.SlaMetric;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The figures of one group (or the total). Counts and sums, so rows from several stores or shards
 * can be added; rates and averages are derived. Immutable.
 *
 * @param group the group key (agent id, team id, tier number or channel name; {@code total} for the
 *     total row)
 * @param created tickets created in the range
 * @param escalated of those, tickets escalated at least once
 * @param firstResponded of those, tickets with a first public agent reply
 * @param firstResponseTotal sum of their first response times
 * @param firstResponseMet of those, first responses within the target (0 without a target)
 * @param resolved tickets resolved in the range
 * @param resolutionTotal sum of their resolution times
 * @param resolutionMet of those, resolutions within the target (0 without a target)
 * @param firstContactResolved of those, tickets resolved at first contact
 * @param reopened of those, tickets reopened at least once
 * @param backlog tickets created before the end of the range and active (new, open, pending or on
 *     hold) at its end, not now: a ticket counts unless it was solved, closed or merged before the
 *     end and not reopened before the end (events at the end itself are outside the range);
 *     grouped by the ticket's current value
 * @param csatResponses CSAT answers given in the range (by the time of the answer, whatever the
 *     ticket's state now: a rated ticket that was reopened keeps its rating)
 * @param csatTotal sum of their ratings (1-5; good counts 5, bad 1)
 * @param csatSatisfied of those, satisfied answers (4-5 or good)
 * @param sla SLA compliance per metric of the tickets resolved in the range, against each ticket's
 *     own policy: the met and breached cycles of every metric (metrics without any cycle are left
 *     out; an unmodifiable copy in metric order)
 */
public record MetricsRow(
    String group,
    long created,
    long escalated,
    long firstResponded,
    Duration firstResponseTotal,
    long firstResponseMet,
    long resolved,
    Duration resolutionTotal,
    long resolutionMet,
    long firstContactResolved,
    long reopened,
    long backlog,
    long csatResponses,
    long csatTotal,
    long csatSatisfied,
    Map<SlaMetric, SlaCompliance> sla) {

  /** Validates; drops metrics without cycles from {@code sla} and copies it. */
  public MetricsRow {
    Checks.notNull(group, "group");
    Checks.notNull(firstResponseTotal, "first response total");
    Checks.notNull(resolutionTotal, "resolution total");
    Checks.notNull(sla, "sla");
    EnumMap<SlaMetric, SlaCompliance> copy = new EnumMap<>(SlaMetric.class);
    sla.forEach((m, c) -> {
      Checks.notNull(m, "SLA metric");
      Checks.notNull(c, "SLA compliance");
      if (c.cycles() > 0) {
        copy.put(m, c);
      }
    });
    sla = copy.isEmpty() ? Map.of() : Collections.unmodifiableMap(copy);
  }

  /**
   * A row without SLA compliance figures.
   *
   * @param group the group key
   * @param created tickets created in the range
   * @param escalated of those, tickets escalated at least once
   * @param firstResponded of those, tickets with a first public agent reply
   * @param firstResponseTotal sum of their first response times
   * @param firstResponseMet of those, first responses within the target
   * @param resolved tickets resolved in the range
   * @param resolutionTotal sum of their resolution times
   * @param resolutionMet of those, resolutions within the target
   * @param firstContactResolved of those, tickets resolved at first contact
   * @param reopened of those, tickets reopened at least once
   * @param backlog tickets created before the end of the range and active at its end
   * @param csatResponses CSAT answers given in the range
   * @param csatTotal sum of their ratings
   * @param csatSatisfied of those, satisfied answers
   */
  public MetricsRow(String group, long created, long escalated, long firstResponded, Duration firstResponseTotal,
      long firstResponseMet, long resolved, Duration resolutionTotal, long resolutionMet, long firstContactResolved,
      long reopened, long backlog, long csatResponses, long csatTotal, long csatSatisfied) {
    this(group, created, escalated, firstResponded, firstResponseTotal, firstResponseMet, resolved, resolutionTotal,
        resolutionMet, firstContactResolved, reopened, backlog, csatResponses, csatTotal, csatSatisfied, Map.of());
  }

  /**
   * @param group the key
   * @return a row of zeros
   */
  public static MetricsRow empty(String group) {
    return new MetricsRow(group, 0, 0, 0, Duration.ZERO, 0, 0, Duration.ZERO, 0, 0, 0, 0, 0, 0, 0);
  }

  /**
   * @param o another row
   * @param group the key of the sum
   * @return the sum of both rows
   */
  public MetricsRow plus(MetricsRow o, String group) {
    return new MetricsRow(group, created + o.created, escalated + o.escalated, firstResponded + o.firstResponded,
        firstResponseTotal.plus(o.firstResponseTotal), firstResponseMet + o.firstResponseMet, resolved + o.resolved,
        resolutionTotal.plus(o.resolutionTotal), resolutionMet + o.resolutionMet, firstContactResolved + o.firstContactResolved,
        reopened + o.reopened, backlog + o.backlog, csatResponses + o.csatResponses, csatTotal + o.csatTotal,
        csatSatisfied + o.csatSatisfied, sumSla(sla, o.sla));
  }

  private static Map<SlaMetric, SlaCompliance> sumSla(Map<SlaMetric, SlaCompliance> a, Map<SlaMetric, SlaCompliance> b) {
    if (b.isEmpty()) {
      return a;
    }
    EnumMap<SlaMetric, SlaCompliance> sum = new EnumMap<>(SlaMetric.class);
    sum.putAll(a);
    b.forEach((m, c) -> sum.merge(m, c, SlaCompliance::plus));
    return sum;
  }

  /**
   * @param metric an SLA metric
   * @return its met and breached cycles in this group ({@link SlaCompliance#NONE} if none)
   */
  public SlaCompliance slaCompliance(SlaMetric metric) {
    Checks.notNull(metric, "metric");
    return sla.getOrDefault(metric, SlaCompliance.NONE);
  }

  private static OptionalDouble ratio(long a, long b) {
    return b == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) a / b);
  }

  /** @return first-contact resolutions per resolved ticket */
  public OptionalDouble firstContactResolutionRate() {
    return ratio(firstContactResolved, resolved);
  }

  /** @return escalated tickets per created ticket */
  public OptionalDouble escalationRate() {
    return ratio(escalated, created);
  }

  /** @return reopened tickets per resolved ticket */
  public OptionalDouble reopenRate() {
    return ratio(reopened, resolved);
  }

  /** @return the average first response time */
  public Optional<Duration> averageFirstResponse() {
    return firstResponded == 0 ? Optional.empty() : Optional.of(firstResponseTotal.dividedBy(firstResponded));
  }

  /** @return the average resolution time */
  public Optional<Duration> averageResolution() {
    return resolved == 0 ? Optional.empty() : Optional.of(resolutionTotal.dividedBy(resolved));
  }

  /**
   * @return first responses within the query's ad-hoc target per first response (meaningful only
   *     with a target); for compliance with each ticket's own SLA policy see {@link
   *     #slaCompliance(SlaMetric)}
   */
  public OptionalDouble firstResponseCompliance() {
    return ratio(firstResponseMet, firstResponded);
  }

  /** @return resolutions within the target per resolution (meaningful only with a target) */
  public OptionalDouble resolutionCompliance() {
    return ratio(resolutionMet, resolved);
  }

  /** @return the average CSAT rating, 1 to 5 */
  public OptionalDouble csatAverage() {
    return ratio(csatTotal, csatResponses);
  }

  /** @return satisfied answers per answer */
  public OptionalDouble csatSatisfiedRate() {
    return ratio(csatSatisfied, csatResponses);
  }
}
