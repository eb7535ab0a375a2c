package dev.frontline.helpdesk.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.knowledge.SearchResult;
import dev.frontline.helpdesk.lucene.LuceneKnowledgeSearch;
import dev.frontline.helpdesk.opensearch.OpenSearchKnowledgeSearch;
import dev.frontline.helpdesk.spi.KnowledgeSearch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * Measures the knowledge search on a collection (behind {@code scripts/search-bench}): indexes
 * {@code DIR/corpus.jsonl} with the library's default configuration, then, in this JVM, runs every
 * query of {@code DIR/queries.jsonl} (top 10, in its locale; one warm-up pass, then one measured
 * pass) through {@link LuceneKnowledgeSearch} with snippets, as a customer calls it, and through
 * plain Lucene BM25 written by hand (one index, the language's analyzer on title and body, the
 * query's terms OR-ed, nothing else). Prints one last line on stdout: {@code docs=N queries=Q
 * index_docs_per_s=… library_p50_ms=… library_p99_ms=… bm25_p50_ms=… bm25_p99_ms=…}.
 *
 * <p>{@code --backend opensearch} measures {@link OpenSearchKnowledgeSearch} instead (default
 * configuration; one shard, no replica) on the cluster at {@code FRONTLINE_OPENSEARCH_URL}, in
 * indexes of its own that are deleted afterwards: articles indexed one call each through {@code
 * KnowledgeSearch.index}, as the change feed does, and queries over HTTP; the BM25 baseline stays
 * the in-process Lucene one.
 */
