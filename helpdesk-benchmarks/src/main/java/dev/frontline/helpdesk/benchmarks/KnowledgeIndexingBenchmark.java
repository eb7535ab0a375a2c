package dev.frontline.helpdesk.benchmarks;

import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.lucene.LuceneKnowledgeSearch;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Indexing throughput: each invocation indexes 10,000 replicated gnome-help-en articles ({@link
 * BenchKb}) into an empty in-memory directory and commits. {@link #library} goes through {@code
 * LuceneKnowledgeSearch.index} (all its fields: stemmed, exact, prefix, n-grams, doc values);
 * {@link #rawLucene} (baseline) writes a minimal document (stored id, title and body text fields,
 * {@link EnglishAnalyzer}) with {@code updateDocument}. Scores are per article.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, batchSize = 1)
@Measurement(iterations = 3, batchSize = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class KnowledgeIndexingBenchmark {
  private static final int BATCH = 10_000;
  private List<Article> articles;
  private List<BenchKb.Page> pages;

  /** Creates the benchmark state. */
  public KnowledgeIndexingBenchmark() {}

  /** Builds the articles once. */
  @Setup(Level.Trial)
  public void setUp() {
    List<BenchKb.Page> source = BenchKb.pages();
    articles = new ArrayList<>(BATCH);
    pages = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      articles.add(BenchKb.article(source, i));
      pages.add(BenchKb.replica(source, i));
    }
  }

  /**
   * 10,000 articles through the library, then commit.
   *
   * @return documents in the index
   * @throws IOException if closing fails
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long library() throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        LuceneKnowledgeSearch search =
            LuceneKnowledgeSearch.builder(dir).refreshInterval(Duration.ofSeconds(1)).commitInterval(Duration.ofMinutes(10)).build()) {
      for (Article a : articles) {
        search.index(a);
      }
      search.markApplied(BATCH);
      search.commit();
      return search.appliedSequence();
    }
  }

  /**
   * Baseline: 10,000 minimal documents with plain Lucene, then commit.
   *
   * @return documents in the index
   * @throws IOException if indexing fails
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long rawLucene() throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new EnglishAnalyzer()))) {
      for (BenchKb.Page p : pages) {
        Document d = new Document();
        d.add(new StringField("id", p.id(), Field.Store.YES));
        d.add(new TextField("title", p.title(), Field.Store.YES));
        d.add(new TextField("body", p.body(), Field.Store.YES));
        w.updateDocument(new Term("id", p.id()), d);
      }
      w.commit();
      return w.getDocStats().numDocs;
    }
  }
}
