package dev.frontline.helpdesk.knowledge;

import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.internal.Checks;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The resolved set of articles a reader may see, passed explicitly to {@link
 * dev.frontline.helpdesk.spi.KnowledgeSearch}. The service layer derives it from the principal
 * (see {@link KnowledgePermissions}); search implementations apply it <em>inside</em> the query,
 * so totals, facets, snippets and suggestions never reveal an article outside it. {@link
 * #permits(Article)} is the same rule for single reads, so "can read" and "appears in search"
 * always agree. Immutable and thread-safe.
 *
 * @param includeInternal whether {@link ArticleVisibility.Level#INTERNAL} articles are visible
 * @param allRestricted whether every {@link ArticleVisibility.Level#RESTRICTED} article is visible
 * @param teams restricted articles of these teams are visible
 * @param statuses the visible statuses (not empty)
 */
public record SearchAudience(
    boolean includeInternal, boolean allRestricted, Set<TeamId> teams, Set<ArticleStatus> statuses) {

  /** Validates and copies. */
  public SearchAudience {
    teams = Set.copyOf(new TreeSet<>(Checks.elements(teams, "teams", 10_000)));
    statuses = Set.copyOf(Checks.elements(statuses, "statuses", 3));
    Checks.require(!statuses.isEmpty(), "an audience needs at least one status");
  }

  /** @return published public articles only: customers and anonymous visitors */
  public static SearchAudience publicOnly() {
    return new SearchAudience(false, false, Set.of(), Set.of(ArticleStatus.PUBLISHED));
  }

  /**
   * @param teams the agent's teams
   * @return published public and internal articles, plus restricted ones of the given teams
   */
  public static SearchAudience agent(Set<TeamId> teams) {
    return new SearchAudience(true, false, teams, Set.of(ArticleStatus.PUBLISHED));
  }

  /** @return every article in every status: editors and trusted automation */
  public static SearchAudience everything() {
    return new SearchAudience(true, true, Set.of(), EnumSet.allOf(ArticleStatus.class));
  }

  /**
   * @param value the visible statuses
   * @return a copy with these statuses
   */
  public SearchAudience withStatuses(Set<ArticleStatus> value) {
    return new SearchAudience(includeInternal, allRestricted, teams, value);
  }

  /**
   * @param article an article
   * @return whether this audience may see it
   */
  public boolean permits(Article article) {
    if (!statuses.contains(article.status())) {
      return false;
    }
    ArticleVisibility v = article.visibility();
    return switch (v.level()) {
      case PUBLIC -> true;
      case INTERNAL -> includeInternal;
      case RESTRICTED -> allRestricted || v.teams().stream().anyMatch(teams::contains);
    };
  }
}