public final class SearchBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SearchBench() {}

  /**
   * Runs the benchmark.
   *
   * @param args the collection directory; optionally a work directory for the indexes (default: a
   *     fresh temporary directory, deleted afterwards)
   */
  public static void main(String[] args) {
    URI opensearch = null;
    if (args.length >= 2 && args[0].equals("--backend") && args[1].equals("opensearch")) {
      opensearch = URI.create(System.getenv().getOrDefault("FRONTLINE_OPENSEARCH_URL", "http://127.0.0.1:9200"));
      args = Arrays.copyOfRange(args, 2, args.length);
    }
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: search-bench [--backend opensearch] DIR   (DIR holds corpus.jsonl and queries.jsonl)");
      System.exit(2);
    }
    try {
      Path dir = Path.of(args[0]);
      Path work = args.length == 2 ? Path.of(args[1]) : Files.createTempDirectory("search-bench");
      try {
        System.out.println(run(dir, work, opensearch));
      } finally {
        if (args.length == 1) {
          delete(work);
        }
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("search-bench: " + e);
      System.exit(1);
    }
  }

  private record Doc(String id, Locale locale, String title, String body) {}

  private record Q(String text, Locale locale) {}

  static String run(Path dir, Path work) throws IOException {
    return run(dir, work, null);
  }

  static String run(Path dir, Path work, @Nullable URI opensearch) throws IOException {
    List<Doc> docs = new ArrayList<>();
    for (JsonNode d : readJsonLines(dir.resolve("corpus.jsonl"))) {
      docs.add(new Doc(d.path("id").asText(), Locale.forLanguageTag(d.path("locale").asText("en")),
          d.path("title").asText("").replaceAll("\\s+", " ").strip(), d.path("body").asText("")));
    }
    List<Q> queries = new ArrayList<>();
    for (JsonNode q : readJsonLines(dir.resolve("queries.jsonl"))) {
      queries.add(new Q(q.path("text").asText(), Locale.forLanguageTag(q.path("locale").asText("en"))));
    }
    Path libraryDir = work.resolve("library");
    Path bm25Dir = work.resolve("bm25");
    // indexing: the library's default configuration, every article through KnowledgeSearch.index
    boolean reuse = opensearch == null && Files.isDirectory(libraryDir) && Files.isDirectory(bm25Dir)
        && Boolean.getBoolean("searchBench.reuse");
    double docsPerSecond = Double.NaN;
    String prefix = "search-bench-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    double[] library = new double[queries.size()];
    double[] bm25 = new double[queries.size()];
    long totalHits = 0;
    OpenSearchKnowledgeSearch remote = opensearch == null ? null
        : OpenSearchKnowledgeSearch.builder(opensearch).indexPrefix(prefix).shards(1, 0).build();
    try {
      if (!reuse) {
        delete(libraryDir);
        delete(bm25Dir);
        long t0 = System.nanoTime();
        if (remote != null) {
          for (Doc d : docs) {
            remote.index(article(d));
          }
          remote.refresh();
        } else {
          try (LuceneKnowledgeSearch search = LuceneKnowledgeSearch.builder(libraryDir).build()) {
            for (Doc d : docs) {
              search.index(article(d));
            }
            search.refresh();
            search.commit();
          }
        }
        docsPerSecond = docs.size() / ((System.nanoTime() - t0) / 1e9);
        System.err.printf(Locale.ROOT, "search-bench: %s indexed %d articles at %.0f articles/s%n",
            remote == null ? "library" : "OpenSearch", docs.size(), docsPerSecond);
        try (FSDirectory fs = FSDirectory.open(bm25Dir);
            IndexWriter w = new IndexWriter(fs, new IndexWriterConfig(bm25Analyzer()))) {
          for (Doc d : docs) {
            Document doc = new Document();
            String lang = lang(d.locale());
            doc.add(new StringField("id", d.id(), Field.Store.YES));
            doc.add(new TextField("title_" + lang, d.title(), Field.Store.NO));
            doc.add(new TextField("body_" + lang, d.body(), Field.Store.NO));
            w.addDocument(doc);
          }
          w.commit();
        }
      }
      try (KnowledgeSearch search = remote != null ? new Unclosed(remote) : LuceneKnowledgeSearch.builder(libraryDir).build();
          FSDirectory fs = FSDirectory.open(bm25Dir);
          DirectoryReader reader = DirectoryReader.open(fs)) {
        IndexSearcher bm25Searcher = new IndexSearcher(reader);
        Analyzer analyzer = bm25Analyzer();
        // -DsearchBench.facets=true asks for facets and the exact total (the full pass over every match)
        boolean facets = Boolean.getBoolean("searchBench.facets");
        for (int pass = 0; pass < 2; pass++) {
          for (int i = 0; i < queries.size(); i++) {
            Q q = queries.get(i);
            KnowledgeQuery kq = KnowledgeQuery.builder(q.text()).locale(q.locale()).page(0, 10).facets(facets).build();
            long t0 = System.nanoTime();
            SearchResult r = search.search(kq, SearchAudience.publicOnly());
            library[i] = (System.nanoTime() - t0) / 1e6;
            totalHits += r.hits().size();
          }
          for (int i = 0; i < queries.size(); i++) {
            Q q = queries.get(i);
            long t0 = System.nanoTime();
            TopDocs top = bm25Searcher.search(bm25Query(analyzer, q), 10);
            for (ScoreDoc sd : top.scoreDocs) {
              bm25Searcher.storedFields().document(sd.doc).get("id");
            }
            bm25[i] = (System.nanoTime() - t0) / 1e6;
          }
        }
        System.err.printf(Locale.ROOT, "search-bench: a saved article was searchable after %.0f ms%n", visibleAfterMs(search));
      }
    } finally {
      if (remote != null && opensearch != null) {
        remote.close();
        deleteIndexes(opensearch, prefix + "-*");
      }
    }
    if (totalHits < 0) {
      throw new IllegalStateException();
    }
    return String.format(Locale.ROOT,
        "docs=%d queries=%d index_docs_per_s=%.0f library_p50_ms=%.3f library_p99_ms=%.3f bm25_p50_ms=%.3f bm25_p99_ms=%.3f",
        docs.size(), queries.size(), docsPerSecond, percentile(library, 50), percentile(library, 99),
        percentile(bm25, 50), percentile(bm25, 99));
  }

  /**
   * Indexes one new article as the change feed would and polls (every millisecond) until a search
   * finds it, relying on the library's own background refresh.
   */
  private static double visibleAfterMs(KnowledgeSearch search) {
    String word = "zqxbench" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).replaceAll("[0-9]", "z");
    long t0 = System.nanoTime();
    search.index(article(new Doc("bench-visibility-probe", Locale.ENGLISH, "Probe " + word, "A new article about " + word)));
    KnowledgeQuery q = KnowledgeQuery.builder(word).locale(Locale.ENGLISH).build();
    while (search.search(q, SearchAudience.publicOnly()).hits().isEmpty()) {
      if (System.nanoTime() - t0 > 30_000_000_000L) {
        return Double.POSITIVE_INFINITY;
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Double.NaN;
      }
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  /** The OpenSearch search, used by the measurement without being closed by it. */
  private record Unclosed(KnowledgeSearch search) implements KnowledgeSearch {
    @Override
    public void index(Article article) {
      search.index(article);
    }

    @Override
    public void delete(ArticleId id) {
      search.delete(id);
    }

    @Override
    public SearchResult search(KnowledgeQuery query, SearchAudience audience) {
      return search.search(query, audience);
    }

    @Override
    public List<dev.frontline.helpdesk.knowledge.Suggestion> suggest(
        String prefix, @Nullable Locale locale, SearchAudience audience, int limit) {
      return search.suggest(prefix, locale, audience, limit);
    }

    @Override
    public List<dev.frontline.helpdesk.knowledge.SearchHit> articlesForText(
        String text, @Nullable Locale locale, SearchAudience audience, int limit) {
      return search.articlesForText(text, locale, audience, limit);
    }
  }

  private static void deleteIndexes(URI cluster, String pattern) {
    try {
      HttpClient.newHttpClient().send(HttpRequest.newBuilder(cluster.resolve("/" + pattern)).DELETE()
          .timeout(java.time.Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      System.err.println("search-bench: could not delete the indexes " + pattern + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Article article(Doc d) {
    return Article.builder(ArticleId.of(d.id()), d.locale(), d.title().isEmpty() ? "Untitled" : d.title())
        .body(d.body())
        .status(ArticleStatus.PUBLISHED)
        .build();
  }

  /** The language's Lucene analyzer per field ({@code title_<lang>}, {@code body_<lang>}). */
  private static Analyzer bm25Analyzer() {
    Map<String, Analyzer> perField = new HashMap<>();
    for (String lang : List.of("en", "da", "de", "fr", "it", "es", "nl", "hu")) {
      Analyzer a = switch (lang) {
        case "en" -> new EnglishAnalyzer();
        case "da" -> new DanishAnalyzer();
        case "de" -> new GermanAnalyzer();
        case "fr" -> new FrenchAnalyzer();
        case "it" -> new ItalianAnalyzer();
        case "es" -> new SpanishAnalyzer();
        case "nl" -> new DutchAnalyzer();
        default -> new HungarianAnalyzer();
      };
      perField.put("title_" + lang, a);
      perField.put("body_" + lang, a);
    }
    return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
  }

  private static String lang(Locale locale) {
    String l = locale.getLanguage();
    return List.of("en", "da", "de", "fr", "it", "es", "nl", "hu").contains(l) ? l : "xx";
  }

  /** One SHOULD clause per analysed query token on title and body. */
  private static Query bm25Query(Analyzer analyzer, Q q) throws IOException {
    String lang = lang(q.locale());
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    try (var ts = analyzer.tokenStream("body_" + lang, q.text())) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && clauses < 200) {
        b.add(new TermQuery(new Term("title_" + lang, term.toString())), BooleanClause.Occur.SHOULD);
        b.add(new TermQuery(new Term("body_" + lang, term.toString())), BooleanClause.Occur.SHOULD);
        clauses += 2;
      }
      ts.end();
    }
    return b.build();
  }

  static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
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

  private static void delete(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> all = Files.walk(p)) {
      for (Path f : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
