package dev.frontline.helpdesk.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.jdbc.JdbcDialect;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What helpdesk-jdbc puts into the host's log, and its dialect check before a migration. */
class QuietStartTest {
  @Test
  @DisplayName("jOOQ's banner and tip of the day are switched off, unless the host decided otherwise")
  void jooqQuietUnlessTheHostSaysSo() {
    Map<String, String> saved = new HashMap<>();
    for (String p : Db.JOOQ_QUIET_PROPERTIES) {
      saved.put(p, System.getProperty(p));
    }
    try {
      System.clearProperty("org.jooq.no-logo");
      System.setProperty("org.jooq.no-tips", "false");
      Db.quietJooq();
      assertThat(System.getProperty("org.jooq.no-logo")).isEqualTo("true");
      assertThat(System.getProperty("org.jooq.no-tips")).as("the host's own choice").isEqualTo("false");
    } finally {
      saved.forEach((p, v) -> {
        if (v == null) {
          System.clearProperty(p);
        } else {
          System.setProperty(p, v);
        }
      });
    }
  }

  @Test
  @DisplayName("a migration logs one line: the version reached and how many scripts it applied")
  void migrationSummary() {
    assertThat(Migrator.summary(JdbcDialect.POSTGRES, 3, 8, 120))
        .isEqualTo("Frontline schema on POSTGRES migrated to version 8: 3 script(s) applied in 120 ms");
    assertThat(Migrator.summary(JdbcDialect.H2, 0, 8, 5)).isEqualTo("Frontline schema on H2 is current (version 8)");
  }

  @Test
  @DisplayName("the database product must match the dialect; MariaDB and MySQL are interchangeable")
  void dialectCheck() {
    Migrator.requireDialect("PostgreSQL", JdbcDialect.POSTGRES);
    Migrator.requireDialect("MariaDB", JdbcDialect.MARIADB);
    Migrator.requireDialect("MySQL", JdbcDialect.MARIADB);
    Migrator.requireDialect("MariaDB", JdbcDialect.MYSQL);
    Migrator.requireDialect("H2", JdbcDialect.H2);
    assertThatThrownBy(() -> Migrator.requireDialect("H2", JdbcDialect.POSTGRES))
        .isInstanceOf(StorageException.class)
        .hasMessage("wrong dialect: the database is H2 but the stores were configured for JdbcDialect.POSTGRES;"
            + " build them with the database's dialect");
    assertThatThrownBy(() -> Migrator.requireDialect("PostgreSQL", JdbcDialect.MARIADB)).isInstanceOf(StorageException.class);
  }

  @Test
  @DisplayName("the driver's message is kept to its first line, without the statement H2 appends")
  void driverMessage() {
    assertThat(Db.driverMessage(new java.sql.SQLException("ERROR: null value in column \"v\"\n  Detail: Failing row contains (1, null).")))
        .isEqualTo("ERROR: null value in column \"v\"");
    assertThat(Db.driverMessage(new java.sql.SQLException("NULL not allowed for column \"V\"; SQL statement:\ninsert into x values (1, null) [23502-232]")))
        .isEqualTo("NULL not allowed for column \"V\"");
    assertThat(Db.driverMessage(new java.sql.SQLException("x".repeat(1000)))).hasSize(303);
  }
}
