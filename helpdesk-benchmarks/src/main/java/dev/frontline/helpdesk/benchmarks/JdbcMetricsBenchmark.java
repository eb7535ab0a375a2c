package dev.frontline.helpdesk.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.feedback.CsatResponse;
import dev.frontline.helpdesk.jdbc.JdbcDialect;
import dev.frontline.helpdesk.jdbc.JdbcStores;
import dev.frontline.helpdesk.metrics.Dimension;
import dev.frontline.helpdesk.metrics.MetricsQuery;
import dev.frontline.helpdesk.metrics.MetricsReport;
import dev.frontline.helpdesk.metrics.MetricsRow;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaMetricState;
import dev.frontline.helpdesk.sla.SlaStatus;
import dev.frontline.helpdesk.spi.MetricsStore;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryId;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketHistory;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketType;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.PGStatement;

/**
 * Metrics reports over a large ticket table in PostgreSQL (local server, else embedded): one
 * month of a 90-day history, grouped by channel over every ticket (a supervisor) and by agent over
 * one team of twenty (a team lead), through {@link MetricsStore#compute} of helpdesk-jdbc, against
 * a baseline of the same aggregates written by hand as plain SQL over the same columns (one-shot
 * statements, always planned with their values), with the result read as numbers and not
 * assembled into rows.
 *
 * <p>Population: tickets written through the JDBC {@link TicketStore} (so every metrics column is
 * the store's own), in transactions of 500, each with a realistic history: created by a customer
 * on a random channel in one of twenty teams, assigned, a first agent reply after 5 minutes to 10
 * hours, 8% escalated to tier 2, 80% solved, 5% of those reopened and solved again, per-metric SLA
 * states with met and breached cycles, and a CSAT answer on 30% of the solved ones. The schema
 * {@code bench_metrics_<tickets>} is kept between runs (a marker table records a complete load);
 * drop it with {@code DROP SCHEMA bench_metrics_<tickets> CASCADE}. Before measuring, the store's
 * report is checked against the baseline's numbers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class JdbcMetricsBenchmark {
  static final Instant BASE = Instant.parse("2026-03-01T00:00:00Z");
  static final int DAYS = 90;
  static final int TEAMS = 20;
  static final int AGENTS_PER_TEAM = 8;
  static final Instant FROM = BASE.plus(Duration.ofDays(30));
  static final Instant TO = BASE.plus(Duration.ofDays(60));
  private static final Author CUSTOMER = new Author(Author.Kind.CUSTOMER, "customer:carol");
  private static final Channel[] CHANNELS = {Channel.EMAIL, Channel.WEB, Channel.CHAT, Channel.PHONE};

  /** The hand-written aggregates: the creation-based, resolution-based and CSAT figures. */
  private static final String CREATED_SQL = "select %1$s, count(*), sum(case when escalation_count > 0 then 1 else 0 end),"
      + " sum(case when first_response_at_ns is not null then 1 else 0 end),"
      + " sum(case when first_response_at_ns > created_at_ns then first_response_at_ns - created_at_ns else 0 end)"
      + " from frontline_tickets where created_at_ns >= ? and created_at_ns < ? %2$s group by %1$s";
  private static final String RESOLVED_SQL = "select %1$s,"
      + " sum(case when %3$s then 1 else 0 end),"
      + " sum(case when %3$s and resolved_at_ns > created_at_ns then resolved_at_ns - created_at_ns else 0 end),"
      + " sum(case when %3$s and public_agent_replies = 1 and (first_solved_at_ns is null"
      + "   or first_reopen_at_ns is null or first_reopen_at_ns - first_solved_at_ns > 604800000000000) then 1 else 0 end),"
      + " sum(case when %3$s and reopen_count > 0 then 1 else 0 end),"
      + " sum(case when %4$s then 1 else 0 end),"
      + " sum(case when %3$s then sla_fr_met else 0 end), sum(case when %3$s then sla_fr_breached else 0 end),"
      + " sum(case when %3$s then sla_nr_met else 0 end), sum(case when %3$s then sla_nr_breached else 0 end),"
      + " sum(case when %3$s then sla_pu_met else 0 end), sum(case when %3$s then sla_pu_breached else 0 end),"
      + " sum(case when %3$s then sla_res_met else 0 end), sum(case when %3$s then sla_res_breached else 0 end)"
      + " from frontline_tickets where created_at_ns < ? %2$s"
      + " and ((created_at_ns >= ? and created_at_ns < ?) or (%3$s) or %4$s)"
      + " group by %1$s";
  private static final String RESOLVED_IN = "resolved_at_ns is not null and resolved_at_ns >= ? and resolved_at_ns < ?";
  /** Active at the end of the range (inlined as {@code %1$d}): no inactive period covers it. */
  private static final String BACKLOG_AT = "not exists (select 1 from frontline_ticket_inactive i"
      + " where i.ticket_id = frontline_tickets.id and i.since_ns < %1$d and (i.until_ns is null or i.until_ns >= %1$d))";
  private static final String CSAT_SQL = "select t.%1$s, count(*), sum(c.rating), sum(case when c.rating >= 4 then 1 else 0 end)"
      + " from frontline_ticket_csat c join frontline_tickets t on t.id = c.ticket_id"
      + " where t.created_at_ns < ? %2$s and c.at_ns >= ? and c.at_ns < ?"
      + " group by t.%1$s";

  /** Number of tickets in the table. */
  @Param({"200000"})
  public int tickets;

  private HikariDataSource pool;
  private MetricsStore metrics;
  private final TeamId team = TeamId.of("team-07");
  private final TicketVisibility lead = new TicketVisibility(false, Set.of(), Set.of(team), Set.of(), Set.of(), Set.of());
  private final MetricsQuery byChannel = MetricsQuery.builder(FROM, TO).groupBy(Dimension.CHANNEL).build();
  private final MetricsQuery byAgent = MetricsQuery.builder(FROM, TO).groupBy(Dimension.AGENT).build();

  /** Creates the benchmark state. */
  public JdbcMetricsBenchmark() {}

  /**
   * Loads the table unless a complete load of this size exists, and checks the store's report
   * against the baseline.
   *
   * @throws Exception if the database fails or the figures disagree
   */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    String schema = "bench_metrics_" + tickets;
    boolean loaded = BenchPostgres.reuseOrFresh(schema, tickets);
    pool = BenchPostgres.pool(schema, 2);
    JdbcStores stores = JdbcStores.builder(pool, JdbcDialect.POSTGRES).outbox(false).build();
    stores.migrate();
    metrics = stores.metricsStore();
    if (!loaded) {
      load(stores.ticketStore());
    }
    verify();
  }

  /** Closes the pool (the schema stays for the next trial). */
  @TearDown(Level.Trial)
  public void tearDown() {
    pool.close();
  }

  private void load(TicketStore store) throws SQLException {
    long t0 = System.nanoTime();
    SplittableRandom r = new SplittableRandom(7);
    List<TicketStore.Create> batch = new ArrayList<>();
    for (int i = 0; i < tickets; i++) {
      batch.add(history(i, r));
      if (batch.size() == 500 || i == tickets - 1) {
        store.updateAll(List.of(), batch);
        batch = new ArrayList<>();
      }
      if ((i + 1) % 50_000 == 0) {
        System.out.printf("[bench] %,d tickets written after %d s%n", i + 1, (System.nanoTime() - t0) / 1_000_000_000L);
      }
    }
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("analyze frontline_tickets");
      s.execute("analyze frontline_ticket_csat");
      s.execute("analyze frontline_ticket_inactive");
      BenchPostgres.markLoaded(c, tickets);
    }
    System.out.printf("[bench] loaded %,d tickets in %d s%n", tickets, (System.nanoTime() - t0) / 1_000_000_000L);
  }

  /** One ticket's history, folded into its snapshot. */
  static TicketStore.Create history(int i, SplittableRandom r) {
    TicketId id = new TicketId(String.format("m%08d", i));
    int teamNo = r.nextInt(TEAMS);
    TeamId t = TeamId.of(String.format("team-%02d", teamNo));
    AgentId agent = AgentId.of(String.format("agent-%02d-%d", teamNo, r.nextInt(AGENTS_PER_TEAM)));
    Author agentAuthor = new Author(Author.Kind.AGENT, "agent:" + agent.value());
    Channel channel = CHANNELS[r.nextInt(CHANNELS.length)];
    Instant created = BASE.plusSeconds(r.nextLong(DAYS * 86_400L));
    List<TicketEvent> events = new ArrayList<>();
    Instant[] at = {created};
    java.util.function.BiConsumer<Duration, TicketChange> add = (after, change) -> {
      at[0] = at[0].plus(after);
      events.add(new TicketEvent(id, events.size() + 1L, events.isEmpty() ? CUSTOMER : agentAuthor, at[0], change));
    };
    add.accept(Duration.ZERO, new TicketChange.Created(new TicketKey("HD", i + 1L), "Ticket " + i, CustomerId.of("carol"),
        null, channel, Priority.NORMAL, TicketType.QUESTION, new TreeSet<>(), new TreeMap<>(), 1, t, null));
    add.accept(Duration.ZERO, new TicketChange.EntryAdded(new Entry(new EntryId("c" + i), EntryKind.PUBLIC_REPLY, CUSTOMER,
        channel, "Please help with item " + i + ".", created, List.of())));
    add.accept(Duration.ofMinutes(1), new TicketChange.Assigned(t, t, null, agent));
    Duration firstReply = Duration.ofMinutes(5 + r.nextInt(600));
    add.accept(firstReply, new TicketChange.StateChanged(TicketState.NEW, TicketState.OPEN));
    add.accept(Duration.ZERO, new TicketChange.EntryAdded(new Entry(new EntryId("a" + i), EntryKind.PUBLIC_REPLY, agentAuthor,
        channel, "Here is what to do.", at[0], List.of())));
    boolean escalated = r.nextInt(100) < 8;
    if (escalated) {
      add.accept(Duration.ofMinutes(30), new TicketChange.TierChanged(1, 2, t, TeamId.of("second-line"), agent, null,
          "needs second line", false));
    }
    Map<SlaMetric, SlaMetricState> sla = new EnumMap<>(SlaMetric.class);
    boolean frMet = firstReply.compareTo(Duration.ofHours(4)) <= 0;
    sla.put(SlaMetric.FIRST_RESPONSE, new SlaMetricState(frMet ? SlaStatus.MET : SlaStatus.BREACHED, !frMet, null));
    if (r.nextInt(100) < 80) {
      add.accept(Duration.ofMinutes(10 + r.nextInt(3 * 24 * 60)), new TicketChange.StateChanged(TicketState.OPEN, TicketState.SOLVED));
      if (r.nextInt(100) < 5) {
        add.accept(Duration.ofHours(1 + r.nextInt(200)), new TicketChange.StateChanged(TicketState.SOLVED, TicketState.OPEN));
        add.accept(Duration.ofHours(1 + r.nextInt(24)), new TicketChange.StateChanged(TicketState.OPEN, TicketState.SOLVED));
      }
      int nrMet = r.nextInt(3);
      int nrBreached = r.nextInt(100) < 15 ? 1 : 0;
      sla.put(SlaMetric.NEXT_RESPONSE, new SlaMetricState(nrBreached > 0 ? SlaStatus.BREACHED : SlaStatus.MET, false, null,
          nrMet + (nrBreached > 0 ? 0 : 1), nrBreached));
      boolean resMet = r.nextInt(100) < 85;
      sla.put(SlaMetric.RESOLUTION, new SlaMetricState(resMet ? SlaStatus.MET : SlaStatus.BREACHED, !resMet, null));
      add.accept(Duration.ZERO, new TicketChange.DeadlineChanged(null, null, "sla", sla));
      if (r.nextInt(100) < 30) {
        int stars = 1 + r.nextInt(5);
        add.accept(Duration.ofHours(1 + r.nextInt(48)), new TicketChange.Custom(CsatResponse.KIND,
            Map.of("customer", "carol", "scale", "FIVE_POINT", "rating", Integer.toString(stars))));
      }
    } else {
      add.accept(Duration.ZERO, new TicketChange.DeadlineChanged(null, at[0].plus(Duration.ofHours(8)), "sla", sla));
    }
    Ticket snapshot = null;
    for (TicketEvent e : events) {
      snapshot = TicketHistory.apply(snapshot, e);
    }
    return new TicketStore.Create(snapshot, List.copyOf(events));
  }

  private void verify() throws SQLException {
    MetricsReport store = metrics.compute(byChannel, TicketVisibility.everything());
    long[] raw = rawTotals(report(Dimension.CHANNEL, false));
    MetricsRow total = store.total();
    long[] fromStore = {
      total.created(), total.escalated(), total.firstResponded(), total.firstResponseTotal().toNanos(),
      total.resolved(), total.resolutionTotal().toNanos(), total.firstContactResolved(), total.reopened(), total.backlog(),
      total.slaCompliance(SlaMetric.FIRST_RESPONSE).met(), total.slaCompliance(SlaMetric.FIRST_RESPONSE).breached(),
      total.slaCompliance(SlaMetric.NEXT_RESPONSE).met(), total.slaCompliance(SlaMetric.NEXT_RESPONSE).breached(),
      total.slaCompliance(SlaMetric.PERIODIC_UPDATE).met(), total.slaCompliance(SlaMetric.PERIODIC_UPDATE).breached(),
      total.slaCompliance(SlaMetric.RESOLUTION).met(), total.slaCompliance(SlaMetric.RESOLUTION).breached(),
      total.csatResponses(), total.csatTotal(), total.csatSatisfied()
    };
    if (!java.util.Arrays.equals(raw, fromStore)) {
      throw new IllegalStateException("store and baseline disagree:\n store " + java.util.Arrays.toString(fromStore)
          + "\n raw   " + java.util.Arrays.toString(raw));
    }
    MetricsReport team = metrics.compute(byAgent, lead);
    if (team.rows().size() < AGENTS_PER_TEAM || team.total().created() == 0) {
      throw new IllegalStateException("unexpected team report " + team.rows().size() + " rows, " + team.total());
    }
    System.out.printf("[bench] store report = baseline: created %,d, resolved %,d, FCR %,d, backlog %,d, CSAT %,d;"
        + " team-07 by agent: %d rows, %,d created%n", total.created(), total.resolved(), total.firstContactResolved(),
        total.backlog(), total.csatResponses(), team.rows().size(), team.total().created());
  }

  private static long[] rawTotals(List<long[]> parts) {
    long[] sum = new long[20];
    int[] offsets = {0, 4, 17};
    int[] sizes = {4, 13, 3};
    for (int p = 0; p < 3; p++) {
      for (long[] row : parts) {
        if (row[0] == p) {
          for (int i = 0; i < sizes[p]; i++) {
            sum[offsets[p] + i] += row[1 + i];
          }
        }
      }
    }
    return sum;
  }

  /**
   * The baseline: the three aggregates as plain SQL; each result row as {@code [query, figures...]}.
   */
  private List<long[]> report(Dimension by, boolean teamOnly) throws SQLException {
    String col = by == Dimension.CHANNEL ? "channel" : "assignee";
    String where = teamOnly ? "and team = ?" : "";
    long from = JdbcCreateTicketBenchmark.nanos(FROM);
    long to = JdbcCreateTicketBenchmark.nanos(TO);
    List<long[]> out = new ArrayList<>();
    try (Connection c = pool.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(String.format(CREATED_SQL, col, where))) {
        int i = 1;
        ps.setLong(i++, from);
        ps.setLong(i++, to);
        if (teamOnly) {
          ps.setString(i, team.value());
        }
        read(ps, 0, 4, out);
      }
      try (PreparedStatement ps = c.prepareStatement(String.format(RESOLVED_SQL, col, where, RESOLVED_IN, String.format(BACKLOG_AT, to)))) {
        int i = 1;
        for (int k = 0; k < 12; k++) { // the twelve resolved-in-range columns
          ps.setLong(i++, from);
          ps.setLong(i++, to);
        }
        ps.setLong(i++, to);
        if (teamOnly) {
          ps.setString(i++, team.value());
        }
        ps.setLong(i++, from);
        ps.setLong(i++, to);
        ps.setLong(i++, from);
        ps.setLong(i, to);
        read(ps, 1, 13, out);
      }
      try (PreparedStatement ps = c.prepareStatement(String.format(CSAT_SQL, col, teamOnly ? "and t.team = ?" : ""))) {
        int i = 1;
        ps.setLong(i++, to);
        if (teamOnly) {
          ps.setString(i++, team.value());
        }
        ps.setLong(i++, from);
        ps.setLong(i, to);
        read(ps, 2, 3, out);
      }
    }
    return out;
  }

  private static void read(PreparedStatement ps, int query, int n, List<long[]> out) throws SQLException {
    // always planned with its values: a server-side prepared statement may switch to a generic
    // plan after five runs, which for the team report is a full scan (430 ms instead of 75 ms)
    ps.unwrap(PGStatement.class).setPrepareThreshold(0);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long[] row = new long[n + 1];
        row[0] = query;
        for (int i = 0; i < n; i++) {
          row[1 + i] = rs.getLong(2 + i);
        }
        out.add(row);
      }
    }
  }

  /**
   * A supervisor's month by channel, through the store.
   *
   * @return the report
   */
  @Benchmark
  public MetricsReport byChannel() {
    return metrics.compute(byChannel, TicketVisibility.everything());
  }

  /**
   * Baseline: the same aggregates as plain SQL.
   *
   * @return the figures
   * @throws SQLException if the database fails
   */
  @Benchmark
  public List<long[]> byChannelRawSql() throws SQLException {
    return report(Dimension.CHANNEL, false);
  }

  /**
   * A team lead's month by agent (one team of twenty visible), through the store.
   *
   * @return the report
   */
  @Benchmark
  public MetricsReport teamByAgent() {
    return metrics.compute(byAgent, lead);
  }

  /**
   * Baseline: the same aggregates as plain SQL, restricted to the team.
   *
   * @return the figures
   * @throws SQLException if the database fails
   */
  @Benchmark
  public List<long[]> teamByAgentRawSql() throws SQLException {
    return report(Dimension.AGENT, true);
  }
}
