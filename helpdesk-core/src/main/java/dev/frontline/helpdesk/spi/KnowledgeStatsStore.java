package dev.frontline.helpdesk.spi;

import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.ArticleStats;
import dev.frontline.helpdesk.ticket.TicketId;
import java.util.Optional;

/**
 * Durable feedback and usage counts of knowledge-base articles: "was this helpful?" votes, views,
 * and the tickets an article was linked to or solved. The caller ({@code KnowledgeService}) has
 * already checked rights; the store only counts.
 *
 * <p>Rules every implementation must keep, also under concurrency (checked by {@code
 * KnowledgeStatsStoreContract} in helpdesk-testkit):
 *
 * <ul>
 *   <li>one vote per voter per article: a later vote replaces the earlier one atomically, so
 *       concurrent votes of one voter never count twice (a unique key on (article, voter) in SQL);
 *   <li>a ticket counts once per article for "linked" and once for "solved", however often it is
 *       recorded (idempotent, so replays are harmless);
 *   <li>views are a counter; no increment is lost.
 * </ul>
 *
 * <p>Implementations must be thread-safe.
 */
public interface KnowledgeStatsStore {

  /**
   * Records or replaces a vote.
   *
   * @param article the article
   * @param voter a stable identity of the voter (e.g. {@code Principal.describe()}), 1 to 200 chars
   * @param helpful the answer
   * @return the voter's previous vote on this article, if any
   */
  Optional<Boolean> vote(ArticleId article, String voter, boolean helpful);

  /**
   * Counts one view.
   *
   * @param article the article
   */
  void view(ArticleId article);

  /**
   * Records that the article was linked to a ticket.
   *
   * @param article the article
   * @param ticket the ticket
   * @return whether this ticket was new for this article
   */
  boolean linked(ArticleId article, TicketId ticket);

  /**
   * Records that the article solved a ticket.
   *
   * @param article the article
   * @param ticket the ticket
   * @return whether this ticket was new for this article
   */
  boolean solved(ArticleId article, TicketId ticket);

  /**
   * @param article the article
   * @return its counts; all zero for an unknown article
   */
  ArticleStats stats(ArticleId article);

  /**
   * Forgets everything about an article (when it is deleted).
   *
   * @param article the article
   */
  void delete(ArticleId article);
}
