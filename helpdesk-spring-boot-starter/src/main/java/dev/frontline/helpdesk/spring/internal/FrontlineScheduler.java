package dev.frontline.helpdesk.spring.internal;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.HelpdeskException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the helpdesk's periodic work on one daemon thread of its own: the escalation sweep and the
 * knowledge index catch-up. A failing run (database restarting) logs one line and is retried at the
 * next one. Started by {@link #start()}, stopped by {@link #close()} (the bean's destroy method).
 */
public final class FrontlineScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FrontlineScheduler.class);

  private final Helpdesk helpdesk;
  private final Duration escalationInterval;
  private final Duration catchUpInterval;
  private @Nullable ScheduledExecutorService executor;

  /**
   * @param helpdesk the helpdesk
   * @param escalationInterval how often to run the escalation sweep; zero: never
   * @param catchUpInterval how often to catch up the knowledge index; zero: never
   */
  public FrontlineScheduler(Helpdesk helpdesk, Duration escalationInterval, Duration catchUpInterval) {
    this.helpdesk = helpdesk;
    this.escalationInterval = escalationInterval;
    this.catchUpInterval = catchUpInterval;
  }

  /** Starts the schedules that have an interval. */
  public synchronized void start() {
    if (executor != null || (escalationInterval.isZero() && catchUpInterval.isZero())) {
      return;
    }
    ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "frontline-scheduler");
      t.setDaemon(true);
      return t;
    });
    if (!escalationInterval.isZero()) {
      long ms = escalationInterval.toMillis();
      ex.scheduleWithFixedDelay(() -> run("escalation sweep", () -> helpdesk.escalation().runOnce()), ms, ms, TimeUnit.MILLISECONDS);
    }
    if (!catchUpInterval.isZero()) {
      long ms = catchUpInterval.toMillis();
      ex.scheduleWithFixedDelay(() -> run("knowledge index catch-up", () -> helpdesk.knowledgeIndexer().catchUp()), ms, ms,
          TimeUnit.MILLISECONDS);
    }
    executor = ex;
  }

  private static void run(String what, Runnable work) {
    try {
      work.run();
    } catch (HelpdeskException | IllegalStateException e) {
      log.warn("Frontline {} failed, retrying at the next run: {}", what, e.getMessage());
      log.debug("Frontline {} failure", what, e);
    } catch (RuntimeException e) {
      log.error("Frontline {} failed, retrying at the next run", what, e);
    }
  }

  /** Stops the schedules and waits briefly for a running task. */
  @Override
  public synchronized void close() {
    ScheduledExecutorService ex = executor;
    executor = null;
    if (ex == null) {
      return;
    }
    ex.shutdownNow();
    try {
      ex.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
