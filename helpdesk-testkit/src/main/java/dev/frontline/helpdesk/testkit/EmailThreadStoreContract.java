package dev.frontline.helpdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.spi.EmailThreadStore;
import dev.frontline.helpdesk.ticket.TicketId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link EmailThreadStore} must pass: the first record of a received message id
 * wins (also when many threads race), referenced ("ghost") ids never shadow received ones, ids and
 * addresses compare exactly, participants are per ticket.
 */
public abstract class EmailThreadStoreContract {
  /** The store under test. */
  protected EmailThreadStore store;

  /** Subclasses need no-arg constructors. */
  protected EmailThreadStoreContract() {}

  /** @return a new, empty store */
  protected abstract EmailThreadStore newStore();

  @BeforeEach
  void fresh() {
    store = newStore();
  }

  private static TicketId ticket(int i) {
    return TicketId.of("ticket-" + i);
  }

  @Test
  @DisplayName("an unknown id finds nothing")
  void unknown() {
    assertThat(store.findReceived("nobody@example.com")).isEmpty();
    assertThat(store.find("nobody@example.com")).isEmpty();
    assertThat(store.isParticipant(ticket(1), "a@example.com")).isFalse();
  }

  @Test
  @DisplayName("the first record of a received id wins; a duplicate returns false and changes nothing")
  void firstReceivedWins() {
    assertThat(store.recordReceived("m1@example.com", ticket(1))).isTrue();
    assertThat(store.recordReceived("m1@example.com", ticket(2))).isFalse();
    assertThat(store.recordReceived("m1@example.com", ticket(1))).isFalse();
    assertThat(store.findReceived("m1@example.com")).isEqualTo(Optional.of(ticket(1)));
    assertThat(store.find("m1@example.com")).isEqualTo(Optional.of(ticket(1)));
    assertThat(store.recordReceived("m2@example.com", ticket(1))).isTrue();
    assertThat(store.findReceived("m2@example.com")).isEqualTo(Optional.of(ticket(1)));
  }

  @Test
  @DisplayName("message ids compare exactly (case, long and non-ASCII ids)")
  void exactIds() {
    String longId = "x".repeat(900) + "@example.com";
    assertThat(store.recordReceived("Abc@Example.com", ticket(1))).isTrue();
    assertThat(store.recordReceived("abc@example.com", ticket(2))).isTrue();
    assertThat(store.recordReceived(longId, ticket(3))).isTrue();
    assertThat(store.recordReceived("grüße.ñ@exämple.com", ticket(4))).isTrue();
    assertThat(store.findReceived("Abc@Example.com")).isEqualTo(Optional.of(ticket(1)));
    assertThat(store.findReceived("abc@example.com")).isEqualTo(Optional.of(ticket(2)));
    assertThat(store.findReceived("ABC@EXAMPLE.COM")).isEmpty();
    assertThat(store.findReceived(longId)).isEqualTo(Optional.of(ticket(3)));
    assertThat(store.findReceived("x".repeat(899) + "@example.com")).isEmpty();
    assertThat(store.findReceived("grüße.ñ@exämple.com")).isEqualTo(Optional.of(ticket(4)));
    assertThat(store.findReceived("grusse.n@example.com")).isEmpty();
  }

  @Test
  @DisplayName("a referenced (ghost) id is found by find but not by findReceived; the first reference wins")
  void referenced() {
    store.recordReferenced("ghost@example.com", ticket(1));
    store.recordReferenced("ghost@example.com", ticket(2));
    assertThat(store.find("ghost@example.com")).isEqualTo(Optional.of(ticket(1)));
    assertThat(store.findReceived("ghost@example.com")).isEmpty();
  }

