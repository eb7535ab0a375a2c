package dev.frontline.helpdesk.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.knowledge.SearchHit;
import dev.frontline.helpdesk.lucene.AnalysisPack;
import dev.frontline.helpdesk.lucene.Languages;
import dev.frontline.helpdesk.lucene.LuceneKnowledgeSearch;
import dev.frontline.helpdesk.opensearch.OpenSearchKnowledgeSearch;
import dev.frontline.helpdesk.spi.KnowledgeSearch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Evaluates the knowledge search on a test collection: indexes {@code DIR/corpus.jsonl} with the
 * library's default configuration (each article analysed by its own locale), runs {@code
 * DIR/queries.jsonl} (each in its own locale, top 100) and prints one line with MAP, MRR@10, P@1,
 * nDCG@10 and R@10 against {@code DIR/qrels.tsv}. There are deliberately no tuning options. An
 * analysis pack module on the class path (found with {@link ServiceLoader}) is enabled, as a host
 * would enable it with one line.
 *
 * <p>{@code --backend opensearch} evaluates {@link OpenSearchKnowledgeSearch} instead, in its
 * default configuration, on the cluster at {@code FRONTLINE_OPENSEARCH_URL} (default {@code
 * http://127.0.0.1:9200}), in indexes of their own that are deleted afterwards.
 */
public final class SearchEval {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SearchEval() {}

  /**
   * Runs the evaluation.
   *
   * @param args one argument: the collection directory
   */
  public static void main(String[] args) {
    PrintStream out = System.out;
    String backend = "lucene";
    List<String> rest = new ArrayList<>(List.of(args));
    if (rest.size() == 3 && rest.get(0).equals("--backend")) {
      backend = rest.get(1);
      rest = rest.subList(2, 3);
    }
    if (rest.size() != 1 || !List.of("lucene", "opensearch").contains(backend)) {
      System.err.println("usage: search-eval [--backend lucene|opensearch] DIR   (DIR holds corpus.jsonl, queries.jsonl, qrels.tsv)");
      System.exit(2);
    }
    try {
      Path dir = Path.of(rest.get(0));
      RetrievalMetrics m = backend.equals("opensearch")
          ? evaluateOpenSearch(dir, URI.create(System.getenv().getOrDefault("FRONTLINE_OPENSEARCH_URL", "http://127.0.0.1:9200")))
          : evaluate(dir, UnaryOperator.identity());
      out.println(m.line());
    } catch (IOException | RuntimeException e) {
      System.err.println("search-eval: " + e);
      System.exit(1);
    }
  }

  /**
   * Evaluates a collection.
   *
   * @param dir the collection directory
   * @param configure applied to the search builder (identity for the default configuration)
   * @return the metrics
   * @throws IOException if a file cannot be read
   */
  public static RetrievalMetrics evaluate(Path dir, UnaryOperator<LuceneKnowledgeSearch.Builder> configure)
      throws IOException {
    Map<String, Map<String, Integer>> qrels = readQrels(dir.resolve("qrels.tsv"));
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
        LuceneKnowledgeSearch search = configure.apply(withPacks(LuceneKnowledgeSearch.builder(directory))).build()) {
      load(dir, search);
      return RetrievalMetrics.evaluate(run(dir, search), qrels);
    }
  }

  /**
   * Evaluates a collection on OpenSearch: {@link OpenSearchKnowledgeSearch} in its default
   * configuration (one shard, no replica, so that a one-node cluster is green), in indexes of
   * their own (a random prefix), deleted afterwards.
   *
   * @param dir the collection directory
   * @param cluster a node of the cluster
   * @return the metrics
   * @throws IOException if a file cannot be read
   */
  public static RetrievalMetrics evaluateOpenSearch(Path dir, URI cluster) throws IOException {
    Map<String, Map<String, Integer>> qrels = readQrels(dir.resolve("qrels.tsv"));
    String prefix = "search-eval-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    try (OpenSearchKnowledgeSearch search = OpenSearchKnowledgeSearch.builder(cluster).indexPrefix(prefix).shards(1, 0).build()) {
      try {
        load(dir, search);
        return RetrievalMetrics.evaluate(run(dir, search), qrels);
      } finally {
        deleteIndexes(cluster, prefix + "-*");
      }
    }
  }

  private static void deleteIndexes(URI cluster, String pattern) {
    try {
      HttpClient.newHttpClient().send(HttpRequest.newBuilder(cluster.resolve("/" + pattern)).DELETE()
          .timeout(java.time.Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      System.err.println("search-eval: could not delete the indexes " + pattern + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Indexes a collection once and evaluates several variants of the search on it (for
   * experiments that change only the query side).
   *
   * @param dir the collection directory
   * @param variants how many variants
   * @param prepare called before each variant's run with the search and the variant's index (and
   *     once with variant 0 before indexing)
   * @return the metrics per variant
   * @throws IOException if a file cannot be read
   */
  public static List<RetrievalMetrics> evaluateVariants(
      Path dir, int variants, java.util.function.ObjIntConsumer<LuceneKnowledgeSearch> prepare) throws IOException {
    Map<String, Map<String, Integer>> qrels = readQrels(dir.resolve("qrels.tsv"));
    List<RetrievalMetrics> out = new ArrayList<>();
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
        LuceneKnowledgeSearch search = withPacks(LuceneKnowledgeSearch.builder(directory)).build()) {
      if (variants > 0) {
        // before indexing too: the index then has what every variant may read (n-grams of every article)
        prepare.accept(search, 0);
      }
      load(dir, search);
      for (int i = 0; i < variants; i++) {
        prepare.accept(search, i);
        out.add(RetrievalMetrics.evaluate(run(dir, search), qrels));
      }
    }
    return out;
  }

  /**
   * @param b a search builder
   * @return it, with every analysis pack on the class path enabled
   */
  static LuceneKnowledgeSearch.Builder withPacks(LuceneKnowledgeSearch.Builder b) {
    for (AnalysisPack pack : ServiceLoader.load(AnalysisPack.class)) {
      b.analysisPack(pack);
    }
    return b;
  }

  private static void load(Path dir, KnowledgeSearch search) throws IOException {
    for (JsonNode doc : readJsonLines(dir.resolve("corpus.jsonl"))) {
      search.index(toArticle(doc));
    }
    search.refresh();
  }

  private static Map<String, List<String>> run(Path dir, KnowledgeSearch search) throws IOException {
    Map<String, List<String>> rankings = new HashMap<>();
    {
      for (JsonNode q : readJsonLines(dir.resolve("queries.jsonl"))) {
        KnowledgeQuery query = KnowledgeQuery.builder(q.path("text").asText())
            .locale(Languages.locale(q.path("locale").asText("en")))
            .page(0, KnowledgeQuery.MAX_LIMIT)
            .snippets(false)
            .build();
        List<String> ids = new ArrayList<>();
        for (SearchHit h : search.search(query, SearchAudience.publicOnly()).hits()) {
          ids.add(h.articleId().value());
        }
        rankings.put(q.path("id").asText(), ids);
      }
    }
    return rankings;
  }

  private static Article toArticle(JsonNode doc) {
    String title = doc.path("title").asText("").replaceAll("\\s+", " ").strip();
    Article.Builder b = Article.builder(
            ArticleId.of(doc.path("id").asText()),
            Languages.locale(doc.path("locale").asText("en")),
            title.isEmpty() ? "Untitled" : title)
        .body(doc.path("body").asText(""))
        .status(ArticleStatus.PUBLISHED);
    String category = doc.path("category").asText("");
    if (!category.isBlank()) {
      b.categoryPath(List.of(category));
    }
    return b.build();
  }

  private static List<JsonNode> readJsonLines(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          out.add(JSON.readTree(line));
        }
      }
    }
    return out;
  }

  private static Map<String, Map<String, Integer>> readQrels(Path file) throws IOException {
    Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.strip().split("\t");
      if (f.length >= 3) {
        out.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], Integer.parseInt(f[2].strip()));
      }
    }
    return out;
  }
}
