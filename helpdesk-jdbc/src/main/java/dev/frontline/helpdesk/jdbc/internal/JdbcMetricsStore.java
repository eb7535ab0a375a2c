package dev.frontline.helpdesk.jdbc.internal;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import dev.frontline.helpdesk.metrics.Dimension;
import dev.frontline.helpdesk.metrics.FcrDefinition;
import dev.frontline.helpdesk.metrics.MetricsQuery;
import dev.frontline.helpdesk.metrics.MetricsReport;
import dev.frontline.helpdesk.metrics.MetricsRow;
import dev.frontline.helpdesk.metrics.SlaCompliance;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.jdbc.internal.schema.Tables;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineTicketCsat;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineTicketInactive;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineTickets;
import dev.frontline.helpdesk.sla.BusinessCalendar;
import dev.frontline.helpdesk.spi.MetricsStore;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;

/**
 * {@link MetricsStore} aggregating in SQL over {@code frontline_tickets}, with exactly the results
 * of {@code InMemoryMetricsStore} over the same tickets. The ticket store maintains per-row metrics
 * columns on every write (counters and times from the snapshot; the tier a ticket was created in,
 * its first solve and earliest reopen after it, from the history), plus one {@code
 * frontline_ticket_csat} row per CSAT answer and one {@code frontline_ticket_inactive} row per
 * period in which the ticket was solved, closed or merged. A report is then at most three grouped
 * aggregate queries, each with the caller's {@link TicketVisibility} in its {@code WHERE} clause:
 *
 * <ol>
 *   <li>creation-based figures (created, escalated, first responses and their times and targets),
 *       grouped by the dimension, or by the tier the ticket was created in when grouping by tier;
 *   <li>resolution-based figures (resolved, resolution time and target, first-contact resolution,
 *       reopened, met and breached SLA cycles per metric) and the backlog at the end of the range
 *       (no inactive period covers that instant), grouped by the dimension's current value;
 *   <li>CSAT answers given in the range, whatever the ticket's state now, joined to the tickets.
 * </ol>
 *
 * <p>Durations are summed in nanoseconds as SQL {@code SUM} (exact decimals). With a {@link
 * BusinessCalendar}, business-time arithmetic cannot reasonably be done in SQL: then the
 * first-response and resolution durations and target counts are computed in Java from a bounded
 * query that returns two numbers per ticket created (respectively resolved) in the range, and
 * everything else stays in SQL. Rows written before schema V2 (and rows V5 and V7 mark for a
 * refold) are filled in from snapshot and history before the first report that needs them. Times
 * outside the years 1677-2262 saturate (see {@code created_at_ns}). The report queries carry their
 * values inline ({@link Db#inlined()}), so that the database plans each with its own range and
 * visibility. Thread-safe.
 */
public final class JdbcMetricsStore implements MetricsStore {
  private static final FrontlineTickets T = Tables.FRONTLINE_TICKETS;
  private static final FrontlineTicketCsat C = Tables.FRONTLINE_TICKET_CSAT;
  private static final FrontlineTicketInactive I = Tables.FRONTLINE_TICKET_INACTIVE;
  private static final BigInteger BILLION = BigInteger.valueOf(1_000_000_000L);

  private final Db db;
  private final JdbcTicketStore tickets;

  /** @param db the database */
  public JdbcMetricsStore(Db db) {
    this.db = db;
    this.tickets = new JdbcTicketStore(db, false);
  }

  @Override
  public MetricsReport compute(MetricsQuery q, TicketVisibility visibility) {
    Objects.requireNonNull(q, "query");
    Objects.requireNonNull(visibility, "visibility");
    Map<String, MetricsRow> rows = new TreeMap<>();
    if (!visibility.isNone()) {
      while (tickets.backfillMetrics(200) > 0) {
        // rows from before schema V2; normally none
      }
      db.call(
          () -> {
            aggregate(q, visibility, rows);
            return null;
          });
    }
    MetricsRow total = MetricsRow.empty("total");
    for (MetricsRow r : rows.values()) {
      total = total.plus(r, "total");
    }
    return new MetricsReport(q, new ArrayList<>(rows.values()), total);
  }

