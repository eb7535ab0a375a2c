package dev.frontline.helpdesk.knowledge;

import dev.frontline.helpdesk.internal.Checks;
import java.util.Locale;

/**
 * An autocomplete suggestion: a visible article whose title completes what the reader typed.
 * Immutable and thread-safe.
 *
 * @param articleId the article
 * @param locale its language
 * @param title its title
 */
public record Suggestion(ArticleId articleId, Locale locale, String title) {
  /** Validates. */
  public Suggestion {
    Checks.notNull(articleId, "article id");
    Checks.notNull(locale, "locale");
    Checks.notNull(title, "title");
  }
}
