package dev.frontline.helpdesk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.frontline.helpdesk.ConflictException;
import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.jdbc.internal.Db;
import dev.frontline.helpdesk.ticket.TicketId;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A database failure becomes a {@link StorageException} whose message says what happened and what to
 * do, followed by the SQL state and the first line of the driver's own message (never the statement
 * or the failing row's values). Run on every database of the contract run.
 */
abstract class StorageErrorChecks {
  /** @return the class's migrated database */
  protected abstract TestDatabase database();

  /** @return a factory for further fresh (unmigrated) databases of the same kind */
  protected abstract Supplier<TestDatabase> factory();

  /** The one place that builds stores in this class. */
  private static JdbcStores stores(DataSource dataSource, JdbcDialect dialect) {
    return JdbcStores.builder(dataSource, dialect).build();
  }

  private StorageException failing(String sql) {
    Db db = new Db(database().dataSource(), database().dialect());
    return catchThrowableOfType(StorageException.class, () -> db.call(() -> db.dsl().execute(sql)));
  }

  /** @return the failure's message; fails the test when nothing (or another type) was thrown */
  private static String message(Throwable e) {
    assertThat(e).as("the expected exception").isNotNull();
    return e.getMessage();
  }

  private static JdbcDialect another(JdbcDialect dialect) {
    return dialect == JdbcDialect.POSTGRES ? JdbcDialect.MARIADB : JdbcDialect.POSTGRES;
  }

  @Test
  @DisplayName("an unreachable server: 'cannot connect' with the driver's reason")
  void unreachableServer() {
    JdbcStores stores = stores(TestDatabase.unreachable(database().dialect()), database().dialect());
    StorageException e =
        catchThrowableOfType(StorageException.class, () -> stores.ticketStore().find(TicketId.of("t-1")));
    assertThat(message(e)).startsWith("cannot connect to the database server").containsIgnoringCase("refused");
    assertThat(message(catchThrowableOfType(StorageException.class, stores::migrate)))
        .startsWith("cannot connect to the database server");
  }

  @Test
  @DisplayName("stores built for another database's dialect: migrate() names both and applies nothing")
  void wrongDialect() {
    try (TestDatabase fresh = factory().get()) {
      JdbcDialect wrong = another(fresh.dialect());
      StorageException e = catchThrowableOfType(StorageException.class, () -> stores(fresh.dataSource(), wrong).migrate());
      assertThat(message(e)).startsWith("wrong dialect: the database is ").contains("JdbcDialect." + wrong);
      // nothing was recorded: the right dialect then applies every script
      assertThat(stores(fresh.dataSource(), fresh.dialect()).migrate()).isEqualTo(JdbcChecks.SCRIPT_COUNT);
    }
  }

  @Test
  @DisplayName("SQL the database does not understand points at the configured dialect")
  void syntaxError() {
    assertThat(message(failing("SELEC 1")))
        .startsWith("the database rejected Frontline's SQL")
        .contains("JdbcDialect")
        .containsIgnoringCase("syntax")
        .contains("(SQL state ");
  }

  @Test
  @DisplayName("a database that was never migrated: the missing table is named and migrate() is the advice")
  void schemaMissing() {
    try (TestDatabase fresh = factory().get()) {
      StorageException e =
          catchThrowableOfType(
              StorageException.class, () -> stores(fresh.dataSource(), fresh.dialect()).ticketStore().find(TicketId.of("t-1")));
      assertThat(message(e))
          .startsWith("a Frontline table or schema is missing")
          .contains("JdbcStores.migrate()")
          .containsIgnoringCase("frontline_tickets");
    }
  }

  @Test
  @DisplayName("constraint violations say which kind, with the driver's message but not the statement or the row")
  void constraintViolations() {
    String suffix = Long.toString(System.nanoTime() % 1_000_000_000L);
    String parent = "fl_probe_parent_" + suffix;
    String child = "fl_probe_child_" + suffix;
    DataSource ds = database().dataSource();
    TestDatabase.exec(ds, "CREATE TABLE " + parent + " (id INT PRIMARY KEY)");
    TestDatabase.exec(
        ds,
        "CREATE TABLE " + child + " (id INT PRIMARY KEY, parent_id INT, probe_note VARCHAR(3) NOT NULL,"
            + " CONSTRAINT probe_positive_" + suffix + " CHECK (id > 0),"
            + " CONSTRAINT probe_fk_" + suffix + " FOREIGN KEY (parent_id) REFERENCES " + parent + " (id))");
    try {
      TestDatabase.exec(ds, "INSERT INTO " + parent + " (id) VALUES (1)");

      assertThat(message(failing("INSERT INTO " + child + " (id, parent_id, probe_note) VALUES (1, 1, NULL)")))
          .startsWith("a required value is missing (NOT NULL constraint) (SQL state ")
          .containsIgnoringCase("probe_note")
          .doesNotContainIgnoringCase("insert into")
          .doesNotContain("Failing row");
      assertThat(message(failing("INSERT INTO " + child + " (id, parent_id, probe_note) VALUES (2, 99, 'ok')")))
          .startsWith("a referenced record is missing or still referenced (foreign key constraint)")
          .containsIgnoringCase(child)
          .doesNotContainIgnoringCase("insert into");
      assertThat(message(failing("INSERT INTO " + child + " (id, parent_id, probe_note) VALUES (-1, 1, 'ok')")))
          .startsWith("a value breaks a check constraint")
          .containsIgnoringCase("probe_positive_" + suffix);
      String tooLong = message(failing("INSERT INTO " + child + " (id, parent_id, probe_note) VALUES (3, 1, 'too long')"));
      assertThat(tooLong).startsWith("a value is too long for its column").containsIgnoringCase("too long for");
      if (database().dialect() != JdbcDialect.H2) {
        assertThat(tooLong).as("the value itself stays out (H2's own first line quotes it)").doesNotContain("'too long'");
      }
      Db db = new Db(ds, database().dialect());
      assertThat(
              message(
                  catchThrowableOfType(
                      ConflictException.class,
                      () -> db.call(() -> db.dsl().execute("INSERT INTO " + parent + " (id) VALUES (1)")))))
          .as("a unique violation stays a ConflictException that names no record")
          .doesNotContain("(1)");
    } finally {
      TestDatabase.exec(ds, "DROP TABLE " + child);
      TestDatabase.exec(ds, "DROP TABLE " + parent);
    }
  }
}