  private static long ns(Instant i) {
    return JdbcTicketStore.nanos(i);
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /** The grouping column (its current value). */
  private static Field<?> group(Dimension d) {
    return switch (d) {
      case AGENT -> T.ASSIGNEE;
      case TEAM -> T.TEAM;
      case TIER -> T.TIER;
      case CHANNEL -> T.CHANNEL;
    };
  }

  /** The tier the ticket was created in, as {@code InMemoryMetricsStore} determines it. */
  private static Field<Integer> createdTier() {
    return when(T.TIER.eq(inline(1)).and(T.ESCALATION_COUNT.eq(inline(0))), inline(1))
        .when(T.CREATED_TIER.isNull(), T.TIER)
        .otherwise(T.CREATED_TIER);
  }

  private static String key(Dimension d, @Nullable Object v) {
    return switch (d) {
      case AGENT -> v == null ? "unassigned" : v.toString();
      case TEAM -> v == null ? "none" : v.toString();
      case TIER, CHANNEL -> Objects.requireNonNull(v, "group value").toString();
    };
  }

  private static Field<BigDecimal> count(Condition c) {
    return sum(when(c, inline(1L)).otherwise(inline(0L)));
  }

  private static Field<BigDecimal> sumIf(Condition c, Field<Long> value) {
    return sum(when(c, value).otherwise(inline(0L)));
  }

  private static long lng(@Nullable BigDecimal v) {
    return v == null ? 0 : v.longValueExact();
  }

  private static Duration nanosDuration(@Nullable BigDecimal v) {
    if (v == null) {
      return Duration.ZERO;
    }
    BigInteger[] qr = v.toBigIntegerExact().divideAndRemainder(BILLION);
    return Duration.ofSeconds(qr[0].longValueExact(), qr[1].longValueExact());
  }

  /** {@code b - a} in nanoseconds, or 0 if {@code b} is not after {@code a}. */
  private static Field<Long> elapsed(Field<Long> a, Field<Long> b) {
    return when(b.gt(a), b.minus(a)).otherwise(inline(0L));
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  private void aggregate(MetricsQuery q, TicketVisibility v, Map<String, MetricsRow> rows) {
    long from = ns(q.from());
    long to = ns(q.to());
    BusinessCalendar cal = q.calendar();
    Dimension d = q.groupBy();
    Field<?> g = group(d);
    Field<?> born = d == Dimension.TIER ? createdTier() : g;
    Condition base = T.CREATED_AT_NS.lt(to).and(JdbcTicketStore.visible(v));
    Condition createdIn = T.CREATED_AT_NS.ge(from).and(T.CREATED_AT_NS.lt(to));
    Condition resolvedIn = T.RESOLVED_AT_NS.isNotNull().and(T.RESOLVED_AT_NS.ge(from)).and(T.RESOLVED_AT_NS.lt(to));
    // in the backlog at the end of the range: no inactive period (solved, closed, merged) covers it
    Condition active =
        DSL.notExists(
            DSL.selectOne()
                .from(I)
                .where(I.TICKET_ID.eq(T.ID))
                .and(I.SINCE_NS.lt(to))
                .and(I.UNTIL_NS.isNull().or(I.UNTIL_NS.ge(to))));
    Condition responded = T.FIRST_RESPONSE_AT_NS.isNotNull();
    Field<Long> frt = elapsed(T.CREATED_AT_NS, T.FIRST_RESPONSE_AT_NS);
    Field<Long> rt = elapsed(T.CREATED_AT_NS, T.RESOLVED_AT_NS);

    // 1. creation-based figures, by the dimension (by tier: the tier the ticket was created in)
    Condition frMet =
        q.firstResponseTarget() == null ? DSL.falseCondition() : frt.le(saturatedNanos(q.firstResponseTarget()));
    for (Record r :
        db.inlined()
            .select(
                born,
                count(DSL.trueCondition()),
                count(T.ESCALATION_COUNT.gt(0)),
                count(responded),
                sumIf(responded, frt),
                count(responded.and(frMet)))
            .from(T)
            .where(base.and(createdIn))
            .groupBy(born)
            .fetch()) {
      String k = key(d, r.get(0));
      long responses = lng(r.get(3, BigDecimal.class));
      Duration total = cal == null ? nanosDuration(r.get(4, BigDecimal.class)) : Duration.ZERO;
      long met = cal == null ? lng(r.get(5, BigDecimal.class)) : 0;
      add(rows, new MetricsRow(k, lng(r.get(1, BigDecimal.class)), lng(r.get(2, BigDecimal.class)), responses, total, met,
          0, Duration.ZERO, 0, 0, 0, 0, 0, 0, 0));
    }
    if (cal != null) {
      // business time: bounded to the tickets created in the range that have a first response
      for (Record r :
          db.inlined().select(born, T.CREATED_AT_NS, T.FIRST_RESPONSE_AT_NS).from(T).where(base.and(createdIn).and(responded)).fetch()) {
        Duration time = cal.businessTimeBetween(instant(r.get(1, Long.class)), instant(r.get(2, Long.class)));
        long met = q.firstResponseTarget() != null && time.compareTo(q.firstResponseTarget()) <= 0 ? 1 : 0;
        add(rows, new MetricsRow(key(d, r.get(0)), 0, 0, 0, time, met, 0, Duration.ZERO, 0, 0, 0, 0, 0, 0, 0));
      }
    }

    // 2. resolution-based figures and backlog, by the dimension's current value; a ticket that
    // counts anywhere makes its group appear (as in the reference, even with zero figures here)
    FcrDefinition fcr = q.fcr();
    Condition fcrCond = T.PUBLIC_AGENT_REPLIES.eq(fcr.publicAgentReplies());
    if (fcr.withoutEscalation()) {
      fcrCond = fcrCond.and(T.ESCALATION_COUNT.eq(0));
    }
    fcrCond =
        fcrCond.and(
            T.FIRST_SOLVED_AT_NS.isNull()
                .or(T.FIRST_REOPEN_AT_NS.isNull())
                .or(T.FIRST_REOPEN_AT_NS.minus(T.FIRST_SOLVED_AT_NS).gt(saturatedNanos(fcr.notReopenedWithin()))));
    Condition rMet = q.resolutionTarget() == null ? DSL.falseCondition() : rt.le(saturatedNanos(q.resolutionTarget()));
    List<Field<?>> fields = new ArrayList<>(List.of(
        g,
        count(resolvedIn),
        sumIf(resolvedIn, rt),
        count(resolvedIn.and(rMet)),
        count(resolvedIn.and(fcrCond)),
        count(resolvedIn.and(T.REOPEN_COUNT.gt(0))),
        count(active)));
    int slaAt = fields.size();
    for (List<Field<Integer>> cols : MetricsColumns.SLA_COLUMNS.values()) {
      for (Field<Integer> c : cols) {
        fields.add(sumIf(resolvedIn, c.cast(SQLDataType.BIGINT)));
      }
    }
    for (Record r :
        db.inlined()
            .select(fields)
            .from(T)
            .where(base.and(createdIn.or(resolvedIn).or(active)))
            .groupBy(g)
            .fetch()) {
      String k = key(d, r.get(0));
      Duration total = cal == null ? nanosDuration(r.get(2, BigDecimal.class)) : Duration.ZERO;
      long met = cal == null ? lng(r.get(3, BigDecimal.class)) : 0;
      Map<SlaMetric, SlaCompliance> sla = new EnumMap<>(SlaMetric.class);
      int i = slaAt;
      for (SlaMetric m : MetricsColumns.SLA_COLUMNS.keySet()) {
        sla.put(m, new SlaCompliance(lng(r.get(i, BigDecimal.class)), lng(r.get(i + 1, BigDecimal.class))));
        i += 2;
      }
      add(rows, new MetricsRow(k, 0, 0, 0, Duration.ZERO, 0, lng(r.get(1, BigDecimal.class)), total, met,
          lng(r.get(4, BigDecimal.class)), lng(r.get(5, BigDecimal.class)), lng(r.get(6, BigDecimal.class)), 0, 0, 0, sla));
    }
    if (cal != null) {
      // business time: bounded to the tickets resolved in the range
      for (Record r : db.inlined().select(g, T.CREATED_AT_NS, T.RESOLVED_AT_NS).from(T).where(base.and(resolvedIn)).fetch()) {
        Duration time = cal.businessTimeBetween(instant(r.get(1, Long.class)), instant(r.get(2, Long.class)));
        long met = q.resolutionTarget() != null && time.compareTo(q.resolutionTarget()) <= 0 ? 1 : 0;
        add(rows, new MetricsRow(key(d, r.get(0)), 0, 0, 0, Duration.ZERO, 0, 0, time, met, 0, 0, 0, 0, 0, 0));
      }
    }

    // 3. CSAT answers given in the range, whatever the state of their tickets now
    for (Record r :
        db.inlined()
            .select(g, DSL.count().cast(SQLDataType.BIGINT), sum(C.RATING), count(C.RATING.ge(4)))
            .from(C)
            .join(T)
            .on(T.ID.eq(C.TICKET_ID))
            .where(base
                .and(C.AT_NS.ge(from))
                .and(C.AT_NS.lt(to)))
            .groupBy(g)
            .fetch()) {
      add(rows, new MetricsRow(key(d, r.get(0)), 0, 0, 0, Duration.ZERO, 0, 0, Duration.ZERO, 0, 0, 0, 0,
          r.get(1, Long.class), lng(r.get(2, BigDecimal.class)), lng(r.get(3, BigDecimal.class))));
    }
  }

  private static void add(Map<String, MetricsRow> rows, MetricsRow r) {
    rows.merge(r.group(), r, (a, b) -> a.plus(b, r.group()));
  }

  /** @return the rows of a report in key order (for tests) */
  static List<String> keys(MetricsReport r) {
    return r.rows().stream().map(MetricsRow::group).toList();
  }
}