  @Test
  @DisplayName("findThread: every ticket of an id once, the received one first, then first record first")
  void threadTickets() {
    assertThat(store.findThread("t1@example.com")).isEmpty();
    store.recordThread("t1@example.com", ticket(3));
    store.recordThread("t1@example.com", ticket(1));
    store.recordThread("t1@example.com", ticket(3));
    assertThat(store.findThread("t1@example.com")).containsExactly(ticket(3), ticket(1));
    store.recordThread("t1@example.com", ticket(2));
    store.recordReceived("t1@example.com", ticket(2));
    assertThat(store.findThread("t1@example.com")).containsExactly(ticket(2), ticket(3), ticket(1));
    // a referenced id's ticket is part of it; other ids are not
    store.recordReferenced("t2@example.com", ticket(5));
    store.recordThread("t2@example.com", ticket(4));
    assertThat(store.findThread("t2@example.com")).containsExactly(ticket(5), ticket(4));
    assertThat(store.findThread("T1@example.com")).isEmpty();
    // recordThread changes neither find nor findReceived
    store.recordThread("t3@example.com", ticket(6));
    assertThat(store.findReceived("t3@example.com")).isEmpty();
    assertThat(store.findThread("t3@example.com")).containsExactly(ticket(6));
  }

  @Test
  @DisplayName("a referenced id does nothing once received; a received id overrides an earlier reference")
  void receivedBeatsReferenced() {
    store.recordReceived("m1@example.com", ticket(1));
    store.recordReferenced("m1@example.com", ticket(2));
    assertThat(store.find("m1@example.com")).isEqualTo(Optional.of(ticket(1)));

    store.recordReferenced("m2@example.com", ticket(3));
    assertThat(store.recordReceived("m2@example.com", ticket(4))).isTrue();
    assertThat(store.findReceived("m2@example.com")).isEqualTo(Optional.of(ticket(4)));
    assertThat(store.find("m2@example.com")).isEqualTo(Optional.of(ticket(4)));
    assertThat(store.recordReceived("m2@example.com", ticket(3))).isFalse();
  }

  @Test
  @DisplayName("participants are per ticket and compare exactly; adding twice is harmless")
  void participants() {
    store.addParticipant(ticket(1), "a@example.com");
    store.addParticipant(ticket(1), "a@example.com");
    store.addParticipant(ticket(2), "b@example.com");
    assertThat(store.isParticipant(ticket(1), "a@example.com")).isTrue();
    assertThat(store.isParticipant(ticket(1), "b@example.com")).isFalse();
    assertThat(store.isParticipant(ticket(2), "b@example.com")).isTrue();
    assertThat(store.isParticipant(ticket(2), "a@example.com")).isFalse();
    assertThat(store.isParticipant(ticket(1), "A@example.com")).isFalse();
    assertThat(store.isParticipant(ticket(3), "a@example.com")).isFalse();
  }

  @Test
  @DisplayName("null message ids and tickets are rejected")
  @SuppressWarnings("NullAway") // passes null on purpose
  void nulls() {
    assertThatThrownBy(() -> store.recordReceived(null, ticket(1))).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.recordReceived("m@example.com", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.recordReferenced(null, ticket(1))).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.recordReferenced("m@example.com", null)).isInstanceOf(NullPointerException.class);
    assertThat(store.findReceived("m@example.com")).isEmpty();
  }

  @Test
  @DisplayName("many threads recording the same received id: exactly one wins, and its ticket is kept")
  void concurrentDuplicates() throws Exception {
    int threads = 8;
    int ids = 20;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Integer>>> done = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  List<Integer> won = new ArrayList<>();
                  for (int i = 0; i < ids; i++) {
                    if (store.recordReceived("race-" + i + "@example.com", ticket(thread))) {
                      won.add(i);
                    }
                  }
                  return won;
                }));
      }
      start.countDown();
      int[] winners = new int[ids];
      int[] winner = new int[ids];
      for (int t = 0; t < threads; t++) {
        for (int i : done.get(t).get(60, TimeUnit.SECONDS)) {
          winners[i]++;
          winner[i] = t;
        }
      }
      for (int i = 0; i < ids; i++) {
        assertThat(winners[i]).as("winners of id %d", i).isEqualTo(1);
        assertThat(store.findReceived("race-" + i + "@example.com")).isEqualTo(Optional.of(ticket(winner[i])));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
