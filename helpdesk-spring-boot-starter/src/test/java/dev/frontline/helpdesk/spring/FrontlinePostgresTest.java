package dev.frontline.helpdesk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.jdbc.JdbcDialect;
import dev.frontline.helpdesk.jdbc.JdbcStores;
import dev.frontline.helpdesk.knowledge.KnowledgeService;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Ticket;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The auto-configuration on real PostgreSQL: an embedded server (zonky, as helpdesk-jdbc's tests)
 * and the local server (127.0.0.1:5432, user {@code postgres}, database {@code test}; skipped with a
 * message when it is not reachable, unless {@code FRONTLINE_REQUIRE_DATABASES=true}).
 */
@DisplayName("The auto-configuration on PostgreSQL")
class FrontlinePostgresTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(FrontlineAutoConfiguration.class, FrontlineHealthAutoConfiguration.class))
      .withPropertyValues("frontline.escalation.interval=0");

  private void startsAndStores(DataSource dataSource) {
    runner.withBean(DataSource.class, () -> dataSource).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(JdbcStores.class).dialect()).as("detected").isEqualTo(JdbcDialect.POSTGRES);
      Helpdesk helpdesk = context.getBean(Helpdesk.class);
      TestDirectory.seed(helpdesk.directory());
      Ticket t = helpdesk.tickets().create(Principal.customer(TestDirectory.CAROL),
          NewTicket.builder("Stored in PostgreSQL", TestDirectory.CAROL, Message.of("Hello")).build());
      assertThat(helpdesk.tickets().get(Principal.agent(TestDirectory.ANNA), t.id()).subject()).isEqualTo("Stored in PostgreSQL");
      try (Connection c = dataSource.getConnection();
          var rs = c.createStatement().executeQuery("SELECT count(*) FROM frontline_tickets")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(1);
      }
      assertThat(context.getBean(KnowledgeService.class)).isNotNull();
      assertThat(context.getBean("frontlineHealthIndicator", HealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
    });
  }

  @Test
  @DisplayName("embedded PostgreSQL: dialect detected, schema migrated, tickets stored, health UP")
  void embedded() throws IOException {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start()) {
      startsAndStores(pg.getPostgresDatabase());
    }
  }

  @Test
  @DisplayName("local PostgreSQL: the same in a fresh schema, dropped afterwards")
  void local() throws SQLException {
    boolean reachable;
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", 5432), 1000);
      reachable = true;
    } catch (IOException e) {
      reachable = false;
    }
    if (!reachable) {
      if ("true".equalsIgnoreCase(System.getenv("FRONTLINE_REQUIRE_DATABASES"))) {
        Assertions.fail("FRONTLINE_REQUIRE_DATABASES=true, but no PostgreSQL server on 127.0.0.1:5432");
      }
      System.err.println("SKIPPED FrontlinePostgresTest.local: no PostgreSQL server on 127.0.0.1:5432");
      Assumptions.abort("no PostgreSQL server on 127.0.0.1:5432");
    }
    String schema = "fl_starter_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    PGSimpleDataSource admin = dataSource(null);
    exec(admin, "CREATE SCHEMA " + schema);
    try {
      startsAndStores(dataSource(schema));
    } finally {
      exec(admin, "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static PGSimpleDataSource dataSource(String schema) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"127.0.0.1"});
    ds.setPortNumbers(new int[] {5432});
    ds.setDatabaseName("test");
    ds.setUser("postgres");
    ds.setConnectTimeout(5);
    if (schema != null) {
      ds.setCurrentSchema(schema);
    }
    return ds;
  }

  private static void exec(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
