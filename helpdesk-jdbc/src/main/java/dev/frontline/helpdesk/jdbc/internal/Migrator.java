package dev.frontline.helpdesk.jdbc.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.unquotedName;

import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.jdbc.JdbcDialect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frontline's own tiny migrator: applies the versioned scripts under {@code
 * db/frontline/<dialect>/} that are not yet recorded in {@code frontline_schema_history}.
 *
 * <ul>
 *   <li>PostgreSQL (transactional DDL): each script runs in its own transaction that first takes
 *       {@code pg_advisory_xact_lock}, so nodes starting together apply each script once, and a
 *       failed script leaves nothing behind.
 *   <li>MariaDB/MySQL (DDL commits implicitly): the whole run holds {@code GET_LOCK} on one
 *       connection; a failing script can leave partial DDL behind, as with any tool on these
 *       databases.
 *   <li>H2: runs are serialized in this JVM and each script runs in one transaction.
 * </ul>
 *
 * Checksums (CRC32) of applied scripts are verified: an edited script fails the run instead of
 * being silently ignored.
 */
public final class Migrator {
  /** The scripts, in order. Class path resources cannot be listed portably, so they are named. */
  static final List<String> SCRIPTS =
      List.of(
          "V1__frontline_schema.sql",
          "V2__frontline_knowledge_ops.sql",
          "V3__frontline_knowledge_stats.sql",
          "V4__frontline_email_threads.sql",
          "V5__frontline_sla_compliance.sql",
          "V6__frontline_routing.sql",
          "V7__frontline_metrics_backlog.sql",
          "V8__frontline_automation.sql",
          "V9__frontline_email_thread_tickets.sql");

  private static final Table<Record> HISTORY = table(unquotedName("frontline_schema_history"));
  private static final Field<Integer> VERSION = field(unquotedName("version"), SQLDataType.INTEGER);
  private static final Field<String> DESCRIPTION = field(unquotedName("description"), SQLDataType.VARCHAR(200));
  private static final Field<String> SCRIPT = field(unquotedName("script"), SQLDataType.VARCHAR(200));
  private static final Field<Long> CHECKSUM = field(unquotedName("checksum"), SQLDataType.BIGINT);
  private static final Field<Long> INSTALLED_MS = field(unquotedName("installed_ms"), SQLDataType.BIGINT);
  private static final long PG_LOCK_KEY = 0x46524f4e544c4eL; // "FRONTLN"
  private static final String LOCK_NAME = "frontline_schema_migration";
  private static final Object H2_LOCK = new Object();

  private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

  private final Db db;

  /** @param db the database */
  public Migrator(Db db) {
    this.db = db;
  }

  /** A script found on the class path. */
  record Script(int version, String description, String name, String sql, long checksum) {}

  /**
   * Applies pending scripts.
   *
   * @return the number of scripts applied by this call (0 if the schema was already current)
   */
  public int migrate() {
    List<Script> scripts = load(db.dialect());
    long started = System.nanoTime();
    int applied =
        db.call(
            () -> {
              requireDialect(db.dsl().connectionResult(c -> c.getMetaData().getDatabaseProductName()), db.dialect());
              return switch (db.dialect()) {
                case POSTGRES -> migratePostgres(scripts);
                case MARIADB, MYSQL -> migrateWithNamedLock(scripts);
                case H2 -> {
                  synchronized (H2_LOCK) {
                    yield migrateH2(scripts);
                  }
                }
              };
            });
    LOG.info(summary(db.dialect(), applied, scripts.get(scripts.size() - 1).version(), (System.nanoTime() - started) / 1_000_000));
    return applied;
  }

  /** @return the one INFO line a migration run logs */
  static String summary(JdbcDialect dialect, int applied, int latestVersion, long millis) {
    return applied == 0
        ? "Frontline schema on " + dialect + " is current (version " + latestVersion + ")"
        : "Frontline schema on " + dialect + " migrated to version " + latestVersion + ": " + applied
            + " script(s) applied in " + millis + " ms";
  }

  /**
   * Fails with a message that names both sides when the database is not the one the stores were
   * configured for: otherwise the first script fails with a syntax error that does not say why.
   *
   * @param product the driver's {@code DatabaseMetaData.getDatabaseProductName()}
   * @param dialect the configured dialect
   */
  static void requireDialect(@Nullable String product, JdbcDialect dialect) {
    if (product == null) {
      return; // nothing to compare; the scripts will tell
    }
    String p = product.toLowerCase(Locale.ROOT);
    boolean matches =
        switch (dialect) {
          case POSTGRES -> p.contains("postgres");
          case MARIADB, MYSQL -> p.contains("mariadb") || p.contains("mysql");
          case H2 -> p.equals("h2");
        };
    if (!matches) {
      throw new StorageException(
          "wrong dialect: the database is " + product + " but the stores were configured for JdbcDialect."
              + dialect + "; build them with the database's dialect");
    }
  }

