package dev.frontline.helpdesk.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import dev.frontline.helpdesk.knowledge.ArticleVisibility;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.knowledge.SearchResult;
import dev.frontline.helpdesk.lucene.LuceneKnowledgeSearch;
import dev.frontline.helpdesk.lucene.internal.FieldAnalyzer;
import dev.frontline.helpdesk.lucene.internal.Fields;
import dev.frontline.helpdesk.lucene.internal.QueryFactory;
import dev.frontline.helpdesk.lucene.internal.Ranking;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
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
import org.postgresql.PGConnection;

/**
 * Knowledge search over {@code articles} replicated gnome-help-en pages (see {@link BenchKb}), one
 * thread, the 267 gnome-help-en queries in turn, top 10:
 *
 * <ul>
 *   <li>{@link #library}: {@code LuceneKnowledgeSearch.search} for a customer ({@code
 *       SearchAudience.publicOnly()}, locale en), snippets on (the default);
 *   <li>{@link #libraryNoSnippets}: the same with snippets off;
 *   <li>{@link #rawLuceneSameQuery} (baseline, "our overhead"): the same relevance query built by the
 *       library's own {@code QueryFactory} (same analyzers, {@code Ranking.DEFAULT}), with a plain
 *       "term occurs in the index" check for the typo fallback, the same status/visibility/language
 *       filters, run on a plain {@link IndexSearcher} over a {@link DirectoryReader} of the same
 *       index directory, top 10 ids from stored fields; no facets, snippets or visibility-aware term
 *       checks;
 *   <li>{@link #rawLuceneBm25}: a plain BM25 query on the same index (one SHOULD clause per
 *       English-analysed query token on the stemmed title, boosted ×2, and body fields);
 *   <li>{@link #postgresFts}: PostgreSQL full-text search over the same articles: a stored {@code
 *       to_tsvector('english', title || ' ' || body)} column with a GIN index, the {@code
 *       plainto_tsquery} terms OR-ed, ordered by {@code ts_rank_cd}, {@code LIMIT 10}.
 * </ul>
 *
 * <p>The Lucene index is written once by the library into {@code
 * java.io.tmpdir/frontline-bench-kb-<articles>} and reused by later trials when its commit records
 * all articles; the PostgreSQL table lives in schema {@code bench_kb_<articles>}, likewise reused.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class KnowledgeSearchBenchmark {
  /** Number of articles. */
  @Param({"100000"})
  public int articles;

  private FSDirectory directory;
  private LuceneKnowledgeSearch search;
  private DirectoryReader reader;
  private IndexSearcher searcher;
  private final FieldAnalyzer analyzer = new FieldAnalyzer();
  private final QueryFactory queries = new QueryFactory(analyzer, Ranking.DEFAULT, Map.of());
  private final List<Query> filters = List.of(
      new TermQuery(new Term(Fields.STATUS, ArticleStatus.PUBLISHED.name())),
      new TermQuery(new Term(Fields.VISIBILITY, ArticleVisibility.Level.PUBLIC.name())),
      new TermQuery(new Term(Fields.LANGUAGE, "en")));
  private HikariDataSource pool;
  private List<String> texts;
  private int next;

  /** Creates the benchmark state. */
  public KnowledgeSearchBenchmark() {}

  /**
   * Builds (or reuses) the Lucene index and the PostgreSQL table.
   *
   * @throws Exception if indexing or the database fails
   */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    texts = BenchKb.queries();
    List<BenchKb.Page> pages = BenchKb.pages();
    Path path = Path.of(System.getProperty("java.io.tmpdir"), "frontline-bench-kb-" + articles);
    directory = FSDirectory.open(path);
    search = LuceneKnowledgeSearch.builder(directory).refreshInterval(Duration.ofSeconds(1)).commitInterval(Duration.ofMinutes(10)).build();
    if (search.appliedSequence() != articles) {
      long t0 = System.nanoTime();
      for (int i = 0; i < articles; i++) {
        search.index(BenchKb.article(pages, i));
      }
      search.markApplied(articles);
      search.commit();
      search.refresh();
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "[bench] library indexed %,d articles in %.1f s (%.0f articles/s, incl. final commit)%n",
          articles, s, articles / s);
    } else {
      search.refresh();
      System.out.println("[bench] reusing the Lucene index at " + path);
    }
    reader = DirectoryReader.open(directory);
    searcher = new IndexSearcher(reader);
    if (reader.numDocs() != articles) {
      throw new IllegalStateException("index has " + reader.numDocs() + " documents");
    }
    setUpPostgres(pages);
  }

  private void setUpPostgres(List<BenchKb.Page> pages) throws SQLException, IOException {
    String schema = "bench_kb_" + articles;
    boolean loaded = BenchPostgres.reuseOrFresh(schema, articles);
    pool = BenchPostgres.pool(schema, 2);
    if (loaded) {
      return;
    }
    long t0 = System.nanoTime();
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("create table kb_articles (id text primary key, title text not null, body text not null,"
          + " tsv tsvector generated always as (to_tsvector('english', title || ' ' || body)) stored)");
      var copy = c.unwrap(PGConnection.class).getCopyAPI();
      int chunk = 5_000;
      for (int from = 0; from < articles; from += chunk) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < Math.min(articles, from + chunk); i++) {
          BenchKb.Page p = BenchKb.replica(pages, i);
          b.append(q(p.id())).append(',').append(q(p.title())).append(',').append(q(p.body())).append('\n');
        }
        try (Reader in = new StringReader(b.toString())) {
          copy.copyIn("copy kb_articles (id, title, body) from stdin with (format csv)", in);
        }
      }
      long t1 = System.nanoTime();
      s.execute("create index kb_articles_tsv_ix on kb_articles using gin (tsv)");
      s.execute("analyze kb_articles");
      BenchPostgres.markLoaded(c, articles);
      System.out.printf(Locale.ROOT, "[bench] PostgreSQL loaded %,d articles (copy + tsvector) in %.1f s, GIN index + analyze %.1f s%n",
          articles, (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
    }
  }

  private static String q(String s) {
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /**
   * Closes everything (the index folder and the schema stay for the next trial).
   *
   * @throws IOException if closing fails
   */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    reader.close();
    search.close();
    directory.close();
    pool.close();
  }

  private String nextText() {
    String t = texts.get(next);
    next = (next + 1) % texts.size();
    return t;
  }

  /**
   * The library, snippets on.
   *
   * @return the result
   */
  @Benchmark
  public SearchResult library() {
    return search.search(KnowledgeQuery.builder(nextText()).locale(Locale.ENGLISH).page(0, 10).build(), SearchAudience.publicOnly());
  }

  /**
   * The library, snippets on, with facets and the exact total (a pass over every match).
   *
   * @return the result
   */
  @Benchmark
  public SearchResult libraryFacets() {
    return search.search(KnowledgeQuery.builder(nextText()).locale(Locale.ENGLISH).page(0, 10).facets(true).build(),
        SearchAudience.publicOnly());
  }

  /**
   * The library, snippets off.
   *
   * @return the result
   */
  @Benchmark
  public SearchResult libraryNoSnippets() {
    return search.search(KnowledgeQuery.builder(nextText()).locale(Locale.ENGLISH).page(0, 10).snippets(false).build(),
        SearchAudience.publicOnly());
  }

  /**
   * Baseline: the library's relevance query and filters on a plain searcher.
   *
   * @return the top ids
   * @throws IOException if searching fails
   */
  @Benchmark
  public List<String> rawLuceneSameQuery() throws IOException {
    Query relevance = queries.relevance(nextText(), List.of("en"), term -> docFreq(term) > 0);
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(relevance, BooleanClause.Occur.MUST);
    for (Query f : filters) {
      b.add(f, BooleanClause.Occur.FILTER);
    }
    return ids(searcher.search(b.build(), 10));
  }

  /**
   * Plain BM25: title ×2 and body, one SHOULD clause per token.
   *
   * @return the top ids
   * @throws IOException if searching fails
   */
  @Benchmark
  public List<String> rawLuceneBm25() throws IOException {
    String title = Fields.TITLE_STEM + "en";
    String body = Fields.BODY_STEM + "en";
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    try (TokenStream ts = analyzer.tokenStream(body, nextText())) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String t = term.toString();
        b.add(new BoostQuery(new TermQuery(new Term(title, t)), 2f), BooleanClause.Occur.SHOULD);
        b.add(new TermQuery(new Term(body, t)), BooleanClause.Occur.SHOULD);
      }
      ts.end();
    }
    return ids(searcher.search(b.build(), 10));
  }

  /**
   * PostgreSQL full-text search.
   *
   * @return the top ids
   * @throws SQLException if the database fails
   */
  @Benchmark
  public List<String> postgresFts() throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "select id from kb_articles, (select nullif(replace(plainto_tsquery('english', ?)::text, '&', '|'), '')::tsquery as q) x"
                + " where tsv @@ x.q order by ts_rank_cd(tsv, x.q) desc limit 10")) {
      ps.setString(1, nextText());
      List<String> out = new ArrayList<>(10);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }

  private int docFreq(Term t) {
    try {
      return reader.docFreq(t);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> ids(TopDocs top) throws IOException {
    StoredFields stored = searcher.storedFields();
    List<String> out = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc d : top.scoreDocs) {
      out.add(stored.document(d.doc).get(Fields.ID));
    }
    return out;
  }
}
