package dev.frontline.helpdesk.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.jdbc.JdbcDialect;
import dev.frontline.helpdesk.jdbc.JdbcStores;
import dev.frontline.helpdesk.jackson.format.TicketFormat;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketPage;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketSort;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
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
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Reads on a large ticket table in PostgreSQL (local server, else embedded): the agent's queue
 * ({@code query}, priority order, 50 per page, visibility of one team out of 20) and the escalation
 * poll ({@code due(now, 200)}, 1% of the tickets due), each through the jOOQ store and, as the
 * baseline, the same SQL as a plain {@link PreparedStatement} that reads the snapshot texts without
 * decoding them.
 *
 * <p>Population: the rows the store would write for a prepared ticket with three events (Created,
 * first message, DeadlineChanged) — tickets row with the store's column values and the JSON from
 * its codec, and the three event rows — are streamed with {@code COPY}; the tickets' secondary
 * indexes are dropped before and recreated (same definitions) after the load, then {@code ANALYZE}.
 * A few rows are read back through the store before measuring. The loaded schema {@code
 * bench_queue_<tickets>} is kept between trials and runs (a marker table records a complete load);
 * drop it with {@code DROP SCHEMA bench_queue_<tickets> CASCADE}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class JdbcQueueBenchmark {
  static final Instant BASE = Instant.parse("2026-03-02T09:00:00Z");
  static final Instant NOW = BASE.plus(Duration.ofDays(20));
  static final int TEAMS = 20;
  private static final String QUEUE_SQL =
      "select snapshot from frontline_tickets where team in (?) order by sk_priority_desc asc, id asc limit ?";
  private static final String DUE_SQL =
      "select snapshot from frontline_tickets where (next_deadline_ms is not null and next_deadline_ms <= ?)"
          + " order by next_deadline_ms asc, id asc limit ?";

  /** Number of tickets in the table. */
  @Param({"1000000"})
  public int tickets;

  private HikariDataSource pool;
  private TicketStore store;
  private final TeamId team = TeamId.of("team-07");
  private final TicketVisibility visibility =
      new TicketVisibility(false, Set.of(), Set.of(team), Set.of(), Set.of(), Set.of());
  private final TicketQuery queue = TicketQuery.builder().sort(TicketSort.PRIORITY_DESC).limit(50).build();

  /** Creates the benchmark state. */
  public JdbcQueueBenchmark() {}

  /**
   * Loads the table unless a complete load of this size exists, and checks it through the store.
   *
   * @throws Exception if the database fails
   */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    String schema = "bench_queue_" + tickets;
    boolean loaded = BenchPostgres.reuseOrFresh(schema, tickets);
    pool = BenchPostgres.pool(schema, 2);
    JdbcStores stores = JdbcStores.builder(pool, JdbcDialect.POSTGRES).build();
    stores.migrate();
    store = stores.ticketStore();
    if (!loaded) {
      load();
    }
    verify();
  }

  /** Closes the pool (the schema stays for the next trial). */
  @TearDown(Level.Trial)
  public void tearDown() {
    pool.close();
  }

  private void load() throws SQLException, IOException {
    long t0 = System.nanoTime();
    try (Connection c = pool.getConnection()) {
      List<String> indexes = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select indexname, indexdef from pg_indexes where schemaname = current_schema()"
              + " and tablename = 'frontline_tickets' and indexname like 'frontline_tickets_%_ix'")) {
        while (rs.next()) {
          indexes.add(rs.getString(2));
          try (Statement d = c.createStatement()) {
            d.execute("drop index " + rs.getString(1));
          }
        }
      }
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      SplittableRandom r = new SplittableRandom(42);
      CustomerId requester = CustomerId.of("carol");
      TreeSet<String> noTags = new TreeSet<>();
      Priority[] priorities = Priority.values();
      int chunk = 20_000;
      for (int from = 0; from < tickets; from += chunk) {
        StringBuilder tk = new StringBuilder(chunk * 2048);
        StringBuilder ev = new StringBuilder(chunk * 3 * 512);
        for (int i = from; i < Math.min(tickets, from + chunk); i++) {
          boolean due = i % 100 == 0;
          Instant deadline = due ? NOW.minusSeconds(1 + r.nextInt(3600)) : NOW.plus(Duration.ofDays(30)).plusSeconds(r.nextInt(30 * 86_400));
          Instant created = BASE.plusSeconds(i);
          BenchTickets.Prepared p = BenchTickets.prepared(String.format("t%08d", i), i + 1L, "Ticket " + i, requester,
              TeamId.of(String.format("team-%02d", i % TEAMS)), priorities[r.nextInt(priorities.length)], noTags, created,
              "e" + i, "Please help with item " + i + ".", deadline);
          Ticket t = p.ticket();
          csv(tk, t.id().value(), t.key().prefix(), t.key().number(), t.version(), t.state().name(), t.priority().name(),
              t.type().name(), t.channel().name(), t.requester().value(), null, t.team().value(), t.tier(), null,
              JdbcCreateTicketBenchmark.nanos(t.createdAt()), t.updatedAt().toEpochMilli(), t.nextDeadline().toEpochMilli(),
              TicketSort.CREATED_ASC.key(t), TicketSort.CREATED_DESC.key(t), TicketSort.UPDATED_ASC.key(t),
              TicketSort.UPDATED_DESC.key(t), TicketSort.PRIORITY_DESC.key(t), TicketSort.DEADLINE_ASC.key(t),
              TicketFormat.writeTicket(t));
          for (TicketEvent e : p.events()) {
            csv(ev, e.ticketId().value(), e.version(), e.at().toEpochMilli(), TicketFormat.changeKind(e.change()), TicketFormat.writeEvent(e));
          }
        }
        try (Reader in = new StringReader(tk.toString())) {
          copy.copyIn("copy frontline_tickets (id, key_prefix, key_number, version, state, priority, ticket_type, channel,"
              + " requester, organization, team, tier, assignee, created_at_ns, updated_at_ms, next_deadline_ms,"
              + " sk_created_asc, sk_created_desc, sk_updated_asc, sk_updated_desc, sk_priority_desc, sk_deadline_asc, snapshot)"
              + " from stdin with (format csv)", in);
        }
        try (Reader in = new StringReader(ev.toString())) {
          copy.copyIn("copy frontline_ticket_events (ticket_id, version, at_ms, kind, event) from stdin with (format csv)", in);
        }
        if (from % 200_000 == 0) {
          System.out.printf("[bench] %,d tickets copied after %d s%n", from + chunk, (System.nanoTime() - t0) / 1_000_000_000L);
        }
      }
      long t1 = System.nanoTime();
      try (Statement s = c.createStatement()) {
        for (String ddl : indexes) {
          s.execute(ddl);
        }
        s.execute("insert into frontline_key_sequences (prefix, last_number) values ('HD', " + tickets + ")");
        s.execute("analyze frontline_tickets");
        s.execute("analyze frontline_ticket_events");
        BenchPostgres.markLoaded(c, tickets);
      }
      System.out.printf("[bench] loaded %,d tickets (+%,d events): copy %d s, %d indexes + analyze %d s%n", tickets, tickets * 3L,
          (t1 - t0) / 1_000_000_000L, indexes.size(), (System.nanoTime() - t1) / 1_000_000_000L);
    }
  }

  private static void csv(StringBuilder b, Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      Object v = values[i];
      if (v == null) {
        continue; // unquoted empty = NULL
      }
      if (v instanceof String s) {
        b.append('"').append(s.replace("\"", "\"\"")).append('"');
      } else {
        b.append(v);
      }
    }
    b.append('\n');
  }

  private void verify() throws SQLException {
    Ticket t = store.find(new TicketId("t00000007")).orElseThrow(() -> new IllegalStateException("t00000007 missing"));
    if (!t.team().equals(team) || t.version() != 3 || store.history(t.id()).size() != 3) {
      throw new IllegalStateException("unexpected read-back " + t);
    }
    if (store.findByKey(t.key()).isEmpty()) {
      throw new IllegalStateException("key lookup failed");
    }
    TicketPage page = store.query(queue, visibility);
    if (page.items().size() != 50 || page.items().stream().anyMatch(x -> !x.team().equals(team)) || page.nextCursor() == null) {
      throw new IllegalStateException("unexpected queue page");
    }
    List<Ticket> due = store.due(NOW, 200);
    if (due.size() != 200 || due.stream().anyMatch(x -> x.nextDeadline().isAfter(NOW))) {
      throw new IllegalStateException("unexpected due page");
    }
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      explain(s, QUEUE_SQL.replace("in (?)", "in ('" + team.value() + "')").replace("limit ?", "limit 51"));
      explain(s, DUE_SQL.replace("<= ?", "<= " + NOW.toEpochMilli()).replace("limit ?", "limit 200"));
    }
    System.out.println("[bench] read-back through the store ok: find, findByKey, history, query page of 50, due page of 200");
  }

  private static void explain(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery("explain (analyze, buffers) " + sql)) {
      System.out.println("[bench] " + sql);
      while (rs.next()) {
        System.out.println("[bench]   " + rs.getString(1));
      }
    }
  }

  /**
   * The first page of one team's queue, highest priority first, through the store.
   *
   * @return the page
   */
  @Benchmark
  public TicketPage queuePage() {
    return store.query(queue, visibility);
  }

  /**
   * Baseline: the same SQL as plain JDBC, snapshots read as text, not decoded.
   *
   * @return the snapshot texts
   * @throws SQLException if the database fails
   */
  @Benchmark
  public List<String> queuePageRawSql() throws SQLException {
    try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(QUEUE_SQL)) {
      ps.setString(1, team.value());
      ps.setInt(2, 51);
      return texts(ps);
    }
  }

  /**
   * The escalation poll through the store.
   *
   * @return the due tickets
   */
  @Benchmark
  public List<Ticket> duePoll() {
    return store.due(NOW, 200);
  }

  /**
   * Baseline: the same SQL as plain JDBC, snapshots read as text, not decoded.
   *
   * @return the snapshot texts
   * @throws SQLException if the database fails
   */
  @Benchmark
  public List<String> duePollRawSql() throws SQLException {
    try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(DUE_SQL)) {
      ps.setLong(1, NOW.toEpochMilli());
      ps.setInt(2, 200);
      return texts(ps);
    }
  }

  private static List<String> texts(PreparedStatement ps) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
