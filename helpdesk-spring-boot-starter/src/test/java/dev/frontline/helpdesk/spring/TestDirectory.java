package dev.frontline.helpdesk.spring;

import dev.frontline.helpdesk.access.Roles;
import dev.frontline.helpdesk.access.TeamAccess;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.SupportTier;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.spi.DirectoryStore;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** A small directory and fresh databases for the tests. */
final class TestDirectory {
  static final TeamId FRONT = TeamId.of("front");
  static final TeamId SECOND = TeamId.of("second");
  static final AgentId ANNA = AgentId.of("anna");
  static final CustomerId CAROL = CustomerId.of("carol");

  private TestDirectory() {}

  static void seed(DirectoryStore dir) {
    Roles.defaults().forEach(dir::saveRole);
    dir.saveTeam(new Team(FRONT, "Front", 1));
    dir.saveTeam(new Team(SECOND, "Second", 2));
    dir.saveTier(new SupportTier(1, "Front", FRONT));
    dir.saveTier(new SupportTier(2, "Second", SECOND));
    dir.saveAgent(new Agent(ANNA, "Anna", "anna@example.com", Set.of(Roles.AGENT.name()),
        Map.of(FRONT, TeamAccess.FULL, SECOND, TeamAccess.FULL), Set.of(), Set.of(Locale.ENGLISH), true));
    dir.saveCustomer(new Customer(CAROL, "Carol", "carol@example.com", null, false));
  }

  /** A fresh in-memory H2 database, kept until the JVM ends. */
  static DataSource h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:starter-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    return ds;
  }
}
