package dev.frontline.helpdesk.jdbc;

import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;

/** The JDBC stores on H2 (in memory) pass the contract test kit and the JDBC checks. */
@DisplayName("JDBC stores on H2 (in memory)")
class H2StoresTest extends JdbcStoresTestBase {
  @Override
  protected Supplier<TestDatabase> factory() {
    return TestDatabase::h2;
  }
}
