package dev.frontline.helpdesk.jdbc;

import static org.assertj.core.api.Assertions.fail;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, isolated database for one test class: its own H2 in-memory database, PostgreSQL schema
 * or MariaDB database, dropped on {@link #close()}.
 */
final class TestDatabase implements AutoCloseable {
  /** Tables in delete order (children first). */
  static final List<String> TABLES =
      List.of(
          "frontline_ticket_tags",
          "frontline_ticket_events",
          "frontline_tickets",
          "frontline_key_sequences",
          "frontline_agents",
          "frontline_teams",
          "frontline_tiers",
          "frontline_roles",
          "frontline_customers",
          "frontline_organizations",
          "frontline_blobs",
          "frontline_escalation_claims",
          "frontline_outbox",
          "frontline_articles",
          "frontline_article_revisions",
          "frontline_article_changes",
          "frontline_ticket_csat",
          "frontline_ticket_inactive",
          "frontline_interactions",
          "frontline_assets",
          "frontline_article_votes",
          "frontline_article_views",
          "frontline_article_tickets",
          "frontline_email_received",
          "frontline_email_referenced",
          "frontline_email_participants",
          "frontline_routing_slots",
          "frontline_routing_agents",
          "frontline_routing_held",
          "frontline_automation_definitions");

  private static EmbeddedPostgres embedded;

  private final JdbcDialect dialect;
  private final DataSource dataSource;
  private final String name;
  private final Runnable dropper;

  private TestDatabase(JdbcDialect dialect, DataSource dataSource, String name, Runnable dropper) {
    this.dialect = dialect;
    this.dataSource = dataSource;
    this.name = name;
    this.dropper = dropper;
  }

  JdbcDialect dialect() {
    return dialect;
  }

  DataSource dataSource() {
    return dataSource;
  }

  String name() {
    return name;
  }

  private static String freshName() {
    return "fl_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
  }

  static TestDatabase h2() {
    String name = freshName();
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
    ds.setUser("sa");
    return new TestDatabase(JdbcDialect.H2, ds, name, () -> exec(ds, "SHUTDOWN"));
  }

  static synchronized TestDatabase embeddedPostgres() {
    if (embedded == null) {
      try {
        // a throwaway cluster: durability is not under test, speed is
        embedded =
            EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
      } catch (IOException e) {
        throw new IllegalStateException("cannot start embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          embedded.close();
        } catch (IOException e) {
          // best effort at JVM exit
        }
      }));
    }
    return postgresSchema("127.0.0.1", embedded.getPort(), "postgres", "embedded PostgreSQL");
  }

  /** Port of the local server; a system property overrides it (e.g. to see the skip path). */
  private static int port(String property, int standard) {
    return Integer.getInteger(property, standard);
  }

  static TestDatabase localPostgres() {
    int port = port("frontline.test.postgresPort", 5432);
    requireReachable("local PostgreSQL", "127.0.0.1", port);
    return postgresSchema("127.0.0.1", port, "test", "local PostgreSQL");
  }

  private static TestDatabase postgresSchema(String host, int port, String database, String what) {
    String schema = freshName();
    PGSimpleDataSource admin = pg(host, port, database, null);
    try {
      exec(admin, "CREATE SCHEMA " + schema);
    } catch (RuntimeException e) {
      unreachable(what, e);
    }
    PGSimpleDataSource ds = pg(host, port, database, schema);
    return new TestDatabase(
        JdbcDialect.POSTGRES, ds, what + " schema " + schema, () -> exec(admin, "DROP SCHEMA " + schema + " CASCADE"));
  }

  private static PGSimpleDataSource pg(String host, int port, String database, String schema) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {host});
    ds.setPortNumbers(new int[] {port});
    ds.setDatabaseName(database);
    ds.setUser("postgres");
    ds.setConnectTimeout(5);
    // tests do not need durable commits; this only affects this session
    ds.setOptions("-c synchronous_commit=off");
    if (schema != null) {
      ds.setCurrentSchema(schema);
    }
    return ds;
  }

  static TestDatabase localMariaDb() {
    int port = port("frontline.test.mariadbPort", 3306);
    requireReachable("local MariaDB", "127.0.0.1", port);
    String db = freshName();
    try {
      MariaDbDataSource admin = new MariaDbDataSource("jdbc:mariadb://127.0.0.1:" + port + "/test?user=root&connectTimeout=5000");
      exec(admin, "CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
      MariaDbDataSource ds = new MariaDbDataSource("jdbc:mariadb://127.0.0.1:" + port + "/" + db + "?user=root&connectTimeout=5000");
      return new TestDatabase(JdbcDialect.MARIADB, ds, "local MariaDB database " + db, () -> exec(admin, "DROP DATABASE " + db));
    } catch (SQLException | RuntimeException e) {
      unreachable("local MariaDB", e);
      throw new AssertionError(e);
    }
  }

  /**
   * A data source of the dialect's driver for a server that does not exist (port 1 on the loopback
   * interface refuses at once).
   */
  static DataSource unreachable(JdbcDialect dialect) {
    return switch (dialect) {
      case H2 -> {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:tcp://127.0.0.1:1/mem:unreachable");
        ds.setUser("sa");
        yield ds;
      }
      case POSTGRES -> pg("127.0.0.1", 1, "test", null);
      case MARIADB, MYSQL -> {
        try {
          yield new MariaDbDataSource("jdbc:mariadb://127.0.0.1:1/test?user=root&connectTimeout=2000");
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  /** Whether CI demands that the local database servers are there. */
  static boolean databasesRequired() {
    return "true".equalsIgnoreCase(System.getenv("FRONTLINE_REQUIRE_DATABASES"));
  }

  private static void requireReachable(String what, String host, int port) {
    try (java.net.Socket s = new java.net.Socket()) {
      s.connect(new java.net.InetSocketAddress(host, port), 2000);
    } catch (IOException e) {
      unreachable(what + " at " + host + ":" + port, e);
    }
  }

  private static void unreachable(String what, Exception e) {
    String reason = what + " is not reachable (" + e.getMessage() + ")";
    if (databasesRequired()) {
      fail(reason + " and FRONTLINE_REQUIRE_DATABASES=true", e);
    }
    System.out.println("[frontline] SKIPPED: " + reason + "; set FRONTLINE_REQUIRE_DATABASES=true to make this a failure");
    Assumptions.abort(reason);
  }

  static void exec(DataSource ds, String sql) {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Deletes every row of every Frontline table. */
  void truncate() {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      for (String t : TABLES) {
        s.execute("DELETE FROM " + t);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    dropper.run();
  }

  @Override
  public String toString() {
    return name;
  }
}
