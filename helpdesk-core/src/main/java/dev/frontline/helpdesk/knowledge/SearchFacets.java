package dev.frontline.helpdesk.knowledge;

import dev.frontline.helpdesk.internal.Checks;
import java.util.Map;

/**
 * Counts of matching visible articles by category (full path joined with {@code /}), tag and
 * locale (BCP 47 tag). Counts cover the whole result, not only the returned page. Immutable and
 * thread-safe.
 *
 * @param categories count per category path
 * @param tags count per tag
 * @param locales count per language tag
 */
public record SearchFacets(Map<String, Long> categories, Map<String, Long> tags, Map<String, Long> locales) {
  /** An empty set of facets. */
  public static final SearchFacets EMPTY = new SearchFacets(Map.of(), Map.of(), Map.of());

  /** Copies. */
  public SearchFacets {
    categories = Map.copyOf(Checks.notNull(categories, "categories"));
    tags = Map.copyOf(Checks.notNull(tags, "tags"));
    locales = Map.copyOf(Checks.notNull(locales, "locales"));
  }
}
