package dev.frontline.helpdesk.lucene;

import static dev.frontline.helpdesk.lucene.internal.Queries.filtered;

import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.lucene.internal.FieldAnalyzer;
import dev.frontline.helpdesk.lucene.internal.Fields;
import dev.frontline.helpdesk.lucene.internal.LiveIndex;
import dev.frontline.helpdesk.lucene.internal.Queries;
import dev.frontline.helpdesk.lucene.internal.QueryFactory;
import dev.frontline.helpdesk.lucene.internal.Ranking;
import dev.frontline.helpdesk.lucene.internal.Snippets;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
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
  public static final String SCHEMA_VERSION = "2";

  private static final String SCHEMA_KEY = "frontline.ticket-schema";
  private static final LiveIndex.Kind KIND =
      new LiveIndex.Kind("ticket", "frontline-lucene-tickets", SCHEMA_KEY, SCHEMA_VERSION, null);
  private static final int MAX_FIELD = 200_000;
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

  private final FieldAnalyzer analyzer = new FieldAnalyzer();
  private final QueryFactory queries;
  private final LiveIndex live;

  private LuceneTicketSearch(Builder b) throws IOException {
    this.queries = new QueryFactory(analyzer, Ranking.DEFAULT,
        lang -> Fields.COMPOUNDING.contains(lang) ? Ranking.COMPOUNDING : Ranking.DEFAULT, Map.of());
    this.live = LiveIndex.open(KIND, Objects.requireNonNull(b.directory), b.ownsDirectory, analyzer);
    TicketStore source = b.source;
    Function<Ticket, Locale> locale = b.locale;
    Runnable refill = null;
    if (live.rebuilt() && source != null && locale != null) {
      // through this search's own index(), before the background refresh and commit start
      refill = () -> new TicketSearchIndexer(source, this, locale).rebuild();
    }
    live.start(refill, b.refreshInterval, b.commitInterval);
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

  /** @return whether the index was created empty at open (missing, unreadable or old schema) */
  public boolean rebuilt() {
    return live.rebuilt();
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
    live.requireOpen();
    try {
      live.writer().updateDocument(new Term(Fields.ID, ticket.id().value()), toDocument(ticket, conversation, locale));
    } catch (IOException | AlreadyClosedException e) {
      throw new StorageException("cannot index ticket " + ticket.id(), e);
    }
  }

  @Override
  public void delete(TicketId id) {
    Checks.notNull(id, "ticket id");
    live.requireOpen();
    try {
      live.writer().deleteDocuments(new Term(Fields.ID, id.value()));
    } catch (IOException | AlreadyClosedException e) {
      throw new StorageException("cannot delete ticket " + id, e);
    }
  }

  /** Makes every change so far searchable now (normally done within the refresh interval). */
  @Override
  public void refresh() {
    live.refresh();
  }

  /** Makes every change so far durable now (normally done in batches). */
  public void commit() {
    live.commit();
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
    out.add(Queries.anyTerm(Fields.STATE, SOLVED_STATES.stream().map(TicketState::name).toList()));
    if (locale != null) {
      out.add(new TermQuery(new Term(Fields.LANGUAGE, locale.getLanguage())));
    }
    return out;
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

  @Override
  public List<SimilarTicket> similarSolved(
      String text, @Nullable Locale locale, TicketSearchAudience audience, @Nullable TicketId exclude, int limit) {
    live.requireOpen();
    Checks.notNull(text, "text");
    Checks.notNull(audience, "audience");
    Checks.require(limit >= 1 && limit <= 50, "limit must be 1..50");
    if (audience.visible().isNone()) {
      return List.of();
    }
    return live.search(s -> similar(s, text, locale, audience, exclude, limit));
  }

  private List<SimilarTicket> similar(
      IndexSearcher s, String text, @Nullable Locale locale, TicketSearchAudience audience, @Nullable TicketId exclude,
      int limit) throws IOException {
    String keywords = Queries.keywords(analyzer, s.getIndexReader(), text, Fields.BODY_EXACT, Fields.TITLE_EXACT);
    if (keywords.isEmpty()) {
      return List.of();
    }
    List<String> langs = Queries.analysisLanguages(locale == null ? List.of() : List.of(locale), s.getIndexReader());
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
    Map<Integer, String> snippets =
        Snippets.of(s, analyzer, docs, queries.highlight(keywords, langs), langs, Fields.BODY_STEM, true);
    Set<Integer> internalSnippets = new HashSet<>();
    if (internalFilter != null) {
      List<Query> both = new ArrayList<>(filters);
      both.add(internalFilter);
      int[] missing = Arrays.stream(docs).filter(d -> !snippets.containsKey(d)).toArray();
      int[] permitted = permitted(s, missing, both);
      Map<Integer, String> inner = Snippets.of(
          s, analyzer, permitted, queries.highlight(keywords, langs, Fields.NOTE_STEM), langs, Fields.NOTE_STEM, true);
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

  /** Commits pending changes and releases the index. Idempotent. */
  @Override
  public void close() {
    live.close();
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
        throw LiveIndex.openFailed(KIND, e, directory, ownsDirectory);
      }
    }
  }
}
