package dev.frontline.helpdesk.spi.memory;

import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleChange;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.ArticleRevision;
import dev.frontline.helpdesk.spi.ArticleStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory {@link ArticleStore}. Thread-safe: every operation holds one lock, so sequence numbers
 * become visible in order. The change feed keeps every change (memory grows with the number of
 * saves).
 */
public final class InMemoryArticleStore implements ArticleStore {
  private final Map<ArticleId, List<ArticleRevision>> revisions = new HashMap<>();
  private final List<ArticleChange> changes = new ArrayList<>();
  private long sequence;

  /** Creates an empty store. */
  public InMemoryArticleStore() {}

  @Override
  public synchronized Article save(Article article, long expectedRevision) {
    Checks.notNull(article, "article");
    List<ArticleRevision> history = revisions.get(article.id());
    long current = history == null ? 0 : history.get(history.size() - 1).revision();
    if (current != expectedRevision) {
      throw new ConcurrentModificationException(
          "article " + article.id() + " is at revision " + current + ", expected " + expectedRevision);
    }
    Article stored = article.toBuilder().revision(current + 1).build();
    revisions.computeIfAbsent(article.id(), k -> new ArrayList<>()).add(new ArticleRevision(stored));
    changes.add(new ArticleChange(++sequence, article.id(), false));
    return stored;
  }

  @Override
  public synchronized void delete(ArticleId id, long expectedRevision) {
    Checks.notNull(id, "article id");
    List<ArticleRevision> history = revisions.get(id);
    if (history == null) {
      throw new NotFoundException("no article " + id);
    }
    long current = history.get(history.size() - 1).revision();
    if (current != expectedRevision) {
      throw new ConcurrentModificationException(
          "article " + id + " is at revision " + current + ", expected " + expectedRevision);
    }
    revisions.remove(id);
    changes.add(new ArticleChange(++sequence, id, true));
  }

  @Override
  public synchronized Optional<Article> find(ArticleId id) {
    List<ArticleRevision> history = revisions.get(Checks.notNull(id, "article id"));
    return history == null ? Optional.empty() : Optional.of(history.get(history.size() - 1).article());
  }

  @Override
  public synchronized List<ArticleRevision> revisions(ArticleId id) {
    List<ArticleRevision> history = revisions.get(Checks.notNull(id, "article id"));
    return history == null ? List.of() : List.copyOf(history);
  }

  @Override
  public synchronized List<ArticleChange> changesSince(long seq, int limit) {
    Checks.require(limit >= 1 && limit <= 10_000, "limit must be 1..10000");
    // changes are dense: change n has sequence n
    int from = (int) Math.max(0, Math.min(seq, changes.size()));
    return List.copyOf(changes.subList(from, Math.min(changes.size(), from + limit)));
  }
}
