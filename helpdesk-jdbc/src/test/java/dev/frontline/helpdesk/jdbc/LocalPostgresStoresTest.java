package dev.frontline.helpdesk.jdbc;

import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;

/** The JDBC stores on the local PostgreSQL server (127.0.0.1:5432) pass the contract test kit and the JDBC checks. */
@DisplayName("JDBC stores on the local PostgreSQL server (127.0.0.1:5432)")
class LocalPostgresStoresTest extends JdbcStoresTestBase {
  @Override
  protected Supplier<TestDatabase> factory() {
    return TestDatabase::localPostgres;
  }
}
