package dev.frontline.helpdesk.opensearch;

import static dev.frontline.helpdesk.opensearch.OpenSearchKnowledgeFeedTest.article;
import static dev.frontline.helpdesk.opensearch.OpenSearchKnowledgeFeedTest.lastSequence;
import static dev.frontline.helpdesk.opensearch.OpenSearchKnowledgeFeedTest.titles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.KnowledgeIndexer;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.spi.memory.InMemoryArticleStore;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A node of its own, stopped and started again while the store changes. */
class OpenSearchOutageTest {
  private static OpenSearchNode node;

  @BeforeAll
  static void start() {
    node = OpenSearchNode.dedicated(1).get(0);
  }

  @AfterAll
  static void destroy() {
    if (node != null) {
      node.destroy();
    }
  }

  @Test
  @DisplayName("cluster outage: calls fail with OpenSearchUnavailableException; once it is back, the indexer resumes from its cursor and no document is lost or stale")
  void resumesAfterOutage() throws Exception {
    InMemoryArticleStore store = new InMemoryArticleStore();
    try (OpenSearchKnowledgeSearch s = OpenSearchKnowledgeSearch.builder(URI.create(node.url()))
        .indexPrefix("outage").shards(1, 0).timeouts(Duration.ofSeconds(2), Duration.ofSeconds(10)).build()) {
      KnowledgeIndexer indexer = new KnowledgeIndexer(store, s);
      Article quota = store.save(article("Mailbox quota", "the quota is 10 GB"), 0);
      Article vpn = store.save(article("Old VPN client", "vpn"), 0);
      indexer.catchUp();
      long cursorBefore = s.appliedSequence();

      node.stop();
      // the store goes on changing while the cluster is away
      Article quota2 = store.save(quota.toBuilder().body("the quota is now 50 GB, raised").build(), quota.revision());
      store.delete(vpn.id(), vpn.revision());
      store.save(article("Password reset", "password"), 0);
      assertThatThrownBy(indexer::catchUp).isInstanceOf(OpenSearchUnavailableException.class)
          .hasMessageContaining("unreachable").hasMessageContaining(node.url().replace("http://", ""));
      assertThatThrownBy(() -> s.search(KnowledgeQuery.builder("quota").build(), SearchAudience.publicOnly()))
          .isInstanceOf(OpenSearchUnavailableException.class);
      assertThatThrownBy(s::appliedSequence).isInstanceOf(OpenSearchUnavailableException.class);

      node.restart("wait_for_status=green");
      assertThat(s.appliedSequence()).as("the cursor survived, and did not move while the cluster was away").isEqualTo(cursorBefore);
      // a stale change replayed late (another node's retry) changes nothing
      s.index(quota);
      indexer.catchUp();
      s.index(quota);
      assertThat(s.appliedSequence()).isEqualTo(lastSequence(store));
      assertThat(titles(s, "raised")).containsExactly("Mailbox quota");
      assertThat(titles(s, "10")).isEmpty();
      assertThat(titles(s, "vpn")).isEmpty();
      assertThat(titles(s, "password")).containsExactly("Password reset");
      assertThat(quota2.revision()).isGreaterThan(quota.revision());
    }
  }
}
