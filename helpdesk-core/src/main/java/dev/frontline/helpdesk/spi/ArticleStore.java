package dev.frontline.helpdesk.spi;

import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleChange;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.ArticleRevision;
import java.util.List;
import java.util.Optional;

/**
 * Stores knowledge-base articles, their revisions and a change feed. The store is the source of
 * truth; search indexes follow {@link #changesSince}. Implementations must be thread-safe. Access
 * checks happen in {@link dev.frontline.helpdesk.knowledge.KnowledgeService}, not here.
 */
public interface ArticleStore {

  /**
   * Saves a new revision of an article with optimistic locking, records it in the revision
   * history and appends a change to the feed, all or nothing.
   *
   * @param article the article; its {@code revision} is ignored
   * @param expectedRevision the revision the caller read, or 0 to create a new article
   * @return the stored article, with revision {@code expectedRevision + 1}
   * @throws dev.frontline.helpdesk.ConcurrentModificationException if the stored revision differs
   *     (or the article exists when creating)
   * @throws dev.frontline.helpdesk.StorageException if storage fails
   */
  Article save(Article article, long expectedRevision);

  /**
   * Deletes an article and its history with optimistic locking, and appends a change.
   *
   * @param id the article
   * @param expectedRevision the revision the caller read
   * @throws NotFoundException if there is no such article
   * @throws dev.frontline.helpdesk.ConcurrentModificationException if the stored revision differs
   */
  void delete(ArticleId id, long expectedRevision);

  /**
   * @param id the article
   * @return the current revision, if it exists
   */
  Optional<Article> find(ArticleId id);

  /**
   * @param id the article
   * @return the current revision
   * @throws NotFoundException if there is no such article
   */
  default Article get(ArticleId id) {
    return find(id).orElseThrow(() -> new NotFoundException("no article " + id));
  }

  /**
   * @param id the article
   * @return its revisions, oldest first; empty if there is no such article
   */
  List<ArticleRevision> revisions(ArticleId id);

  /**
   * Reads the change feed. Sequence numbers increase, but a store backed by a database may make a
   * lower number visible after a higher one; readers therefore re-read a trailing window (see
   * {@link dev.frontline.helpdesk.knowledge.KnowledgeIndexer}).
   *
   * @param sequence return changes with a greater sequence number
   * @param limit at most this many, 1 to 10,000
   * @return changes in ascending sequence order
   */
  List<ArticleChange> changesSince(long sequence, int limit);
}
