package dev.frontline.examples.web;

import dev.frontline.helpdesk.opensearch.OpenSearchKnowledgeSearch;
import dev.frontline.helpdesk.opensearch.OpenSearchTicketSearch;
import dev.frontline.helpdesk.spi.HelpdeskStores;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Knowledge and ticket search on an OpenSearch cluster instead of the starter's Lucene indexes,
 * with {@code frontline.search.backend=opensearch}: the starter makes its Lucene beans only when
 * there is no {@code KnowledgeSearch} / {@code TicketSearch} bean, so defining these two is the
 * whole switch. The cluster is {@code frontline.search.opensearch.urls} (comma-separated nodes),
 * the indexes are named after {@code frontline.search.opensearch.index-prefix} (one prefix per
 * installation sharing a cluster). Every application node uses the same indexes; the starter's
 * catch-up (every {@code frontline.search.catch-up-interval}) fills a new knowledge index from the
 * database's change feed and keeps it current with changes saved on other nodes, and the helpdesk
 * re-indexes the solved tickets at start (idempotent: documents carry external versions).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "frontline.search.backend", havingValue = "opensearch")
public class OpenSearchConfiguration {
  private static final Logger log = LoggerFactory.getLogger(OpenSearchConfiguration.class);

  private static URI[] hosts(String urls) {
    return Arrays.stream(urls.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(URI::create).toArray(URI[]::new);
  }

  /**
   * @param urls the cluster's nodes
   * @param prefix the installation's index prefix
   * @param replicas replicas of each shard of a new index (0 for a one-node cluster)
   * @return the knowledge search, closed with the context
   */
  @Bean(destroyMethod = "close")
  public OpenSearchKnowledgeSearch openSearchKnowledgeSearch(
      @Value("${frontline.search.opensearch.urls}") String urls,
      @Value("${frontline.search.opensearch.index-prefix:frontline}") String prefix,
      @Value("${frontline.search.opensearch.replicas:1}") int replicas) {
    OpenSearchKnowledgeSearch search =
        OpenSearchKnowledgeSearch.builder(hosts(urls)).indexPrefix(prefix).shards(1, replicas).build();
    log.info("Frontline knowledge search on OpenSearch at {}, index {}", urls, search.currentIndex());
    return search;
  }

  /**
   * Off with {@code frontline.search.tickets=false}, like the starter's Lucene one. With the ticket
   * store as source, removals (a ticket reopened) are versioned like the other writes.
   *
   * @param stores the stores (the ticket store is the source)
   * @param urls the cluster's nodes
   * @param prefix the installation's index prefix
   * @param replicas replicas of each shard of a new index (0 for a one-node cluster)
   * @return the ticket search, closed with the context
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(prefix = "frontline.search", name = "tickets", havingValue = "true", matchIfMissing = true)
  public OpenSearchTicketSearch openSearchTicketSearch(HelpdeskStores stores,
      @Value("${frontline.search.opensearch.urls}") String urls,
      @Value("${frontline.search.opensearch.index-prefix:frontline}") String prefix,
      @Value("${frontline.search.opensearch.replicas:1}") int replicas) {
    // the helpdesk analyses tickets in English unless told otherwise (Helpdesk.Builder.ticketSearch)
    return OpenSearchTicketSearch.builder(hosts(urls)).indexPrefix(prefix).shards(1, replicas)
        .source(stores.ticketStore(), ticket -> Locale.ENGLISH).build();
  }
}
