package dev.frontline.helpdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import dev.frontline.helpdesk.knowledge.ArticleVisibility;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.knowledge.SearchHit;
import dev.frontline.helpdesk.knowledge.SearchResult;
import dev.frontline.helpdesk.knowledge.Suggestion;
import dev.frontline.helpdesk.spi.KnowledgeSearch;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link KnowledgeSearch} must pass. Queries use exact word forms, so that
 * implementations with and without stemming are judged alike.
 */
public abstract class KnowledgeSearchContract {
  /** The search under test. */
  protected KnowledgeSearch search;

  /** Subclasses need no-arg constructors. */
  protected KnowledgeSearchContract() {}

  /** @return a new, empty search */
  protected abstract KnowledgeSearch newSearch();

  /**
   * Makes everything indexed so far searchable; near-real-time implementations refresh here.
   *
   * @param s the search
   */
  protected void makeSearchable(KnowledgeSearch s) {}

  @BeforeEach
  void fresh() {
    search = newSearch();
  }

  @AfterEach
  void release() {
    search.close();
  }

  private Article add(String title, String body, ArticleVisibility vis, String category, String tag, Locale locale) {
    Article a = Article.builder(locale, title).body(body).visibility(vis).status(ArticleStatus.PUBLISHED)
        .categoryPath(List.of(category)).tags(Set.of(tag)).build();
    search.index(a);
    return a;
  }

  private Article add(String title, String body) {
    return add(title, body, ArticleVisibility.PUBLIC, "general", "t", Locale.ENGLISH);
  }

  private SearchResult find(String text, SearchAudience audience) {
    makeSearchable(search);
    return search.search(KnowledgeQuery.builder(text).facets(true).build(), audience);
  }

  /** Indexing, replacing and deleting. */
  @Nested
  @DisplayName("indexing")
  class Indexing {
    @Test
    @DisplayName("an indexed article is found by a word of its title or body")
    void found() {
      Article a = add("Printer setup", "Install the driver");
      assertThat(find("printer", SearchAudience.publicOnly()).hits()).extracting(SearchHit::articleId).containsExactly(a.id());
      assertThat(find("driver", SearchAudience.publicOnly()).hits()).extracting(SearchHit::articleId).containsExactly(a.id());
      assertThat(find("wallpaper", SearchAudience.publicOnly()).total()).isZero();
    }

    @Test
    @DisplayName("indexing the same id again replaces the article; deleting removes it")
    void replaceAndDelete() {
      Article a = add("Printer setup", "Install the driver");
      search.index(a.toBuilder().body("Download the firmware").build());
      assertThat(find("driver", SearchAudience.publicOnly()).total()).isZero();
      assertThat(find("firmware", SearchAudience.publicOnly()).total()).isEqualTo(1);
      search.delete(a.id());
      assertThat(find("firmware", SearchAudience.publicOnly()).total()).isZero();
      search.delete(a.id());
    }

    @Test
    @DisplayName("the better match ranks first")
    void ranking() {
      add("Mail", "mail once");
      Article both = add("Mail filters", "mail filters sort your mail");
      assertThat(find("mail filters", SearchAudience.publicOnly()).hits().get(0).articleId()).isEqualTo(both.id());
    }
  }

  /** Visibility applied inside the search. */
  @Nested
  @DisplayName("visibility")
  class Visibility {
    @Test
    @DisplayName("a word only in internal articles gives a customer no hit, count, facet or suggestion")
    void internalHidden() {
      add("Refund override", "zebracode", ArticleVisibility.INTERNAL, "secret", "hidden", Locale.ENGLISH);
      add("Tier runbook", "zebracode", ArticleVisibility.restrictedTo(Set.of(TeamId.of("tier2"))), "ops", "ops", Locale.ENGLISH);
      SearchResult r = find("zebracode", SearchAudience.publicOnly());
      assertThat(r.total()).isZero();
      assertThat(r.hits()).isEmpty();
      assertThat(r.facets().categories()).isEmpty();
      assertThat(r.facets().tags()).isEmpty();
      assertThat(search.suggest("refund", null, SearchAudience.publicOnly(), 10)).isEmpty();
      assertThat(search.articlesForText("zebracode", null, SearchAudience.publicOnly(), 10)).isEmpty();
      assertThat(find("zebracode", SearchAudience.agent(Set.of())).total()).isEqualTo(1);
      assertThat(find("zebracode", SearchAudience.agent(Set.of(TeamId.of("tier2")))).total()).isEqualTo(2);
    }

    @Test
    @DisplayName("drafts and archived articles are visible only to audiences that include their status")
    void status() {
      search.index(Article.builder(Locale.ENGLISH, "Draft").body("quasar").build());
      assertThat(find("quasar", SearchAudience.publicOnly()).total()).isZero();
      assertThat(find("quasar", SearchAudience.everything()).total()).isEqualTo(1);
    }
  }

