package dev.frontline.helpdesk.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.email.internal.SenderRateLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SenderRateLimiterTest {
  private final Fixtures.MutableClock clock = new Fixtures.MutableClock(Fixtures.START);

  @Test
  @DisplayName("a sender gets at most the limit within any window; permits come back as they leave it")
  void slidingWindow() {
    SenderRateLimiter l = new SenderRateLimiter(new SenderRateLimit(2, Duration.ofMinutes(10)), clock);
    assertThat(l.tryAcquire("a")).isTrue();
    clock.advance(Duration.ofMinutes(4));
    assertThat(l.tryAcquire("a")).isTrue();
    assertThat(l.tryAcquire("a")).isFalse();
    assertThat(l.tryAcquire("b")).isTrue();
    clock.advance(Duration.ofMinutes(6).minusMillis(1));
    assertThat(l.tryAcquire("a")).isFalse(); // the first permit is still 1 ms inside the window
    clock.advance(Duration.ofMillis(1));
    assertThat(l.tryAcquire("a")).isTrue();
    assertThat(l.tryAcquire("a")).isFalse();
    // refusals are not recorded: after the window both permits are free again
    clock.advance(Duration.ofMinutes(10));
    assertThat(l.tryAcquire("a")).isTrue();
    assertThat(l.tryAcquire("a")).isTrue();
  }

  @Test
  @DisplayName("unlimited grants everything")
  void unlimited() {
    SenderRateLimiter l = new SenderRateLimiter(SenderRateLimit.unlimited(), clock);
    for (int i = 0; i < 10_000; i++) {
      assertThat(l.tryAcquire("a")).isTrue();
    }
  }

  @Test
  @DisplayName("limits stay exact across the periodic sweep of senders whose window passed")
  void forgetsOldSenders() {
    SenderRateLimiter l = new SenderRateLimiter(new SenderRateLimit(1, Duration.ofSeconds(1)), clock);
    for (int i = 0; i < 5_000; i++) {
      assertThat(l.tryAcquire("sender-" + i)).isTrue();
      assertThat(l.tryAcquire("sender-" + i)).isFalse();
      clock.advance(Duration.ofMillis(10));
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  @DisplayName("thread-safe: concurrent callers never get more than the limit per sender")
  void concurrent() throws Exception {
    int limit = 25;
    int senders = 4;
    int threads = 16;
    int callsPerThread = 2_000;
    SenderRateLimiter l = new SenderRateLimiter(new SenderRateLimit(limit, Duration.ofHours(1)), clock);
    ConcurrentHashMap<String, AtomicInteger> granted = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < callsPerThread; i++) {
            String sender = "s" + ((i + thread) % senders);
            if (l.tryAcquire(sender)) {
              granted.computeIfAbsent(sender, k -> new AtomicInteger()).incrementAndGet();
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(granted).hasSize(senders);
    assertThat(granted.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(limit));
  }
}
