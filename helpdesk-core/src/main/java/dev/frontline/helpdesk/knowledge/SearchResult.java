package dev.frontline.helpdesk.knowledge;

import dev.frontline.helpdesk.internal.Checks;
import java.util.List;

/**
 * One page of a knowledge-base search. Immutable and thread-safe.
 *
 * @param total how many visible articles match in all
 * @param offset index of the first returned hit
 * @param limit the requested page size
 * @param hits the page, best first
 * @param facets counts over all matching visible articles
 */
public record SearchResult(long total, int offset, int limit, List<SearchHit> hits, SearchFacets facets) {
  /** Validates and copies. */
  public SearchResult {
    Checks.require(total >= 0, "total must not be negative");
    hits = List.copyOf(Checks.elements(hits, "hits", KnowledgeQuery.MAX_LIMIT));
    Checks.notNull(facets, "facets");
  }
}
