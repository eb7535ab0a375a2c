package dev.frontline.helpdesk.opensearch;

import static dev.frontline.helpdesk.opensearch.OpenSearchKnowledgeFeedTest.article;
import static dev.frontline.helpdesk.opensearch.OpenSearchKnowledgeFeedTest.lastSequence;
import static dev.frontline.helpdesk.opensearch.OpenSearchKnowledgeFeedTest.titles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.knowledge.KnowledgeIndexer;
import dev.frontline.helpdesk.spi.memory.InMemoryArticleStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A cluster of two nodes of its own: two shards with one replica each, so each node holds a copy
 * of each (and, as OpenSearch balances them, one primary each: killing a node kills a primary).
 */
class OpenSearchClusterTest {
  private static List<OpenSearchNode> nodes = List.of();

  @BeforeAll
  static void start() {
    nodes = OpenSearchNode.dedicated(2);
  }

  @AfterAll
  static void destroy() {
    nodes.forEach(OpenSearchNode::destroy);
  }

  private static String get(OpenSearchNode node, String path) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(node.url() + path)).timeout(Duration.ofSeconds(70)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  @Test
  @DisplayName("two nodes, one replica: with one node killed searches still answer and indexing goes on; the node comes back with every change")
  void survivesANode() throws Exception {
    OpenSearchNode manager = nodes.get(0);
    OpenSearchNode data = nodes.get(1);
    InMemoryArticleStore store = new InMemoryArticleStore();
    // the client knows both nodes, the one that will die first
    try (OpenSearchKnowledgeSearch s = OpenSearchKnowledgeSearch.builder(URI.create(data.url()), URI.create(manager.url()))
        .indexPrefix("pair").shards(2, 1).timeouts(Duration.ofSeconds(2), Duration.ofSeconds(60)).build()) {
      KnowledgeIndexer indexer = new KnowledgeIndexer(store, s);
      store.save(article("Mailbox quota", "quota"), 0);
      indexer.catchUp();
      assertThat(get(manager, "/_cluster/health/pair-knowledge?wait_for_status=green&timeout=60s")).contains("\"status\":\"green\"");
      assertThat(titles(s, "quota")).containsExactly("Mailbox quota");

      assertThat(get(manager, "/_cat/shards/pair-knowledge-1?h=prirep,node")).as("a primary on the node to kill")
          .containsPattern("p\\s+" + data.name());
      data.kill();
      assertThat(titles(s, "quota")).as("searches answer from the remaining copy").containsExactly("Mailbox quota");
      store.save(article("Password reset", "password"), 0);
      indexer.catchUp();
      assertThat(titles(s, "password")).as("indexing goes on").containsExactly("Password reset");
      assertThat(get(manager, "/_cluster/health/pair-knowledge")).contains("\"status\":\"yellow\"");

      data.restart("wait_for_status=green&wait_for_nodes=2");
      store.save(article("Printer jams", "jam"), 0);
      indexer.catchUp();
      assertThat(titles(s, "jam")).containsExactly("Printer jams");
      assertThat(s.appliedSequence()).isEqualTo(lastSequence(store));
      // the returned node's own copy has what was indexed while it was away
      String local = get(data, "/pair-knowledge/_search?preference=_only_local&q=body:password");
      assertThat(local).contains("Password reset");
    }
  }
}
