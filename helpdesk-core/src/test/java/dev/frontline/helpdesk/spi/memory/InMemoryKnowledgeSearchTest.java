package dev.frontline.helpdesk.spi.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import dev.frontline.helpdesk.knowledge.ArticleVisibility;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.knowledge.SearchHit;
import dev.frontline.helpdesk.knowledge.SearchResult;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InMemoryKnowledgeSearchTest {
  private final InMemoryKnowledgeSearch search = new InMemoryKnowledgeSearch();

  private Article article(String title, String body, ArticleVisibility vis, String... category) {
    Article a = Article.builder(Locale.ENGLISH, title).body(body).visibility(vis)
        .status(ArticleStatus.PUBLISHED).categoryPath(List.of(category)).tags(Set.of("t")).build();
    search.index(a);
    return a;
  }

  @Test
  @DisplayName("ranks by term frequency and idf, title counted twice")
  void ranking() {
    Article printer = article("Printer setup", "Connect the printer to Wi-Fi.", ArticleVisibility.PUBLIC, "devices");
    Article wifi = article("Wi-Fi", "Join a wireless network with Wi-Fi.", ArticleVisibility.PUBLIC, "network");
    SearchResult r = search.search(KnowledgeQuery.builder("printer wireless").facets(true).build(), SearchAudience.publicOnly());
    assertThat(r.hits()).extracting(SearchHit::articleId).containsExactly(printer.id(), wifi.id());
    assertThat(r.hits().get(0).snippet()).contains("<b>printer</b>");
    assertThat(r.facets().categories()).containsEntry("devices", 1L).containsEntry("network", 1L);
  }

  @Test
  @DisplayName("a word only in an internal article gives a customer no hit, count or facet")
  void visibility() {
    article("Refund override", "Use the secret zebra code.", ArticleVisibility.INTERNAL, "billing");
    article("Team runbook", "zebra procedure", ArticleVisibility.restrictedTo(Set.of(TeamId.of("tier2"))), "ops");
    SearchResult customer = search.search(KnowledgeQuery.builder("zebra").facets(true).build(), SearchAudience.publicOnly());
    assertThat(customer.total()).isZero();
    assertThat(customer.facets().categories()).isEmpty();
    assertThat(search.suggest("zeb", null, SearchAudience.publicOnly(), 5)).isEmpty();
    assertThat(search.search(KnowledgeQuery.builder("zebra").build(), SearchAudience.agent(Set.of())).total()).isEqualTo(1);
    assertThat(search.search(KnowledgeQuery.builder("zebra").build(), SearchAudience.agent(Set.of(TeamId.of("tier2")))).total())
        .isEqualTo(2);
  }

  @Test
  @DisplayName("snippets escape HTML")
  void escaping() {
    article("Script", "Never paste <script>alert(1)</script> here", ArticleVisibility.PUBLIC);
    String snippet = search.search(KnowledgeQuery.builder("script").build(), SearchAudience.publicOnly()).hits().get(0).snippet();
    assertThat(snippet).doesNotContain("<script>").contains("&lt;<b>script</b>&gt;");
  }

  @Test
  @DisplayName("suggest completes title words; similar excludes the article itself")
  void suggestAndSimilar() {
    Article a = article("Password reset", "reset your password", ArticleVisibility.PUBLIC);
    Article b = article("Password rules", "password length rules", ArticleVisibility.PUBLIC);
    assertThat(search.suggest("passw", Locale.ENGLISH, SearchAudience.publicOnly(), 5)).hasSize(2);
    assertThat(search.suggest("password res", Locale.ENGLISH, SearchAudience.publicOnly(), 5)).singleElement()
        .satisfies(s -> assertThat(s.articleId()).isEqualTo(a.id()));
    assertThat(search.similar(a.id(), SearchAudience.publicOnly(), 5)).extracting(SearchHit::articleId).containsExactly(b.id());
  }
}
