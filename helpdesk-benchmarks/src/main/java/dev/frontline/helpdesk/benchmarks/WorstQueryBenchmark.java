package dev.frontline.helpdesk.benchmarks;

import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.knowledge.SearchResult;
import dev.frontline.helpdesk.lucene.LuceneKnowledgeSearch;
import dev.frontline.helpdesk.lucene.internal.FieldAnalyzer;
import dev.frontline.helpdesk.lucene.internal.Fields;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The worst query shapes the validation accepts, over the 267 gnome-help-en pages as they are (the
 * set the languages issue names: "any query the validation accepts answers within 50 ms"), as an
 * anonymous visitor with snippets (the library) and as plain BM25 on the same index (baseline).
 * The shapes are those of {@code QueryCostTest}: made-up words of 255, 1,000 and 2,000 letters, a
 * real word followed by a 1,990-letter one, ~2,000 characters of short made-up words, of
 * 30-letter typo-like words, of wildcard fragments, 2,000 asterisks, and mixed scripts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class WorstQueryBenchmark {
  /** The query shape. */
  @Param({"word255", "word1000", "word2000", "realPlusLong", "manyWords", "manyTypos", "wildcards", "stars", "mixedScripts"})
  public String shape;

  private LuceneKnowledgeSearch search;
  private ByteBuffersDirectory directory;
  private DirectoryReader reader;
  private IndexSearcher searcher;
  private final FieldAnalyzer analyzer = new FieldAnalyzer();
  private String text;

  /** Creates the benchmark state. */
  public WorstQueryBenchmark() {}

  /**
   * Indexes the 267 pages once and builds the query of the shape.
   *
   * @throws IOException if indexing fails
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    List<BenchKb.Page> pages = BenchKb.pages();
    directory = new ByteBuffersDirectory();
    search = LuceneKnowledgeSearch.builder(directory).refreshInterval(Duration.ofSeconds(1)).build();
    for (int i = 0; i < pages.size(); i++) {
      search.index(BenchKb.article(pages, i));
    }
    search.commit();
    search.refresh();
    reader = DirectoryReader.open(directory);
    searcher = new IndexSearcher(reader);
    text = shape(shape, new Random(42));
  }

  /**
   * Closes the index.
   *
   * @throws IOException if closing fails
   */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    reader.close();
    search.close();
    directory.close();
  }

  static String shape(String name, Random r) {
    return switch (name) {
      case "word255" -> word(r, 255);
      case "word1000" -> word(r, 1_000);
      case "word2000" -> word(r, 2_000);
      case "realPlusLong" -> "keyboard " + word(r, 1_990);
      case "manyWords" -> fill(r, 1_990, () -> word(r, 3 + r.nextInt(10)) + " ");
      case "manyTypos" -> fill(r, 1_980, () -> word(r, 30 + r.nextInt(3)) + " ");
      case "wildcards" -> fill(r, 1_990, () -> word(r, 2 + r.nextInt(4)) + (r.nextBoolean() ? "* " : "? *"));
      case "stars" -> "*".repeat(2_000);
      case "mixedScripts" -> fill(r, 1_990, () -> word(r, 4) + "дом" + "ελλάδα" + "東京" + "مرحبا" + " ");
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static String word(Random r, int letters) {
    StringBuilder b = new StringBuilder(letters);
    for (int i = 0; i < letters; i++) {
      b.append((char) ('a' + r.nextInt(26)));
    }
    return b.toString();
  }

  private static String fill(Random r, int length, java.util.function.Supplier<String> part) {
    StringBuilder b = new StringBuilder();
    while (b.length() < length) {
      b.append(part.get());
    }
    return b.substring(0, Math.min(b.length(), 2_000)).strip();
  }

  /**
   * The library: an anonymous visitor's search, snippets on, top 10.
   *
   * @return the result
   */
  @Benchmark
  public SearchResult library() {
    return search.search(KnowledgeQuery.builder(text).locale(Locale.ENGLISH).page(0, 10).build(), SearchAudience.publicOnly());
  }

  /**
   * Baseline: plain BM25 on the same index, title ×2 and body, one SHOULD clause per token (at most
   * 1,024, Lucene's default clause limit).
   *
   * @return the top ids
   * @throws IOException if searching fails
   */
  @Benchmark
  public TopDocs rawLuceneBm25() throws IOException {
    String title = Fields.TITLE_STEM + "en";
    String body = Fields.BODY_STEM + "en";
    List<String> tokens = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(body, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && tokens.size() < 512) {
        tokens.add(term.toString());
      }
      ts.end();
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String t : tokens) {
      b.add(new BoostQuery(new TermQuery(new Term(title, t)), 2f), BooleanClause.Occur.SHOULD);
      b.add(new TermQuery(new Term(body, t)), BooleanClause.Occur.SHOULD);
    }
    return searcher.search(b.build(), 10);
  }
}
