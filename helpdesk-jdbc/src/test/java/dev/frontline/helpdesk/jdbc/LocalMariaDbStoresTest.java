package dev.frontline.helpdesk.jdbc;

import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;

/** The JDBC stores on the local MariaDB server (127.0.0.1:3306) pass the contract test kit and the JDBC checks. */
@DisplayName("JDBC stores on the local MariaDB server (127.0.0.1:3306)")
class LocalMariaDbStoresTest extends JdbcStoresTestBase {
  @Override
  protected Supplier<TestDatabase> factory() {
    return TestDatabase::localMariaDb;
  }
}
