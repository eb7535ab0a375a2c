package dev.frontline.helpdesk.lucene;

import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.lucene.internal.FieldAnalyzer;
import dev.frontline.helpdesk.lucene.internal.Fields;
import dev.frontline.helpdesk.lucene.internal.QueryFactory;
import dev.frontline.helpdesk.lucene.internal.Ranking;
import dev.frontline.helpdesk.search.SimilarTicket;
import dev.frontline.helpdesk.search.TicketSearchAudience;
import dev.frontline.helpdesk.search.TicketSearchIndexer;
import dev.frontline.helpdesk.spi.TicketSearch;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;
import org.jspecify.annotations.Nullable;

/**
 * {@link TicketSearch} on Apache Lucene, with the analysis and ranking of {@link
 * LuceneKnowledgeSearch}: the subject plays the article title, the public conversation the body,
 * each analysed in the ticket's language (stemmed, unstemmed and n-gram fields), ranked by the same
 * BM25 clauses, proximity, typo and compound handling.
 *
 * <p><b>Internal text.</b> Internal notes and system entries go to separate fields ({@code
 * note_s_<lang>}, {@code note_x}, {@code note_g}). They are queried only inside a clause filtered
 * by the audience's {@code internal} tickets, and highlighted only for hits within those tickets;
 * for every other reader they do not exist. Typo detection and keyword selection look at public
 * fields only.
 *
 * <p><b>Visibility.</b> The audience's {@link TicketVisibility} becomes FILTER clauses on keyword
 * fields (requester, organization, team, tier, assignee), term for term the rule of {@link
 * TicketVisibility#matches}, together with the solved-state and language filters; nothing is
 * filtered after the search.
 *
 * <p><b>Durability.</b> Like the knowledge index: searchable within the refresh interval, committed
 * in batches and on {@link #close()}; an index that is missing, unreadable or of another schema
 * version is recreated and, with {@link Builder#source}, refilled from the store at once. Changes
 * not yet committed when the process dies are lost from the index; {@link
 * TicketSearchIndexer#rebuild()} restores them (and the service re-checks every hit against the
 * store).
 *
 * <p>BM25 statistics and keyword selection use document frequencies over the whole index, so
 * invisible tickets influence scores (never which tickets are returned). Thread-safe.
 */
public final class LuceneTicketSearch implements TicketSearch {
  /** Schema version stored in the commit user data; a different value makes the index rebuild. */
  public static final String SCHEMA_VERSION = "1";

  private static final String SCHEMA_KEY = "frontline.ticket-schema";
  private static final int MAX_TEXT = 10_000;
  private static final int MAX_FIELD = 200_000;
  private static final int SNIPPET_MAX_LENGTH = 20_000;
  /** Weight of the internal-text clause against the public text. */
  private static final float INTERNAL_WEIGHT = 0.5f;
  private static final FieldType STORED_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final UnaryOperator<@Nullable String> NOTE_FIELDS = f -> {
    if (f.startsWith(Fields.BODY_STEM)) {
      return Fields.NOTE_STEM + f.substring(Fields.BODY_STEM.length());
    }
    if (f.equals(Fields.BODY_EXACT)) {
      return Fields.NOTE_EXACT;
    }
    if (f.equals(Fields.BODY_GRAM)) {
      return Fields.NOTE_GRAM;
    }
    return null;
  };

  static {
    STORED_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    STORED_WITH_OFFSETS.freeze();
  }

  private final Directory directory;
  private final boolean ownsDirectory;
  private final FieldAnalyzer analyzer = new FieldAnalyzer();
  private final QueryFactory queries;
  private final IndexWriter writer;
  private final SearcherManager manager;
  private final ScheduledExecutorService scheduler;
  private final Object commitLock = new Object();
  private final boolean rebuilt;
  private volatile boolean closed;

