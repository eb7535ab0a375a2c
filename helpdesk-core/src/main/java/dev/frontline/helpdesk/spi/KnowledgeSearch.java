package dev.frontline.helpdesk.spi;

import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.knowledge.SearchHit;
import dev.frontline.helpdesk.knowledge.SearchResult;
import dev.frontline.helpdesk.knowledge.Suggestion;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Full-text search over knowledge-base articles. The index is derived from the {@link
 * ArticleStore} and can always be rebuilt from it.
 *
 * <p>Every read takes an explicit, already resolved {@link SearchAudience}; implementations must
 * apply it inside the search (never by filtering a page afterwards), so totals, facets, snippets,
 * suggestions and similar-article lists never reveal an article outside the audience.
 *
 * <p>Implementations must be thread-safe. A change made with {@link #index} or {@link #delete}
 * must become searchable within about a second.
 */
public interface KnowledgeSearch extends AutoCloseable {

  /**
   * Adds or replaces an article (keyed by its id).
   *
   * @param article the article
   */
  void index(Article article);

  /**
   * Removes an article; does nothing if it is not indexed.
   *
   * @param id the article
   */
  void delete(ArticleId id);

  /**
   * Searches.
   *
   * @param query the query
   * @param audience what the reader may see
   * @return one page of hits with the total (exact at least up to {@link
   *     SearchResult#EXACT_TOTAL_UP_TO}, and always when facets are asked for) and, if {@link
   *     KnowledgeQuery#facets()}, the facets
   */
  SearchResult search(KnowledgeQuery query, SearchAudience audience);

  /**
   * Autocomplete: visible articles whose title contains words starting with what was typed.
   *
   * @param prefix what the reader typed so far
   * @param locale the reader's language, or null for every language
   * @param audience what the reader may see
   * @param limit at most this many, 1 to 50
   * @return suggestions, best first
   */
  List<Suggestion> suggest(String prefix, @Nullable Locale locale, SearchAudience audience, int limit);

  /**
   * Ticket deflection: visible articles that likely answer a free text such as a new ticket's
   * subject and description.
   *
   * @param text the text (long texts are cut)
   * @param locale its language, or null for every language
   * @param audience what the reader may see
   * @param limit at most this many, 1 to 50
   * @return hits, best first
   */
  List<SearchHit> articlesForText(String text, @Nullable Locale locale, SearchAudience audience, int limit);

  /**
   * Visible articles similar to an indexed one (the article itself excluded). The default returns
   * an empty list.
   *
   * @param id the article
   * @param audience what the reader may see
   * @param limit at most this many, 1 to 50
   * @return hits, best first
   */
  default List<SearchHit> similar(ArticleId id, SearchAudience audience, int limit) {
    return List.of();
  }

  /**
   * The highest change-feed sequence number whose changes are applied and durable in this index;
   * an indexer resumes from it. The default (for indexes that are not durable) returns 0.
   *
   * @return the cursor, 0 if none
   */
  default long appliedSequence() {
    return 0;
  }

  /**
   * Records that all changes up to {@code sequence} have been applied; a durable index stores it
   * with its next commit, together with the documents. The default does nothing.
   *
   * @param sequence the change sequence number
   */
  default void markApplied(long sequence) {}

  /**
   * Makes every change indexed so far visible to searches now. Near-real-time indexes (which make
   * changes searchable within a refresh interval) override it; the default, for indexes where
   * changes are searchable at once, does nothing.
   */
  default void refresh() {}

  /** Releases resources; the default does nothing. */
  @Override
  default void close() {}
}
