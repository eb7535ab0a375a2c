package dev.frontline.helpdesk.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.knowledge.SearchHit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Guards the ranking against regressions on the GNOME help (English) collection read from the
 * shared evaluation folder ({@code ../shared/eval}, never copied into the project). Skipped, with
 * a message, when that folder is absent.
 */
class SearchQualityRegressionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path sharedDir() {
    String prop = System.getProperty("frontline.shared.dir");
    return prop != null ? Path.of(prop) : Path.of("..", "..", "shared");
  }

  @Test
  @DisplayName("GNOME help (en): MRR@10 of the default configuration is at least 0.835")
  void gnomeEnglish() throws IOException {
    Path set = sharedDir().resolve("eval/kb/gnome-help-en");
    if (!Files.isDirectory(set)) {
      System.out.println("SKIPPED: evaluation data not found at " + set.toAbsolutePath());
      Assumptions.abort("evaluation data not found at " + set.toAbsolutePath());
    }
    Map<String, Set<String>> relevant = new HashMap<>();
    for (String line : Files.readAllLines(set.resolve("qrels.tsv"), StandardCharsets.UTF_8)) {
      String[] f = line.strip().split("\t");
      if (f.length >= 3 && Integer.parseInt(f[2]) > 0) {
        relevant.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[1]);
      }
    }
    double sum = 0;
    int n = 0;
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        LuceneKnowledgeSearch search = LuceneKnowledgeSearch.builder(dir).build()) {
      for (String line : Files.readAllLines(set.resolve("corpus.jsonl"), StandardCharsets.UTF_8)) {
        JsonNode d = JSON.readTree(line);
        search.index(Article.builder(ArticleId.of(d.get("id").asText()), Locale.forLanguageTag(d.get("locale").asText()),
                d.get("title").asText())
            .body(d.get("body").asText())
            .status(ArticleStatus.PUBLISHED)
            .build());
      }
      search.refresh();
      for (String line : Files.readAllLines(set.resolve("queries.jsonl"), StandardCharsets.UTF_8)) {
        JsonNode q = JSON.readTree(line);
        Set<String> rel = relevant.get(q.get("id").asText());
        if (rel == null) {
          continue;
        }
        n++;
        List<SearchHit> hits = search.search(
                KnowledgeQuery.builder(q.get("text").asText()).locale(Locale.forLanguageTag(q.get("locale").asText()))
                    .snippets(false).build(),
                SearchAudience.publicOnly())
            .hits();
        for (int i = 0; i < Math.min(10, hits.size()); i++) {
          if (rel.contains(hits.get(i).articleId().value())) {
            sum += 1.0 / (i + 1);
            break;
          }
        }
      }
    }
    double mrr = sum / n;
    System.out.printf(Locale.ROOT, "gnome-help-en MRR@10=%.4f over %d queries%n", mrr, n);
    assertThat(mrr).isGreaterThanOrEqualTo(0.835);
  }
}
