package dev.frontline.helpdesk.knowledge;

import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.access.Rights;
import dev.frontline.helpdesk.access.internal.KnowledgeRules;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Decides what a principal may read and write in the knowledge base. A replaceable hook: {@link
 * #fromAccessControl(AccessControl)} (and {@link #builder(AccessControl)} for per-category rights)
 * derive the rights from roles and team memberships, as for tickets; the first is the helpdesk's
 * default. Implementations must be thread-safe and, apart from {@link #denied},
 * side-effect free; every decision is a pure function of the caller's {@link Rights} (resolved once
 * per service call) and the articles.
 *
 * <p>Whatever the implementation, {@link KnowledgeService} applies two rules on top: an article the
 * principal may not read behaves as if it did not exist (also for writes), and a principal may
 * only store an article it could read afterwards (write rights imply read rights).
 */
public interface KnowledgePermissions {

  /**
   * @param rights who reads, resolved once for the call ({@link AccessControl#rightsOf})
   * @return what they may see; used for single reads and for every search path alike
   */
  SearchAudience readAudience(Rights rights);

  /**
   * @param rights who writes, resolved once for the call
   * @param existing the stored article, or null when creating
   * @param updated the article to store, or null when deleting
   * @return whether the write is allowed
   */
  boolean mayWrite(Rights rights, @Nullable Article existing, @Nullable Article updated);

  /**
   * Reports a denied attempt, for audit and alerting. Called by {@link KnowledgeService} just
   * before it throws {@link dev.frontline.helpdesk.AccessDeniedException} or {@link
   * dev.frontline.helpdesk.NotFoundException} for an article that exists. The default does nothing;
   * {@link #fromAccessControl} forwards to {@link AccessControl#deny}.
   *
   * @param rights who tried
   * @param permission what was tried: {@link dev.frontline.helpdesk.access.Permission#KB_READ} for
   *     reads and uses of an article, {@link dev.frontline.helpdesk.access.Permission#KB_FEEDBACK}
   *     for votes and ticket links, {@link dev.frontline.helpdesk.access.Permission#KB_WRITE} or
   *     {@link dev.frontline.helpdesk.access.Permission#KB_PUBLISH} for changes
   * @param target the article id, if known
   * @param reason why (internal, never shown to the caller)
   */
  default void denied(Rights rights, dev.frontline.helpdesk.access.Permission permission, @Nullable ArticleId target, String reason) {}

  /**
   * Whether a save or delete publishes, that is changes what readers of published articles see or
   * could see: the stored or the new version is not a {@link ArticleStatus#DRAFT}. Such changes
   * need {@link dev.frontline.helpdesk.access.Permission#KB_PUBLISH}; edits among drafts need
   * {@link dev.frontline.helpdesk.access.Permission#KB_WRITE}.
   *
   * @param existing the stored article, or null when creating
   * @param updated the article to store, or null when deleting
   * @return whether this is a publishing change
   */
  static boolean publishes(@Nullable Article existing, @Nullable Article updated) {
    return (existing != null && existing.status() != ArticleStatus.DRAFT)
        || (updated != null && updated.status() != ArticleStatus.DRAFT);
  }

  /**
   * Rights from the {@link AccessControl} of a {@link dev.frontline.helpdesk.Helpdesk}, without
   * per-category rules; the same as {@code builder(access).build()}.
   *
   * @param access the access control
   * @return the permissions
   */
  static KnowledgePermissions fromAccessControl(AccessControl access) {
    return builder(access).build();
  }

  /**
   * Starts role- and team-based rights backed by an {@link AccessControl}:
   *
   * <ul>
   *   <li>Anonymous visitors, customers, and agents that are unknown, inactive or hold no knowledge
   *       right read published {@link ArticleVisibility#PUBLIC} articles only.
   *   <li>Agents holding {@link dev.frontline.helpdesk.access.Permission#KB_READ_INTERNAL} also
   *       read internal articles, and restricted articles that name one of their teams (any
   *       {@link dev.frontline.helpdesk.access.TeamAccess} level counts as membership). Restricted
   *       articles of other teams stay hidden, whatever the role's scope.
   *   <li>Agents holding {@link dev.frontline.helpdesk.access.Permission#KB_WRITE} (the editors)
   *       also read drafts and archived articles within that visibility; everyone else sees
   *       published articles only.
   *   <li>Creating and editing drafts needs {@code KB_WRITE}; any change that involves a published
   *       or archived version (publishing, archiving, editing or deleting a live article, see
   *       {@link #publishes}) needs {@link dev.frontline.helpdesk.access.Permission#KB_PUBLISH}.
   *   <li>Per-category rights (RT CVE-2012-4731): once any {@link Builder#categoryEditors} rule is
   *       configured, every write also needs membership in one of the teams of the most specific
   *       rule whose prefix covers the article's category, for the stored and for the new
   *       category alike; a category no rule covers cannot be written (deny by default).
   *   <li>System principals read and write everything.
   * </ul>
   *
   * Denials are reported through {@link AccessControl#deny}. Rights are read from the directory on
   * every call, so role and team changes apply at once.
   *
   * @param access the access control
   * @return a builder
   */
  static Builder builder(AccessControl access) {
    return new Builder(access);
  }

  /** Configures {@link #builder(AccessControl) access-control-backed} permissions. Not thread-safe. */
  final class Builder {
    private final AccessControl access;
    private final Map<List<String>, Set<TeamId>> categoryEditors = new LinkedHashMap<>();

    private Builder(AccessControl access) {
      this.access = Objects.requireNonNull(access, "access");
    }

    /**
     * Allows the members of the given teams to write (and, with {@code KB_PUBLISH}, publish)
     * articles in a category and below it. Calling it again for the same prefix adds teams. Once
     * any rule exists, categories no rule covers cannot be written by agents; use the empty prefix
     * {@code ""} for a rule that covers every category.
     *
     * @param categoryPrefix the category path, levels joined with {@code /} (for example {@code
     *     "billing/invoices"}); {@code ""} for the root
     * @param teams the teams whose members may write there; may be empty to lock the category
     * @return this
     */
    public Builder categoryEditors(String categoryPrefix, Set<TeamId> teams) {
      Checks.notNull(categoryPrefix, "category prefix");
      List<String> path = categoryPrefix.isEmpty() ? List.of() : Arrays.asList(categoryPrefix.split("/", -1));
      return categoryEditors(path, teams);
    }

    /**
     * Like {@link #categoryEditors(String, Set)} with the category path as a list.
     *
     * @param categoryPrefix the category path from the root; empty for the root
     * @param teams the teams whose members may write there
     * @return this
     */
    public Builder categoryEditors(List<String> categoryPrefix, Set<TeamId> teams) {
      List<String> path = List.copyOf(Checks.elements(categoryPrefix, "category prefix", 10));
      for (String c : path) {
        Checks.line(c, "category", 100);
        Checks.require(c.indexOf('/') < 0, "category names must not contain '/'");
      }
      Set<TeamId> copy = new TreeSet<>(Checks.elements(teams, "teams", 10_000));
      categoryEditors.merge(path, Set.copyOf(copy), (a, b) -> {
        Set<TeamId> u = new TreeSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
      });
      return this;
    }

    /** @return the permissions */
    public KnowledgePermissions build() {
      return new KnowledgeRules(access, new ArrayList<>(categoryEditors.entrySet()));
    }
  }

}
