package dev.frontline.helpdesk.knowledge;

/** Where an article is in its editorial life. Only {@link #PUBLISHED} articles reach readers. */
public enum ArticleStatus {
  /** Being written; visible to editors only. */
  DRAFT,
  /** Live. */
  PUBLISHED,
  /** Withdrawn; kept for history and links. */
  ARCHIVED
}
