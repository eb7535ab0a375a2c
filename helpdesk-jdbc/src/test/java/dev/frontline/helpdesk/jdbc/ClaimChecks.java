package dev.frontline.helpdesk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.ticket.TicketId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Escalation step claims across nodes: once per step, leases, take-over with SKIP LOCKED. */
abstract class ClaimChecks {
  private static final TicketId T = TicketId.of("ticket-1");

  /** @return the class's migrated database */
  protected abstract TestDatabase database();

  private JdbcEscalationClaims node(String name, Duration lease) {
    return JdbcStores.builder(database().dataSource(), database().dialect()).build().escalationClaims(name, lease);
  }

  @BeforeEach
  void clean() {
    database().truncate();
  }

  @Test
  @DisplayName("a step is claimed by one node; once completed nobody claims it again")
  void once() {
    JdbcEscalationClaims a = node("node-a", Duration.ofMinutes(5));
    JdbcEscalationClaims b = node("node-b", Duration.ofMinutes(5));
    Optional<JdbcEscalationClaims.Claim> claim = a.tryClaim(T, "breach", "tier2");
    assertThat(claim).isPresent();
    assertThat(b.tryClaim(T, "breach", "tier2")).isEmpty();
    assertThat(a.tryClaim(T, "breach", "tier2")).as("not re-entrant either").isEmpty();
    assertThat(b.tryClaim(T, "breach", "tier3")).isPresent();
    assertThat(a.renew(claim.orElseThrow())).isPresent();
    assertThat(a.complete(claim.orElseThrow())).isTrue();
    assertThat(a.isDone(T, "breach", "tier2")).isTrue();
    assertThat(b.tryClaim(T, "breach", "tier2")).isEmpty();
    assertThat(b.takeOverExpired(10)).isEmpty();
  }

  @Test
  @DisplayName("a released claim can be claimed again at once")
  void release() {
    JdbcEscalationClaims a = node("node-a", Duration.ofMinutes(5));
    JdbcEscalationClaims b = node("node-b", Duration.ofMinutes(5));
    JdbcEscalationClaims.Claim c = a.tryClaim(T, "r", "s").orElseThrow();
    assertThat(b.release(new JdbcEscalationClaims.Claim(T, "r", "s", "node-b", c.leaseUntil()))).as("not b's claim").isFalse();
    assertThat(a.release(c)).isTrue();
    assertThat(b.tryClaim(T, "r", "s")).isPresent();
  }

  @Test
  @DisplayName("an expired lease is taken over, and the old holder can no longer complete it")
  void expiry() throws InterruptedException {
    JdbcEscalationClaims crashed = node("crashed", Duration.ofMillis(1));
    JdbcEscalationClaims b = node("node-b", Duration.ofMinutes(5));
    JdbcEscalationClaims.Claim old = crashed.tryClaim(T, "r", "s").orElseThrow();
    crashed.tryClaim(T, "r", "s2").orElseThrow();
    Thread.sleep(30);
    assertThat(b.tryClaim(T, "r", "s")).isPresent();
    assertThat(crashed.complete(old)).isFalse();
    List<JdbcEscalationClaims.Claim> taken = b.takeOverExpired(10);
    assertThat(taken).extracting(JdbcEscalationClaims.Claim::step).containsExactly("s2");
    assertThat(b.takeOverExpired(10)).isEmpty();
  }

  @Test
  @DisplayName("many nodes racing for the same steps: each step is claimed exactly once")
  void race() throws Exception {
    int nodes = 6;
    int steps = 30;
    Set<String> claimed = ConcurrentHashMap.newKeySet();
    List<String> duplicates = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int n = 0; n < nodes; n++) {
        JdbcEscalationClaims node = node("node-" + n, Duration.ofMinutes(5));
        fs.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int s = 0; s < steps; s++) {
                    if (node.tryClaim(T, "rule", "step-" + s).isPresent() && !claimed.add("step-" + s)) {
                      synchronized (duplicates) {
                        duplicates.add("step-" + s);
                      }
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : fs) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(duplicates).isEmpty();
    assertThat(claimed).hasSize(steps);
  }

  @Test
  @DisplayName("nodes taking over expired claims together get disjoint sets")
  void disjointTakeOver() throws Exception {
    JdbcEscalationClaims crashed = node("crashed", Duration.ofMillis(1));
    for (int s = 0; s < 40; s++) {
      crashed.tryClaim(T, "rule", "step-" + s).orElseThrow();
    }
    Thread.sleep(30);
    int nodes = 4;
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<JdbcEscalationClaims.Claim>>> fs = new ArrayList<>();
    try {
      for (int n = 0; n < nodes; n++) {
        JdbcEscalationClaims node = node("node-" + n, Duration.ofMinutes(5));
        fs.add(
            pool.submit(
                () -> {
                  start.await();
                  List<JdbcEscalationClaims.Claim> mine = new ArrayList<>();
                  List<JdbcEscalationClaims.Claim> batch;
                  do {
                    batch = node.takeOverExpired(3);
                    mine.addAll(batch);
                  } while (!batch.isEmpty());
                  return mine;
                }));
      }
      start.countDown();
      Set<String> all = new HashSet<>();
      int total = 0;
      for (Future<List<JdbcEscalationClaims.Claim>> f : fs) {
        for (JdbcEscalationClaims.Claim c : f.get(120, TimeUnit.SECONDS)) {
          all.add(c.step());
          total++;
        }
      }
      assertThat(total).as("no claim taken twice").isEqualTo(40);
      assertThat(all).hasSize(40);
    } finally {
      pool.shutdownNow();
    }
  }
}