  private int migratePostgres(List<Script> scripts) {
    int applied = 0;
    for (Script s : scripts) {
      boolean ran =
          db.dsl()
              .transactionResult(
                  cfg -> {
                    DSLContext tx = cfg.dsl();
                    tx.select(DSL.function("pg_advisory_xact_lock", Object.class, inline(PG_LOCK_KEY))).fetch();
                    createHistory(tx);
                    return apply(tx, s);
                  });
      applied += ran ? 1 : 0;
    }
    return applied;
  }

  private int migrateH2(List<Script> scripts) {
    int applied = 0;
    for (Script s : scripts) {
      boolean ran =
          db.dsl()
              .transactionResult(
                  cfg -> {
                    DSLContext tx = cfg.dsl();
                    createHistory(tx);
                    return apply(tx, s);
                  });
      applied += ran ? 1 : 0;
    }
    return applied;
  }

  private int migrateWithNamedLock(List<Script> scripts) {
    return db.dsl()
        .connectionResult(
            c -> {
              DSLContext one = DSL.using(c, Db.sqlDialect(db.dialect()), db.dsl().settings());
              boolean autoCommit = c.getAutoCommit();
              c.setAutoCommit(true);
              Integer got =
                  one.select(DSL.function("GET_LOCK", Integer.class, inline(LOCK_NAME), inline(300)))
                      .fetchOne(0, Integer.class);
              if (got == null || got != 1) {
                throw new StorageException("could not take the schema migration lock within 300 s");
              }
              try {
                createHistory(one);
                int applied = 0;
                for (Script s : scripts) {
                  applied += apply(one, s) ? 1 : 0;
                }
                return applied;
              } finally {
                one.select(DSL.function("RELEASE_LOCK", Integer.class, inline(LOCK_NAME))).fetch();
                restore(c, autoCommit);
              }
            });
  }

  private static void restore(Connection c, boolean autoCommit) throws SQLException {
    c.setAutoCommit(autoCommit);
  }

  private static void createHistory(DSLContext ctx) {
    ctx.createTableIfNotExists(HISTORY)
        .column(VERSION, SQLDataType.INTEGER.nullable(false))
        .column(DESCRIPTION, SQLDataType.VARCHAR(200).nullable(false))
        .column(SCRIPT, SQLDataType.VARCHAR(200).nullable(false))
        .column(CHECKSUM, SQLDataType.BIGINT.nullable(false))
        .column(INSTALLED_MS, SQLDataType.BIGINT.nullable(false))
        .constraints(DSL.constraint(unquotedName("frontline_schema_history_pk")).primaryKey(VERSION))
        .execute();
  }

  /** @return whether the script ran (false: already applied with the same checksum) */
  private static boolean apply(DSLContext ctx, Script s) {
    Map<Integer, Long> applied = new HashMap<>();
    ctx.select(VERSION, CHECKSUM).from(HISTORY).fetch().forEach(r -> applied.put(r.value1(), r.value2()));
    Long checksum = applied.get(s.version());
    if (checksum != null) {
      if (checksum != s.checksum()) {
        throw new StorageException(
            "Frontline schema script " + s.name() + " was changed after it was applied (checksum mismatch)");
      }
      return false;
    }
    LOG.debug("applying Frontline schema script {}", s.name());
    for (String statement : statements(s.sql())) {
      ctx.execute(statement);
    }
    ctx.insertInto(HISTORY, VERSION, DESCRIPTION, SCRIPT, CHECKSUM, INSTALLED_MS)
        .values(s.version(), s.description(), s.name(), s.checksum(), System.currentTimeMillis())
        .execute();
    return true;
  }

  static List<Script> load(JdbcDialect dialect) {
    List<Script> out = new ArrayList<>();
    for (String name : SCRIPTS) {
      String path = dialect.migrationLocation() + "/" + name;
      // Class (not ClassLoader) lookup: on the module path the scripts are this module's own,
      // encapsulated resources, which only code in the module can read.
      try (InputStream in = Migrator.class.getResourceAsStream("/" + path)) {
        if (in == null) {
          throw new StorageException("missing schema script " + path);
        }
        byte[] bytes = in.readAllBytes();
        CRC32 crc = new CRC32();
        crc.update(bytes);
        int sep = name.indexOf("__");
        int version = Integer.parseInt(name.substring(1, sep));
        String description = name.substring(sep + 2, name.length() - 4).replace('_', ' ');
        out.add(new Script(version, description, name, new String(bytes, StandardCharsets.UTF_8), crc.getValue()));
      } catch (IOException e) {
        throw new StorageException("cannot read schema script " + path, e);
      }
    }
    return out;
  }

  /**
   * Splits a script into statements at semicolons that end a line. Lines starting with {@code --}
   * are comments. The scripts contain no procedural code, so this is enough.
   */
  static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String line : sql.split("\r?\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      cur.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String stmt = cur.toString().strip();
        out.add(stmt.substring(0, stmt.length() - 1));
        cur.setLength(0);
      }
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString().strip());
    }
    return out;
  }
}
