package dev.frontline.helpdesk.knowledge;

import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.internal.Checks;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may read an article: everyone (including anonymous visitors), agents only, or agents of
 * named teams only. Immutable and thread-safe.
 *
 * @param level the level
 * @param teams for {@link Level#RESTRICTED}, the teams that may read it (not empty); otherwise empty
 */
public record ArticleVisibility(Level level, Set<TeamId> teams) {
  /** Readable by everybody, including customers and anonymous visitors. */
  public static final ArticleVisibility PUBLIC = new ArticleVisibility(Level.PUBLIC, Set.of());

  /** Readable by agents only. */
  public static final ArticleVisibility INTERNAL = new ArticleVisibility(Level.INTERNAL, Set.of());

  /** The visibility levels. */
  public enum Level {
    /** Everybody. */
    PUBLIC,
    /** Agents. */
    INTERNAL,
    /** Agents of the listed teams. */
    RESTRICTED
  }

  /** Validates that only restricted visibility names teams, and that it names at least one. */
  public ArticleVisibility {
    Checks.notNull(level, "visibility level");
    teams = Set.copyOf(new TreeSet<>(Checks.elements(teams, "visibility teams", 1000)));
    Checks.require(
        (level == Level.RESTRICTED) == !teams.isEmpty(),
        "restricted visibility needs at least one team, and only restricted visibility names teams");
  }

  /**
   * @param teams the teams that may read the article; at least one
   * @return restricted visibility
   */
  public static ArticleVisibility restrictedTo(Set<TeamId> teams) {
    return new ArticleVisibility(Level.RESTRICTED, teams);
  }
}
