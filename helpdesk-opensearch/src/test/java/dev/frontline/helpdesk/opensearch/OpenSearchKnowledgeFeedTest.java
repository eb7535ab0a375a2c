package dev.frontline.helpdesk.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleChange;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import dev.frontline.helpdesk.knowledge.KnowledgeIndexer;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.knowledge.SearchHit;
import dev.frontline.helpdesk.spi.ArticleStore;
import dev.frontline.helpdesk.spi.memory.InMemoryArticleStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Following the store's change feed: versions, tombstones, the durable cursor, rebuilds. */
class OpenSearchKnowledgeFeedTest {
  static Article article(String title, String body) {
    return Article.builder(Locale.ENGLISH, title).body(body).status(ArticleStatus.PUBLISHED).build();
  }

  static List<String> titles(OpenSearchKnowledgeSearch s, String text) {
    s.refresh();
    return s.search(KnowledgeQuery.builder(text).build(), SearchAudience.publicOnly()).hits().stream()
        .map(SearchHit::title).toList();
  }

  static long lastSequence(ArticleStore store) {
    long last = 0;
    for (ArticleChange c : store.changesSince(0, 10_000)) {
      last = Math.max(last, c.sequence());
    }
    return last;
  }

  @Test
  @DisplayName("a delete is final: a stale update replayed after it (any revision) does not bring the article back; totals and facets do not count it")
  void tombstones() {
    try (OpenSearchKnowledgeSearch s = TestIndexes.knowledge()) {
      Article v1 = article("Printer setup", "install the driver").toBuilder().revision(1).build();
      s.index(v1);
      s.index(v1.toBuilder().revision(2).build());
      s.delete(v1.id());
      s.index(v1); // a late replay of an old change
      s.index(v1.toBuilder().revision(99).build());
      assertThat(titles(s, "driver")).isEmpty();
      s.refresh();
      var all = s.search(KnowledgeQuery.builder("").facets(true).build(), SearchAudience.everything());
      assertThat(all.total()).isZero();
      assertThat(all.facets().locales()).isEmpty();
    }
  }

  @Test
  @DisplayName("the change-feed cursor is stored in the index: a new instance (a restarted application) resumes from it; it never moves back")
  void durableCursor() {
    InMemoryArticleStore store = new InMemoryArticleStore();
    String prefix = TestIndexes.freshPrefix();
    URI url = URI.create(OpenSearchNode.shared().url());
    Article a = store.save(article("Mailbox quota", "quota"), 0);
    store.save(article("Password reset", "password"), 0);
    try (OpenSearchKnowledgeSearch s = OpenSearchKnowledgeSearch.builder(url).indexPrefix(prefix).shards(1, 0).build()) {
      assertThat(s.appliedSequence()).isZero();
      assertThat(new KnowledgeIndexer(store, s).catchUp()).isEqualTo(2);
      assertThat(s.appliedSequence()).isEqualTo(lastSequence(store));
      s.markApplied(1); // an older cursor (a slower node) does not move it back
      assertThat(s.appliedSequence()).isEqualTo(lastSequence(store));
    }
    store.save(store.get(a.id()).toBuilder().body("quota raised to 50 GB").build(), 1);
    try (OpenSearchKnowledgeSearch restarted = OpenSearchKnowledgeSearch.builder(url).indexPrefix(prefix).build()) {
      assertThat(restarted.appliedSequence()).isEqualTo(lastSequence(store) - 1);
      new KnowledgeIndexer(store, restarted).catchUp();
      assertThat(restarted.appliedSequence()).isEqualTo(lastSequence(store));
      assertThat(titles(restarted, "raised")).containsExactly("Mailbox quota");
      assertThat(titles(restarted, "password")).containsExactly("Password reset");
    }
  }

  @Test
  @DisplayName("rebuild writes in bulk requests of 500: 1,234 articles (three requests) all arrive, with their versions")
  void rebuildInBulk() {
    InMemoryArticleStore store = new InMemoryArticleStore();
    for (int i = 0; i < 1234; i++) {
      store.save(article("Article " + i, "bulkword number" + i), 0);
    }
    try (OpenSearchKnowledgeSearch s = TestIndexes.knowledge()) {
      long t0 = System.nanoTime();
      assertThat(s.rebuild(store)).isEqualTo(1234);
      System.out.printf(java.util.Locale.ROOT, "[frontline] rebuilt 1,234 articles in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      s.refresh();
      var all = s.search(KnowledgeQuery.builder("bulkword").facets(true).build(), SearchAudience.publicOnly());
      assertThat(all.total()).isEqualTo(1234);
      assertThat(titles(s, "number1233")).containsExactly("Article 1233");
      assertThat(s.appliedSequence()).isEqualTo(lastSequence(store));
    }
  }

  @Test
  @DisplayName("rebuild: a new index is filled from the change feed while searches answer from the old one; then the alias moves and the old index goes")
  void rebuildWithAliasSwap() {
    InMemoryArticleStore store = new InMemoryArticleStore();
    try (OpenSearchKnowledgeSearch s = TestIndexes.knowledge()) {
      store.save(article("Mailbox quota", "quota"), 0);
      Article gone = store.save(article("Old VPN client", "vpn"), 0);
      new KnowledgeIndexer(store, s).catchUp();
      store.delete(gone.id(), gone.revision());
      // saved while the index was not following (never indexed)
      store.save(article("Password reset", "password"), 0);
      String before = s.currentIndex();

      AtomicBoolean checked = new AtomicBoolean();
      List<String> during = new ArrayList<>();
      ArticleStore watched = (ArticleStore) Proxy.newProxyInstance(ArticleStore.class.getClassLoader(),
          new Class<?>[] {ArticleStore.class}, (proxy, method, args) -> {
            if (method.getName().equals("changesSince") && checked.compareAndSet(false, true)) {
              during.add(s.currentIndex());
              during.addAll(titles(s, "quota"));
              during.addAll(titles(s, "vpn"));
              during.add(String.valueOf(titles(s, "password").size()));
              // a write during the rebuild goes to both indexes
              s.index(article("Printer jams", "paper jam"));
            }
            try {
              return method.invoke(store, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
      assertThat(s.rebuild(watched)).isEqualTo(4);
      assertThat(during).containsExactly(before, "Mailbox quota", "Old VPN client", "0");
      assertThat(s.currentIndex()).isNotEqualTo(before);
      assertThat(titles(s, "quota")).containsExactly("Mailbox quota");
      assertThat(titles(s, "password")).containsExactly("Password reset");
      assertThat(titles(s, "vpn")).isEmpty();
      assertThat(titles(s, "jam")).containsExactly("Printer jams");
      assertThat(s.appliedSequence()).isEqualTo(lastSequence(store));
    }
  }
}
