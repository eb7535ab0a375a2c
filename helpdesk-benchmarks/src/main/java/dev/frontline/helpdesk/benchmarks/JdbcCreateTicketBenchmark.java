package dev.frontline.helpdesk.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.frontline.helpdesk.spi.memory.InMemoryStores;
import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.access.Roles;
import dev.frontline.helpdesk.access.TeamAccess;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.SupportTier;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.jdbc.JdbcDialect;
import dev.frontline.helpdesk.jdbc.JdbcStores;
import dev.frontline.helpdesk.jackson.format.TicketFormat;
import dev.frontline.helpdesk.spi.DirectoryStore;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketSort;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Creating a ticket with its first message on PostgreSQL (local server, else embedded), in a
 * fresh schema per trial, one thread, a HikariCP pool of two connections.
 *
 * <ul>
 *   <li>{@link #storeCreate}: {@code TicketStore.nextKeyNumber} + {@code TicketStore.create} of a
 *       prepared snapshot with two events (Created, first message) and two tags, through {@link
 *       JdbcStores#ticketStore()}.
 *   <li>{@link #rawJdbcCreate} (baseline): the same statements the jOOQ store runs, written as plain
 *       {@link PreparedStatement}s on a connection from the same pool: the key-sequence transaction
 *       (update, insert if missing, select) and then one transaction with the id/key clash check,
 *       the tickets row, one multi-row insert of the tags and one of the two events. The rows are
 *       identical, including the JSON texts (encoded with the store's own codec on every call).
 *   <li>{@link #serviceCreate}: the full {@code Helpdesk.tickets().create} by an agent into its team
 *       (directory look-ups, permission check, validation, SLA), on the JDBC stores.
 *   <li>{@link #serviceCreate}: the full {@code Helpdesk.tickets().create} by an agent (directory
 *       look-ups, permission check, validation, SLA), on the JDBC stores.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class JdbcCreateTicketBenchmark {
  private static final String SCHEMA = "bench_create";
  private static final String TICKET_SQL =
      "insert into frontline_tickets (id, key_prefix, key_number, version, state, priority, ticket_type, channel,"
          + " requester, organization, team, tier, assignee, created_at_ns, updated_at_ms, next_deadline_ms,"
          + " sk_created_asc, sk_created_desc, sk_updated_asc, sk_updated_desc, sk_priority_desc, sk_deadline_asc, snapshot)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private HikariDataSource pool;
  private TicketStore store;
  private Helpdesk helpdesk;
  private final Principal agent = Principal.agent(AgentId.of("alice"));
  private final CustomerId carol = CustomerId.of("carol");
  private final TeamId front = TeamId.of("front");
  private final TreeSet<String> tags = new TreeSet<>(List.of("billing", "printer"));
  private final String run = Long.toString(System.nanoTime(), 36);
  private long seq;

  /** Creates the benchmark state. */
  public JdbcCreateTicketBenchmark() {}

  /**
   * A fresh schema, migrated, with one team, agent and customer.
   *
   * @throws SQLException if the database fails
   */
  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    BenchPostgres.freshSchema(SCHEMA);
    pool = BenchPostgres.pool(SCHEMA, 2);
    JdbcStores stores = JdbcStores.builder(pool, JdbcDialect.POSTGRES).build();
    stores.migrate();
    store = stores.ticketStore();
    DirectoryStore dir = stores.directoryStore();
    Roles.defaults().forEach(dir::saveRole);
    dir.saveTeam(new Team(front, "Front line", 1));
    dir.saveTier(new SupportTier(1, "Front line", front));
    dir.saveAgent(Agent.of(AgentId.of("alice"), "Alice", "alice@example.com", Set.of("agent"), Map.of(front, TeamAccess.FULL)));
    dir.saveCustomer(Customer.of(carol, "Carol", "carol@example.com"));
    helpdesk = Helpdesk.builder().stores(InMemoryStores.builder().ticketStore(store).directoryStore(dir).blobStore(stores.blobStore()).build()).build();
  }

  /**
   * Drops the schema.
   *
   * @throws SQLException if the database fails
   */
  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    try (Connection c = pool.getConnection();
        var ps = c.prepareStatement("select count(*) from frontline_tickets");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      System.out.println("[bench] tickets written in this trial: " + rs.getLong(1));
    }
    pool.close();
    BenchPostgres.dropSchema(SCHEMA);
  }

  private BenchTickets.Prepared next(long keyNumber) {
    long n = seq++;
    return BenchTickets.prepared("t-" + run + "-" + n, keyNumber, "Printer on fire", carol, front, Priority.NORMAL, tags,
        Instant.now(), "e-" + run + "-" + n, "It is on fire.", null);
  }

  /**
   * Key number + create through the jOOQ store.
   *
   * @return the ticket
   */
  @Benchmark
  public Ticket storeCreate() {
    BenchTickets.Prepared p = next(store.nextKeyNumber("HD"));
    store.create(p.ticket(), p.events());
    return p.ticket();
  }

  /**
   * The full service call by an agent, into the agent's team.
   *
   * @return the ticket
   */
  @Benchmark
  public Ticket serviceCreate() {
    return helpdesk.tickets().create(agent,
        NewTicket.builder("Printer on fire", carol, Message.of("It is on fire.")).team(front).build());
  }

  /**
   * Baseline: the same statements and rows as {@link #storeCreate}, as plain JDBC.
   *
   * @return the ticket
   * @throws SQLException if the database fails
   */
  @Benchmark
  public Ticket rawJdbcCreate() throws SQLException {
    long key = rawNextKeyNumber("HD");
    BenchTickets.Prepared p = next(key);
    Ticket t = p.ticket();
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement ps =
            c.prepareStatement("select id from frontline_tickets where (id = ? or (key_prefix = ? and key_number = ?))")) {
          ps.setString(1, t.id().value());
          ps.setString(2, t.key().prefix());
          ps.setLong(3, t.key().number());
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              throw new IllegalStateException("clash");
            }
          }
        }
        try (PreparedStatement ps = c.prepareStatement(TICKET_SQL)) {
          bindTicket(ps, t);
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into frontline_ticket_tags (ticket_id, tag) values (?, ?), (?, ?)")) {
          int i = 1;
          for (String tag : t.tags()) {
            ps.setString(i++, t.id().value());
            ps.setString(i++, tag);
          }
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
            "insert into frontline_ticket_events (ticket_id, version, at_ms, kind, event) values (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)")) {
          int i = 1;
          for (TicketEvent e : p.events()) {
            ps.setString(i++, e.ticketId().value());
            ps.setLong(i++, e.version());
            ps.setLong(i++, e.at().toEpochMilli());
            ps.setString(i++, TicketFormat.changeKind(e.change()));
            ps.setString(i++, TicketFormat.writeEvent(e));
          }
          ps.executeUpdate();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
    return t;
  }

  private long rawNextKeyNumber(String prefix) throws SQLException {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        int updated;
        try (PreparedStatement ps =
            c.prepareStatement("update frontline_key_sequences set last_number = (last_number + ?) where prefix = ?")) {
          ps.setLong(1, 1L);
          ps.setString(2, prefix);
          updated = ps.executeUpdate();
        }
        if (updated == 0) {
          try (PreparedStatement ps = c.prepareStatement("insert into frontline_key_sequences (prefix, last_number) values (?, ?)")) {
            ps.setString(1, prefix);
            ps.setLong(2, 1L);
            ps.executeUpdate();
          }
        }
        long n;
        try (PreparedStatement ps = c.prepareStatement("select last_number from frontline_key_sequences where prefix = ?")) {
          ps.setString(1, prefix);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            n = rs.getLong(1);
          }
        }
        c.commit();
        return n;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /**
   * Binds the 23 columns of a tickets row exactly as the jOOQ store computes them.
   *
   * @param ps the insert
   * @param t the snapshot
   * @throws SQLException if binding fails
   */
  static void bindTicket(PreparedStatement ps, Ticket t) throws SQLException {
    ps.setString(1, t.id().value());
    ps.setString(2, t.key().prefix());
    ps.setLong(3, t.key().number());
    ps.setLong(4, t.version());
    ps.setString(5, t.state().name());
    ps.setString(6, t.priority().name());
    ps.setString(7, t.type().name());
    ps.setString(8, t.channel().name());
    ps.setString(9, t.requester().value());
    setNullable(ps, 10, t.organization() == null ? null : t.organization().value());
    setNullable(ps, 11, t.team() == null ? null : t.team().value());
    ps.setInt(12, t.tier());
    setNullable(ps, 13, t.assignee() == null ? null : t.assignee().value());
    ps.setLong(14, nanos(t.createdAt()));
    ps.setLong(15, t.updatedAt().toEpochMilli());
    if (t.nextDeadline() == null) {
      ps.setNull(16, Types.BIGINT);
    } else {
      ps.setLong(16, t.nextDeadline().toEpochMilli());
    }
    ps.setLong(17, TicketSort.CREATED_ASC.key(t));
    ps.setLong(18, TicketSort.CREATED_DESC.key(t));
    ps.setLong(19, TicketSort.UPDATED_ASC.key(t));
    ps.setLong(20, TicketSort.UPDATED_DESC.key(t));
    ps.setLong(21, TicketSort.PRIORITY_DESC.key(t));
    ps.setLong(22, TicketSort.DEADLINE_ASC.key(t));
    ps.setString(23, TicketFormat.writeTicket(t));
  }

  private static void setNullable(PreparedStatement ps, int i, String v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, v);
    }
  }

  /** Epoch nanoseconds, saturated, as the store stores {@code created_at_ns}. */
  static long nanos(Instant i) {
    try {
      return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
    } catch (ArithmeticException e) {
      return i.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
