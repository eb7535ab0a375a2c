package dev.frontline.helpdesk.knowledge;

import dev.frontline.helpdesk.access.Principal;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides what a principal may read and write in the knowledge base. A hook so that full
 * role-based rights can replace the {@linkplain #simple() simple default}. Implementations must be
 * thread-safe and side-effect free.
 */
public interface KnowledgePermissions {

  /**
   * @param principal who reads
   * @return what the principal may see; used for single reads and for every search path alike
   */
  SearchAudience readAudience(Principal principal);

  /**
   * @param principal who writes
   * @param existing the stored article, or null when creating
   * @param updated the article to store, or null when deleting
   * @return whether the write is allowed
   */
  boolean mayWrite(Principal principal, @Nullable Article existing, @Nullable Article updated);

  /**
   * The simple rules: customers and anonymous visitors read published public articles; agents
   * read public and internal articles in every status, as they are the editors (restricted ones
   * need team-aware permissions);
   * system principals read everything; agents and system principals write.
   *
   * @return the default permissions
   */
  static KnowledgePermissions simple() {
    return new KnowledgePermissions() {
      @Override
      public SearchAudience readAudience(Principal principal) {
        if (principal instanceof Principal.System) {
          return SearchAudience.everything();
        } else if (principal instanceof Principal.Agent) {
          return SearchAudience.agent(Set.of()).withStatuses(EnumSet.allOf(ArticleStatus.class));
        }
        return SearchAudience.publicOnly();
      }

      @Override
      public boolean mayWrite(Principal principal, @Nullable Article existing, @Nullable Article updated) {
        return principal instanceof Principal.Agent || principal instanceof Principal.System;
      }
    };
  }
}
