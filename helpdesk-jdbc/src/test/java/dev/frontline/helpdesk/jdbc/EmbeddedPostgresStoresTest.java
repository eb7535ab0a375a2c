package dev.frontline.helpdesk.jdbc;

import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;

/** The JDBC stores on embedded PostgreSQL (zonky) pass the contract test kit and the JDBC checks. */
@DisplayName("JDBC stores on embedded PostgreSQL (zonky)")
class EmbeddedPostgresStoresTest extends JdbcStoresTestBase {
  @Override
  protected Supplier<TestDatabase> factory() {
    return TestDatabase::embeddedPostgres;
  }
}
