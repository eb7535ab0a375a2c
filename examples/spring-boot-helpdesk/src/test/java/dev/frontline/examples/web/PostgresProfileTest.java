package dev.frontline.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Ticket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code postgres} profile starts against the local PostgreSQL server (127.0.0.1:5432, user
 * {@code postgres}, database {@code test}), in a fresh schema that is dropped afterwards. Skipped with
 * a message when the server is not reachable, unless {@code FRONTLINE_REQUIRE_DATABASES=true}.
 */
@SpringBootTest
@ActiveProfiles("postgres")
@DirtiesContext // the application stops with this class, not at the end of the run long after its schema is dropped
class PostgresProfileTest {
  private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String SCHEMA = "fl_web_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @Autowired Helpdesk helpdesk;

  @BeforeAll
  static void createSchema() throws SQLException {
    boolean reachable;
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", 5432), 1000);
      reachable = true;
    } catch (java.io.IOException e) {
      reachable = false;
    }
    if (!reachable) {
      if ("true".equalsIgnoreCase(System.getenv("FRONTLINE_REQUIRE_DATABASES"))) {
        Assertions.fail("FRONTLINE_REQUIRE_DATABASES=true, but no PostgreSQL server on 127.0.0.1:5432");
      }
      System.err.println("SKIPPED PostgresProfileTest: no PostgreSQL server on 127.0.0.1:5432");
      Assumptions.abort("no PostgreSQL server on 127.0.0.1:5432");
    }
    exec("CREATE SCHEMA " + SCHEMA);
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    exec("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
  }

  private static void exec(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", ""); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("frontline.datasource.url", () -> ADMIN_URL + "?currentSchema=" + SCHEMA);
  }

  @Test
  void ticketsLiveInPostgres() throws SQLException {
    Ticket t = helpdesk.tickets().create(Principal.customer(CustomerId.of("carol")),
        NewTicket.builder("Stored in PostgreSQL", CustomerId.of("carol"), Message.of("Hello")).build());
    assertThat(helpdesk.tickets().get(Principal.agent(AgentId.of("anna")), t.id()).subject()).isEqualTo("Stored in PostgreSQL");
    try (Connection c = DriverManager.getConnection(ADMIN_URL + "?currentSchema=" + SCHEMA, "postgres", "");
        var rs = c.createStatement().executeQuery("SELECT count(*) FROM frontline_tickets")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(1);
    }
  }
}
