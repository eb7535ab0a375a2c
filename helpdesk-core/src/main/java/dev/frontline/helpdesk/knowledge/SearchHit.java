package dev.frontline.helpdesk.knowledge;

import dev.frontline.helpdesk.internal.Checks;
import java.util.Locale;

/**
 * One article found by a search. Immutable and thread-safe.
 *
 * @param articleId the article
 * @param locale its language
 * @param title its title
 * @param score relevance; only comparable within one result
 * @param snippet a short passage of the article body with matches wrapped in {@code <b>...</b>};
 *     all other text is HTML-escaped, so it can be rendered as HTML. When the body has no match
 *     (or snippets were not requested) it is the body's opening or empty, depending on the
 *     implementation
 */
public record SearchHit(ArticleId articleId, Locale locale, String title, double score, String snippet) {
  /** Validates. */
  public SearchHit {
    Checks.notNull(articleId, "article id");
    Checks.notNull(locale, "locale");
    Checks.notNull(title, "title");
    Checks.notNull(snippet, "snippet");
  }
}
