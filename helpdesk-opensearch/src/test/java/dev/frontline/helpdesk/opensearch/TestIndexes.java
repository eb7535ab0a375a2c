package dev.frontline.helpdesk.opensearch;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/** Searches on the shared test node, each on indexes of its own (a fresh prefix). */
final class TestIndexes {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private TestIndexes() {}

  /** @return a prefix no other search of this test run uses */
  static String freshPrefix() {
    return "t" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
  }

  /** @return a knowledge search on new, empty indexes of the shared node */
  static OpenSearchKnowledgeSearch knowledge() {
    OpenSearchNode node = OpenSearchNode.shared();
    return OpenSearchKnowledgeSearch.builder(URI.create(node.url())).indexPrefix(freshPrefix()).shards(1, 0).build();
  }

  /** @return a ticket search on new, empty indexes of the shared node */
  static OpenSearchTicketSearch tickets() {
    return ticketsBuilder().build();
  }

  /** @return a builder of a ticket search on new, empty indexes of the shared node */
  static OpenSearchTicketSearch.Builder ticketsBuilder() {
    OpenSearchNode node = OpenSearchNode.shared();
    return OpenSearchTicketSearch.builder(URI.create(node.url())).indexPrefix(freshPrefix()).shards(1, 0);
  }
}
