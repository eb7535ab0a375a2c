package dev.frontline.helpdesk.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.knowledge.SearchHit;
import dev.frontline.helpdesk.knowledge.SearchResult;
import dev.frontline.helpdesk.knowledge.Suggestion;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz targets for knowledge search, suggest and articles-for-text on a Lucene index of a real
 * corpus (GNOME help in English, Danish and Hungarian from {@code ../shared/eval/kb}; skipped when
 * that folder is absent). The contract: any query text, locale, filters and paging either works
 * (hits within the page, only published public articles for the public audience) or throws {@link
 * ValidationException}, and costs at most {@link #BUDGET} of CPU time: every input, including
 * made-up words of 1,000 and 2,000 letters, long words that mix scripts (Latin letters around a
 * Hangul syllable and Cyrillic letters) and queries of many long words (committed inputs).
 */
class KnowledgeSearchFuzzTest {
  /**
   * 100 ms of CPU per query, as the library promises. In fuzzing mode ({@code JAZZER_FUZZ} set) the
   * library runs instrumented next to the fuzzer, some times slower: the budget is 400 ms in that
   * mode, which still catches costs that grow with the input.
   */
  static final Duration BUDGET = System.getenv("JAZZER_FUZZ") != null ? Duration.ofMillis(400) : Duration.ofMillis(100);

  static final Locale[] LOCALES = {
    Locale.ENGLISH, Locale.forLanguageTag("da"), Locale.forLanguageTag("hu"), Locale.forLanguageTag("zh-CN"),
    Locale.forLanguageTag("und"), Locale.forLanguageTag("x-made-up"), Locale.ROOT
  };

  static ByteBuffersDirectory dir;
  static LuceneKnowledgeSearch search;
  static String sampleQuery = "printer";

  @BeforeAll
  static void index() throws IOException {
    String prop = System.getProperty("frontline.shared.dir");
    Path kb = (prop != null ? Path.of(prop) : Path.of("..", "..", "shared")).resolve("eval/kb");
    Assumptions.assumeTrue(Files.isDirectory(kb.resolve("gnome-help-en")), "evaluation data not found at " + kb.toAbsolutePath());
    dir = new ByteBuffersDirectory();
    search = LuceneKnowledgeSearch.builder(dir).build();
    ObjectMapper json = new ObjectMapper();
    int n = 0;
    for (String set : List.of("gnome-help-en", "gnome-help-da", "gnome-help-hu")) {
      for (String line : Files.readAllLines(kb.resolve(set).resolve("corpus.jsonl"), StandardCharsets.UTF_8)) {
        JsonNode d = json.readTree(line);
        // Every third article stays a draft, so that the public audience has something to miss.
        search.index(Article.builder(ArticleId.of(set.substring(11) + "-" + d.get("id").asText()), Locale.forLanguageTag(d.get("locale").asText()),
                d.get("title").asText())
            .body(d.get("body").asText())
            .status(n++ % 3 == 2 ? ArticleStatus.DRAFT : ArticleStatus.PUBLISHED)
            .build());
      }
    }
    search.refresh();
    // Warm up the paths fuzzed inputs take, so that the budget measures steady-state cost and not
    // the first compilation: ordinary words, and made-up words with other scripts mixed in, which
    // the typo checks and the analysis of every language see as unknown words
    for (int i = 0; i < 50; i++) {
      search.search(KnowledgeQuery.builder("wireless network printer " + i).build(), SearchAudience.publicOnly());
      search.search(KnowledgeQuery.builder("zqxjkvbwmplrts" + (char) ('\uAC00' + i * 37) + "nhgf" + (char) ('\u0430' + i % 32) + "w")
          .page(0, 18).build(), SearchAudience.everything());
      search.search(KnowledgeQuery.builder("kvbwmplrtsnhgfdqzx\u4E2D\u6587" + i).locale(Locale.forLanguageTag("da")).build(),
          SearchAudience.publicOnly());
      search.suggest("pri", Locale.ENGLISH, SearchAudience.publicOnly(), 10);
      search.articlesForText("My printer does not connect to the wireless network", null, SearchAudience.publicOnly(), 5);
    }
  }

  @AfterAll
  static void close() {
    if (search != null) {
      search.close();
    }
  }

  @FuzzTest(maxDuration = "10m")
  void search(FuzzedDataProvider data) {
    Locale locale = data.consumeBoolean() ? null : data.pickValue(LOCALES);
    List<String> categories = strings(data, 12, 40);
    Set<String> tags = Set.copyOf(strings(data, 22, 40));
    int offset = data.consumeBoolean() ? data.consumeInt(0, 30) : data.consumeInt();
    int limit = data.consumeBoolean() ? data.consumeInt(1, 20) : data.consumeInt();
    boolean snippets = data.consumeBoolean();
    SearchAudience audience = data.consumeBoolean() ? SearchAudience.publicOnly() : SearchAudience.everything();
    String text = data.consumeRemainingAsString();
    KnowledgeQuery query;
    try {
      query = KnowledgeQuery.builder(text).locale(locale).categoryPath(categories).tags(tags).page(offset, limit)
          .snippets(snippets).build();
    } catch (ValidationException invalid) {
      return;
    }
    SearchResult result;
    try {
      result = within("search " + query, () -> search.search(query, audience));
    } catch (ValidationException invalid) {
      return;
    }
    assertThat(result.hits().size()).isLessThanOrEqualTo(limit);
    assertThat(result.total()).isGreaterThanOrEqualTo(result.hits().size());
    if (audience.equals(SearchAudience.publicOnly())) {
      assertThat(result.hits()).allSatisfy(h -> assertThat(isDraft(h.articleId())).as("draft %s for the public", h.articleId()).isFalse());
    }
  }

  @FuzzTest(maxDuration = "10m")
  void suggestAndArticlesForText(FuzzedDataProvider data) {
    Locale locale = data.consumeBoolean() ? null : data.pickValue(LOCALES);
    int limit = data.consumeBoolean() ? data.consumeInt(1, 20) : data.consumeInt();
    String text = data.consumeRemainingAsString();
    try {
      List<Suggestion> suggestions =
          within("suggest " + text, () -> search.suggest(text, locale, SearchAudience.publicOnly(), limit));
      assertThat(suggestions.size()).isLessThanOrEqualTo(limit);
      assertThat(suggestions).allSatisfy(s -> assertThat(isDraft(s.articleId())).isFalse());
    } catch (ValidationException invalid) {
      // too long a prefix or a limit outside 1..50
    }
    try {
      List<SearchHit> hits =
          within("articlesForText " + text, () -> search.articlesForText(text, locale, SearchAudience.publicOnly(), limit));
      assertThat(hits.size()).isLessThanOrEqualTo(limit);
      assertThat(hits).allSatisfy(h -> assertThat(isDraft(h.articleId())).isFalse());
    } catch (ValidationException invalid) {
      // a limit outside 1..50
    }
  }

  /** Drafts are every third article in index order; their ids are remembered while indexing. */
  static boolean isDraft(ArticleId id) {
    return DRAFTS.contains(id.value());
  }

  static final Set<String> DRAFTS = drafts();

  private static Set<String> drafts() {
    String prop = System.getProperty("frontline.shared.dir");
    Path kb = (prop != null ? Path.of(prop) : Path.of("..", "..", "shared")).resolve("eval/kb");
    List<String> out = new ArrayList<>();
    int n = 0;
    ObjectMapper json = new ObjectMapper();
    try {
      for (String set : List.of("gnome-help-en", "gnome-help-da", "gnome-help-hu")) {
        Path corpus = kb.resolve(set).resolve("corpus.jsonl");
        if (!Files.exists(corpus)) {
          return Set.of();
        }
        for (String line : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
          String id = set.substring(11) + "-" + json.readTree(line).get("id").asText();
          if (n++ % 3 == 2) {
            out.add(id);
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return Set.copyOf(out);
  }

  static List<String> strings(FuzzedDataProvider data, int maxCount, int maxLength) {
    List<String> out = new ArrayList<>();
    for (int i = data.consumeInt(0, maxCount); i > 0; i--) {
      out.add(data.consumeString(maxLength));
    }
    return out;
  }

  /**
   * Runs one entry-point call and fails if it costs more than its budget of this thread's CPU time
   * twice in a row (a collection pause or another process is not the input's cost).
   */
  static <T> T within(String what, Supplier<T> op) {
    Duration budget = BUDGET;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int attempt = 0; ; attempt++) {
      long t0 = threads.getCurrentThreadCpuTime();
      T result = op.get();
      long took = threads.getCurrentThreadCpuTime() - t0;
      if (took <= budget.toNanos()) {
        return result;
      }
      if (attempt == 1) {
        fail("over the budget of " + budget.toMillis() + " ms CPU (" + took / 1_000_000 + " ms): "
            + (what.length() > 300 ? what.substring(0, 300) + "..." : what));
      }
    }
  }
}