  /** Filters, paging and facets. */
  @Nested
  @DisplayName("filters, paging and facets")
  class Filters {
    @Test
    @DisplayName("facets count every match; category, tag and locale filters narrow; pages slice")
    void facetsAndFilters() {
      for (int i = 0; i < 4; i++) {
        add("Mail " + i, "mail", ArticleVisibility.PUBLIC, i % 2 == 0 ? "apps" : "system", "tag" + (i % 2), Locale.ENGLISH);
      }
      add("Mail", "mail", ArticleVisibility.PUBLIC, "apps", "tag0", Locale.forLanguageTag("da"));
      SearchResult all = find("mail", SearchAudience.publicOnly());
      assertThat(all.total()).isEqualTo(5);
      assertThat(all.facets().categories()).containsEntry("apps", 3L).containsEntry("system", 2L);
      assertThat(all.facets().tags()).containsEntry("tag0", 3L).containsEntry("tag1", 2L);
      assertThat(all.facets().locales()).containsEntry("en", 4L).containsEntry("da", 1L);
      assertThat(search.search(KnowledgeQuery.builder("mail").categoryPath(List.of("apps")).build(),
          SearchAudience.publicOnly()).total()).isEqualTo(3);
      assertThat(search.search(KnowledgeQuery.builder("mail").tags(Set.of("tag1")).build(),
          SearchAudience.publicOnly()).total()).isEqualTo(2);
      assertThat(search.search(KnowledgeQuery.builder("mail").locale(Locale.forLanguageTag("da")).build(),
          SearchAudience.publicOnly()).total()).isEqualTo(1);
      SearchResult page = search.search(KnowledgeQuery.builder("mail").page(3, 10).build(), SearchAudience.publicOnly());
      assertThat(page.total()).isEqualTo(5);
      assertThat(page.hits()).hasSize(2);
    }
  }

  /** Languages. */
  @Nested
  @DisplayName("languages")
  class Languages {
    @Test
    @DisplayName("with fallback locales each translation group appears once, in the most preferred visible language")
    void translations() {
      Locale da = Locale.forLanguageTag("da");
      search.index(Article.builder(Locale.ENGLISH, "Printer setup").body("printer").status(ArticleStatus.PUBLISHED)
          .translationGroup("setup").build());
      search.index(Article.builder(da, "Printer opsaetning").body("printer").status(ArticleStatus.PUBLISHED)
          .translationGroup("setup").build());
      search.index(Article.builder(Locale.ENGLISH, "Printer drivers").body("printer").status(ArticleStatus.PUBLISHED)
          .translationGroup("drivers").build());
      search.index(Article.builder(da, "Printer intern").body("printer").status(ArticleStatus.PUBLISHED)
          .visibility(ArticleVisibility.INTERNAL).translationGroup("drivers").build());
      makeSearchable(search);
      SearchResult r = search.search(KnowledgeQuery.builder("printer").locale(da, Locale.ENGLISH).build(),
          SearchAudience.publicOnly());
      assertThat(r.hits()).extracting(SearchHit::title).containsExactlyInAnyOrder("Printer opsaetning", "Printer drivers");
      assertThat(r.total()).isEqualTo(2);
      SearchResult agent = search.search(KnowledgeQuery.builder("printer").locale(da, Locale.ENGLISH).build(),
          SearchAudience.agent(Set.of()));
      assertThat(agent.hits()).extracting(SearchHit::title).containsExactlyInAnyOrder("Printer opsaetning", "Printer intern");
    }
  }

  /** Suggestions, deflection and similar articles. */
  @Nested
  @DisplayName("suggestions and related articles")
  class Related {
    @Test
    @DisplayName("suggestions complete the last word of a title")
    void suggest() {
      add("Reset your password", "x");
      add("Password rules", "x");
      add("Passport photos", "x");
      makeSearchable(search);
      assertThat(search.suggest("passw", Locale.ENGLISH, SearchAudience.publicOnly(), 10)).extracting(Suggestion::title)
          .containsExactlyInAnyOrder("Reset your password", "Password rules");
    }

    @Test
    @DisplayName("deflection finds articles for a ticket text; similar excludes the article itself")
    void deflectAndSimilar() {
      Article vpn = add("VPN connection", "connect the VPN client");
      Article vpn2 = add("VPN errors", "VPN client errors");
      add("Wallpaper", "desktop background");
      makeSearchable(search);
      assertThat(search.articlesForText("my VPN client fails", Locale.ENGLISH, SearchAudience.publicOnly(), 5))
          .extracting(SearchHit::articleId).containsExactlyInAnyOrder(vpn.id(), vpn2.id());
      assertThat(search.similar(vpn.id(), SearchAudience.publicOnly(), 5)).extracting(SearchHit::articleId)
          .doesNotContain(vpn.id()).first().isEqualTo(vpn2.id());
    }
  }
}
