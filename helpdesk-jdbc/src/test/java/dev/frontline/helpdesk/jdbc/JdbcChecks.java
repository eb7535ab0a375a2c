package dev.frontline.helpdesk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.ConflictException;
import dev.frontline.helpdesk.HelpdeskException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.testkit.TicketFixtures;
import dev.frontline.helpdesk.ticket.FieldValue;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketHistory;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * JDBC-specific checks beyond the TCK: migrations, two store instances on one database, connection
 * hygiene and error translation. Subclasses give the class's database and a factory for more.
 */
abstract class JdbcChecks {
  /** How many migration scripts the dialects ship (V1, V2, ...). */
  static final int SCRIPT_COUNT = 9;

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  /** @return the class's migrated database */
  protected abstract TestDatabase database();

  /** @return a factory for further fresh (unmigrated) databases of the same kind */
  protected abstract Supplier<TestDatabase> factory();

  private static long count(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  @DisplayName("migrating a current schema changes nothing, also when several nodes start at once")
  void migrateTwiceAndConcurrently() throws Exception {
    try (TestDatabase fresh = factory().get()) {
      int nodes = 4;
      ExecutorService pool = Executors.newFixedThreadPool(nodes);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> fs = new ArrayList<>();
      try {
        for (int i = 0; i < nodes; i++) {
          Callable<Integer> node =
              () -> {
                start.await();
                return JdbcStores.builder(fresh.dataSource(), fresh.dialect()).build().migrate();
              };
          fs.add(pool.submit(node));
        }
        start.countDown();
        int applied = 0;
        for (Future<Integer> f : fs) {
          applied += f.get(120, TimeUnit.SECONDS);
        }
        assertThat(applied).as("scripts applied over all nodes").isEqualTo(SCRIPT_COUNT);
      } finally {
        pool.shutdownNow();
      }
      assertThat(JdbcStores.migrate(fresh.dataSource(), fresh.dialect())).isZero();
      assertThat(count(fresh.dataSource(), "SELECT COUNT(*) FROM frontline_schema_history")).isEqualTo(SCRIPT_COUNT);
      // and the schema works
      JdbcStores stores = JdbcStores.builder(fresh.dataSource(), fresh.dialect()).build();
      assertThat(stores.ticketStore().nextKeyNumber("HD")).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("two JdbcStores on one database, many threads on one ticket: conflicts detected, no update lost")
  void twoNodesOneTicket() throws Exception {
    database().truncate();
    TicketStore nodeA = JdbcStores.builder(database().dataSource(), database().dialect()).build().ticketStore();
    TicketStore nodeB = JdbcStores.builder(database().dataSource(), database().dialect()).build().ticketStore();
    TicketFixtures fx = new TicketFixtures();
    TicketFixtures.Draft d = fx.newTicket(T0);
    nodeA.create(d.ticket(), d.events());
    TicketId id = d.ticket().id();
    int threads = 8;
    int perThread = 15;
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int thread = i;
        TicketStore store = i % 2 == 0 ? nodeA : nodeB;
        fs.add(
            pool.submit(
                () -> {
                  start.await();
                  TicketFixtures local = new TicketFixtures();
                  for (int j = 0; j < perThread; j++) {
                    Ticket cur = store.find(id).orElseThrow();
                    TicketFixtures.Draft c =
                        local.change(cur).then(new TicketChange.FieldChanged("n" + thread + "_" + j, null, FieldValue.bool(true)), T0);
                    try {
                      store.update(c.ticket(), c.baseVersion(), c.events());
                      ok.incrementAndGet();
                    } catch (ConcurrentModificationException e) {
                      conflicts.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : fs) {
        f.get(180, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.println("[frontline] " + database() + ": " + ok + " updates, " + conflicts + " conflicts");
    Ticket fin = nodeB.find(id).orElseThrow();
    assertThat(ok.get() + conflicts.get()).isEqualTo(threads * perThread);
    assertThat(ok.get()).isPositive();
    assertThat(fin.version()).isEqualTo(d.ticket().version() + ok.get());
    assertThat(fin.fields()).hasSize(d.ticket().fields().size() + ok.get());
    assertThat(TicketHistory.rebuild(nodeA.history(id))).isEqualTo(fin);
  }

  @Test
  @DisplayName("every connection is returned, after successes and after failures")
  void noConnectionLeaks() {
    database().truncate();
    CountingDataSource counting = new CountingDataSource(database().dataSource());
    JdbcStores stores = JdbcStores.builder(counting, database().dialect()).build();
    TicketStore store = stores.ticketStore();
    TicketFixtures fx = new TicketFixtures();
    for (int i = 0; i < 20; i++) {
      TicketFixtures.Draft d = fx.newTicket(T0.plusSeconds(i));
      store.create(d.ticket(), d.events());
      assertThatThrownBy(() -> store.create(d.ticket(), d.events())).isInstanceOf(ConflictException.class);
      TicketFixtures.Draft c = fx.change(d.ticket()).then(new TicketChange.PriorityChanged(Priority.NORMAL, Priority.HIGH), T0);
      store.update(c.ticket(), c.baseVersion(), c.events());
      assertThatThrownBy(() -> store.update(c.ticket(), c.baseVersion(), c.events()))
          .isInstanceOf(ConcurrentModificationException.class);
      TicketFixtures.Draft missing = fx.newTicket(T0);
      TicketFixtures.Draft cm = fx.change(missing.ticket()).then(new TicketChange.PriorityChanged(Priority.NORMAL, Priority.LOW), T0);
      assertThatThrownBy(() -> store.update(cm.ticket(), cm.baseVersion(), cm.events())).isInstanceOf(NotFoundException.class);
      store.query(TicketQuery.builder().limit(5).build(), TicketVisibility.everything());
      store.count(TicketQuery.builder().build(), TicketVisibility.everything());
      store.due(T0, 10);
      store.history(d.ticket().id());
      store.nextKeyNumber("LEAK");
      stores.directoryStore().saveCustomer(Customer.of(CustomerId.of("c" + i), "C", "c" + i + "@example.com"));
      int n = i;
      assertThatThrownBy(
              () -> stores.directoryStore().saveCustomer(Customer.of(CustomerId.of("other" + n), "O", "C" + n + "@EXAMPLE.com")))
          .isInstanceOf(ConflictException.class)
          .hasMessageNotContaining("c" + n);
      String key = stores.blobStore().put(new byte[] {1, 2, 3});
      stores.blobStore().get(key);
      stores.blobStore().delete(key);
    }
    assertThat(counting.opened()).isGreaterThan(100);
    assertThat(counting.open()).as("connections still open").isZero();
  }

  @Test
  @DisplayName("a failing database surfaces as StorageException, never as an SQL or jOOQ exception")
  void errorsAreTranslated() {
    DataSource broken = new BrokenDataSource();
    JdbcStores stores = JdbcStores.builder(broken, database().dialect()).build();
    TicketFixtures fx = new TicketFixtures();
    TicketFixtures.Draft d = fx.newTicket(T0);
    List<Runnable> calls =
        List.of(
            () -> stores.ticketStore().create(d.ticket(), d.events()),
            () -> stores.ticketStore().find(d.ticket().id()),
            () -> stores.ticketStore().query(TicketQuery.builder().build(), TicketVisibility.everything()),
            () -> stores.ticketStore().nextKeyNumber("HD"),
            () -> stores.directoryStore().agents(),
            () -> stores.blobStore().put(new byte[1]),
            stores::migrate);
    for (Runnable call : calls) {
      assertThatThrownBy(call::run).isInstanceOf(StorageException.class).isInstanceOf(HelpdeskException.class);
    }
  }

  /** A data source whose database is down. */
  private static final class BrokenDataSource implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      throw new SQLException("connection refused (test)", "08001");
    }

    @Override
    public Connection getConnection(String u, String p) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
