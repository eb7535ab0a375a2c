package dev.frontline.helpdesk.jdbc;

import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.knowledge.ArticleChange;
import dev.frontline.helpdesk.spi.ArticleStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A reader of an {@link ArticleStore}'s change feed that does not skip late commits. Database
 * sequences hand out numbers at insert time, but transactions commit in any order, so a reader that
 * only asks for "greater than the last number seen" silently misses a change whose transaction
 * commits after a later one was read. This follower re-reads a trailing window of sequence numbers
 * below its cursor on every {@link #poll} and de-duplicates against the numbers it has already
 * delivered, so each change is delivered once, even if it becomes visible late.
 *
 * <p>The window must be larger than the number of changes that can commit while one article
 * transaction is still open (article saves are short, and editors are few, so the default of 1,000
 * is generous). The set of delivered numbers lives in memory: after a restart from a persisted
 * {@link #cursor()}, changes in the window are delivered again; consumers re-read the current
 * article, so that is harmless. Thread-safe: calls are serialized.
 */
public final class ArticleChangeFollower {
  /** The default trailing window, in sequence numbers. */
  public static final int DEFAULT_WINDOW = 1_000;

  private static final int BATCH = 500;

  private final ArticleStore store;
  private final long window;
  private final TreeSet<Long> delivered = new TreeSet<>();
  private long cursor;

  /**
   * @param store the store to follow
   * @param startAfter deliver changes with a greater sequence number (0 for all), and those in the
   *     trailing window below it that were not delivered before
   * @param window how many sequence numbers below the cursor are re-read, at least 1
   */
  public ArticleChangeFollower(ArticleStore store, long startAfter, int window) {
    this.store = Objects.requireNonNull(store, "store");
    if (window < 1 || startAfter < 0) {
      throw new ValidationException("the window must be positive and the start not negative");
    }
    this.window = window;
    this.cursor = startAfter;
  }

  /**
   * Reads the changes not delivered yet: those above the cursor and late ones inside the window.
   *
   * @param limit at most this many, 1 to 10,000
   * @return new changes in ascending sequence order (a late one comes before later numbers read in
   *     the same poll, but after numbers delivered by earlier polls)
   */
  public synchronized List<ArticleChange> poll(int limit) {
    if (limit < 1 || limit > 10_000) {
      throw new ValidationException("limit must be 1..10000");
    }
    List<ArticleChange> out = new ArrayList<>();
    long from = Math.max(0, cursor - window);
    while (out.size() < limit) {
      List<ArticleChange> batch = store.changesSince(from, BATCH);
      if (batch.isEmpty()) {
        break;
      }
      for (ArticleChange c : batch) {
        from = c.sequence();
        if (out.size() < limit && delivered.add(c.sequence())) {
          out.add(c);
          cursor = Math.max(cursor, c.sequence());
        }
      }
    }
    // forget numbers that dropped out of the window: they are never read again
    delivered.headSet(cursor - window, true).clear();
    return out;
  }

  /** @return the highest sequence number delivered so far (or the start) */
  public synchronized long cursor() {
    return cursor;
  }
}
