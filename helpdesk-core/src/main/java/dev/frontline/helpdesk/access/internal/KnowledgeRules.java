package dev.frontline.helpdesk.access.internal;

import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import dev.frontline.helpdesk.knowledge.KnowledgePermissions;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.access.Rights;
import dev.frontline.helpdesk.directory.TeamId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The knowledge-base rules of {@link KnowledgePermissions#builder(AccessControl)}, as pure functions
 * of the caller's {@link Rights}. Immutable and thread-safe.
 */
public final class KnowledgeRules implements KnowledgePermissions {
  private final AccessControl access;
  private final List<Map.Entry<List<String>, Set<TeamId>>> categoryEditors;

  /**
   * @param access the access control (for held permissions and denial records)
   * @param categoryEditors per-category editor teams, by category path prefix
   */
  public KnowledgeRules(AccessControl access, List<Map.Entry<List<String>, Set<TeamId>>> categoryEditors) {
    this.access = access;
    this.categoryEditors = List.copyOf(categoryEditors);
  }

  @Override
  public SearchAudience readAudience(Rights r) {
    if (r.isSystem()) {
      return SearchAudience.everything();
    }
    if (r.agent() == null) {
      // customers, visitors, and agents that are unknown or inactive: published public articles
      return SearchAudience.publicOnly();
    }
    boolean internal = access.holds(r, Permission.KB_READ_INTERNAL);
    Set<TeamId> teams = internal ? r.teams().keySet() : Set.of();
    Set<ArticleStatus> statuses =
        access.holds(r, Permission.KB_WRITE) ? EnumSet.allOf(ArticleStatus.class) : Set.of(ArticleStatus.PUBLISHED);
    return new SearchAudience(internal, false, teams, statuses);
  }

  @Override
  public boolean mayWrite(Rights r, @Nullable Article existing, @Nullable Article updated) {
    if (r.isSystem()) {
      return true;
    }
    if (r.agent() == null) {
      return false;
    }
    Permission needed = KnowledgePermissions.publishes(existing, updated) ? Permission.KB_PUBLISH : Permission.KB_WRITE;
    if (!access.holds(r, needed)) {
      return false;
    }
    if (categoryEditors.isEmpty()) {
      return true;
    }
    Set<TeamId> mine = r.teams().keySet();
    return (existing == null || mayEditCategory(mine, existing.categoryPath()))
        && (updated == null || mayEditCategory(mine, updated.categoryPath()));
  }

  /** The most specific rule covering the category decides; no rule, no right. */
  private boolean mayEditCategory(Set<TeamId> mine, List<String> category) {
    Set<TeamId> allowed = null;
    int best = -1;
    for (Map.Entry<List<String>, Set<TeamId>> rule : categoryEditors) {
      List<String> prefix = rule.getKey();
      if (prefix.size() > best && prefix.size() <= category.size() && category.subList(0, prefix.size()).equals(prefix)) {
        best = prefix.size();
        allowed = rule.getValue();
      }
    }
    return allowed != null && allowed.stream().anyMatch(mine::contains);
  }

  @Override
  public void denied(Rights rights, Permission permission, @Nullable ArticleId target, String reason) {
    access.deny(rights.principal(), permission, target == null ? null : target.value(), reason);
  }
}
