package dev.frontline.helpdesk.micrometer.internal;

import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.knowledge.SearchHit;
import dev.frontline.helpdesk.knowledge.SearchResult;
import dev.frontline.helpdesk.knowledge.Suggestion;
import dev.frontline.helpdesk.spi.KnowledgeSearch;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** A {@link KnowledgeSearch} that times its reads and delegates everything. */
public final class TimedKnowledgeSearch implements KnowledgeSearch {
  private final KnowledgeSearch delegate;
  private final MeterRegistry registry;
  private final String name;

  /**
   * @param delegate the search
   * @param registry where the timer is
   * @param name the timer's name
   */
  public TimedKnowledgeSearch(KnowledgeSearch delegate, MeterRegistry registry, String name) {
    this.delegate = delegate;
    this.registry = registry;
    this.name = name;
  }

  private <T> T time(String operation, Supplier<T> work) {
    long start = registry.config().clock().monotonicTime();
    String outcome = "error";
    try {
      T result = work.get();
      outcome = "success";
      return result;
    } finally {
      Timer.builder(name)
          .description("Knowledge search latency")
          .tag("operation", operation)
          .tag("outcome", outcome)
          .register(registry)
          .record(registry.config().clock().monotonicTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void index(Article article) {
    delegate.index(article);
  }

  @Override
  public void delete(ArticleId id) {
    delegate.delete(id);
  }

  @Override
  public SearchResult search(KnowledgeQuery query, SearchAudience audience) {
    return time("search", () -> delegate.search(query, audience));
  }

  @Override
  public List<Suggestion> suggest(String prefix, @Nullable Locale locale, SearchAudience audience, int limit) {
    return time("suggest", () -> delegate.suggest(prefix, locale, audience, limit));
  }

  @Override
  public List<SearchHit> articlesForText(String text, @Nullable Locale locale, SearchAudience audience, int limit) {
    return time("articles_for_text", () -> delegate.articlesForText(text, locale, audience, limit));
  }

  @Override
  public List<SearchHit> similar(ArticleId id, SearchAudience audience, int limit) {
    return time("similar", () -> delegate.similar(id, audience, limit));
  }

  @Override
  public long appliedSequence() {
    return delegate.appliedSequence();
  }

  @Override
  public void markApplied(long sequence) {
    delegate.markApplied(sequence);
  }

  @Override
  public void refresh() {
    delegate.refresh();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
