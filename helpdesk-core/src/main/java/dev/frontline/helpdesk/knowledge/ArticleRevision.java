package dev.frontline.helpdesk.knowledge;

import dev.frontline.helpdesk.internal.Checks;

/**
 * One stored revision of an article, kept for history and restore. Immutable and thread-safe.
 *
 * @param article the article as it was saved in this revision (its {@link Article#revision()},
 *     {@link Article#author()} and {@link Article#updatedAt()} say which, who and when)
 */
public record ArticleRevision(Article article) {
  /** Rejects null. */
  public ArticleRevision {
    Checks.notNull(article, "article");
  }

  /** @return the revision number */
  public long revision() {
    return article.revision();
  }
}
