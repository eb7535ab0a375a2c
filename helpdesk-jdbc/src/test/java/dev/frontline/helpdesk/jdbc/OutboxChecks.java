package dev.frontline.helpdesk.jdbc;

import dev.frontline.helpdesk.jackson.format.TicketFormat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.ConcurrentModificationException;

import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.testkit.TicketFixtures;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The transactional outbox: same transaction as the events, at-least-once, no skipped rows. */
abstract class OutboxChecks {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  /** @return the class's migrated database */
  protected abstract TestDatabase database();

  private JdbcStores stores;
  private TicketStore store;
  private final TicketFixtures fx = new TicketFixtures();

  @BeforeEach
  void clean() {
    database().truncate();
    stores = JdbcStores.builder(database().dataSource(), database().dialect()).outbox(true).build();
    store = stores.ticketStore();
  }

  private List<TicketEvent> drainAll() {
    List<TicketEvent> out = new ArrayList<>();
    while (stores.outbox().drain(7, out::addAll) > 0) {
      // keep draining
    }
    return out;
  }

  @Test
  @DisplayName("events are written to the outbox with the change, and a failed change writes none")
  void sameTransaction() {
    TicketFixtures.Draft d = fx.newTicket(T0);
    store.create(d.ticket(), d.events());
    TicketFixtures.Draft c = fx.change(d.ticket()).then(new TicketChange.PriorityChanged(Priority.NORMAL, Priority.HIGH), T0);
    store.update(c.ticket(), c.baseVersion(), c.events());
    assertThatThrownBy(() -> store.update(c.ticket(), c.baseVersion(), c.events()))
        .isInstanceOf(ConcurrentModificationException.class);
    List<TicketEvent> expected = new ArrayList<>(d.events());
    expected.addAll(c.events());
    assertThat(stores.outbox().pending()).isEqualTo(expected.size());
    assertThat(drainAll()).containsExactlyElementsOf(expected);
    assertThat(stores.outbox().pending()).isZero();
    // stores built without the outbox write none
    TicketFixtures.Draft quiet = fx.newTicket(T0);
    JdbcStores.builder(database().dataSource(), database().dialect()).build().ticketStore().create(quiet.ticket(), quiet.events());
    assertThat(stores.outbox().pending()).isZero();
  }

  @Test
  @DisplayName("a failing handler leaves the events pending, with its own exception")
  void redelivery() {
    TicketFixtures.Draft d = fx.newTicket(T0);
    store.create(d.ticket(), d.events());
    IllegalStateException boom = new IllegalStateException("broker down");
    assertThatThrownBy(() -> stores.outbox().drain(10, events -> {
          throw boom;
        }))
        .isSameAs(boom);
    assertThat(drainAll()).containsExactlyElementsOf(d.events());
  }

  @Test
  @DisplayName("a row whose id commits late is still delivered (no id cursor skips it)")
  void lateCommit() throws Exception {
    TicketFixtures.Draft slow = fx.newTicket(T0);
    TicketEvent slowEvent = slow.events().get(0);
    try (Connection c = database().dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO frontline_outbox (ticket_id, version, kind, event) VALUES (?, ?, ?, ?)")) {
        ps.setString(1, slowEvent.ticketId().value());
        ps.setLong(2, slowEvent.version());
        ps.setString(3, TicketFormat.changeKind(slowEvent.change()));
        ps.setString(4, TicketFormat.writeEvent(slowEvent));
        ps.executeUpdate(); // takes the lower id, not yet committed
      }
      TicketFixtures.Draft fast = fx.newTicket(T0);
      store.create(fast.ticket(), fast.events()); // higher ids, committed first
      assertThat(drainAll()).containsExactlyElementsOf(fast.events());
      c.commit();
    }
    assertThat(drainAll()).containsExactly(slowEvent);
  }

  @Test
  @DisplayName("consumers draining together get disjoint batches and together see every event once")
  void concurrentConsumers() throws Exception {
    List<TicketEvent> written = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      TicketFixtures.Draft d = fx.newTicket(T0.plusSeconds(i));
      store.create(d.ticket(), d.events());
      written.addAll(d.events());
    }
    Set<TicketEvent> seen = ConcurrentHashMap.newKeySet();
    AtomicInteger delivered = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int n = 0; n < 4; n++) {
        JdbcOutbox consumer = JdbcStores.builder(database().dataSource(), database().dialect()).build().outbox();
        fs.add(pool.submit(() -> {
          while (consumer.drain(5, events -> {
                delivered.addAndGet(events.size());
                seen.addAll(events);
              })
              > 0) {
            // next batch
          }
          return null;
        }));
      }
      for (Future<?> f : fs) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(delivered.get()).isEqualTo(written.size());
    assertThat(seen).containsExactlyInAnyOrderElementsOf(written);
  }
}
