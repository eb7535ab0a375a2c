package dev.frontline.helpdesk.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.opensearch.internal.AliasedIndex;
import dev.frontline.helpdesk.opensearch.internal.Args;
import dev.frontline.helpdesk.opensearch.internal.ArticleQueries;
import dev.frontline.helpdesk.opensearch.internal.Cluster;
import dev.frontline.helpdesk.opensearch.internal.Languages;
import dev.frontline.helpdesk.opensearch.internal.Ranking;
import dev.frontline.helpdesk.search.SimilarTicket;
import dev.frontline.helpdesk.search.TicketSearchAudience;
import dev.frontline.helpdesk.search.TicketSearchIndexer;
import dev.frontline.helpdesk.spi.TicketSearch;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.FiltersBucket;
import org.opensearch.client.opensearch._types.mapping.DynamicTemplate;
import org.opensearch.client.opensearch._types.mapping.MatchType;
import org.opensearch.client.opensearch._types.mapping.Property;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Highlight;
import org.opensearch.client.opensearch.core.search.HighlighterEncoder;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * {@link TicketSearch} ("similar solved tickets") on an OpenSearch 2.x cluster, with the analysis
 * and ranking of {@link OpenSearchKnowledgeSearch} (as the Lucene module's ticket search has its
 * knowledge search's): the subject plays the article title, the public conversation the body, each
 * analysed by OpenSearch's analyzer of the ticket's language, unstemmed and as character 4-grams. A
 * long text (a whole ticket, more than 48 distinct words) is matched by its most distinctive words
 * ({@code more_like_this}).
 *
 * <p><b>Index.</b> {@code <prefix>-tickets-1} (after a {@linkplain #rebuild rebuild}, {@code
 * <prefix>-tickets-1-<time>}) behind the alias {@code <prefix>-tickets}. Each ticket is indexed
 * with its version as external version ({@code external_gte}): a late replay of an older snapshot
 * changes nothing. Removals carry no version in the SPI; with {@link Builder#source} a removal reads
 * the ticket's current version from the store and leaves a tombstone with it, so they are
 * versioned too. (Without it, the similar-ticket service still re-reads every hit from the store,
 * so a ticket removed and then re-added from a stale snapshot is never shown.)
 *
 * <p><b>Internal text.</b> Internal notes and system entries go to separate fields ({@code
 * n_<analysis>}, {@code note}). They are queried only inside a clause filtered by the audience's
 * {@code internal} tickets, and highlighted only in a second request restricted to hits within
 * those tickets; for every other reader they do not exist. Typo detection looks at public fields
 * only.
 *
 * <p><b>Visibility.</b> The audience's {@link TicketVisibility} becomes filter clauses on keyword
 * fields (requester, organization, team, tier, assignee), term for term the rule of {@link
 * TicketVisibility#matches}, together with the solved-state and language filters; nothing is
 * filtered after the search.
 *
 * <p><b>Freshness.</b> Changes are searchable after the index's refresh interval (1 s), or at once
 * after {@link #refresh()}, which the similar-ticket service calls before each search (it asks the
 * cluster only when this instance wrote something since the last refresh). A cluster that cannot be
 * reached makes calls fail with {@link OpenSearchUnavailableException}.
 *
 * <p>BM25 statistics use the whole index, so invisible tickets influence scores (never which
 * tickets are returned). Thread-safe; several application nodes may share one index.
 */
public final class OpenSearchTicketSearch implements TicketSearch {
  private static final String SCHEMA = "1";
  private static final int MAX_FIELD = 200_000;
  private static final int MAX_TEXT = 10_000;
  private static final int MAX_TYPO_WORDS = 16;
  private static final int KEYWORDS = 25;
  private static final int SNIPPET_CHARS = 160;
  /** Weight of the internal-text clause against the public text. */
  private static final float INTERNAL_WEIGHT = 0.5f;
  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  private static final String ID = "id";
  private static final String KEY = "key";
  private static final String STATE = "state";
  private static final String LANG = "lang";
  private static final String REQUESTER = "requester";
  private static final String ORGANIZATION = "organization";
  private static final String TEAM = "team";
  private static final String ASSIGNEE = "assignee";
  private static final String TIER = "tier";
  private static final String SUBJECT = "title";
  private static final String BODY = "body";
  private static final String NOTE = "note";
  private static final String TITLE_GRAMS = "title_g";
  private static final String BODY_GRAMS = "body_g";

  private final Cluster cluster;
  private final String alias;
  private final AliasedIndex indexes;
  private final AtomicBoolean dirty = new AtomicBoolean();
  private final @Nullable TicketStore source;
  private final @Nullable Function<Ticket, Locale> sourceLocale;

  private OpenSearchTicketSearch(Builder b) {
    this.source = b.source;
    this.sourceLocale = b.sourceLocale;
    this.cluster = new Cluster(b.hosts, b.connectTimeout, b.responseTimeout);
    this.alias = b.prefix + "-tickets";
    this.indexes = new AliasedIndex(cluster, alias, SCHEMA, OpenSearchTicketSearch::mapping, b.shards, b.replicas);
    try {
      indexes.ensure();
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /**
   * Starts a builder.
   *
   * @param hosts the cluster's nodes, e.g. {@code URI.create("http://localhost:9200")}
   * @return a builder
   */
  public static Builder builder(URI... hosts) {
    return new Builder(List.of(hosts));
  }

  /** @return the alias that reaches the index ({@code <prefix>-tickets}) */
  public String indexAlias() {
    return alias;
  }

  /** @return the concrete index the alias points at now */
  public String currentIndex() {
    List<String> current = indexes.current();
    return current.isEmpty() ? alias : current.get(0);
  }

  // ------------------------------------------------------------------ the index

  private static String subject(String analysis) {
    return "t_" + analysis;
  }

  private static String body(String analysis) {
    return "b_" + analysis;
  }

  private static String note(String analysis) {
    return "n_" + analysis;
  }

  /**
   * Keyword fields and the unstemmed text fields are fixed; the fields of a language ({@code
   * t_english}, {@code b_english}, {@code n_english}) appear with its first ticket, by a dynamic
   * template per analysis, so that queries over every language expand only to languages present.
   */
  private static TypeMapping mapping() {
    Map<String, Property> props = new LinkedHashMap<>();
    for (String k : List.of(ID, KEY, STATE, LANG, REQUESTER, ORGANIZATION, TEAM, ASSIGNEE, TIER)) {
      props.put(k, Property.of(p -> p.keyword(x -> x)));
    }
    for (String f : List.of(SUBJECT, BODY, NOTE)) {
      props.put(f, Property.of(p -> p.text(t -> t.analyzer("standard"))));
    }
    for (String f : List.of(TITLE_GRAMS, BODY_GRAMS)) {
      props.put(f, Property.of(p -> p.text(t -> t.analyzer(Ranking.GRAM_ANALYZER))));
    }
    List<Map<String, DynamicTemplate>> templates = new ArrayList<>();
    for (String a : Languages.analyses()) {
      String analyzer = Languages.analyzer(a);
      templates.add(Map.of("text_" + a, DynamicTemplate.of(d -> d.matchPattern(MatchType.Regex).match("^[tbn]_" + a + "$")
          .mapping(m -> m.text(t -> t.analyzer(analyzer))))));
    }
    return TypeMapping.of(m -> m.properties(props).dynamicTemplates(templates));
  }

  private static String plain(String text) {
    String s = text.indexOf('<') >= 0 ? TAG.matcher(text).replaceAll(" ") : text;
    return s.length() > MAX_FIELD ? s.substring(0, MAX_FIELD) : s;
  }

  private static ObjectNode document(Ticket ticket, List<Entry> conversation, Locale locale) {
    StringBuilder pub = new StringBuilder();
    StringBuilder internal = new StringBuilder();
    for (Entry e : conversation) {
      StringBuilder to = e.kind().isPublic() ? pub : internal;
      if (to.length() < MAX_FIELD) {
        to.append(plain(e.body())).append("\n\n");
      }
    }
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    d.put(ID, ticket.id().value());
    d.put(KEY, ticket.key().toString());
    d.put(STATE, ticket.state().name());
    d.put(LANG, locale.getLanguage());
    d.put(REQUESTER, ticket.requester().value());
    if (ticket.organization() != null) {
      d.put(ORGANIZATION, ticket.organization().value());
    }
    if (ticket.team() != null) {
      d.put(TEAM, ticket.team().value());
    }
    if (ticket.assignee() != null) {
      d.put(ASSIGNEE, ticket.assignee().value());
    }
    d.put(TIER, Integer.toString(ticket.tier()));
    String a = Languages.analysis(locale);
    d.put(SUBJECT, ticket.subject());
    d.put(BODY, pub.toString());
    d.put(NOTE, internal.toString());
    d.put(TITLE_GRAMS, ticket.subject());
    d.put(BODY_GRAMS, pub.toString());
    d.put(subject(a), ticket.subject());
    d.put(body(a), pub.toString());
    d.put(note(a), internal.toString());
    return d;
  }

  /**
   * Indexes a ticket with its version as external version: an older snapshot than the one indexed
   * changes nothing, the same one again is harmless.
   */
  @Override
  public void index(Ticket ticket, List<Entry> conversation, Locale locale) {
    Args.notNull(ticket, "ticket");
    Args.notNull(conversation, "conversation");
    Args.notNull(locale, "locale");
    ObjectNode doc = document(ticket, conversation, locale);
    dirty.set(true);
    indexes.put("index ticket " + ticket.id(), ticket.id().value(), doc, ticket.version());
  }

  /**
   * Removes a ticket. With a {@linkplain Builder#source source}, the removal is versioned: the
   * ticket is read from the store, and if it is solved again by now its current snapshot is
   * indexed instead; otherwise a tombstone (a document in its current, unsolved state, which no
   * search returns) is written with its current version, so that a late replay of an older solved
   * snapshot cannot bring it back. Without a source the document is deleted.
   */
  @Override
  public void delete(TicketId id) {
    Args.notNull(id, "ticket id");
    dirty.set(true);
    TicketStore store = source;
    Function<Ticket, Locale> ticketLocale = sourceLocale;
    if (store != null && ticketLocale != null) {
      Optional<Ticket> now = store.find(id);
      if (now.isPresent() && SOLVED_STATES.contains(now.get().state())) {
        Ticket t = now.get();
        index(t, conversation(store.history(id)), ticketLocale.apply(t));
      } else {
        ObjectNode tombstone = JsonNodeFactory.instance.objectNode();
        tombstone.put(ID, id.value());
        tombstone.put(STATE, now.map(t -> t.state().name()).orElse("REMOVED"));
        indexes.put("remove ticket " + id, id.value(), tombstone, now.map(Ticket::version).orElse(Long.MAX_VALUE));
      }
      return;
    }
    for (String target : indexes.writeTargets()) {
      cluster.call("remove ticket " + id, client -> {
        try {
          client.delete(d -> d.index(target).id(id.value()));
          return true;
        } catch (org.opensearch.client.opensearch._types.OpenSearchException e) {
          if (Cluster.status(e) == 404) {
            return false;
          }
          throw e;
        }
      });
    }
  }

  /** A ticket's conversation, public and internal, in time order (merged-in entries included). */
  private static List<Entry> conversation(List<TicketEvent> history) {
    List<Entry> out = new ArrayList<>();
    for (TicketEvent ev : history) {
      if (ev.change() instanceof TicketChange.EntryAdded ea) {
        out.add(ea.entry());
      } else if (ev.change() instanceof TicketChange.MergeReceived mr) {
        out.addAll(mr.entries());
      }
    }
    out.sort(java.util.Comparator.comparing(Entry::at));
    return out;
  }

  /** Makes every change so far searchable now; asks the cluster only if this instance wrote. */
  @Override
  public void refresh() {
    if (dirty.getAndSet(false)) {
      try {
        cluster.refresh(alias);
      } catch (RuntimeException e) {
        dirty.set(true);
        throw e;
      }
    }
  }

  /**
   * Rebuilds the index from the store into a new index and then moves the alias to it, with no
   * downtime: searches answer from the old index until the new one is complete, and this node's
   * writes meanwhile go to both. The old index is deleted.
   *
   * @param store the ticket store, the source of truth
   * @param ticketLocale the language of a ticket's text
   * @return the number of tickets indexed
   * @throws OpenSearchUnavailableException when the cluster cannot be reached (the old index then
   *     stays in use and the new one is dropped)
   */
  public int rebuild(TicketStore store, Function<Ticket, Locale> ticketLocale) {
    Args.notNull(store, "store");
    Args.notNull(ticketLocale, "ticket locale");
    int n = indexes.rebuild(target -> {
      Into into = new Into(indexes.bulk(target));
      int indexed = new TicketSearchIndexer(store, into, ticketLocale).rebuild();
      into.bulk.flush();
      return indexed;
    });
    dirty.set(true);
    return n;
  }

  /** Writes into one index (the one a rebuild fills), in bulk requests. */
  private static final class Into implements TicketSearch {
    private final AliasedIndex.Bulk bulk;

    Into(AliasedIndex.Bulk bulk) {
      this.bulk = bulk;
    }

    @Override
    public void index(Ticket ticket, List<Entry> conversation, Locale locale) {
      bulk.put(ticket.id().value(), document(ticket, conversation, locale), ticket.version());
    }

    @Override
    public void delete(TicketId id) {
      // a rebuild only adds (the new index starts empty)
    }

    @Override
    public List<SimilarTicket> similarSolved(
        String text, @Nullable Locale locale, TicketSearchAudience audience, @Nullable TicketId exclude, int limit) {
      throw new UnsupportedOperationException("write-only view of an index being rebuilt");
    }
  }

  @Override
  public void close() {
    cluster.close();
  }

  // ------------------------------------------------------------------ search

  /**
   * The filter for a {@link TicketVisibility}, clause for clause its {@link
   * TicketVisibility#matches} rule.
   */
  private static Query visibility(TicketVisibility v) {
    if (v.all()) {
      return Query.of(q -> q.matchAll(m -> m));
    }
    List<Query> any = new ArrayList<>();
    anyOf(any, ASSIGNEE, v.assignees().stream().map(AgentId::value).toList());
    anyOf(any, TEAM, v.teams().stream().map(TeamId::value).toList());
    anyOf(any, TIER, v.tiers().stream().map(String::valueOf).toList());
    anyOf(any, REQUESTER, v.requesters().stream().map(CustomerId::value).toList());
    anyOf(any, ORGANIZATION, v.organizations().stream().map(OrganizationId::value).toList());
    if (any.isEmpty()) {
      return Query.of(q -> q.matchNone(m -> m));
    }
    return Query.of(q -> q.bool(b -> b.should(any).minimumShouldMatch("1")));
  }

  private static void anyOf(List<Query> out, String field, List<String> values) {
    if (!values.isEmpty()) {
      List<FieldValue> v = values.stream().sorted().map(FieldValue::of).toList();
      out.add(Query.of(q -> q.terms(t -> t.field(field).terms(x -> x.value(v)))));
    }
  }

  private static List<Query> filters(TicketSearchAudience audience, @Nullable Locale locale) {
    List<Query> out = new ArrayList<>();
    out.add(visibility(audience.visible()));
    List<FieldValue> solved = SOLVED_STATES.stream().map(TicketState::name).sorted().map(FieldValue::of).toList();
    out.add(Query.of(q -> q.terms(t -> t.field(STATE).terms(x -> x.value(solved)))));
    if (locale != null) {
      out.add(ArticleQueries.term(LANG, locale.getLanguage()));
    }
    return out;
  }

  private static final Ranking.Fields PUBLIC =
      new Ranking.Fields("t_", "b_", null, SUBJECT, BODY, TITLE_GRAMS, BODY_GRAMS);
  /** Internal text stands in for the body; no title, no typo or n-gram clauses. */
  private static final Ranking.Fields INTERNAL = new Ranking.Fields(null, "n_", null, null, null, null, null);

  private static List<String> mltFields(@Nullable Locale locale, boolean internal) {
    if (locale == null) {
      // more_like_this takes concrete fields only (no patterns)
      return internal ? List.of(NOTE) : List.of(SUBJECT, BODY);
    }
    String a = Languages.analysis(locale);
    return internal ? List.of(note(a), NOTE) : List.of(subject(a), body(a), SUBJECT, BODY);
  }

  private static List<String> snippetFields(@Nullable Locale locale, boolean internal) {
    String a = locale == null ? "*" : Languages.analysis(locale);
    return internal ? List.of(note(a), NOTE) : List.of(body(a), BODY);
  }

  /**
   * A text of up to {@link Ranking#MAX_TERMS} distinct words by the ranking of the knowledge search
   * ({@link Ranking}: stems of subject and conversation, proximity, typos of words no visible
   * ticket has, n-grams for compounding and unstemmed languages; internal text by its stems only);
   * a longer text (a whole ticket) by its most distinctive words ({@code more_like_this}).
   */
  private Query relevance(String text, List<String> words, List<Locale> analysed, @Nullable Locale locale, boolean internal,
      List<Query> filters) {
    if (words.size() > Ranking.MAX_TERMS) {
      List<String> fields = mltFields(locale, internal);
      return Query.of(q -> q.moreLikeThis(m -> m.fields(fields).like(l -> l.text(text)).minTermFreq(1).minDocFreq(1)
          .maxQueryTerms(KEYWORDS).minimumShouldMatch("1")));
    }
    if (internal) {
      return Ranking.relevance(text, analysed, INTERNAL, this::analyze, w -> true, false);
    }
    java.util.Set<String> known = knownWords(Ranking.typoCandidates(words), filters);
    return Ranking.relevance(text, analysed, PUBLIC, this::analyze, known::contains);
  }

  private List<Ranking.Token> analyze(String analyzer, String text) {
    var r = cluster.call("analyse the query", client -> client.indices().analyze(a -> a.index(alias).analyzer(analyzer).text(text)));
    List<Ranking.Token> out = new ArrayList<>();
    for (var t : r.tokens()) {
      out.add(new Ranking.Token(t.token(), t.position()));
    }
    return out;
  }

  /** The languages of the tickets the filters admit (for a query in every language). */
  private List<Locale> visibleLanguages(List<Query> filters) {
    SearchResponse<JsonNode> r = run("list languages", s -> s.index(alias).size(0)
        .query(q -> q.bool(b -> b.filter(filters)))
        .aggregations("langs", a -> a.terms(t -> t.field(LANG).size(200))));
    List<Locale> out = new ArrayList<>();
    for (var b : Objects.requireNonNull(r.aggregations().get("langs"), "langs").sterms().buckets().array()) {
      out.add(Locale.forLanguageTag(b.key()));
    }
    out.sort(java.util.Comparator.comparing(Locale::getLanguage));
    return out;
  }

  /**
   * The words (at most {@link #MAX_TYPO_WORDS}) that a ticket the filters admit has in its plain
   * subject or public conversation; only these are not typos.
   */
  private java.util.Set<String> knownWords(List<String> words, List<Query> filters) {
    java.util.Set<String> out = new java.util.HashSet<>();
    if (words.isEmpty()) {
      return out;
    }
    List<String> probe = words.size() > MAX_TYPO_WORDS ? words.subList(0, MAX_TYPO_WORDS) : words;
    Map<String, Query> probes = new LinkedHashMap<>();
    for (String w : probe) {
      probes.put(w, Query.of(q -> q.bool(b -> b.should(ArticleQueries.term(SUBJECT, w)).should(ArticleQueries.term(BODY, w)))));
    }
    SearchResponse<JsonNode> r = run("check query words", s -> s.index(alias).size(0)
        .query(q -> q.bool(b -> b.filter(filters)))
        .aggregations("words", a -> a.filters(f -> f.filters(b -> b.keyed(probes)))));
    Map<String, FiltersBucket> buckets =
        Objects.requireNonNull(r.aggregations().get("words"), "words").filters().buckets().keyed();
    for (String w : probe) {
      FiltersBucket b = buckets.get(w);
      if (b != null && b.docCount() > 0) {
        out.add(w);
      }
    }
    // beyond the probed words, typo clauses would exceed the cap anyway
    out.addAll(words.subList(probe.size(), words.size()));
    return out;
  }

  @Override
  public List<SimilarTicket> similarSolved(
      String text, @Nullable Locale locale, TicketSearchAudience audience, @Nullable TicketId exclude, int limit) {
    Args.notNull(text, "text");
    Args.notNull(audience, "audience");
    Args.require(limit >= 1 && limit <= 50, "limit must be 1..50");
    if (audience.visible().isNone()) {
      return List.of();
    }
    String cut = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    List<String> words = ArticleQueries.words(cut);
    if (words.isEmpty()) {
      return List.of();
    }
    List<Query> filters = filters(audience, locale);
    List<Locale> analysed = locale == null ? visibleLanguages(filters) : List.of(locale);
    Query relevance = relevance(cut, words, analysed, locale, false, filters);
    @Nullable Query internalFilter = null;
    @Nullable Query internalRelevance = null;
    if (audience.usesInternal()) {
      Query inf = visibility(audience.internal());
      Query inner = relevance(cut, words, analysed, locale, true, filters);
      internalFilter = inf;
      internalRelevance = inner;
      Query pub = relevance;
      relevance = Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
          .should(pub)
          .should(s -> s.bool(x -> x.must(inner).filter(inf).boost(INTERNAL_WEIGHT)))));
    }
    Query scored = relevance;
    Query q = Query.of(x -> x.bool(b -> {
      b.must(scored).filter(filters);
      if (exclude != null) {
        b.mustNot(ArticleQueries.term(ID, exclude.value()));
      }
      return b;
    }));
    SearchResponse<JsonNode> r = run("find similar tickets", s -> s.index(alias).query(q).size(limit)
        .source(src -> src.filter(f -> f.includes(ID, KEY, SUBJECT)))
        .sort(o -> o.score(x -> x.order(SortOrder.Desc))).sort(o -> o.field(f -> f.field(ID).order(SortOrder.Asc)))
        .highlight(highlight(snippetFields(locale, false))));
    List<Hit<JsonNode>> hits = r.hits().hits();
    if (hits.isEmpty()) {
      return List.of();
    }
    Map<String, String> internalSnippets = new HashMap<>();
    if (internalFilter != null && internalRelevance != null) {
      List<FieldValue> missing = new ArrayList<>();
      for (Hit<JsonNode> h : hits) {
        if (snippet(h).isEmpty()) {
          missing.add(FieldValue.of(source(h).path(ID).asText()));
        }
      }
      if (!missing.isEmpty()) {
        List<Query> both = new ArrayList<>(filters);
        both.add(internalFilter);
        both.add(Query.of(x -> x.terms(t -> t.field(ID).terms(v -> v.value(missing)))));
        Query inner = internalRelevance;
        SearchResponse<JsonNode> notes = run("highlight internal notes", s -> s.index(alias)
            .query(x -> x.bool(b -> b.must(inner).filter(both))).size(missing.size())
            .source(src -> src.filter(f -> f.includes(ID)))
            .highlight(highlight(snippetFields(locale, true))));
        for (Hit<JsonNode> h : notes.hits().hits()) {
          String snippet = snippet(h);
          if (!snippet.isEmpty()) {
            internalSnippets.put(source(h).path(ID).asText(), snippet);
          }
        }
      }
    }
    List<SimilarTicket> out = new ArrayList<>();
    for (Hit<JsonNode> h : hits) {
      JsonNode src = source(h);
      String id = src.path(ID).asText();
      String snippet = snippet(h);
      boolean internal = false;
      if (snippet.isEmpty() && internalSnippets.containsKey(id)) {
        snippet = Objects.requireNonNull(internalSnippets.get(id));
        internal = true;
      }
      Double score = h.score();
      out.add(new SimilarTicket(TicketId.of(id), TicketKey.parse(src.path(KEY).asText()), src.path(SUBJECT).asText(),
          score == null ? 0 : score, snippet, internal));
    }
    return out;
  }

  private static JsonNode source(Hit<JsonNode> h) {
    return Objects.requireNonNull(h.source(), "source");
  }

  private static String snippet(Hit<JsonNode> h) {
    for (List<String> fragments : h.highlight().values()) {
      if (!fragments.isEmpty()) {
        return fragments.get(0).strip();
      }
    }
    return "";
  }

  private static Highlight highlight(List<String> fields) {
    return Highlight.of(h -> {
      h.preTags("<b>").postTags("</b>").encoder(HighlighterEncoder.Html).numberOfFragments(1).fragmentSize(SNIPPET_CHARS);
      for (String f : fields) {
        h.fields(f, x -> x);
      }
      return h;
    });
  }

  private SearchResponse<JsonNode> run(String what, Consumer<SearchRequest.Builder> request) {
    SearchRequest.Builder b = new SearchRequest.Builder();
    request.accept(b);
    SearchRequest req = b.build();
    return cluster.call(what, client -> client.search(req, JsonNode.class));
  }

  /** Configures an {@link OpenSearchTicketSearch}. */
  public static final class Builder {
    private final List<URI> hosts;
    private String prefix = "frontline";
    private int shards = 1;
    private int replicas = 1;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration responseTimeout = Duration.ofSeconds(30);
    private @Nullable TicketStore source;
    private @Nullable Function<Ticket, Locale> sourceLocale;

    private Builder(List<URI> hosts) {
      Args.require(!hosts.isEmpty(), "at least one OpenSearch host is needed");
      for (URI h : hosts) {
        Args.notNull(h, "host");
        Args.require(h.getHost() != null, "host " + h + " has no host name");
      }
      this.hosts = List.copyOf(hosts);
    }

    /**
     * Names the installation's indexes: {@code <prefix>-tickets}. Default {@code frontline}.
     *
     * @param value lower-case letters, digits, {@code -} and {@code _}, starting with a letter
     * @return this builder
     */
    public Builder indexPrefix(String value) {
      Args.notNull(value, "index prefix");
      Args.require(value.matches("[a-z][a-z0-9_-]{0,99}"),
          "index prefix must be lower-case letters, digits, '-' or '_', starting with a letter");
      this.prefix = value;
      return this;
    }

    /**
     * Shards and replicas of an index this search creates (an existing one is used as it is).
     * Default one shard, one replica.
     *
     * @param shardCount primary shards, 1 or more
     * @param replicaCount replicas of each, 0 or more
     * @return this builder
     */
    public Builder shards(int shardCount, int replicaCount) {
      Args.require(shardCount >= 1, "shards must be at least 1");
      Args.require(replicaCount >= 0, "replicas must not be negative");
      this.shards = shardCount;
      this.replicas = replicaCount;
      return this;
    }

    /**
     * How long to wait for a connection and for an answer. Default 5 s and 30 s.
     *
     * @param connect connection timeout
     * @param response response timeout
     * @return this builder
     */
    public Builder timeouts(Duration connect, Duration response) {
      Args.require(!connect.isNegative() && !connect.isZero(), "connect timeout must be positive");
      Args.require(!response.isNegative() && !response.isZero(), "response timeout must be positive");
      this.connectTimeout = connect;
      this.responseTimeout = response;
      return this;
    }

    /**
     * Makes removals versioned: a removal reads the ticket from this store and writes a tombstone
     * with its current version (or indexes it, if it is solved again by now). Without a source a
     * removal deletes the document, and a late replay of an older solved snapshot could bring it
     * back until the ticket's next change (the similar-ticket service re-reads every hit from the
     * store, so it is never shown).
     *
     * @param store the ticket store the helpdesk uses
     * @param ticketLocale the language of a ticket's text, as given to the helpdesk
     * @return this builder
     */
    public Builder source(TicketStore store, Function<Ticket, Locale> ticketLocale) {
      this.source = Args.notNull(store, "store");
      this.sourceLocale = Args.notNull(ticketLocale, "ticket locale");
      return this;
    }

    /**
     * Connects, and creates the index when it is missing.
     *
     * @return the search
     * @throws OpenSearchUnavailableException when the cluster cannot be reached
     */
    public OpenSearchTicketSearch build() {
      return new OpenSearchTicketSearch(this);
    }
  }
}
