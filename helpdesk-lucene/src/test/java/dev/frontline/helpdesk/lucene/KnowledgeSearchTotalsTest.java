package dev.frontline.helpdesk.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import dev.frontline.helpdesk.knowledge.ArticleVisibility;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.knowledge.SearchFacets;
import dev.frontline.helpdesk.knowledge.SearchHit;
import dev.frontline.helpdesk.knowledge.SearchResult;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The total contract (exact up to a threshold, then "at least"), facets on request, typo-check caching. */
class KnowledgeSearchTotalsTest {
  private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
  private final LuceneKnowledgeSearch search = newSearch();

  private LuceneKnowledgeSearch newSearch() {
    return LuceneKnowledgeSearch.builder(dir).build();
  }

  @AfterEach
  void close() {
    search.close();
  }

  private void add(String title, String body, ArticleVisibility visibility) {
    search.index(Article.builder(Locale.ENGLISH, title).body(body).visibility(visibility).status(ArticleStatus.PUBLISHED).build());
  }

  private SearchResult find(KnowledgeQuery.Builder q, SearchAudience audience) {
    search.refresh();
    return search.search(q.locale(Locale.ENGLISH).build(), audience);
  }

  @Test
  @DisplayName("beyond the threshold the total is a lower bound; with facets it is exact; hits are the same")
  void totalsBeyondThreshold() {
    long seed = new Random().nextLong();
    System.out.println("KnowledgeSearchTotalsTest seed " + seed);
    Random random = new Random(seed);
    int matching = SearchResult.EXACT_TOTAL_UP_TO + 200 + random.nextInt(300);
    for (int i = 0; i < matching; i++) {
      String extra = random.nextInt(4) == 0 ? " otter otter otter" : "";
      add("Common " + i, "walrus" + extra + " filler " + random.nextInt(1000), ArticleVisibility.PUBLIC);
    }
    add("Hidden walrus", "walrus walrus walrus", ArticleVisibility.INTERNAL);
    SearchResult quick = find(KnowledgeQuery.builder("walrus otter").snippets(false), SearchAudience.publicOnly());
    SearchResult full = find(KnowledgeQuery.builder("walrus otter").snippets(false).facets(true), SearchAudience.publicOnly());

    assertThat(full.totalExact()).isTrue();
    assertThat(full.total()).isEqualTo(matching);
    assertThat(full.facets().locales()).containsExactly(java.util.Map.entry("en", (long) matching));
    assertThat(quick.facets()).isEqualTo(SearchFacets.EMPTY);
    assertThat(quick.total()).isBetween((long) SearchResult.EXACT_TOTAL_UP_TO, (long) matching);
    if (!quick.totalExact()) {
      assertThat(quick.total()).isGreaterThanOrEqualTo(SearchResult.EXACT_TOTAL_UP_TO);
    } else {
      assertThat(quick.total()).isEqualTo(matching);
    }
    assertThat(quick.hits().stream().map(SearchHit::articleId).toList())
        .isEqualTo(full.hits().stream().map(SearchHit::articleId).toList());
    assertThat(quick.hits()).noneSatisfy(h -> assertThat(h.title()).isEqualTo("Hidden walrus"));
  }

  @Test
  @DisplayName("up to the threshold the total is exact without facets, and counts only visible articles")
  void totalsBelowThreshold() {
    for (int i = 0; i < 30; i++) {
      add("Pelican " + i, "pelican care", ArticleVisibility.PUBLIC);
    }
    for (int i = 0; i < 5; i++) {
      add("Internal pelican " + i, "pelican care", ArticleVisibility.restrictedTo(Set.of(TeamId.of("tier2"))));
    }
    SearchResult r = find(KnowledgeQuery.builder("pelican"), SearchAudience.publicOnly());
    assertThat(r.totalExact()).isTrue();
    assertThat(r.total()).isEqualTo(30);
    assertThat(r.facets()).isEqualTo(SearchFacets.EMPTY);
    assertThat(find(KnowledgeQuery.builder("pelican"), SearchAudience.everything()).total()).isEqualTo(35);
  }

  @Test
  @DisplayName("a typo check answer is not reused after the index changed or for another audience")
  void typoCheckFollowsIndexAndAudience() {
    add("Walrus feeding", "how to feed a walrus", ArticleVisibility.PUBLIC);
    // "walrsu" occurs nowhere: fuzzy matching finds the walrus article
    assertThat(titles(find(KnowledgeQuery.builder("walrsu"), SearchAudience.publicOnly()))).containsExactly("Walrus feeding");
    add("Walrsu", "walrsu is a real product name", ArticleVisibility.INTERNAL);
    // visible to agents only: for customers the word is still unknown, so still fuzzy
    assertThat(titles(find(KnowledgeQuery.builder("walrsu"), SearchAudience.publicOnly()))).containsExactly("Walrus feeding");
    // for agents the word is known now: no fuzzy expansion, only the exact article
    assertThat(titles(find(KnowledgeQuery.builder("walrsu"), SearchAudience.everything()))).containsExactly("Walrsu");
    add("Walrsu public", "walrsu for everyone", ArticleVisibility.PUBLIC);
    // the index changed: the customers' earlier "unknown" answer must not be reused
    assertThat(titles(find(KnowledgeQuery.builder("walrsu"), SearchAudience.publicOnly()))).containsExactly("Walrsu public");
  }

  private static List<String> titles(SearchResult r) {
    return r.hits().stream().map(SearchHit::title).toList();
  }
}
