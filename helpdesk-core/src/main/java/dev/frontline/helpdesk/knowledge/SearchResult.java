package dev.frontline.helpdesk.knowledge;

import dev.frontline.helpdesk.internal.Checks;
import java.util.List;

/**
 * One page of a knowledge-base search. Immutable and thread-safe.
 *
 * <p><b>Total.</b> Counting every match of a long query in a large knowledge base costs more than
 * finding the best ones, so the total follows Elasticsearch's {@code track_total_hits}
 * convention: it is exact up to {@link #EXACT_TOTAL_UP_TO} matching visible articles ({@code
 * totalExact} true); beyond that a search may stop counting and report a lower bound ({@code
 * totalExact} false: "at least {@code total}"). A query that asks for facets ({@link
 * KnowledgeQuery#facets()}) always gets the exact total, since counting facets visits every match
 * anyway.
 *
 * @param total how many visible articles match: exactly if {@code totalExact}, else at least this many
 * @param offset index of the first returned hit
 * @param limit the requested page size
 * @param hits the page, best first
 * @param facets counts over all matching visible articles if the query asked for them ({@link
 *     KnowledgeQuery#facets()}), else {@link SearchFacets#EMPTY}
 * @param totalExact whether {@code total} is the exact count (else a lower bound)
 */
public record SearchResult(long total, int offset, int limit, List<SearchHit> hits, SearchFacets facets, boolean totalExact) {
  /** Totals up to this many matches are always exact. */
  public static final int EXACT_TOTAL_UP_TO = 1_000;

  /** Validates and copies. */
  public SearchResult {
    Checks.require(total >= 0, "total must not be negative");
    hits = List.copyOf(Checks.elements(hits, "hits", KnowledgeQuery.MAX_LIMIT));
    Checks.notNull(facets, "facets");
    Checks.require(totalExact || total >= EXACT_TOTAL_UP_TO, "a total below " + EXACT_TOTAL_UP_TO + " must be exact");
  }

  /**
   * A result with an exact total.
   *
   * @param total how many visible articles match
   * @param offset index of the first returned hit
   * @param limit the requested page size
   * @param hits the page, best first
   * @param facets counts over all matching visible articles, or {@link SearchFacets#EMPTY}
   */
  public SearchResult(long total, int offset, int limit, List<SearchHit> hits, SearchFacets facets) {
    this(total, offset, limit, hits, facets, true);
  }
}
