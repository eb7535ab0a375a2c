package dev.frontline.helpdesk.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import dev.frontline.helpdesk.knowledge.ArticleVisibility;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.knowledge.SearchHit;
import dev.frontline.helpdesk.knowledge.SearchResult;
import dev.frontline.helpdesk.knowledge.Suggestion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seeded randomized check that "can read" ({@link SearchAudience#permits}), "appears in search",
 * totals, facets, suggestions and similar articles always agree. Prints its seed; rerun one with
 * {@code -Dfrontline.seed=N}.
 */
class VisibilityConsistencyTest {
  private static final String[] WORDS = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"};
  private static final List<TeamId> TEAMS = List.of(TeamId.of("t1"), TeamId.of("t2"), TeamId.of("t3"));

  @Test
  @DisplayName("search, counts, facets, suggestions and similar articles agree with permits() for random articles and audiences")
  void consistent() throws Exception {
    long seed = Long.getLong("frontline.seed", new Random().nextLong());
    System.out.println("VisibilityConsistencyTest seed=" + seed + " (rerun with -Dfrontline.seed=" + seed + ")");
    Random random = new Random(seed);
    Map<ArticleId, Article> articles = new HashMap<>();
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        LuceneKnowledgeSearch search = LuceneKnowledgeSearch.builder(dir).build()) {
      for (int i = 0; i < 80; i++) {
        StringBuilder body = new StringBuilder();
        for (int w = 0; w < 1 + random.nextInt(4); w++) {
          body.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        ArticleVisibility vis = switch (random.nextInt(3)) {
          case 0 -> ArticleVisibility.PUBLIC;
          case 1 -> ArticleVisibility.INTERNAL;
          default -> ArticleVisibility.restrictedTo(Set.of(TEAMS.get(random.nextInt(TEAMS.size()))));
        };
        Article a = Article.builder(Locale.ENGLISH, WORDS[random.nextInt(WORDS.length)] + " guide " + i)
            .body(body.toString().strip())
            .visibility(vis)
            .status(ArticleStatus.values()[random.nextInt(3)])
            .categoryPath(List.of("c" + random.nextInt(3)))
            .tags(Set.of("tag" + random.nextInt(4)))
            .build();
        articles.put(a.id(), a);
        search.index(a);
        if (random.nextInt(10) == 0) {
          search.delete(a.id());
          articles.remove(a.id());
        }
      }
      search.refresh();
      List<SearchAudience> audiences = List.of(
          SearchAudience.publicOnly(),
          SearchAudience.agent(Set.of()),
          SearchAudience.agent(Set.of(TEAMS.get(0))),
          SearchAudience.agent(Set.of(TEAMS.get(1), TEAMS.get(2))),
          SearchAudience.everything());
      for (SearchAudience audience : audiences) {
        for (String word : WORDS) {
          Set<ArticleId> expected = new HashSet<>();
          Map<String, Long> categories = new HashMap<>();
          for (Article a : articles.values()) {
            boolean contains = (a.title() + " " + a.body()).contains(word);
            if (contains && audience.permits(a)) {
              expected.add(a.id());
              categories.merge(a.categoryKey(), 1L, Long::sum);
            }
          }
          SearchResult r = search.search(KnowledgeQuery.builder(word).page(0, 100).facets(true).build(), audience);
          List<ArticleId> found = new ArrayList<>();
          for (SearchHit h : r.hits()) {
            found.add(h.articleId());
          }
          assertThat(found).as("hits for %s, %s, seed %d", word, audience, seed).containsExactlyInAnyOrderElementsOf(expected);
          assertThat(r.total()).isEqualTo(expected.size());
          assertThat(r.facets().categories()).isEqualTo(categories);
          for (Suggestion s : search.suggest(word, Locale.ENGLISH, audience, 50)) {
            assertThat(audience.permits(articles.get(s.articleId()))).as("suggestion, seed %d", seed).isTrue();
          }
        }
        for (Article a : articles.values()) {
          List<SearchHit> similar = search.similar(a.id(), audience, 20);
          if (!audience.permits(a)) {
            assertThat(similar).as("similar to an invisible article, seed %d", seed).isEmpty();
          }
          for (SearchHit h : similar) {
            assertThat(audience.permits(articles.get(h.articleId()))).as("similar, seed %d", seed).isTrue();
          }
        }
      }
    }
  }
}