  private LuceneTicketSearch(Builder b) throws IOException {
    this.directory = Objects.requireNonNull(b.directory);
    this.ownsDirectory = b.ownsDirectory;
    this.queries = new QueryFactory(analyzer, Ranking.DEFAULT, Map.of());
    Map<String, String> data = readCommitData(directory);
    boolean fresh = data == null || !SCHEMA_VERSION.equals(data.get(SCHEMA_KEY));
    if (data == null && directory.listAll().length > 0) {
      for (String f : directory.listAll()) {
        if (!f.equals(IndexWriter.WRITE_LOCK_NAME)) {
          directory.deleteFile(f);
        }
      }
    }
    IndexWriterConfig config = new IndexWriterConfig(analyzer)
        .setOpenMode(fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
        .setCommitOnClose(false);
    this.writer = new IndexWriter(directory, config);
    this.rebuilt = fresh;
    SearcherManager opened = null;
    try {
      if (fresh) {
        writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA_VERSION).entrySet());
        writer.commit();
      }
      opened = new SearcherManager(writer, null);
      this.manager = opened;
      if (fresh && b.source != null && b.locale != null) {
        new TicketSearchIndexer(b.source, this, b.locale).rebuild();
        commit();
        refresh();
      }
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(opened, writer);
      throw e;
    }
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "frontline-lucene-tickets");
      t.setDaemon(true);
      return t;
    });
    long refreshMs = b.refreshInterval.toMillis();
    long commitMs = b.commitInterval.toMillis();
    scheduler.scheduleWithFixedDelay(this::refreshQuietly, refreshMs, refreshMs, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(this::commitQuietly, commitMs, commitMs, TimeUnit.MILLISECONDS);
  }

  private static @Nullable Map<String, String> readCommitData(Directory dir) {
    try {
      if (!DirectoryReader.indexExists(dir)) {
        return null;
      }
      return SegmentInfos.readLatestCommit(dir).getUserData();
    } catch (IOException | RuntimeException e) {
      return null;
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
    try {
      return new Builder(FSDirectory.open(Objects.requireNonNull(path, "path")), true);
    } catch (IOException e) {
      throw new StorageException("cannot open index folder " + path, e);
    }
  }

  /** @return whether the index was created empty at open (missing, unreadable or old schema) */
  public boolean rebuilt() {
    return rebuilt;
  }

  private static String plain(String text) {
    String s = text.indexOf('<') >= 0 ? TAG.matcher(text).replaceAll(" ") : text;
    return s.length() > MAX_FIELD ? s.substring(0, MAX_FIELD) : s;
  }

  private static Document toDocument(Ticket ticket, List<Entry> conversation, Locale locale) {
    String lang = Fields.lang(locale);
    StringBuilder pub = new StringBuilder();
    StringBuilder internal = new StringBuilder();
    for (Entry e : conversation) {
      StringBuilder to = e.kind().isPublic() ? pub : internal;
      if (to.length() < MAX_FIELD) {
        to.append(plain(e.body())).append("\n\n");
      }
    }
    Document d = new Document();
    d.add(new StringField(Fields.ID, ticket.id().value(), Field.Store.YES));
    d.add(new StoredField(Fields.KEY, ticket.key().toString()));
    d.add(new StoredField(Fields.TITLE_STORED, ticket.subject()));
    d.add(new StringField(Fields.STATE, ticket.state().name(), Field.Store.NO));
    d.add(new StringField(Fields.LANG, lang, Field.Store.NO));
    d.add(new StringField(Fields.LANGUAGE, locale.getLanguage(), Field.Store.NO));
    d.add(new StringField(Fields.REQUESTER, ticket.requester().value(), Field.Store.NO));
    if (ticket.organization() != null) {
      d.add(new StringField(Fields.ORGANIZATION, ticket.organization().value(), Field.Store.NO));
    }
    if (ticket.team() != null) {
      d.add(new StringField(Fields.TICKET_TEAM, ticket.team().value(), Field.Store.NO));
    }
    if (ticket.assignee() != null) {
      d.add(new StringField(Fields.ASSIGNEE, ticket.assignee().value(), Field.Store.NO));
    }
    d.add(new StringField(Fields.TIER, Integer.toString(ticket.tier()), Field.Store.NO));
    String body = pub.toString();
    d.add(new TextField(Fields.TITLE_STEM + lang, ticket.subject(), Field.Store.NO));
    d.add(new Field(Fields.BODY_STEM + lang, body, STORED_WITH_OFFSETS));
    d.add(new TextField(Fields.TITLE_EXACT, ticket.subject(), Field.Store.NO));
    d.add(new TextField(Fields.BODY_EXACT, body, Field.Store.NO));
    d.add(new TextField(Fields.TITLE_GRAM, ticket.subject(), Field.Store.NO));
    d.add(new TextField(Fields.BODY_GRAM, body, Field.Store.NO));
    String notes = internal.toString();
    d.add(new Field(Fields.NOTE_STEM + lang, notes, STORED_WITH_OFFSETS));
    d.add(new TextField(Fields.NOTE_EXACT, notes, Field.Store.NO));
    d.add(new TextField(Fields.NOTE_GRAM, notes, Field.Store.NO));
    return d;
  }

  @Override
  public void index(Ticket ticket, List<Entry> conversation, Locale locale) {
    Checks.notNull(ticket, "ticket");
    Checks.notNull(conversation, "conversation");
    Checks.notNull(locale, "locale");
    try {
      writer.updateDocument(new Term(Fields.ID, ticket.id().value()), toDocument(ticket, conversation, locale));
    } catch (IOException | AlreadyClosedException e) {
      throw new StorageException("cannot index ticket " + ticket.id(), e);
    }
  }

  @Override
  public void delete(TicketId id) {
    Checks.notNull(id, "ticket id");
    try {
      writer.deleteDocuments(new Term(Fields.ID, id.value()));
    } catch (IOException | AlreadyClosedException e) {
      throw new StorageException("cannot delete ticket " + id, e);
    }
  }

  /** Makes every change so far searchable now (normally done within the refresh interval). */
  public void refresh() {
    try {
      manager.maybeRefreshBlocking();
    } catch (IOException | AlreadyClosedException e) {
      throw new StorageException("cannot refresh the ticket index", e);
    }
  }

  /** Makes every change so far durable now (normally done in batches). */
  public void commit() {
    synchronized (commitLock) {
      try {
        if (writer.hasUncommittedChanges()) {
          writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA_VERSION).entrySet());
          writer.commit();
        }
      } catch (IOException | AlreadyClosedException e) {
        throw new StorageException("cannot commit the ticket index", e);
      }
    }
  }

  private void refreshQuietly() {
    try {
      manager.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      // retried at the next tick
    }
  }

  private void commitQuietly() {
    try {
      commit();
    } catch (RuntimeException e) {
      // retried at the next tick
    }
  }

  /**
   * The Lucene filter for a {@link TicketVisibility}, clause for clause its {@link
   * TicketVisibility#matches} rule.
   *
   * @param v the visibility
   * @return the filter query
   */
  static Query visibilityFilter(TicketVisibility v) {
    if (v.all()) {
      return new MatchAllDocsQuery();
    }
    if (v.isNone()) {
      return new MatchNoDocsQuery("nothing visible");
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    anyOf(b, Fields.ASSIGNEE, v.assignees().stream().map(AgentId::value).toList());
    anyOf(b, Fields.TICKET_TEAM, v.teams().stream().map(TeamId::value).toList());
    anyOf(b, Fields.TIER, v.tiers().stream().map(String::valueOf).toList());
    anyOf(b, Fields.REQUESTER, v.requesters().stream().map(CustomerId::value).toList());
    anyOf(b, Fields.ORGANIZATION, v.organizations().stream().map(OrganizationId::value).toList());
    return b.build();
  }

  private static void anyOf(BooleanQuery.Builder b, String field, List<String> values) {
    if (!values.isEmpty()) {
      b.add(new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()), BooleanClause.Occur.SHOULD);
    }
  }

  private static List<Query> filters(TicketSearchAudience audience, @Nullable Locale locale) {
    List<Query> out = new ArrayList<>();
    out.add(visibilityFilter(audience.visible()));
    BooleanQuery.Builder states = new BooleanQuery.Builder();
    for (TicketState s : SOLVED_STATES) {
      states.add(new TermQuery(new Term(Fields.STATE, s.name())), BooleanClause.Occur.SHOULD);
    }
    out.add(states.build());
    if (locale != null) {
      out.add(new TermQuery(new Term(Fields.LANGUAGE, locale.getLanguage())));
    }
    return out;
  }

  private static Query filtered(Query relevance, List<Query> filters) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(relevance, BooleanClause.Occur.MUST);
    for (Query f : filters) {
      b.add(f, BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  /** Whether a public-field term occurs in a ticket that passes the filters. */
  private static Predicate<Term> known(IndexSearcher s, List<Query> filters) {
    return term -> {
      try {
        return s.getIndexReader().docFreq(term) > 0 && s.count(filtered(new TermQuery(term), filters)) > 0;
      } catch (IOException e) {
        throw new StorageException("ticket search failed", e);
      }
    };
  }

  private static List<String> analysisLanguages(@Nullable Locale locale, IndexReader reader) throws IOException {
    if (locale != null) {
      return List.of(Fields.lang(locale));
    }
    Set<String> langs = new LinkedHashSet<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(Fields.LANG);
      if (terms != null) {
        TermsEnum te = terms.iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
          langs.add(t.utf8ToString());
        }
      }
    }
    return new ArrayList<>(langs);
  }

  @Override
  public List<SimilarTicket> similarSolved(
      String text, @Nullable Locale locale, TicketSearchAudience audience, @Nullable TicketId exclude, int limit) {
    Checks.notNull(text, "text");
    Checks.notNull(audience, "audience");
    Checks.require(limit >= 1 && limit <= 50, "limit must be 1..50");
    if (audience.visible().isNone()) {
      return List.of();
    }
    if (closed) {
      throw new StorageException("the ticket index is closed");
    }
    try {
      IndexSearcher s = manager.acquire();
      try {
        return similar(s, text, locale, audience, exclude, limit);
      } finally {
        manager.release(s);
      }
    } catch (IOException | AlreadyClosedException e) {
      throw new StorageException("ticket search failed", e);
    }
  }

  private List<SimilarTicket> similar(
      IndexSearcher s, String text, @Nullable Locale locale, TicketSearchAudience audience, @Nullable TicketId exclude,
      int limit) throws IOException {
    String cut = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    String keywords = distinctive(s.getIndexReader(), cut, 25);
    if (keywords.isEmpty()) {
      return List.of();
    }
    List<String> langs = analysisLanguages(locale, s.getIndexReader());
    List<Query> filters = filters(audience, locale);
    Query relevance = queries.relevance(keywords, langs, known(s, filters));
    Query internalFilter = null;
    if (audience.usesInternal()) {
      internalFilter = visibilityFilter(audience.internal());
      Query inner = queries.relevance(keywords, langs, t -> true, NOTE_FIELDS, false);
      relevance = new BooleanQuery.Builder()
          .add(relevance, BooleanClause.Occur.SHOULD)
          .add(new BoostQuery(filtered(inner, List.of(internalFilter)), INTERNAL_WEIGHT), BooleanClause.Occur.SHOULD)
          .build();
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(filtered(relevance, filters), BooleanClause.Occur.MUST);
    if (exclude != null) {
      b.add(new TermQuery(new Term(Fields.ID, exclude.value())), BooleanClause.Occur.MUST_NOT);
    }
    TopDocs top = s.search(b.build(), limit);
    if (top.scoreDocs.length == 0) {
      return List.of();
    }
    int[] docs = Arrays.stream(top.scoreDocs).mapToInt(d -> d.doc).sorted().toArray();
    Map<Integer, String> snippets = snippets(s, docs, queries.highlight(keywords, langs), langs, Fields.BODY_STEM);
    Set<Integer> internalSnippets = new HashSet<>();
    if (internalFilter != null) {
      List<Query> both = new ArrayList<>(filters);
      both.add(internalFilter);
      int[] missing = Arrays.stream(docs).filter(d -> !snippets.containsKey(d)).toArray();
      int[] permitted = permitted(s, missing, both);
      Map<Integer, String> inner = snippets(s, permitted, queries.highlight(keywords, langs, Fields.NOTE_STEM), langs, Fields.NOTE_STEM);
      snippets.putAll(inner);
      internalSnippets.addAll(inner.keySet());
    }
    List<SimilarTicket> out = new ArrayList<>();
    Set<String> wanted = Set.of(Fields.ID, Fields.KEY, Fields.TITLE_STORED);
    for (ScoreDoc d : top.scoreDocs) {
      Document doc = s.storedFields().document(d.doc, wanted);
      out.add(new SimilarTicket(
          TicketId.of(doc.get(Fields.ID)),
          TicketKey.parse(doc.get(Fields.KEY)),
          doc.get(Fields.TITLE_STORED),
          Float.isNaN(d.score) ? 0 : d.score,
          snippets.getOrDefault(d.doc, ""),
          internalSnippets.contains(d.doc)));
    }
    return out;
  }

  /** The documents among {@code docs} that pass every filter (checked in the index). */
  private static int[] permitted(IndexSearcher s, int[] docs, List<Query> filters) throws IOException {
    if (docs.length == 0) {
      return docs;
    }
    List<BytesRef> ids = new ArrayList<>();
    Set<String> wanted = Set.of(Fields.ID);
    for (int d : docs) {
      ids.add(new BytesRef(s.storedFields().document(d, wanted).get(Fields.ID)));
    }
    TopDocs hits = s.search(filtered(new TermInSetQuery(Fields.ID, ids), filters), docs.length);
    return Arrays.stream(hits.scoreDocs).mapToInt(h -> h.doc).sorted().toArray();
  }

  private Map<Integer, String> snippets(IndexSearcher s, int[] sorted, Query terms, List<String> langs, String prefix)
      throws IOException {
    Map<Integer, String> out = new HashMap<>();
    if (sorted.length == 0) {
      return out;
    }
    UnifiedHighlighter h = UnifiedHighlighter.builder(s, analyzer)
        .withFormatter(new DefaultPassageFormatter("<b>", "</b>", " … ", true))
        .withMaxLength(SNIPPET_MAX_LENGTH)
        .withMaxNoHighlightPassages(0)
        .build();
    String[] fields = langs.stream().map(l -> prefix + l).toArray(String[]::new);
    int[] passages = new int[fields.length];
    Arrays.fill(passages, 1);
    Map<String, String[]> result = h.highlightFields(fields, terms, sorted, passages);
    for (String[] values : result.values()) {
      for (int i = 0; i < sorted.length; i++) {
        if (values[i] != null && !values[i].isBlank() && !out.containsKey(sorted[i])) {
          out.put(sorted[i], values[i].strip());
        }
      }
    }
    return out;
  }

  /** The {@code max} words of a text with the highest tf·idf in the public text, in text order. */
  private String distinctive(IndexReader reader, String text, int max) throws IOException {
    Map<String, Integer> tf = new HashMap<>();
    List<String> order = new ArrayList<>();
    try (var ts = analyzer.exact().tokenStream(Fields.BODY_EXACT, text)) {
      var term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String w = term.toString();
        if (tf.merge(w, 1, Integer::sum) == 1) {
          order.add(w);
        }
      }
      ts.end();
    }
    if (order.size() <= max) {
      return String.join(" ", order);
    }
    int n = Math.max(1, reader.numDocs());
    Map<String, Double> weight = new HashMap<>();
    for (String w : order) {
      int df = reader.docFreq(new Term(Fields.BODY_EXACT, w)) + reader.docFreq(new Term(Fields.TITLE_EXACT, w));
      weight.put(w, tf.get(w) * Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    }
    Set<String> keep = new LinkedHashSet<>(order.stream()
        .sorted(Comparator.comparingDouble((String w) -> -weight.get(w)))
        .limit(max)
        .toList());
    return String.join(" ", order.stream().filter(keep::contains).toList());
  }

  /** Commits pending changes and releases the index. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      commit();
    } finally {
      try {
        manager.close();
        writer.close();
        analyzer.close();
        if (ownsDirectory) {
          directory.close();
        }
      } catch (IOException e) {
        throw new StorageException("cannot close the ticket index", e);
      }
    }
  }

  /**
   * Configures a {@link LuceneTicketSearch}. Setters validate at once and throw {@link
   * IllegalArgumentException} for bad values. Not thread-safe.
   */
  public static final class Builder {
    private final Directory directory;
    private final boolean ownsDirectory;
    private Duration refreshInterval = Duration.ofMillis(250);
    private Duration commitInterval = Duration.ofSeconds(2);
    private @Nullable TicketStore source;
    private @Nullable Function<Ticket, Locale> locale;

    private Builder(Directory directory, boolean ownsDirectory) {
      this.directory = directory;
      this.ownsDirectory = ownsDirectory;
    }

    /**
     * @param value how often changes become searchable, 10 ms to 1 s (default 250 ms)
     * @return this
     */
    public Builder refreshInterval(Duration value) {
      if (value.compareTo(Duration.ofMillis(10)) < 0 || value.compareTo(Duration.ofSeconds(1)) > 0) {
        throw new IllegalArgumentException("refresh interval must be 10 ms to 1 s");
      }
      this.refreshInterval = value;
      return this;
    }

    /**
     * @param value how often changes are committed, 100 ms to 10 minutes (default 2 s)
     * @return this
     */
    public Builder commitInterval(Duration value) {
      if (value.compareTo(Duration.ofMillis(100)) < 0 || value.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException("commit interval must be 100 ms to 10 minutes");
      }
      this.commitInterval = value;
      return this;
    }

    /**
     * Refills the index from this store (its solved tickets) whenever it was recreated at open.
     *
     * @param store the ticket store
     * @param ticketLocale the language of a ticket's text
     * @return this
     */
    public Builder source(TicketStore store, Function<Ticket, Locale> ticketLocale) {
      this.source = Objects.requireNonNull(store, "store");
      this.locale = Objects.requireNonNull(ticketLocale, "locale");
      return this;
    }

    /**
     * Opens (or recreates) the index.
     *
     * @return the search
     * @throws StorageException if the index cannot be opened
     */
    public LuceneTicketSearch build() {
      try {
        return new LuceneTicketSearch(this);
      } catch (IOException | RuntimeException e) {
        if (ownsDirectory) {
          IOUtils.closeWhileHandlingException(directory);
        }
        if (e instanceof StorageException se) {
          throw se;
        }
        throw new StorageException("cannot open the ticket index", e);
      }
    }
  }
}
