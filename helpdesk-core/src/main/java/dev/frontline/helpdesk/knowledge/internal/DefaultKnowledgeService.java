package dev.frontline.helpdesk.knowledge.internal;

import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.ArticleRevision;
import dev.frontline.helpdesk.knowledge.ArticleStats;
import dev.frontline.helpdesk.knowledge.KnowledgeIndexer;
import dev.frontline.helpdesk.knowledge.KnowledgePermissions;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.KnowledgeService;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.knowledge.SearchHit;
import dev.frontline.helpdesk.knowledge.SearchResult;
import dev.frontline.helpdesk.knowledge.Suggestion;
import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.internal.Kernel;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.access.Rights;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.spi.ArticleStore;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.spi.KnowledgeSearch;
import dev.frontline.helpdesk.spi.KnowledgeStatsStore;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The knowledge base as the host uses it: every call names its {@link Principal}, and {@link
 * KnowledgePermissions} decide before anything is read or changed. Reads of articles the principal
 * may not see behave exactly like reads of articles that do not exist. Searches pass the resolved
 * {@link SearchAudience} to the {@link KnowledgeSearch}, which filters inside the index.
 *
 * <p>Saved articles are indexed at once; a {@link KnowledgeIndexer} following the store's change
 * feed repairs anything missed (for example after a crash).
 *
 * <p>Feedback votes, views and ticket links are counted in a {@link KnowledgeStatsStore}
 * ({@link Builder#stats}; by default an in-memory one, lost on restart). Thread-safe.
 */
public final class DefaultKnowledgeService implements KnowledgeService {
  private final ArticleStore store;
  private final KnowledgeSearch search;
  private final Clock clock;
  private final KnowledgePermissions permissions;
  private final KnowledgeStatsStore stats;
  private final Kernel helpdesk;

  /**
   * @param helpdesk tickets and rights for ticket links
   * @param store the articles
   * @param search the index
   * @param stats votes, views and ticket links
   * @param permissions who may read and write
   */
  public DefaultKnowledgeService(Kernel helpdesk, ArticleStore store, KnowledgeSearch search, KnowledgeStatsStore stats,
      KnowledgePermissions permissions) {
    this.store = Objects.requireNonNull(store, "store");
    this.search = Objects.requireNonNull(search, "search");
    this.clock = helpdesk.clock();
    this.permissions = Objects.requireNonNull(permissions, "permissions");
    this.stats = Objects.requireNonNull(stats, "stats");
    this.helpdesk = helpdesk;
  }

  @Override
  public void refresh() {
    search.refresh();
  }

  /**
   * Creates or updates an article. The service sets author, time and revision.
   *
   * @param principal who saves
   * @param article the article
   * @param expectedRevision the revision the caller read, 0 to create
   * @return the stored article
   * @throws NotFoundException if an article with this id exists but the principal may not read it
   * @throws AccessDeniedException if the principal may not write it, or could not read the result
   * @throws dev.frontline.helpdesk.ConcurrentModificationException if it changed meanwhile
   */
  public Article save(Principal principal, Article article, long expectedRevision) {
    Checks.notNull(principal, "principal");
    Checks.notNull(article, "article");
    Rights r = helpdesk.access().rightsOf(principal);
    Article existing = store.find(article.id()).orElse(null);
    SearchAudience audience = permissions.readAudience(r);
    Permission action = KnowledgePermissions.publishes(existing, article) ? Permission.KB_PUBLISH : Permission.KB_WRITE;
    if (existing != null && !audience.permits(existing)) {
      // a caller who could not write this article under a free id gets exactly that answer, so
      // the answer never tells whether a hidden article with this id exists
      Article free = permissions.mayWrite(r, null, article) && audience.permits(article) ? null : article;
      if (free != null) {
        existing = null;
        action = KnowledgePermissions.publishes(null, article) ? Permission.KB_PUBLISH : Permission.KB_WRITE;
      } else {
        permissions.denied(r, action, article.id(), "article not visible");
        throw new NotFoundException("no article " + article.id());
      }
    }
    if (!permissions.mayWrite(r, existing, article)) {
      permissions.denied(r, action, article.id(), "not permitted");
      throw new AccessDeniedException("may not write article " + article.id());
    }
    if (!audience.permits(article)) {
      permissions.denied(r, action, article.id(), "result would not be visible to the writer");
      throw new AccessDeniedException("may not write an article one cannot read: " + article.id());
    }
    Article stamped = article.toBuilder().author(principal.describe()).updatedAt(clock.instant()).build();
    Article stored = store.save(stamped, expectedRevision);
    search.index(stored);
    search.refresh(); // read-your-writes: the saved article is searchable when save returns
    return stored;
  }

  /**
   * Deletes an article. Deleting a draft needs the right to write it, deleting a published or
   * archived article the right to publish it.
   *
   * @param principal who deletes
   * @param id the article
   * @param expectedRevision the revision the caller read
   * @throws NotFoundException if it does not exist or is not visible to the principal
   * @throws AccessDeniedException if the principal may see but not delete it
   */
  public void delete(Principal principal, ArticleId id, long expectedRevision) {
    Rights r = rights(principal);
    Article existing = readable(r, id, Permission.KB_READ);
    if (!permissions.mayWrite(r, existing, null)) {
      permissions.denied(r, KnowledgePermissions.publishes(existing, null) ? Permission.KB_PUBLISH : Permission.KB_WRITE, id, "not permitted");
      throw new AccessDeniedException("may not delete article " + id);
    }
    store.delete(id, expectedRevision);
    search.delete(id);
    search.refresh(); // and a deleted one is gone from searches when delete returns
    stats.delete(id);
  }

  private Rights rights(Principal principal) {
    Checks.notNull(principal, "principal");
    return helpdesk.access().rightsOf(principal);
  }

  private Optional<Article> readable(Rights r, ArticleId id) {
    Checks.notNull(id, "article id");
    SearchAudience audience = permissions.readAudience(r);
    Optional<Article> found = store.find(id);
    if (found.isPresent() && !audience.permits(found.get())) {
      permissions.denied(r, Permission.KB_READ, id, "article not visible");
      return Optional.empty();
    }
    return found;
  }

  private Article readable(Rights r, ArticleId id, Permission action) {
    Checks.notNull(id, "article id");
    SearchAudience audience = permissions.readAudience(r);
    Optional<Article> found = store.find(id);
    if (found.isEmpty()) {
      throw new NotFoundException("no article " + id);
    }
    if (!audience.permits(found.get())) {
      permissions.denied(r, action, id, "article not visible");
      throw new NotFoundException("no article " + id);
    }
    return found.get();
  }

  /**
   * Reads an article and counts the view.
   *
   * @param principal who reads
   * @param id the article
   * @return the article, or empty if it does not exist or the principal may not see it
   */
  public Optional<Article> find(Principal principal, ArticleId id) {
    Optional<Article> a = readable(rights(principal), id);
    a.ifPresent(x -> stats.view(id));
    return a;
  }

  /**
   * Reads an article and counts the view.
   *
   * @param principal who reads
   * @param id the article
   * @return the article
   * @throws NotFoundException if it does not exist or the principal may not see it
   */
  public Article get(Principal principal, ArticleId id) {
    return find(principal, id).orElseThrow(() -> new NotFoundException("no article " + id));
  }

  /**
   * @param principal who reads; must be allowed to edit the article
   * @param id the article
   * @return its revisions, oldest first
   * @throws NotFoundException if it does not exist or is not visible
   * @throws AccessDeniedException if the principal may not edit it
   */
  public List<ArticleRevision> revisions(Principal principal, ArticleId id) {
    Rights r = rights(principal);
    Article a = readable(r, id, Permission.KB_READ);
    if (!permissions.mayWrite(r, a, a)) {
      permissions.denied(r, KnowledgePermissions.publishes(a, a) ? Permission.KB_PUBLISH : Permission.KB_WRITE, id, "not permitted");
      throw new AccessDeniedException("may not see the history of article " + id);
    }
    return store.revisions(id);
  }

  /**
   * @param principal who searches
   * @param query the query
   * @return the visible hits
   */
  public SearchResult search(Principal principal, KnowledgeQuery query) {
    Rights r = rights(principal);
    return search.search(query, permissions.readAudience(r));
  }

  /**
   * @param principal who types
   * @param prefix what was typed
   * @param locale the reader's language, or null
   * @param limit at most this many, 1 to 50
   * @return visible suggestions
   */
  public List<Suggestion> suggest(Principal principal, String prefix, @Nullable Locale locale, int limit) {
    Rights r = rights(principal);
    return search.suggest(prefix, locale, permissions.readAudience(r), limit);
  }

  /**
   * Ticket deflection: articles that likely answer a ticket's text.
   *
   * @param principal who will see the suggestions (usually the customer writing the ticket)
   * @param text the ticket's subject and description
   * @param locale its language, or null
   * @param limit at most this many, 1 to 50
   * @return visible articles, best first
   */
  public List<SearchHit> articlesForText(Principal principal, String text, @Nullable Locale locale, int limit) {
    Rights r = rights(principal);
    return search.articlesForText(text, locale, permissions.readAudience(r), limit);
  }

  /**
   * @param principal who reads
   * @param id an article the principal may see
   * @param limit at most this many, 1 to 50
   * @return visible similar articles
   * @throws NotFoundException if the article does not exist or is not visible
   */
  public List<SearchHit> similar(Principal principal, ArticleId id, int limit) {
    Rights r = rights(principal);
    readable(r, id, Permission.KB_READ);
    return search.similar(id, permissions.readAudience(r), limit);
  }

  /**
   * Records "was this helpful?"; a principal's later vote replaces its earlier one.
   *
   * @param principal who votes; anonymous visitors cannot vote (they cannot be told apart)
   * @param id an article the principal may see
   * @param helpful the answer
   * @throws NotFoundException if the article does not exist or is not visible
   * @throws AccessDeniedException for anonymous visitors
   */
  public void feedback(Principal principal, ArticleId id, boolean helpful) {
    Rights r = rights(principal);
    readable(r, id, Permission.KB_READ);
    requireFeedback(r, id);
    stats.vote(id, principal.describe(), helpful);
  }

  /** {@link Permission#KB_FEEDBACK}, denied through the knowledge permissions' audit hook. */
  private void requireFeedback(Rights r, ArticleId id) {
    if (!helpdesk.access().holds(r, Permission.KB_FEEDBACK)) {
      permissions.denied(r, Permission.KB_FEEDBACK, id, "permission not held");
      throw new AccessDeniedException("anonymous visitors and unknown callers cannot vote or record article use");
    }
  }

  /**
   * Records that an article was linked to a ticket (for example sent in a reply). Each ticket counts
   * once per article.
   *
   * @param principal who links; with {@link Builder#helpdesk} it must see the ticket
   * @param id an article the principal may see
   * @param ticket the ticket
   * @throws NotFoundException if the article or the ticket does not exist or is not visible
   * @throws AccessDeniedException for anonymous visitors
   */
  public void linkedToTicket(Principal principal, ArticleId id, TicketId ticket) {
    checkTicketUse(principal, id, ticket);
    stats.linked(id, ticket);
  }

  /**
   * Records that an article solved a ticket ("solved by this article"). Each ticket counts once per
   * article.
   *
   * @param principal who records it; with {@link Builder#helpdesk} it must see the ticket
   * @param id an article the principal may see
   * @param ticket the ticket
   * @throws NotFoundException if the article or the ticket does not exist or is not visible
   * @throws AccessDeniedException for anonymous visitors
   */
  public void solvedTicket(Principal principal, ArticleId id, TicketId ticket) {
    checkTicketUse(principal, id, ticket);
    stats.solved(id, ticket);
  }

  private void checkTicketUse(Principal principal, ArticleId id, TicketId ticket) {
    Rights r = rights(principal);
    readable(r, id, Permission.KB_READ);
    Checks.notNull(ticket, "ticket id");
    requireFeedback(r, id);
    Optional<Ticket> t = helpdesk.ticketStore().find(ticket);
    if (t.isEmpty()) {
      throw new NotFoundException("ticket not found");
    }
    helpdesk.access().check(r, t.get(), Permission.TICKET_READ);
  }

  /**
   * @param principal who reads
   * @param id an article the principal may see
   * @return its usage counts
   * @throws NotFoundException if the article does not exist or is not visible
   */
  public ArticleStats stats(Principal principal, ArticleId id) {
    readable(rights(principal), id, Permission.KB_READ);
    return stats.stats(id);
  }
}
