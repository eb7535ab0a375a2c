package dev.frontline.examples.web;

import dev.frontline.helpdesk.HelpdeskException;
import dev.frontline.helpdesk.knowledge.KnowledgeIndexer;
import dev.frontline.helpdesk.knowledge.KnowledgeService;
import dev.frontline.helpdesk.lucene.LuceneKnowledgeSearch;
import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.spi.ArticleStore;
import dev.frontline.helpdesk.spi.HelpdeskStores;
import dev.frontline.helpdesk.spi.memory.InMemoryArticleStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The knowledge base: articles in an {@link ArticleStore}, searched with {@link LuceneKnowledgeSearch}
 * on an index folder ({@code frontline.kb.index-dir}).
 *
 * <p>Articles live in the same database as the tickets ({@link HelpdeskStores#articleStore()}). The
 * index opens as it is and catches up with the store's change feed ({@code source(store)}); it is
 * rebuilt from the store only if it is missing, unreadable or of an older schema. Only with the
 * throw-away {@link InMemoryArticleStore} (which starts empty) is the index folder emptied at start.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class KnowledgeConfiguration {
  private static final Logger log = LoggerFactory.getLogger(KnowledgeConfiguration.class);

  /**
   * @param stores the helpdesk's stores
   * @return the article store
   */
  @Bean
  @ConditionalOnMissingBean
  public ArticleStore articleStore(HelpdeskStores stores) {
    return stores.articleStore();
  }

  /**
   * @param store the articles
   * @param indexDir the index folder; one per application node (Lucene allows one writer)
   * @return the search, closed (and committed) with the context
   */
  @Bean(destroyMethod = "close")
  public LuceneKnowledgeSearch knowledgeSearch(ArticleStore store, @Value("${frontline.kb.index-dir}") Path indexDir) {
    if (store instanceof InMemoryArticleStore) {
      deleteRecursively(indexDir); // the store starts empty, so must the index
    }
    LuceneKnowledgeSearch search = LuceneKnowledgeSearch.builder(indexDir).source(store).build();
    log.info("Knowledge index in {}{}", indexDir.toAbsolutePath(), search.rebuilt() ? " (created)" : "");
    return search;
  }

  /**
   * @param helpdesk the helpdesk
   * @return the knowledge base service, with the helpdesk's access control (roles and teams decide
   *     who reads, writes and publishes); every call names the reader's principal
   */
  @Bean
  public KnowledgeService knowledgeService(Helpdesk helpdesk) {
    return helpdesk.knowledge();
  }

  /**
   * @param helpdesk the helpdesk
   * @return the indexer that keeps this node's index in step with the store's change feed
   */
  @Bean
  public KnowledgeIndexer knowledgeIndexer(Helpdesk helpdesk) {
    return helpdesk.knowledgeIndexer();
  }

  /** Catches up with article changes made on other nodes (or directly in the store) every few seconds. */
  @Configuration(proxyBeanMethods = false)
  static class CatchUp {
    private final KnowledgeIndexer indexer;

    CatchUp(KnowledgeIndexer indexer) {
      this.indexer = indexer;
    }

    /**
     * A failing catch-up (database restarting, schema dropped while shutting down) is retried at
     * the next run; it logs one line, not the stack trace that Spring's scheduler would print for
     * every run (the trace is at DEBUG).
     */
    @Scheduled(initialDelay = 5_000, fixedDelay = 5_000)
    void catchUp() {
      try {
        indexer.catchUp();
      } catch (HelpdeskException e) {
        log.warn("Knowledge index catch-up failed, retrying in 5 s: {}", e.getMessage());
        log.debug("Knowledge index catch-up failure", e);
      }
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot empty the index folder " + dir, e);
    }
  }
}
