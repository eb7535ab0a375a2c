package dev.frontline.helpdesk.jdbc.internal;

import dev.frontline.helpdesk.ConflictException;
import dev.frontline.helpdesk.HelpdeskException;
import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * The jOOQ context of one set of stores plus the translation of every database failure into the
 * Frontline exception hierarchy. Connections are taken from the {@link DataSource} per statement or
 * per transaction and always returned. Thread-safe.
 */
public final class Db {
  /** Attempts of a transaction that keeps failing with a deadlock or serialization failure. */
  private static final int TRANSIENT_ATTEMPTS = 10;

  /** Longest wait between two such attempts. */
  private static final long MAX_BACKOFF_MILLIS = 100;

  /** jOOQ's switches for its start-up banner and its "tip of the day", both logged at INFO. */
  static final List<String> JOOQ_QUIET_PROPERTIES = List.of("org.jooq.no-logo", "org.jooq.no-tips");

  static {
    quietJooq();
  }

  private final DataSource dataSource;
  private final JdbcDialect dialect;
  private final DSLContext dsl;
  private final DSLContext inlined;

  /**
   * @param dataSource connections
   * @param dialect the database
   */
  public Db(DataSource dataSource, JdbcDialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    // render names unquoted, so each database applies its own case rules exactly as for the
    // unquoted names in the DDL scripts (H2 upper-cases, PostgreSQL lower-cases)
    Settings settings = new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED);
    this.dsl = DSL.using(dataSource, sqlDialect(dialect), settings);
    this.inlined = DSL.using(dataSource, sqlDialect(dialect),
        ((Settings) settings.clone()).withStatementType(StatementType.STATIC_STATEMENT));
  }

  /**
   * Keeps jOOQ's banner and tip of the day out of the host's log: sets each of {@link
   * #JOOQ_QUIET_PROPERTIES} to {@code true} unless the host has set it (a host that wants the
   * banner sets {@code -Dorg.jooq.no-logo=false}). jOOQ reads them once, when it first renders
   * SQL, so this runs when the first store is built, before any statement; jOOQ offers no
   * per-context setting for either.
   */
  static void quietJooq() {
    for (String property : JOOQ_QUIET_PROPERTIES) {
      if (System.getProperty(property) == null) {
        System.setProperty(property, "true");
      }
    }
  }

  /**
   * @param dialect a Frontline dialect
   * @return the jOOQ dialect that renders its SQL
   */
  public static SQLDialect sqlDialect(JdbcDialect dialect) {
    return switch (dialect) {
      case POSTGRES -> SQLDialect.POSTGRES;
      case MARIADB -> SQLDialect.MARIADB;
      case MYSQL -> SQLDialect.MYSQL;
      case H2 -> SQLDialect.H2;
    };
  }

  /** @return the data source */
  public DataSource dataSource() {
    return dataSource;
  }

  /** @return the dialect */
  public JdbcDialect dialect() {
    return dialect;
  }

  /** @return the non-transactional context (one connection per statement) */
  public DSLContext dsl() {
    return dsl;
  }

  /**
   * A non-transactional context that renders bind values inline (escaped by jOOQ) and runs plain
   * statements: for reports, whose best plan depends on the values (a time range, one team of
   * many) and whose run time dwarfs planning. With bind values, the PostgreSQL driver switches to a
   * server-side prepared statement after five runs, and the server may then settle on a generic
   * plan, e.g. a full scan where one team's rows are a few percent of the table.
   *
   * @return the context
   */
  public DSLContext inlined() {
    return inlined;
  }

  /**
   * Runs one insert that ignores an existing key ({@code onDuplicateKeyIgnore}) in its own
   * statement. H2's emulation ({@code MERGE}) can report a lost race as a unique violation, which
   * means the same: the row was there.
   *
   * @param insert the insert, given the non-transactional context; returns the rows inserted
   * @return whether the row was inserted
   */
  public boolean insertIgnore(Function<DSLContext, Integer> insert) {
    return call(
        () -> {
          try {
            return insert.apply(dsl) > 0;
          } catch (DataAccessException e) {
            if (isUniqueViolation(e)) {
              return false;
            }
            throw e;
          }
        });
  }

  /**
   * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws.
   *
   * @param work the work, given the transaction's context
   * @param <T> result type
   * @return the result
   */
  public <T> T tx(Function<DSLContext, T> work) {
    return tx(work, true, false);
  }

  /**
   * Runs {@code work} in one transaction.
   *
   * @param work the work, given the transaction's context
   * @param retryTransient whether to run it again after a deadlock or serialization failure (only
   *     if the work has no effects outside the database)
   * @param readCommitted on MariaDB/MySQL, run at READ COMMITTED instead of the default REPEATABLE
   *     READ, so that {@code SKIP LOCKED} scans take no gap locks (queue-style tables); the
   *     connection's level is restored afterwards. Other databases default to READ COMMITTED.
   * @param <T> result type
   * @return the result
   */
  public <T> T tx(Function<DSLContext, T> work, boolean retryTransient, boolean readCommitted) {
    boolean switchLevel = readCommitted && (dialect == JdbcDialect.MARIADB || dialect == JdbcDialect.MYSQL);
    for (int attempt = 1; ; attempt++) {
      try {
        if (!switchLevel) {
          return call(() -> dsl.transactionResult(cfg -> work.apply(cfg.dsl())));
        }
        return call(
            () ->
                dsl.connectionResult(
                    c -> {
                      int level = c.getTransactionIsolation();
                      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                      try {
                        return DSL.using(c, dsl.dialect(), dsl.settings())
                            .transactionResult(cfg -> work.apply(cfg.dsl()));
                      } finally {
                        c.setTransactionIsolation(level);
                      }
                    }));
      } catch (StorageException e) {
        // deadlock or serialization failure: the transaction was rolled back as a whole and the
        // work re-reads everything it checks, so running it again is safe
        if (!retryTransient || attempt >= TRANSIENT_ATTEMPTS || !isTransient(e)) {
          throw e;
        }
        backOff(attempt, e);
      }
    }
  }

  /**
   * Waits a random time before the next attempt (full jitter, growing with the attempt up to
   * {@value #MAX_BACKOFF_MILLIS} ms), so that transactions that deadlocked each other do not meet
   * again at once.
   */
  private static void backOff(int attempt, StorageException cause) {
    long bound = Math.min(MAX_BACKOFF_MILLIS, 2L << Math.min(attempt, 10));
    try {
      Thread.sleep(1 + ThreadLocalRandom.current().nextLong(bound));
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw cause;
    }
  }

  /**
   * @param e a failure
   * @return whether it is a deadlock or serialization failure (SQL state class 40)
   */
  public static boolean isTransient(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("40")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * Runs {@code work}, translating database failures.
   *
   * @param work the work
   * @param <T> result type
   * @return the result
   */
  public <T> T call(Supplier<T> work) {
    try {
      return work.get();
    } catch (HelpdeskException e) {
      throw e;
    } catch (DataAccessException e) {
      throw translate(e);
    } catch (RuntimeException e) {
      HelpdeskException inner = findHelpdesk(e);
      if (inner != null) {
        throw inner;
      }
      throw new StorageException("storage failure: " + e.getClass().getSimpleName(), e);
    }
  }

  private static @Nullable HelpdeskException findHelpdesk(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HelpdeskException h) {
        return h;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /**
   * @param e a jOOQ failure
   * @return the Frontline exception for it; unique violations become {@link ConflictException}
   *     with a message that names no other record
   */
  public static HelpdeskException translate(DataAccessException e) {
    HelpdeskException inner = findHelpdesk(e);
    if (inner != null) {
      return inner;
    }
    if (isUniqueViolation(e)) {
      return new ConflictException("the change conflicts with an existing record (uniqueness)", e);
    }
    SQLException sql = firstSqlException(e);
    String state = sql == null || sql.getSQLState() == null ? sqlState(e) : sql.getSQLState();
    String what = whatHappened(sql, e);
    String driver = driverMessage(sql == null ? e : sql);
    return new StorageException(what + " (SQL state " + state + ")" + (driver.isEmpty() ? "" : ": " + driver), e);
  }

  /**
   * What a failure means for the user, from its SQL state and vendor code: the part of the message
   * that says what to do. The states are the standard classes (08 connection, 23 integrity, ...)
   * plus the vendor states and codes of PostgreSQL, MariaDB/MySQL and H2 that differ from them.
   */
  static String whatHappened(@Nullable SQLException sql, Throwable failure) {
    if (causedBy(failure, java.net.ConnectException.class) || causedBy(failure, java.net.UnknownHostException.class)) {
      return "cannot connect to the database server (unreachable or not accepting connections)";
    }
    if (sql == null) {
      return causedBy(failure, java.sql.SQLTimeoutException.class) ? "the statement timed out" : "database failure";
    }
    String state = sql.getSQLState() == null ? "" : sql.getSQLState();
    int code = sql.getErrorCode();
    if (state.startsWith("08") || state.equals("90067") || state.equals("57P01") || state.equals("57P03")) {
      return "cannot connect to the database server (unreachable, shutting down or connection lost)";
    }
    if (state.startsWith("28") || code == 1045) {
      return "the database rejected the login (user or password)";
    }
    if (state.equals("3D000") || code == 1049 || state.equals("90146")) {
      return "the database (catalog) named in the connection settings does not exist";
    }
    if (state.equals("42P01") || state.startsWith("42S0") || state.equals("42102") || state.equals("42104")
        || state.equals("3F000") || state.equals("90079") || code == 1146) {
      return "a Frontline table or schema is missing: apply the schema with JdbcStores.migrate() "
          + "on this data source (and check the connection's schema/database)";
    }
    if (state.equals("42703") || state.equals("42S22") || state.equals("42122") || code == 1054) {
      return "a Frontline column is missing: the schema is older than this version (run JdbcStores.migrate())";
    }
    if (state.equals("42601") || state.equals("42883") || state.equals("42000") || state.equals("42001")
        || state.equals("90022") || code == 1064 || code == 1305) {
      return "the database rejected Frontline's SQL (syntax or unknown function): "
          + "is the configured JdbcDialect the database's?";
    }
    if (state.equals("42501") || code == 1142 || code == 1044) {
      return "the database user lacks a privilege for this statement";
    }
    if (state.equals("23502") || code == 1048 || code == 1364) {
      return "a required value is missing (NOT NULL constraint)";
    }
    if (state.equals("23503") || state.equals("23506") || code == 1451 || code == 1452) {
      return "a referenced record is missing or still referenced (foreign key constraint)";
    }
    if (state.equals("23514") || state.equals("23513") || code == 4025 || code == 3819) {
      return "a value breaks a check constraint";
    }
    if (state.startsWith("23")) {
      return "the change violates an integrity constraint";
    }
    if (state.equals("22001") || code == 1406) {
      return "a value is too long for its column";
    }
    if (state.startsWith("22")) {
      return "the database rejected a value (data exception)";
    }
    if (state.startsWith("40")) {
      return "the transaction was rolled back (deadlock or serialization failure; retrying may succeed)";
    }
    if (state.equals("57014") || state.equals("HYT00") || state.equals("57000") || code == 1205 || code == 3024
        || sql instanceof java.sql.SQLTimeoutException) {
      return "the statement timed out or was cancelled";
    }
    if (state.equals("25006") || code == 1290 || code == 1792 || state.equals("90097")) {
      return "the database or transaction is read-only";
    }
    if (state.startsWith("53") || code == 1040) {
      return "the database server is out of resources (connections, memory or disk)";
    }
    return "database failure";
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    int depth = 0;
    for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable SQLException firstSqlException(Throwable e) {
    int depth = 0;
    for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
      if (t instanceof SQLException s) {
        return s;
      }
    }
    return null;
  }

  /** Longest part of the driver's message kept in a {@link StorageException}'s message. */
  private static final int DRIVER_MESSAGE_LIMIT = 300;

  /**
   * The driver's own message, first line only, without the statement H2 appends: PostgreSQL puts the
   * failing row's values on the following lines ({@code Detail: ...}), and the statement may carry
   * inlined values; neither belongs in a message that may reach a log or a screen. (H2's own first
   * line may still quote the offending value, e.g. for a value that is too long.)
   */
  static String driverMessage(Throwable e) {
    String m = e.getMessage();
    if (m == null) {
      return "";
    }
    int cut = m.indexOf("; SQL statement:");
    if (cut >= 0) {
      m = m.substring(0, cut);
    }
    int nl = m.indexOf('\n');
    if (nl >= 0) {
      m = m.substring(0, nl);
    }
    m = m.strip();
    if (m.startsWith("SQL [")) {
      return ""; // jOOQ's own message, which is the statement
    }
    return m.length() > DRIVER_MESSAGE_LIMIT ? m.substring(0, DRIVER_MESSAGE_LIMIT) + "..." : m;
  }

  /**
   * @param e a jOOQ failure
   * @return whether it reports a unique or primary key violation
   */
  public static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        String state = s.getSQLState();
        if ("23505".equals(state)) {
          return true; // PostgreSQL, H2
        }
        if ("23000".equals(state) && (s.getErrorCode() == 1062 || s.getErrorCode() == 1586)) {
          return true; // MariaDB / MySQL duplicate entry
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static String sqlState(DataAccessException e) {
    String s = e.sqlState();
    return s == null ? "unknown" : s;
  }
}
