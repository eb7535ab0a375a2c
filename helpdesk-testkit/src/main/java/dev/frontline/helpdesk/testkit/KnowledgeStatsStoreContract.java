package dev.frontline.helpdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.ArticleStats;
import dev.frontline.helpdesk.spi.KnowledgeStatsStore;
import dev.frontline.helpdesk.ticket.TicketId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link KnowledgeStatsStore} must pass: one vote per voter per article (also
 * under concurrency), idempotent ticket links, no lost view.
 */
public abstract class KnowledgeStatsStoreContract {
  /** The store under test. */
  protected KnowledgeStatsStore store;

  /** Subclasses need no-arg constructors. */
  protected KnowledgeStatsStoreContract() {}

  /** @return a new, empty store */
  protected abstract KnowledgeStatsStore newStore();

  @BeforeEach
  void fresh() {
    store = newStore();
  }

  private static ArticleId article(int i) {
    return ArticleId.of("article-" + i);
  }

  @Test
  @DisplayName("an unknown article has all-zero counts")
  void empty() {
    assertThat(store.stats(article(1))).isEqualTo(ArticleStats.empty());
  }

  @Test
  @DisplayName("a later vote of the same voter replaces the earlier one")
  void voteReplaces() {
    ArticleId a = article(1);
    assertThat(store.vote(a, "customer:c1", true)).isEmpty();
    assertThat(store.vote(a, "customer:c1", false)).isEqualTo(Optional.of(true));
    assertThat(store.vote(a, "customer:c1", false)).isEqualTo(Optional.of(false));
    assertThat(store.vote(a, "agent:a1", true)).isEmpty();
    assertThat(store.stats(a)).isEqualTo(new ArticleStats(0, 1, 1, 0, 0));
    assertThat(store.stats(article(2))).isEqualTo(ArticleStats.empty());
  }

  @Test
  @DisplayName("views count, tickets count once per article for linked and for solved")
  void countsAndLinks() {
    ArticleId a = article(1);
    ArticleId b = article(2);
    store.view(a);
    store.view(a);
    store.view(b);
    TicketId t1 = TicketId.of("ticket-1");
    TicketId t2 = TicketId.of("ticket-2");
    assertThat(store.linked(a, t1)).isTrue();
    assertThat(store.linked(a, t1)).isFalse();
    assertThat(store.linked(a, t2)).isTrue();
    assertThat(store.linked(b, t1)).isTrue();
    assertThat(store.solved(a, t1)).isTrue();
    assertThat(store.solved(a, t1)).isFalse();
    assertThat(store.stats(a)).isEqualTo(new ArticleStats(2, 0, 0, 2, 1));
    assertThat(store.stats(b)).isEqualTo(new ArticleStats(1, 0, 0, 1, 0));
  }

  @Test
  @DisplayName("delete forgets an article's counts and votes")
  void delete() {
    ArticleId a = article(1);
    store.vote(a, "customer:c1", true);
    store.view(a);
    store.linked(a, TicketId.of("ticket-1"));
    store.delete(a);
    assertThat(store.stats(a)).isEqualTo(ArticleStats.empty());
    assertThat(store.vote(a, "customer:c1", false)).isEmpty();
  }

  @Test
  @DisplayName("concurrent votes: each voter counted once with its last vote; no view or link lost")
  void concurrentVotes() throws Exception {
    Random random = Seeds.random("KnowledgeStatsStoreContract.concurrentVotes");
    int threads = 8;
    int voters = 40;
    int rounds = 20; // every round races all 8 threads on the shared voters; more rounds only cost time
    ArticleId a = article(1);
    long[] seeds = new long[threads];
    for (int i = 0; i < threads; i++) {
      seeds[i] = random.nextLong();
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    // each voter is driven by exactly one thread, so its final vote is known
    Map<String, Boolean> expected = new java.util.concurrent.ConcurrentHashMap<>();
    try {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          Random r = new Random(seeds[thread]);
          start.await();
          Map<String, Boolean> last = new HashMap<>();
          for (int i = 0; i < rounds; i++) {
            for (int v = thread; v < voters; v += threads) {
              String voter = "customer:v" + v;
              boolean helpful = r.nextBoolean();
              store.vote(a, voter, helpful);
              last.put(voter, helpful);
              // every thread also votes as shared voters, racing with the others
              store.vote(a, "agent:shared" + (i % 5), r.nextBoolean());
              store.view(a);
              store.linked(a, TicketId.of("ticket-" + (i % 7)));
              store.solved(a, TicketId.of("ticket-" + (v % 3)));
            }
          }
          expected.putAll(last);
          return null;
        }));
      }
      start.countDown();
      // a deadline only against hangs, not a speed limit: a database store on a loaded machine that
      // opens a connection per call (9,600 calls here) has been seen to take five minutes
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
      for (Future<?> f : done) {
        f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } finally {
      pool.shutdownNow();
      // never let a timed-out writer run on into the next test's data
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
    long yes = expected.values().stream().filter(Boolean::booleanValue).count();
    long no = expected.size() - yes;
    ArticleStats s = store.stats(a);
    assertThat(s.helpful() + s.notHelpful()).as("each voter counted once").isEqualTo(voters + 5L);
    assertThat(s.helpful()).isBetween(yes, yes + 5);
    assertThat(s.notHelpful()).isBetween(no, no + 5);
    assertThat(s.views()).isEqualTo((long) voters * rounds);
    assertThat(s.linkedTickets()).isEqualTo(7);
    assertThat(s.solvedTickets()).isEqualTo(3);
  }
}
