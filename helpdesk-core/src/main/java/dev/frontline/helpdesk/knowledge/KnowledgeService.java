package dev.frontline.helpdesk.knowledge;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.spi.KnowledgeSearch;
import dev.frontline.helpdesk.spi.KnowledgeStatsStore;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The knowledge base as the host uses it: every call names its {@link Principal}, and {@link
 * KnowledgePermissions} decide before anything is read or changed. Reads of articles the principal
 * may not see behave exactly like reads of articles that do not exist. Searches pass the resolved
 * {@link SearchAudience} to the {@link KnowledgeSearch}, which filters inside the index.
 *
 * <p>Saved and deleted articles are indexed at once: when {@link #save} or {@link #delete} returns,
 * every search (of any caller on this node) sees the change, also on near-real-time indexes, whose
 * {@link KnowledgeSearch#refresh()} the service calls. Changes that reach the store otherwise (another
 * node, a {@link KnowledgeIndexer} following the store's change feed, which also repairs anything
 * missed after a crash) become searchable within the index's refresh interval, or at once after
 * {@link #refresh()}.
 *
 * <p>Feedback votes, views and ticket links are counted in a {@link KnowledgeStatsStore}
 * (the store bundle's {@code knowledgeStatsStore()}). Thread-safe.
 */
public interface KnowledgeService {
  /**
   * Makes every change indexed so far searchable now, for example after a {@link KnowledgeIndexer}
   * applied changes of another node. Saves and deletes through this service need no call.
   */
  void refresh();

  /**
   * Creates or updates an article. The service sets author, time and revision.
   *
   * @param principal who saves
   * @param article the article
   * @param expectedRevision the revision the caller read, 0 to create
   * @return the stored article
   * @throws NotFoundException if an article with this id exists that the principal may not read,
   *     but the principal could write and read this article under a free id
   * @throws AccessDeniedException if the principal may not write it, or could not read the result
   *     (the same answer whether or not a hidden article with this id exists)
   * @throws dev.frontline.helpdesk.ConcurrentModificationException if it changed meanwhile
   */
  Article save(Principal principal, Article article, long expectedRevision);

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
  void delete(Principal principal, ArticleId id, long expectedRevision);

  /**
   * Reads an article and counts the view.
   *
   * @param principal who reads
   * @param id the article
   * @return the article, or empty if it does not exist or the principal may not see it
   */
  Optional<Article> find(Principal principal, ArticleId id);

  /**
   * Reads an article and counts the view.
   *
   * @param principal who reads
   * @param id the article
   * @return the article
   * @throws NotFoundException if it does not exist or the principal may not see it
   */
  Article get(Principal principal, ArticleId id);

  /**
   * @param principal who reads; must be allowed to edit the article
   * @param id the article
   * @return its revisions, oldest first
   * @throws NotFoundException if it does not exist or is not visible
   * @throws AccessDeniedException if the principal may not edit it
   */
  List<ArticleRevision> revisions(Principal principal, ArticleId id);

  /**
   * @param principal who searches
   * @param query the query
   * @return the visible hits
   */
  SearchResult search(Principal principal, KnowledgeQuery query);

  /**
   * @param principal who types
   * @param prefix what was typed
   * @param locale the reader's language, or null
   * @param limit at most this many, 1 to 50
   * @return visible suggestions
   */
  List<Suggestion> suggest(Principal principal, String prefix, @Nullable Locale locale, int limit);

  /**
   * Ticket deflection: articles that likely answer a ticket's text.
   *
   * @param principal who will see the suggestions (usually the customer writing the ticket)
   * @param text the ticket's subject and description
   * @param locale its language, or null
   * @param limit at most this many, 1 to 50
   * @return visible articles, best first
   */
  List<SearchHit> articlesForText(Principal principal, String text, @Nullable Locale locale, int limit);

  /**
   * @param principal who reads
   * @param id an article the principal may see
   * @param limit at most this many, 1 to 50
   * @return visible similar articles
   * @throws NotFoundException if the article does not exist or is not visible
   */
  List<SearchHit> similar(Principal principal, ArticleId id, int limit);

  /**
   * Records "was this helpful?"; a principal's later vote replaces its earlier one.
   *
   * @param principal who votes; anonymous visitors cannot vote (they cannot be told apart)
   * @param id an article the principal may see
   * @param helpful the answer
   * @throws NotFoundException if the article does not exist or is not visible
   * @throws AccessDeniedException for anonymous visitors
   */
  void feedback(Principal principal, ArticleId id, boolean helpful);

  /**
   * Records that an article was linked to a ticket (for example sent in a reply). Each ticket counts
   * once per article.
   *
   * @param principal who links; it must see the ticket
   * @param id an article the principal may see
   * @param ticket the ticket
   * @throws NotFoundException if the article or the ticket does not exist or is not visible
   * @throws AccessDeniedException for anonymous visitors
   */
  void linkedToTicket(Principal principal, ArticleId id, TicketId ticket);

  /**
   * Records that an article solved a ticket ("solved by this article"). Each ticket counts once per
   * article.
   *
   * @param principal who records it; it must see the ticket
   * @param id an article the principal may see
   * @param ticket the ticket
   * @throws NotFoundException if the article or the ticket does not exist or is not visible
   * @throws AccessDeniedException for anonymous visitors
   */
  void solvedTicket(Principal principal, ArticleId id, TicketId ticket);

  /**
   * @param principal who reads
   * @param id an article the principal may see
   * @return its usage counts
   * @throws NotFoundException if the article does not exist or is not visible
   */
  ArticleStats stats(Principal principal, ArticleId id);
}
