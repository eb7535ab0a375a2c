package dev.frontline.helpdesk.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL for the benchmarks: the local server (127.0.0.1:5432, user postgres, database test),
 * or, if it cannot be reached, an embedded PostgreSQL (zonky) started once per JVM. Each benchmark
 * works in its own schema, selected with {@code currentSchema} on a small connection pool.
 */
final class BenchPostgres {
  private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
  private static @Nullable EmbeddedPostgres embedded;
  private static @Nullable String baseUrl;

  private BenchPostgres() {}

  /** @return the JDBC URL of the database, without a schema; starts the embedded server if needed */
  static synchronized String baseUrl() {
    if (baseUrl != null) {
      return baseUrl;
    }
    try (Connection c = DriverManager.getConnection(LOCAL_URL, "postgres", "postgres")) {
      c.isValid(2);
      baseUrl = LOCAL_URL;
      System.out.println("[bench] using the local PostgreSQL at " + LOCAL_URL);
    } catch (SQLException e) {
      System.out.println("[bench] local PostgreSQL unreachable (" + e.getMessage() + "); starting embedded PostgreSQL");
      try {
        embedded = EmbeddedPostgres.builder().start();
      } catch (IOException io) {
        throw new UncheckedIOException(io);
      }
      baseUrl = embedded.getJdbcUrl("postgres", "postgres");
    }
    return baseUrl;
  }

  /** @return a connection to the database (no schema selected) */
  static Connection connect() throws SQLException {
    return DriverManager.getConnection(baseUrl(), "postgres", "postgres");
  }

  /**
   * @param schema a schema name
   * @return whether it exists
   */
  static boolean schemaExists(String schema) throws SQLException {
    try (Connection c = connect();
        var ps = c.prepareStatement("SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
      ps.setString(1, schema);
      try (var rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Whether {@code schema} holds a complete load of {@code n} rows (recorded by {@link
   * #markLoaded}); if not, drops and recreates it empty.
   *
   * @param schema a schema name
   * @param n the size of the load
   * @return whether the schema can be reused as it is
   */
  static boolean reuseOrFresh(String schema, long n) throws SQLException {
    check(schema);
    if (schemaExists(schema)) {
      try (Connection c = connect();
          Statement s = c.createStatement();
          var rs = s.executeQuery("select n from " + schema + ".bench_loaded")) {
        if (rs.next() && rs.getLong(1) == n) {
          System.out.println("[bench] reusing the loaded schema " + schema);
          return true;
        }
      } catch (SQLException e) {
        // no marker: an interrupted load
      }
    }
    freshSchema(schema);
    return false;
  }

  /**
   * Records a complete load of {@code n} rows in the connection's current schema.
   *
   * @param c a connection with the schema selected
   * @param n the size of the load
   */
  static void markLoaded(Connection c, long n) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("create table bench_loaded (n bigint not null)");
      s.execute("insert into bench_loaded values (" + n + ")");
    }
  }

  /**
   * Drops the schema (with everything in it) and creates it empty.
   *
   * @param schema a schema name
   */
  static void freshSchema(String schema) throws SQLException {
    check(schema);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      s.execute("CREATE SCHEMA " + schema);
    }
  }

  /**
   * Drops the schema.
   *
   * @param schema a schema name
   */
  static void dropSchema(String schema) throws SQLException {
    check(schema);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  /**
   * @param schema the schema every connection works in
   * @param size pool size
   * @return a pool
   */
  static HikariDataSource pool(String schema, int size) {
    check(schema);
    HikariConfig cfg = new HikariConfig();
    String url = baseUrl();
    cfg.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    cfg.setUsername("postgres");
    cfg.setPassword("postgres");
    cfg.setMaximumPoolSize(size);
    cfg.setMinimumIdle(size);
    cfg.setPoolName("bench-" + schema);
    return new HikariDataSource(cfg);
  }

  private static void check(String schema) {
    if (!SCHEMA_NAME.matcher(schema).matches()) {
      throw new IllegalArgumentException("bad schema name " + schema);
    }
  }
}
