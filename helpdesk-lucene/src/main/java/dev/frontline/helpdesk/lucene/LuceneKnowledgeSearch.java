package dev.frontline.helpdesk.lucene;

import static dev.frontline.helpdesk.lucene.internal.Queries.filtered;

import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleChange;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import dev.frontline.helpdesk.knowledge.ArticleVisibility;
import dev.frontline.helpdesk.knowledge.KnowledgeIndexer;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.knowledge.SearchFacets;
import dev.frontline.helpdesk.knowledge.SearchHit;
import dev.frontline.helpdesk.knowledge.SearchResult;
import dev.frontline.helpdesk.knowledge.Suggestion;
import dev.frontline.helpdesk.lucene.internal.Documents;
import dev.frontline.helpdesk.lucene.internal.FacetCounter;
import dev.frontline.helpdesk.lucene.internal.FieldAnalyzer;
import dev.frontline.helpdesk.lucene.internal.Fields;
import dev.frontline.helpdesk.lucene.internal.LiveIndex;
import dev.frontline.helpdesk.lucene.internal.Queries;
import dev.frontline.helpdesk.lucene.internal.QueryFactory;
import dev.frontline.helpdesk.lucene.internal.Ranking;
import dev.frontline.helpdesk.lucene.internal.Snippets;
import dev.frontline.helpdesk.spi.ArticleStore;
import dev.frontline.helpdesk.spi.KnowledgeSearch;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * {@link KnowledgeSearch} on Apache Lucene.
 *
 * <p><b>Analysis.</b> Each article is analysed by its locale's language: English, Danish,
 * Hungarian, German, French, Spanish, Italian, Dutch, Portuguese, Swedish, Norwegian, Finnish,
 * Russian, Polish, Czech have stemmers and stop words, Chinese, Japanese and Korean use bigrams,
 * other languages a standard analysis. Every article also gets unstemmed fields.
 *
 * <p><b>Ranking.</b> BM25 over the stemmed title, summary and body, proximity boosts for adjacent
 * query words in the body, fuzzy matching for words no visible article contains (typos),
 * character n-grams for languages that write compounds as one word (German, Dutch, Swedish,
 * Danish, Norwegian), and optional synonyms. The same defaults apply to every language and
 * corpus; {@code docs/search-quality.md} records how they were chosen and what they achieve.
 *
 * <p><b>Visibility.</b> The {@link SearchAudience} becomes filter clauses of the Lucene query, so
 * totals, facets, snippets, suggestions and similar articles only ever see visible articles.
 *
 * <p><b>Durability.</b> Changes are searchable within the refresh interval (default 250 ms) and
 * committed in batches (default every 2 s, and on {@link #close()}). Each commit stores the
 * schema version and the change-feed cursor ({@link #markApplied}) in the commit user data, so
 * documents and cursor are durable together. An index that is missing, unreadable, damaged (a
 * segment file missing or failing its checksum; set aside next to the folder, with one WARN line)
 * or of another schema version is recreated empty with cursor 0; with {@link
 * Builder#source(ArticleStore)} it is then refilled from the store at once. With a source, each
 * commit also records the store's change at the cursor (its article id), and an index whose
 * recorded change the store does not have (the database was emptied or replaced while the folder
 * was kept) is recreated and refilled too, so no ghost of an earlier store is ever found.
 *
 * <p>Thread-safe. One instance owns the index directory (Lucene allows one writer); each
 * application node keeps its own index.
 */
public final class LuceneKnowledgeSearch implements KnowledgeSearch {
  /** Schema version stored in the commit user data; a different value makes the index rebuild. */
  public static final String SCHEMA_VERSION = "3";

  /** Commit user data key of the schema version. */
  public static final String SCHEMA_KEY = "frontline.schema";

  /** Commit user data key of the change-feed cursor. */
  public static final String SEQUENCE_KEY = "frontline.sequence";

  /**
   * Commit user data key of the analysis record: for each analysis language in the index, the
   * module and name of the analysis it was built with ({@code en=helpdesk-lucene/english-1;...}).
   */
  public static final String ANALYSIS_KEY = "frontline.analysis";

  private static final LiveIndex.Kind KIND = new LiveIndex.Kind(
      "knowledge", "frontline-lucene-knowledge", SCHEMA_KEY, SCHEMA_VERSION, SEQUENCE_KEY);

  private final FieldAnalyzer analyzer;
  private volatile QueryFactory queries;
  /** Whether a ranking experiment set one ranking for every language (then every article gets n-grams). */
  private volatile boolean experiment;
  private final Map<String, List<List<String>>> synonyms;
  private final LiveIndex live;
  private final @Nullable ArticleStore source;
  /** The analysis record: analysis language to {@code module/name}; guarded by itself. */
  private final Map<String, String> analysis = new java.util.TreeMap<>();
  private final Set<String> rebuiltLanguages;

  private LuceneKnowledgeSearch(Builder b) throws IOException {
    this.analyzer = new FieldAnalyzer(b.packs);
    this.synonyms = Map.copyOf(b.synonyms);
    this.experiment = b.ranking != null;
    this.queries = b.ranking == null
        ? new QueryFactory(analyzer, Ranking.DEFAULT, this::rankingOf, synonyms)
        : new QueryFactory(analyzer, b.ranking, synonyms);
    ArticleStore source = b.source;
    this.source = source;
    this.live = LiveIndex.open(KIND, Objects.requireNonNull(b.directory), b.ownsDirectory, analyzer,
        source == null ? null : (cursor, point) -> belongsTo(source, cursor, point));
    Set<String> changed;
    try {
      changed = checkAnalysis(parseAnalysis(live.openedData().get(ANALYSIS_KEY)));
    } catch (RuntimeException e) {
      live.close();
      throw e;
    }
    this.rebuiltLanguages = Set.copyOf(changed);
    Runnable catchUp = null;
    if (source != null) {
      // through this search's own index() and markApplied(), before the background work starts
      catchUp = () -> {
        if (!changed.isEmpty()) {
          reindex(source, changed);
        }
        new KnowledgeIndexer(source, this).catchUp();
      };
    }
    live.start(catchUp, b.refreshInterval, b.commitInterval);
  }

  /**
   * Whether articles in this locale get character n-gram fields: only where a query can read them,
   * that is where the language's ranking has n-gram clauses (or a ranking experiment set one
   * ranking for every language). The n-gram statistics of a language's queries then come from the
   * articles of n-gram languages only.
   */
  private boolean gramsIndexed(Locale locale) {
    return experiment || rankingOf(Fields.lang(locale)).grams() > 0;
  }

  private Ranking rankingOf(String lang) {
    return Ranking.forLanguage(lang, analyzer.analysisName(lang));
  }

  private static Map<String, String> parseAnalysis(@Nullable String value) {
    Map<String, String> out = new java.util.TreeMap<>();
    if (value == null || value.isEmpty()) {
      return out;
    }
    for (String entry : value.split(";")) {
      int eq = entry.indexOf('=');
      if (eq > 0 && entry.indexOf('/', eq) > eq + 1) {
        out.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    return out;
  }

  /**
   * Compares the index's analysis record with this node's analysis: fails if the index needs a
   * pack this node lacks; deletes the documents of each language whose analysis changed (to be
   * re-indexed) and records the node's analysis for them.
   *
   * @return the languages whose analysis changed
   */
  private Set<String> checkAnalysis(Map<String, String> recorded) throws IOException {
    Map<String, Set<String>> missing = new java.util.TreeMap<>();
    Set<String> changed = new TreeSet<>();
    Set<String> modules = analyzer.packModules();
    for (Map.Entry<String, String> e : recorded.entrySet()) {
      String module = e.getValue().substring(0, e.getValue().indexOf('/'));
      if (!module.equals(dev.frontline.helpdesk.lucene.internal.LanguageTable.BUILT_IN) && !modules.contains(module)) {
        missing.computeIfAbsent(module, k -> new TreeSet<>()).add(e.getKey());
      } else if (!e.getValue().equals(analyzer.analysisName(e.getKey()))) {
        changed.add(e.getKey());
      }
    }
    if (!missing.isEmpty()) {
      Map.Entry<String, Set<String>> first = missing.entrySet().iterator().next();
      throw new MissingAnalysisPackException(first.getKey(), first.getValue());
    }
    for (String lang : changed) {
      live.writer().deleteDocuments(new Term(Fields.LANG, lang));
    }
    synchronized (analysis) {
      analysis.putAll(recorded);
      for (String lang : changed) {
        analysis.put(lang, analyzer.analysisName(lang));
      }
      live.extraData(Map.of(ANALYSIS_KEY, formatAnalysis()));
    }
    return changed;
  }

  private String formatAnalysis() {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : analysis.entrySet()) {
      if (out.length() > 0) {
        out.append(';');
      }
      out.append(e.getKey()).append('=').append(e.getValue());
    }
    return out.toString();
  }

  /** Records the analysis of a language the first time an article in it is indexed. */
  private void recordAnalysis(String lang) {
    synchronized (analysis) {
      if (!analysis.containsKey(lang)) {
        analysis.put(lang, analyzer.analysisName(lang));
        live.extraData(Map.of(ANALYSIS_KEY, formatAnalysis()));
      }
    }
  }

  /** Re-indexes from the store every current article in one of {@code langs}. */
  private void reindex(ArticleStore source, Set<String> langs) {
    long cursor = 0;
    while (true) {
      List<dev.frontline.helpdesk.knowledge.ArticleChange> changes = source.changesSince(cursor, 500);
      if (changes.isEmpty()) {
        return;
      }
      for (var c : changes) {
        source.find(c.articleId())
            .filter(a -> langs.contains(Fields.lang(a.locale())))
            .ifPresent(this::index);
        cursor = c.sequence();
      }
    }
  }

  /**
   * @param directory the index directory; the caller keeps ownership and closes it
   * @return a builder
   */
  public static Builder builder(Directory directory) {
    return new Builder(Objects.requireNonNull(directory, "directory"), false);
  }

  /**
   * @param path the index folder; created if missing, closed with the search
   * @return a builder
   * @throws StorageException if the folder cannot be opened
   */
  public static Builder builder(Path path) {
    return new Builder(LiveIndex.folder(path), true);
  }

  /** For ranking experiments only (the same weights for every language, on one index); not API. */
  void ranking(Ranking value) {
    this.experiment = true;
    this.queries = new QueryFactory(analyzer, value, synonyms);
  }

  /** @return whether the index was created empty at open (missing, unreadable or old schema) */
  public boolean rebuilt() {
    return live.rebuilt();
  }

  /**
   * @return the analysis languages (as {@link Languages#analysisLanguage} names them) whose
   *     analysis differed from the index's at open: their documents were removed and, with {@link
   *     Builder#source}, re-indexed from the store; without a source the host re-indexes them
   */
  public Set<String> rebuiltLanguages() {
    return rebuiltLanguages;
  }

  @Override
  public void index(Article article) {
    Checks.notNull(article, "article");
    live.requireOpen();
    recordAnalysis(Fields.lang(article.locale()));
    try {
      live.writer().updateDocument(
          new Term(Fields.ID, article.id().value()), Documents.toDocument(article, gramsIndexed(article.locale())));
    } catch (IOException | AlreadyClosedException e) {
      throw new StorageException("cannot index article " + article.id(), e);
    }
  }

  @Override
  public void delete(ArticleId id) {
    Checks.notNull(id, "article id");
    live.requireOpen();
    try {
      live.writer().deleteDocuments(new Term(Fields.ID, id.value()));
    } catch (IOException | AlreadyClosedException e) {
      throw new StorageException("cannot delete article " + id, e);
    }
  }

  @Override
  public long appliedSequence() {
    return live.appliedSequence();
  }

  @Override
  public void markApplied(long sequence) {
    live.markApplied(sequence, source == null ? null : pointAt(source, sequence));
  }

  /** The id of the article whose change has this sequence number in the store's feed, or null. */
  private static @Nullable String pointAt(ArticleStore store, long sequence) {
    if (sequence <= 0) {
      return null;
    }
    List<ArticleChange> at = store.changesSince(sequence - 1, 1);
    return !at.isEmpty() && at.get(0).sequence() == sequence ? at.get(0).articleId().value() : null;
  }

  /**
   * Whether an index committed up to {@code cursor} was built from this store: the store's change
   * at the cursor is the one recorded; if that change was superseded (its article changed again
   * and moved on in the feed), the recorded article must still be in the store.
   */
  private static boolean belongsTo(ArticleStore store, long cursor, @Nullable String point) {
    if (point == null) {
      return false; // written without a feed point: rebuild once to record one
    }
    List<ArticleChange> at = store.changesSince(cursor - 1, 1);
    if (!at.isEmpty() && at.get(0).sequence() == cursor) {
      return at.get(0).articleId().value().equals(point);
    }
    return !at.isEmpty() && store.find(ArticleId.of(point)).isPresent();
  }

  /** Makes every change so far searchable now (normally done within the refresh interval). */
  @Override
  public void refresh() {
    live.refresh();
  }

  /** Makes every change so far durable now, with the cursor (normally done in batches). */
  public void commit() {
    live.commit();
  }

  private static List<Query> filters(SearchAudience audience, List<Locale> locales, List<String> category, Set<String> tags) {
    List<Query> out = new ArrayList<>();
    out.add(Queries.anyTerm(Fields.STATUS, audience.statuses().stream().map(ArticleStatus::name).toList()));
    BooleanQuery.Builder vis = new BooleanQuery.Builder();
    vis.add(new TermQuery(new Term(Fields.VISIBILITY, ArticleVisibility.Level.PUBLIC.name())), BooleanClause.Occur.SHOULD);
    if (audience.includeInternal()) {
      vis.add(new TermQuery(new Term(Fields.VISIBILITY, ArticleVisibility.Level.INTERNAL.name())), BooleanClause.Occur.SHOULD);
    }
    if (audience.allRestricted()) {
      vis.add(new TermQuery(new Term(Fields.VISIBILITY, ArticleVisibility.Level.RESTRICTED.name())), BooleanClause.Occur.SHOULD);
    } else {
      for (TeamId team : audience.teams()) {
        vis.add(new TermQuery(new Term(Fields.TEAM, team.value())), BooleanClause.Occur.SHOULD);
      }
    }
    out.add(vis.build());
    if (!locales.isEmpty()) {
      out.add(Queries.anyTerm(Fields.LANGUAGE, new TreeSet<>(locales.stream().map(Locale::getLanguage).toList())));
    }
    if (!category.isEmpty()) {
      out.add(new TermQuery(new Term(Fields.CATEGORY, String.join("/", category))));
    }
    for (String t : tags) {
      out.add(new TermQuery(new Term(Fields.TAG, t)));
    }
    return out;
  }

  /**
   * The filters without those that every document of this searcher's index passes (in a
   * knowledge base where every article is published and public, the status and visibility
   * filters of the public audience): they cannot change what matches, and each filter is one more
   * iterator that every candidate of the query is checked against.
   */
  private static List<Query> withoutMatchAll(IndexSearcher s, List<Query> filters) throws IOException {
    List<Query> out = new ArrayList<>(filters.size());
    for (Query f : filters) {
      if (!matchesAll(s.getIndexReader(), f)) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * Whether a filter matches every document of the index (deleted ones included): a term query
   * whose term every document has, or a disjunction with such a clause.
   */
  private static boolean matchesAll(org.apache.lucene.index.IndexReader reader, Query q) throws IOException {
    if (q instanceof TermQuery t) {
      return reader.maxDoc() > 0 && reader.docFreq(t.getTerm()) == reader.maxDoc();
    }
    if (q instanceof BooleanQuery b && b.getMinimumNumberShouldMatch() <= 1) {
      for (BooleanClause c : b.clauses()) {
        if (c.getOccur() == BooleanClause.Occur.SHOULD && matchesAll(reader, c.getQuery())) {
          return b.clauses().stream().allMatch(x -> x.getOccur() == BooleanClause.Occur.SHOULD);
        }
      }
    }
    return false;
  }

  /**
   * With fallback locales, one translation per translation group: an article in a fallback
   * language only qualifies if its group has no visible article in a preferred language. Part of
   * the filter, so totals and facets agree with the hits.
   */
  private static @Nullable Query preferredTranslations(IndexSearcher s, SearchAudience audience, List<Locale> locales)
      throws IOException {
    List<String> languages = locales.stream().map(Locale::getLanguage).distinct().toList();
    if (languages.size() < 2) {
      return null;
    }
    List<Query> visible = filters(audience, List.of(), List.of(), Set.of());
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    Set<BytesRef> preferredGroups = new java.util.HashSet<>();
    for (String language : languages) {
      Query inLanguage = new TermQuery(new Term(Fields.LANGUAGE, language));
      if (preferredGroups.isEmpty()) {
        any.add(inLanguage, BooleanClause.Occur.SHOULD);
      } else {
        any.add(new BooleanQuery.Builder()
            .add(inLanguage, BooleanClause.Occur.FILTER)
            .add(new TermInSetQuery(Fields.GROUP, new ArrayList<>(preferredGroups)), BooleanClause.Occur.MUST_NOT)
            .build(), BooleanClause.Occur.SHOULD);
      }
      for (String group : s.search(filtered(inLanguage, visible), new FacetCounter(Fields.GROUP_DV)).keySet()) {
        preferredGroups.add(new BytesRef(group));
      }
    }
    return any.build();
  }

  /** Most remembered typo-check answers per searcher; the memory is emptied when full. */
  private static final int MAX_KNOWN_ANSWERS = 100_000;

  /** Most remembered typo expansions per searcher; the memory is emptied when full. */
  private static final int MAX_TYPO_EXPANSIONS = 10_000;

  /**
   * Most remembered term statistics per searcher (about half a kilobyte each with six segments);
   * the memory is emptied when full.
   */
  private static final int MAX_TERM_STATES = 10_000;

  /**
   * What is remembered for the searcher whose reader has this cache key: typo-check answers, the
   * expansion (rewrite) of each typo clause, and the statistics and per-segment positions of each
   * term that a term clause looked up.
   */
  private record SearcherMemory(
      Object readerKey, Map<List<Object>, Boolean> answers, Map<Query, Query> typos, Map<Term, TermStates> terms) {}

  private final java.util.concurrent.atomic.AtomicReference<@Nullable SearcherMemory> memory =
      new java.util.concurrent.atomic.AtomicReference<>();

  /** The memory of this searcher: a new searcher (an index change) starts with an empty one. */
  private SearcherMemory memory(IndexSearcher s) {
    var helper = s.getIndexReader().getReaderCacheHelper();
    Object readerKey = helper == null ? s.getIndexReader() : helper.getKey();
    SearcherMemory current = memory.get();
    if (current == null || current.readerKey() != readerKey) {
      current = new SearcherMemory(readerKey, new java.util.concurrent.ConcurrentHashMap<>(),
          new java.util.concurrent.ConcurrentHashMap<>(), new java.util.concurrent.ConcurrentHashMap<>());
      memory.set(current);
    }
    return current;
  }

  /**
   * The clauses of a query as this searcher answers them, remembered per searcher and shared by
   * every audience (they depend only on the index; the filters decide what matches):
   *
   * <ul>
   *   <li>a typo clause (a fuzzy query) is rewritten to the terms it stands for once per word, so
   *       a word seen before costs no Levenshtein automaton and no scan of the term dictionary;
   *   <li>a term clause gets its term's statistics and per-segment positions looked up once (a
   *       query looks up dozens of terms in every segment; frequent words and n-grams recur from
   *       query to query).
   * </ul>
   */
  private UnaryOperator<Query> clauses(IndexSearcher s) {
    SearcherMemory m = memory(s);
    return q -> {
      try {
        if (q instanceof TermQuery tq) {
          Term term = tq.getTerm();
          TermStates states = m.terms().get(term);
          if (states == null) {
            states = TermStates.build(s, term, true);
            if (m.terms().size() >= MAX_TERM_STATES) {
              m.terms().clear();
            }
            m.terms().put(term, states);
          }
          return new TermQuery(term, states);
        }
        Query cached = m.typos().get(q);
        if (cached != null) {
          return cached;
        }
        Query rewritten = s.rewrite(q);
        if (m.typos().size() >= MAX_TYPO_EXPANSIONS) {
          m.typos().clear();
        }
        m.typos().put(q, rewritten);
        return rewritten;
      } catch (IOException e) {
        throw new StorageException("knowledge search failed", e);
      }
    };
  }

  /**
   * Whether a term occurs in a document that passes the filters (the reader may see). Stops at the
   * first such document (no full count). Answers are remembered per searcher (an index change
   * makes a new searcher, which starts with no answers) and per filter set, so the typo check of a
   * word costs one look-up once the word has been seen with the same audience.
   */
  private Predicate<Term> known(IndexSearcher s, List<Query> filters) {
    Map<List<Object>, Boolean> answers = memory(s).answers();
    if (answers.size() >= MAX_KNOWN_ANSWERS) {
      answers.clear();
    }
    List<Query> filterKey = List.copyOf(filters);
    return term -> {
      List<Object> key = List.of(filterKey, term);
      Boolean cached = answers.get(key);
      if (cached != null) {
        return cached;
      }
      try {
        boolean found = s.getIndexReader().docFreq(term) > 0 && anyMatch(s, filtered(new TermQuery(term), filters));
        answers.put(key, found);
        return found;
      } catch (IOException e) {
        throw new StorageException("knowledge search failed", e);
      }
    };
  }

  /** Whether at least one live document matches ({@code count(q) > 0}, stopping at the first match). */
  private static boolean anyMatch(IndexSearcher s, Query q) throws IOException {
    Weight w = s.createWeight(s.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      BulkScorer scorer = w.bulkScorer(leaf);
      if (scorer == null) {
        continue;
      }
      boolean[] found = {false};
      try {
        scorer.score(new LeafCollector() {
          @Override
          public void setScorer(Scorable scorable) {}

          @Override
          public void collect(int doc) {
            found[0] = true;
            throw new CollectionTerminatedException();
          }
        }, leaf.reader().getLiveDocs(), 0, DocIdSetIterator.NO_MORE_DOCS);
      } catch (CollectionTerminatedException e) {
        // stopped at the first match
      }
      if (found[0]) {
        return true;
      }
    }
    return false;
  }

  private static Weight filterWeight(IndexSearcher s, List<Query> filters) throws IOException {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query f : filters) {
      b.add(f, BooleanClause.Occur.FILTER);
    }
    Query q = filters.isEmpty() ? new MatchAllDocsQuery() : new ConstantScoreQuery(b.build());
    return s.createWeight(s.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
  }

  /**
   * Passes on to {@code inner} exactly the collected documents that also match {@code filter}
   * (documents arrive in increasing order within a segment). Lets the relevance query run alone,
   * as a disjunction that Lucene collects with its fast bulk scorer, instead of as a conjunction
   * with the filters.
   */
  private static final class Filtered implements CollectorManager<Filtered.Wrapper, Object[]> {
    private final Weight filter;
    private final MultiCollectorManager inner;

    Filtered(Weight filter, MultiCollectorManager inner) {
      this.filter = filter;
      this.inner = inner;
    }

    @Override
    public Wrapper newCollector() throws IOException {
      return new Wrapper(filter, inner.newCollector());
    }

    @Override
    public Object[] reduce(Collection<Wrapper> collectors) throws IOException {
      List<Collector> in = new ArrayList<>();
      for (Wrapper w : collectors) {
        in.add(w.in);
      }
      return inner.reduce(in);
    }

    /** One slice. Does not pass on {@code setWeight}: counts must not bypass the filter. */
    static final class Wrapper implements Collector {
      private final Weight filter;
      final Collector in;

      Wrapper(Weight filter, Collector in) {
        this.filter = filter;
        this.in = in;
      }

      @Override
      public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        Scorer fs = filter.scorer(context);
        if (fs == null) {
          throw new CollectionTerminatedException();
        }
        DocIdSetIterator allowed = fs.iterator();
        LeafCollector leaf = in.getLeafCollector(context);
        return new LeafCollector() {
          @Override
          public void setScorer(Scorable scorer) throws IOException {
            leaf.setScorer(scorer);
          }

          @Override
          public void collect(int doc) throws IOException {
            int d = allowed.docID();
            if (d < doc) {
              d = allowed.advance(doc);
            }
            if (d == doc) {
              leaf.collect(doc);
            }
          }
        };
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }
    }
  }

  @Override
  public SearchResult search(KnowledgeQuery query, SearchAudience audience) {
    live.requireOpen();
    Checks.notNull(query, "query");
    Checks.notNull(audience, "audience");
    return live.search(s -> {
      List<String> langs = Queries.analysisLanguages(query.locales(), s.getIndexReader());
      List<Query> filters = withoutMatchAll(s, filters(audience, query.locales(), query.categoryPath(), query.tags()));
      Query translations = preferredTranslations(s, audience, query.locales());
      if (translations != null) {
        filters.add(translations);
      }
      Query relevance = query.text().isBlank()
          ? new MatchAllDocsQuery()
          : queries.relevance(query.text(), langs, known(s, filters), clauses(s));
      Query q = filtered(relevance, filters);
      int n = query.offset() + query.limit();
      TopDocs top;
      long total;
      boolean exact;
      SearchFacets facets = SearchFacets.EMPTY;
      if (!query.facets()) {
        // One pass with top-k pruning: Lucene counts exactly up to the threshold, then may skip
        // documents that cannot enter the top n (the total becomes a lower bound).
        int threshold = Math.max(n, SearchResult.EXACT_TOTAL_UP_TO);
        top = s.search(q, new TopScoreDocCollectorManager(n, null, threshold, false));
        exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
        total = exact ? top.totalHits.value : Math.max(top.totalHits.value, SearchResult.EXACT_TOTAL_UP_TO);
      } else {
        // Two passes: the top hits with top-k pruning, then the exact total and the facets without
        // scores, the relevance query alone with the filters checked per collected document (same
        // documents as q).
        top = s.search(q, new TopScoreDocCollectorManager(n, null, n, false));
        Object[] r = s.search(relevance, new Filtered(filterWeight(s, filters), new MultiCollectorManager(
            new TotalHitCountCollectorManager(),
            new FacetCounter(Fields.CATEGORY_DV),
            new FacetCounter(Fields.TAG_DV),
            new FacetCounter(Fields.LOCALE_DV))));
        total = (Integer) r[0];
        exact = true;
        assert top.totalHits.relation != TotalHits.Relation.EQUAL_TO || top.totalHits.value == total;
        @SuppressWarnings("unchecked")
        SearchFacets counted = new SearchFacets(
            (Map<String, Long>) r[1], (Map<String, Long>) r[2], (Map<String, Long>) r[3]);
        facets = counted;
      }
      List<ScoreDoc> page = new ArrayList<>();
      for (int i = query.offset(); i < top.scoreDocs.length; i++) {
        page.add(top.scoreDocs[i]);
      }
      List<SearchHit> hits = hits(s, page, query.text().isBlank() || !query.snippets() ? null : queries.highlight(query.text(), langs), langs);
      return new SearchResult(total, query.offset(), query.limit(), hits, facets, exact);
    });
  }

  private List<SearchHit> hits(IndexSearcher s, List<ScoreDoc> docs, @Nullable Query relevance, List<String> langs)
      throws IOException {
    Map<Integer, String> snippets = new HashMap<>();
    if (relevance != null && !docs.isEmpty()) {
      int[] sorted = docs.stream().mapToInt(d -> d.doc).sorted().toArray();
      snippets = Snippets.of(s, analyzer, sorted, relevance, langs, Fields.BODY_STEM, false);
    }
    List<SearchHit> out = new ArrayList<>();
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    for (ScoreDoc d : docs) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(d.doc, leaves));
      int doc = d.doc - leaf.docBase;
      out.add(new SearchHit(
          ArticleId.of(binary(leaf, Fields.ID_DV, doc)),
          Locale.forLanguageTag(locale(leaf, doc)),
          binary(leaf, Fields.TITLE_DV, doc),
          Float.isNaN(d.score) ? 0 : d.score,
          snippets.getOrDefault(d.doc, "")));
    }
    return out;
  }

  /** A hit's id or title, from doc values (cheaper than decompressing its stored fields). */
  private static String binary(LeafReaderContext leaf, String field, int doc) throws IOException {
    BinaryDocValues values = leaf.reader().getBinaryDocValues(field);
    if (values == null || !values.advanceExact(doc)) {
      throw new IOException("the knowledge index has no " + field + " for document " + doc);
    }
    return values.binaryValue().utf8ToString();
  }

  /** A hit's locale tag, from the locale facet's doc values. */
  private static String locale(LeafReaderContext leaf, int doc) throws IOException {
    SortedSetDocValues values = leaf.reader().getSortedSetDocValues(Fields.LOCALE_DV);
    if (values == null || !values.advanceExact(doc)) {
      throw new IOException("the knowledge index has no locale for document " + doc);
    }
    return values.lookupOrd(values.nextOrd()).utf8ToString();
  }

  @Override
  public List<Suggestion> suggest(String prefix, @Nullable Locale locale, SearchAudience audience, int limit) {
    live.requireOpen();
    Checks.notNull(prefix, "prefix");
    Checks.notNull(audience, "audience");
    Checks.require(limit >= 1 && limit <= 50, "limit must be 1..50");
    Checks.require(prefix.length() <= 200, "prefix must be at most 200 characters");
    List<String> words = new ArrayList<>();
    try (var ts = analyzer.folded().tokenStream(Fields.TITLE_PREFIX, prefix)) {
      var term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && words.size() < 10) {
        words.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new StorageException("cannot analyse the prefix", e);
    }
    if (words.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String w : words) {
      String t = w.length() > 20 ? w.substring(0, 20) : w;
      b.add(new TermQuery(new Term(Fields.TITLE_PREFIX, t)), BooleanClause.Occur.MUST);
    }
    List<Locale> locales = locale == null ? List.of() : List.of(locale);
    Query q = filtered(b.build(), filters(audience, locales, List.of(), Set.of()));
    return live.search(s -> {
      TopDocs top = s.search(q, limit);
      List<Suggestion> out = new ArrayList<>();
      Set<String> wanted = Set.of(Fields.ID, Fields.LOCALE, Fields.TITLE_STORED);
      for (ScoreDoc d : top.scoreDocs) {
        Document doc = s.storedFields().document(d.doc, wanted);
        out.add(new Suggestion(
            ArticleId.of(doc.get(Fields.ID)), Locale.forLanguageTag(doc.get(Fields.LOCALE)), doc.get(Fields.TITLE_STORED)));
      }
      return out;
    });
  }

  @Override
  public List<SearchHit> articlesForText(String text, @Nullable Locale locale, SearchAudience audience, int limit) {
    live.requireOpen();
    Checks.notNull(text, "text");
    Checks.notNull(audience, "audience");
    Checks.require(limit >= 1 && limit <= 50, "limit must be 1..50");
    List<Locale> locales = locale == null ? List.of() : List.of(locale);
    return live.search(s -> like(s, text, locales, audience, limit, null));
  }

  @Override
  public List<SearchHit> similar(ArticleId id, SearchAudience audience, int limit) {
    live.requireOpen();
    Checks.notNull(id, "article id");
    Checks.notNull(audience, "audience");
    Checks.require(limit >= 1 && limit <= 50, "limit must be 1..50");
    return live.search(s -> {
      Query self = filtered(new TermQuery(new Term(Fields.ID, id.value())), filters(audience, List.of(), List.of(), Set.of()));
      TopDocs top = s.search(self, 1);
      if (top.scoreDocs.length == 0) {
        return List.of();
      }
      Document doc = s.storedFields().document(top.scoreDocs[0].doc);
      Locale locale = Locale.forLanguageTag(doc.get(Fields.LOCALE));
      String body = doc.get(Fields.BODY_STEM + Fields.lang(locale));
      String text = doc.get(Fields.TITLE_STORED) + "\n" + (body == null ? "" : body);
      return like(s, text, List.of(locale), audience, limit, id);
    });
  }

  /** Ranks articles for a long text by its most distinctive words (a "more like this" query). */
  private List<SearchHit> like(
      IndexSearcher s, String text, List<Locale> locales, SearchAudience audience, int limit, @Nullable ArticleId exclude)
      throws IOException {
    String keywords = Queries.keywords(analyzer, s.getIndexReader(), text, Fields.BODY_EXACT);
    if (keywords.isEmpty()) {
      return List.of();
    }
    List<String> langs = Queries.analysisLanguages(locales, s.getIndexReader());
    List<Query> filters = withoutMatchAll(s, filters(audience, locales, List.of(), Set.of()));
    Query relevance = queries.relevance(keywords, langs, known(s, filters), clauses(s));
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(relevance, BooleanClause.Occur.MUST);
    for (Query f : filters) {
      b.add(f, BooleanClause.Occur.FILTER);
    }
    if (exclude != null) {
      b.add(new TermQuery(new Term(Fields.ID, exclude.value())), BooleanClause.Occur.MUST_NOT);
    }
    TopDocs top = s.search(b.build(), limit);
    return hits(s, List.of(top.scoreDocs), queries.highlight(keywords, langs), langs);
  }

  /** Commits pending changes with the cursor and releases the index. Idempotent. */
  @Override
  public void close() {
    live.close();
  }

  /**
   * Configures a {@link LuceneKnowledgeSearch}. Setters validate at once and throw {@link
   * IllegalArgumentException} for bad values. Not thread-safe.
   */
  public static final class Builder {
    private final Directory directory;
    private final boolean ownsDirectory;
    private final Map<String, List<List<String>>> synonyms = new HashMap<>();
    private Duration refreshInterval = Duration.ofMillis(250);
    private Duration commitInterval = Duration.ofSeconds(2);
    private @Nullable Ranking ranking;
    private @Nullable ArticleStore source;
    private final List<AnalysisPack> packs = new ArrayList<>();

    private Builder(Directory directory, boolean ownsDirectory) {
      this.directory = directory;
      this.ownsDirectory = ownsDirectory;
    }

    /**
     * Adds synonym groups: a query containing one member also finds the others (at a lower weight).
     * Members may be phrases. Applied at query time, so changing them needs no re-indexing.
     *
     * @param locale the language they apply to, or {@link Locale#ROOT} for every language
     * @param groups groups of equivalent words or phrases, each with at least two members
     * @return this
     */
    public Builder synonyms(Locale locale, List<List<String>> groups) {
      Objects.requireNonNull(locale, "locale");
      Objects.requireNonNull(groups, "groups");
      String key = locale.getLanguage().isEmpty() ? "*" : Fields.lang(locale);
      for (List<String> g : groups) {
        if (g.size() < 2 || g.stream().anyMatch(m -> m == null || m.isBlank())) {
          throw new IllegalArgumentException("a synonym group needs at least two non-blank members: " + g);
        }
        synonyms.computeIfAbsent(key, k -> new ArrayList<>()).add(List.copyOf(g));
      }
      return this;
    }

    /**
     * @param value how often changes become searchable, 10 ms to 1 s (default 250 ms)
     * @return this
     */
    public Builder refreshInterval(Duration value) {
      this.refreshInterval = LiveIndex.refreshInterval(value);
      return this;
    }

    /**
     * @param value how often changes are committed, 100 ms to 10 minutes (default 2 s)
     * @return this
     */
    public Builder commitInterval(Duration value) {
      this.commitInterval = LiveIndex.commitInterval(value);
      return this;
    }

    /**
     * Refills the index from this store whenever it was recreated, and catches up with changes
     * after its cursor, before {@link #build()} returns.
     *
     * @param value the article store
     * @return this
     */
    public Builder source(ArticleStore value) {
      this.source = Objects.requireNonNull(value, "source");
      return this;
    }

    /**
     * Enables an optional module's analysis for its languages (for example {@code
     * builder.analysisPack(new CjkAnalysisPack())}); a later pack wins for a language two provide.
     * The index records which analysis each language was built with, so every node that opens
     * this index needs the same packs.
     *
     * @param pack the pack
     * @return this
     * @throws IllegalArgumentException if the pack names no module or no language
     */
    public Builder analysisPack(AnalysisPack pack) {
      Objects.requireNonNull(pack, "pack");
      String module = pack.module();
      if (module == null || !module.matches("[a-z0-9][a-z0-9.-]{0,99}") || module.equals(
          dev.frontline.helpdesk.lucene.internal.LanguageTable.BUILT_IN)) {
        throw new IllegalArgumentException("an analysis pack needs a module name of its own: " + module);
      }
      if (pack.languages().isEmpty()) {
        throw new IllegalArgumentException("analysis pack " + module + " analyses no language");
      }
      for (String lang : pack.languages()) {
        String name = pack.analysisName(lang);
        if (!lang.matches("[a-z]{2,3}") || name == null || !name.matches("[A-Za-z0-9._-]{1,100}")) {
          throw new IllegalArgumentException("analysis pack " + module + ": bad language or analysis name " + lang);
        }
      }
      packs.add(pack);
      return this;
    }

    /** For ranking experiments only (the same weights for every language); not API. */
    Builder ranking(Ranking value) {
      this.ranking = Objects.requireNonNull(value, "ranking");
      return this;
    }

    /**
     * Opens (or recreates) the index.
     *
     * @return the search
     * @throws StorageException if the index cannot be opened, e.g. because another writer holds it
     */
    public LuceneKnowledgeSearch build() {
      try {
        return new LuceneKnowledgeSearch(this);
      } catch (IOException | RuntimeException e) {
        throw LiveIndex.openFailed(KIND, e, directory, ownsDirectory);
      }
    }
  }
}
