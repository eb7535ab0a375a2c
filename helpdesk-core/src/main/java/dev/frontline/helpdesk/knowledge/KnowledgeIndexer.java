package dev.frontline.helpdesk.knowledge;

import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.spi.ArticleStore;
import dev.frontline.helpdesk.spi.KnowledgeSearch;
import java.util.List;
import java.util.Optional;

/**
 * Makes a {@link KnowledgeSearch} follow an {@link ArticleStore}'s change feed. Each call to
 * {@link #catchUp()} re-reads a trailing window before the search's cursor (a database may make a
 * lower sequence number visible after a higher one), re-reads the current article for every change
 * (so replays are harmless) and records the new cursor with {@link KnowledgeSearch#markApplied}.
 * Thread-safe: calls are serialized.
 */
public final class KnowledgeIndexer {
  /** How many sequence numbers before the cursor are read again. */
  public static final int TRAILING_WINDOW = 1_000;

  private static final int BATCH = 500;

  private final ArticleStore store;
  private final KnowledgeSearch search;

  /**
   * @param store the source of truth
   * @param search the index that follows it
   */
  public KnowledgeIndexer(ArticleStore store, KnowledgeSearch search) {
    this.store = Checks.notNull(store, "store");
    this.search = Checks.notNull(search, "search");
  }

  /**
   * Applies every change after the search's cursor (minus the trailing window).
   *
   * @return the number of changes read
   */
  public synchronized int catchUp() {
    long cursor = Math.max(0, search.appliedSequence() - TRAILING_WINDOW);
    long max = search.appliedSequence();
    int read = 0;
    while (true) {
      List<ArticleChange> changes = store.changesSince(cursor, BATCH);
      if (changes.isEmpty()) {
        break;
      }
      for (ArticleChange c : changes) {
        Optional<Article> current = store.find(c.articleId());
        if (current.isPresent()) {
          search.index(current.get());
        } else {
          search.delete(c.articleId());
        }
        cursor = c.sequence();
        max = Math.max(max, cursor);
        read++;
      }
    }
    search.markApplied(max);
    return read;
  }
}
