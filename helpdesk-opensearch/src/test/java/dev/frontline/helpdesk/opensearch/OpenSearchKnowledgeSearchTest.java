package dev.frontline.helpdesk.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.knowledge.SearchHit;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OpenSearchKnowledgeSearchTest {
  private static Article article(String title, String body, long revision) {
    return Article.builder(Locale.ENGLISH, title).body(body).status(ArticleStatus.PUBLISHED).revision(revision).build();
  }

  private static List<String> titles(OpenSearchKnowledgeSearch s, String text) {
    s.refresh();
    return s.search(KnowledgeQuery.builder(text).build(), SearchAudience.publicOnly()).hits().stream()
        .map(SearchHit::title).toList();
  }

  private static List<String> english(OpenSearchKnowledgeSearch s, String text) {
    s.refresh();
    return s.search(KnowledgeQuery.builder(text).locale(Locale.ENGLISH).build(), SearchAudience.publicOnly()).hits().stream()
        .map(SearchHit::title).toList();
  }

  @Test
  @DisplayName("an unreachable cluster is an OpenSearchUnavailableException (a StorageException) naming the host")
  void unreachable() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    URI nobody = URI.create("http://127.0.0.1:" + port);
    assertThatThrownBy(() -> OpenSearchKnowledgeSearch.builder(nobody)
            .timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)).build())
        .isInstanceOf(OpenSearchUnavailableException.class)
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("127.0.0.1:" + port)
        .hasMessageContaining("unreachable");
  }

  @Test
  @DisplayName("re-indexing is idempotent: an older revision replayed later changes nothing, the same revision again is harmless")
  void externalVersions() {
    try (OpenSearchKnowledgeSearch s = TestIndexes.knowledge()) {
      Article v1 = article("Printer setup", "install the olddriver", 1);
      Article v2 = v1.toBuilder().body("install the newdriver").revision(2).build();
      s.index(v1);
      s.index(v2);
      s.index(v1); // a late replay of the first change
      s.index(v2); // and the second one delivered twice
      assertThat(titles(s, "olddriver")).isEmpty();
      assertThat(titles(s, "newdriver")).containsExactly("Printer setup");
      s.index(v2.toBuilder().body("install the thirddriver").revision(3).build());
      assertThat(titles(s, "newdriver")).isEmpty();
      assertThat(titles(s, "thirddriver")).containsExactly("Printer setup");
    }
  }

  @Test
  @DisplayName("installations sharing a cluster are kept apart by their index prefix; nodes of one installation share its index")
  void prefixes() {
    OpenSearchNode node = OpenSearchNode.shared();
    String prefix = TestIndexes.freshPrefix();
    try (OpenSearchKnowledgeSearch a = OpenSearchKnowledgeSearch.builder(URI.create(node.url())).indexPrefix(prefix).shards(1, 0).build();
        OpenSearchKnowledgeSearch sameInstallation = OpenSearchKnowledgeSearch.builder(URI.create(node.url())).indexPrefix(prefix).build();
        OpenSearchKnowledgeSearch other = TestIndexes.knowledge()) {
      assertThat(a.indexAlias()).isEqualTo(prefix + "-knowledge");
      a.index(article("Mailbox quota", "quota", 0));
      assertThat(titles(sameInstallation, "quota")).containsExactly("Mailbox quota");
      assertThat(titles(other, "quota")).isEmpty();
    }
  }

  @Test
  @DisplayName("each language is analysed by its OpenSearch analyzer; words no visible article has are matched fuzzily, known words exactly")
  void languagesAndTypos() {
    try (OpenSearchKnowledgeSearch s = TestIndexes.knowledge()) {
      Locale da = Locale.forLanguageTag("da");
      s.index(Article.builder(da, "Opsaetning af printer").body("Saadan tilslutter du printeren").status(ArticleStatus.PUBLISHED).build());
      s.index(article("Reset your password", "choose a new password", 0));
      s.index(article("Passport photos", "passport", 0));
      s.refresh();
      List<String> danish = s.search(KnowledgeQuery.builder("printerne").locale(da).build(), SearchAudience.publicOnly())
          .hits().stream().map(SearchHit::title).toList();
      assertThat(danish).containsExactly("Opsaetning af printer");
      assertThat(english(s, "passwrod")).containsExactly("Reset your password");
      // "passport" is a known word: no fuzzy expansion to "password"
      assertThat(english(s, "passport")).containsExactly("Passport photos");
      // in every language (Danish among them), character n-grams also match word parts, as
      // compounds need; the typo's article still comes first
      assertThat(titles(s, "passwrod")).first().isEqualTo("Reset your password");
      SearchHit hit = s.search(KnowledgeQuery.builder("password").build(), SearchAudience.publicOnly()).hits().get(0);
      assertThat(hit.snippet()).contains("<b>password</b>");
    }
  }
}
