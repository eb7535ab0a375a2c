package dev.frontline.helpdesk.spi.memory;

import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.ArticleStats;
import dev.frontline.helpdesk.spi.KnowledgeStatsStore;
import dev.frontline.helpdesk.ticket.TicketId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reference {@link KnowledgeStatsStore}: concurrent maps in memory (lost on restart). A vote is
 * one atomic {@code put} in a per-article map keyed by voter, so each voter counts once.
 * Thread-safe.
 */
public final class InMemoryKnowledgeStatsStore implements KnowledgeStatsStore {
  private final Map<ArticleId, Stats> stats = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryKnowledgeStatsStore() {}

  private static final class Stats {
    final Map<String, Boolean> votes = new ConcurrentHashMap<>();
    final AtomicLong views = new AtomicLong();
    final Set<TicketId> linked = ConcurrentHashMap.newKeySet();
    final Set<TicketId> solved = ConcurrentHashMap.newKeySet();
  }

  private Stats of(ArticleId article) {
    return stats.computeIfAbsent(Checks.notNull(article, "article id"), k -> new Stats());
  }

  @Override
  public Optional<Boolean> vote(ArticleId article, String voter, boolean helpful) {
    Checks.text(voter, "voter", 200);
    return Optional.ofNullable(of(article).votes.put(voter, helpful));
  }

  @Override
  public void view(ArticleId article) {
    of(article).views.incrementAndGet();
  }

  @Override
  public boolean linked(ArticleId article, TicketId ticket) {
    return of(article).linked.add(Checks.notNull(ticket, "ticket id"));
  }

  @Override
  public boolean solved(ArticleId article, TicketId ticket) {
    return of(article).solved.add(Checks.notNull(ticket, "ticket id"));
  }

  @Override
  public ArticleStats stats(ArticleId article) {
    Stats s = stats.get(Checks.notNull(article, "article id"));
    if (s == null) {
      return ArticleStats.empty();
    }
    long yes = 0;
    long no = 0;
    for (Boolean v : s.votes.values()) {
      if (v) {
        yes++;
      } else {
        no++;
      }
    }
    return new ArticleStats(s.views.get(), yes, no, s.linked.size(), s.solved.size());
  }

  @Override
  public void delete(ArticleId article) {
    stats.remove(Checks.notNull(article, "article id"));
  }
}
