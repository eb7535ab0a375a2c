package dev.frontline.helpdesk.knowledge;

import dev.frontline.helpdesk.internal.Checks;

/**
 * One entry of an article store's change feed. Readers re-read the current article, so replaying
 * an entry twice or out of order is harmless. Immutable and thread-safe.
 *
 * @param sequence the change sequence number, positive and increasing per store
 * @param articleId the article that changed
 * @param deleted whether the article was deleted
 */
public record ArticleChange(long sequence, ArticleId articleId, boolean deleted) {
  /** Validates. */
  public ArticleChange {
    Checks.require(sequence > 0, "sequence must be positive");
    Checks.notNull(articleId, "article id");
  }
}
