package dev.frontline.helpdesk.opensearch;

import static dev.frontline.helpdesk.opensearch.internal.ArticleQueries.APPLIED;
import static dev.frontline.helpdesk.opensearch.internal.ArticleQueries.BODY;
import static dev.frontline.helpdesk.opensearch.internal.ArticleQueries.BODY_GRAMS;
import static dev.frontline.helpdesk.opensearch.internal.ArticleQueries.CATEGORY;
import static dev.frontline.helpdesk.opensearch.internal.ArticleQueries.CATEGORY_PREFIXES;
import static dev.frontline.helpdesk.opensearch.internal.ArticleQueries.GROUP;
import static dev.frontline.helpdesk.opensearch.internal.ArticleQueries.ID;
import static dev.frontline.helpdesk.opensearch.internal.ArticleQueries.LANG;
import static dev.frontline.helpdesk.opensearch.internal.ArticleQueries.LOCALE;
import static dev.frontline.helpdesk.opensearch.internal.ArticleQueries.SORT_TITLE;
import static dev.frontline.helpdesk.opensearch.internal.ArticleQueries.STATUS;
import static dev.frontline.helpdesk.opensearch.internal.ArticleQueries.SUMMARY;
import static dev.frontline.helpdesk.opensearch.internal.ArticleQueries.TAGS;
import static dev.frontline.helpdesk.opensearch.internal.ArticleQueries.TEAMS;
import static dev.frontline.helpdesk.opensearch.internal.ArticleQueries.TITLE;
import static dev.frontline.helpdesk.opensearch.internal.ArticleQueries.TITLE_GRAMS;
import static dev.frontline.helpdesk.opensearch.internal.ArticleQueries.TITLE_LENGTH;
import static dev.frontline.helpdesk.opensearch.internal.ArticleQueries.VISIBILITY;
import static dev.frontline.helpdesk.opensearch.internal.ArticleQueries.term;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontline.helpdesk.opensearch.internal.AliasedIndex;
import dev.frontline.helpdesk.opensearch.internal.Args;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleChange;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.knowledge.SearchFacets;
import dev.frontline.helpdesk.knowledge.SearchHit;
import dev.frontline.helpdesk.knowledge.SearchResult;
import dev.frontline.helpdesk.knowledge.Suggestion;
import dev.frontline.helpdesk.opensearch.internal.ArticleQueries;
import dev.frontline.helpdesk.opensearch.internal.Cluster;
import dev.frontline.helpdesk.opensearch.internal.Languages;
import dev.frontline.helpdesk.opensearch.internal.Ranking;
import dev.frontline.helpdesk.spi.ArticleStore;
import dev.frontline.helpdesk.spi.KnowledgeSearch;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.mapping.DynamicMapping;
import org.opensearch.client.opensearch._types.mapping.Property;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Highlight;
import org.opensearch.client.opensearch.core.search.HighlighterEncoder;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.TotalHitsRelation;

/**
 * {@link KnowledgeSearch} on an OpenSearch 2.x cluster, through the official Java client over
 * HTTP.
 *
 * <p><b>Index.</b> One index per installation, named {@code <prefix>-knowledge-1} (after a
 * {@linkplain #rebuild rebuild}, {@code <prefix>-knowledge-1-<time>}) and reached through the
 * alias {@code <prefix>-knowledge}; the prefix tells installations that share a cluster apart. The
 * index is created with its mappings when missing.
 *
 * <p><b>Following the store.</b> Core's {@code KnowledgeIndexer} feeds it the store's change feed
 * at least once; replays are harmless. Each document carries the article's revision as an
 * external version ({@code external_gte}): an older revision replayed late changes nothing, the
 * same revision again is harmless. A delete leaves a tombstone that outranks every revision, so a
 * stale update cannot bring a deleted article back. The feed's cursor ({@link #appliedSequence()})
 * is a document of the index itself, durable with the documents it covers: after a restart of the
 * application, or once an unreachable cluster is back, the indexer resumes where it stopped.
 *
 * <p><b>Analysis.</b> Each article's text is analysed by OpenSearch's built-in analyzer of its
 * language (module {@code analysis-common}: English, Danish, Hungarian, German, French, Spanish,
 * ... and CJK), languages without one by the standard analyzer, and every text also unstemmed.
 *
 * <p><b>Ranking.</b> Title, summary and body (in that order of weight) of the query's languages,
 * a proximity boost for the query's words close together in the body, and fuzzy matching only for
 * words that no visible article contains (typos).
 *
 * <p><b>Visibility.</b> The {@link SearchAudience} becomes filter clauses of every request, so
 * totals, facets, snippets, suggestions and similar articles only ever see visible articles.
 *
 * <p><b>Freshness.</b> Changes are searchable after the index's refresh interval (OpenSearch's
 * default, 1 s), or at once after {@link #refresh()}, which {@code KnowledgeService} calls after
 * its own writes. A cluster that cannot be reached makes calls fail with {@link
 * OpenSearchUnavailableException}.
 *
 * <p>Thread-safe; several application nodes may share one index.
 */
public final class OpenSearchKnowledgeSearch implements KnowledgeSearch {
  private static final int SNIPPET_CHARS = 160;
  /** Words checked for typos: a few more than get typo clauses, since known words are skipped. */
  private static final int MAX_TYPO_WORDS = 16;
  private static final int MAX_GROUPS = 10_000;
  private static final String SCHEMA = "1";
  private static final int REBUILD_BATCH = 500;
  /** The status of a tombstone. */
  private static final String DELETED = "DELETED";
  /** A tombstone's version: above every revision. */
  private static final long DELETED_VERSION = Long.MAX_VALUE;
  /** The id and status of the change-feed cursor's document. */
  private static final String CURSOR_ID = "~change-feed-cursor";
  private static final String CURSOR_STATUS = "CURSOR";

  private final Cluster cluster;
  private final boolean ownsCluster;
  private final String alias;
  private final AliasedIndex indexes;

  private OpenSearchKnowledgeSearch(Builder b) {
    this.cluster = new Cluster(b.hosts, b.connectTimeout, b.responseTimeout);
    this.ownsCluster = true;
    this.alias = b.prefix + "-knowledge";
    this.indexes = new AliasedIndex(cluster, alias, SCHEMA, OpenSearchKnowledgeSearch::mapping, b.shards, b.replicas);
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

  /** @return the alias that reaches the index ({@code <prefix>-knowledge}) */
  public String indexAlias() {
    return alias;
  }

  /** @return the concrete index the alias points at now */
  public String currentIndex() {
    List<String> current = indexes.current();
    return current.isEmpty() ? alias : current.get(0);
  }

  // ------------------------------------------------------------------ the index

  private static TypeMapping mapping() {
    Map<String, Property> props = new LinkedHashMap<>();
    for (String k : List.of(ID, LANG, LOCALE, STATUS, VISIBILITY, TEAMS, CATEGORY, CATEGORY_PREFIXES, TAGS, GROUP, SORT_TITLE)) {
      props.put(k, Property.of(p -> p.keyword(x -> x)));
    }
    props.put(TITLE_LENGTH, Property.of(p -> p.integer(x -> x)));
    props.put(APPLIED, Property.of(p -> p.long_(x -> x)));
    for (String f : List.of(TITLE, SUMMARY, BODY)) {
      props.put(f, Property.of(p -> p.text(t -> t.analyzer("standard"))));
    }
    for (String f : List.of(TITLE_GRAMS, BODY_GRAMS)) {
      props.put(f, Property.of(p -> p.text(t -> t.analyzer(Ranking.GRAM_ANALYZER))));
    }
    for (String a : Languages.analyses()) {
      String analyzer = Languages.analyzer(a);
      for (String f : List.of(ArticleQueries.title(a), ArticleQueries.summary(a), ArticleQueries.body(a))) {
        props.put(f, Property.of(p -> p.text(t -> t.analyzer(analyzer))));
      }
    }
    return TypeMapping.of(m -> m.dynamic(DynamicMapping.Strict).properties(props));
  }

  private static ObjectNode document(Article a) {
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    d.put(ID, a.id().value());
    d.put(LANG, a.locale().getLanguage());
    d.put(LOCALE, a.locale().toLanguageTag());
    d.put(STATUS, a.status().name());
    d.put(VISIBILITY, a.visibility().level().name());
    var teams = d.putArray(TEAMS);
    a.visibility().teams().forEach(t -> teams.add(t.value()));
    if (!a.categoryPath().isEmpty()) {
      d.put(CATEGORY, a.categoryKey());
    }
    var prefixes = d.putArray(CATEGORY_PREFIXES);
    ArticleQueries.categoryPrefixes(a).forEach(prefixes::add);
    var tags = d.putArray(TAGS);
    a.tags().stream().sorted().forEach(tags::add);
    d.put(GROUP, a.translationGroup());
    d.put(SORT_TITLE, a.title());
    d.put(TITLE_LENGTH, a.title().length());
    String summary = a.summary() == null ? "" : a.summary();
    d.put(TITLE, a.title());
    d.put(SUMMARY, summary);
    d.put(BODY, a.body());
    d.put(TITLE_GRAMS, a.title());
    d.put(BODY_GRAMS, a.body());
    String analysis = Languages.analysis(a.locale());
    d.put(ArticleQueries.title(analysis), a.title());
    d.put(ArticleQueries.summary(analysis), summary);
    d.put(ArticleQueries.body(analysis), a.body());
    return d;
  }

  /** A deleted article: a document no audience sees, whose version outranks every revision. */
  private static ObjectNode tombstone(ArticleId id) {
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    d.put(ID, id.value());
    d.put(STATUS, DELETED);
    return d;
  }

  private static ObjectNode cursor(long sequence) {
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    d.put(ID, CURSOR_ID);
    d.put(STATUS, CURSOR_STATUS);
    d.put(APPLIED, sequence);
    return d;
  }

  /**
   * Indexes an article with its revision as external version: an older revision than the one
   * indexed changes nothing (a late replay of an old change), the same revision again is harmless.
   * An article once {@linkplain #delete deleted} is never indexed again under the same id.
   */
  @Override
  public void index(Article article) {
    Args.notNull(article, "article");
    indexes.put("index article " + article.id(), article.id().value(), document(article), article.revision());
  }

  /**
   * Deletes an article: replaces it with a tombstone (a document no search sees) whose version
   * outranks every revision, so that a late replay of an older change cannot bring the article
   * back. Articles are deleted for good in the store; their ids are not reused.
   */
  @Override
  public void delete(ArticleId id) {
    Args.notNull(id, "article id");
    indexes.put("delete article " + id, id.value(), tombstone(id), DELETED_VERSION);
  }

  /**
   * The change-feed cursor, stored in the index itself (a document no search sees) and so durable
   * with the documents it covers: an indexer that restarts, or another application node, resumes
   * from it. A new or rebuilt index starts with its own cursor.
   *
   * @throws OpenSearchUnavailableException when the cluster cannot be reached
   */
  @Override
  public long appliedSequence() {
    var r = cluster.call("read the change-feed cursor", client -> client.get(g -> g.index(alias).id(CURSOR_ID), JsonNode.class));
    JsonNode src = r.source();
    return r.found() && src != null ? src.path(APPLIED).asLong(0) : 0;
  }

  /**
   * Stores the change-feed cursor (with the cursor as external version, so it only moves
   * forward). The caller has had every change up to it acknowledged by the cluster, which makes
   * them durable.
   */
  @Override
  public void markApplied(long sequence) {
    Args.require(sequence >= 0, "sequence must not be negative");
    indexes.put("record the change-feed cursor", CURSOR_ID, cursor(sequence), sequence);
  }

  /**
   * Rebuilds the index from the store's change feed into a new index and then moves the alias to
   * it, with no downtime: searches answer from the old index until the new one is complete, and
   * this node's writes meanwhile go to both. The new index's cursor is the last change read;
   * changes saved on other nodes during the rebuild are picked up by their next catch-up (the
   * indexer re-reads a trailing window before the cursor). The old index is deleted.
   *
   * @param store the article store, the source of truth
   * @return the number of changes read
   * @throws OpenSearchUnavailableException when the cluster cannot be reached (the old index then
   *     stays in use and the new one is dropped)
   */
  public int rebuild(ArticleStore store) {
    Args.notNull(store, "store");
    return indexes.rebuild(target -> {
      AliasedIndex.Bulk bulk = indexes.bulk(target);
      long cursor = 0;
      int read = 0;
      while (true) {
        List<ArticleChange> changes = store.changesSince(cursor, REBUILD_BATCH);
        if (changes.isEmpty()) {
          break;
        }
        for (ArticleChange c : changes) {
          Optional<Article> current = store.find(c.articleId());
          if (current.isPresent()) {
            Article a = current.get();
            bulk.put(a.id().value(), document(a), a.revision());
          } else {
            bulk.put(c.articleId().value(), tombstone(c.articleId()), DELETED_VERSION);
          }
          cursor = c.sequence();
          read++;
        }
      }
      bulk.flush();
      indexes.putInto(target, "record the change-feed cursor", CURSOR_ID, cursor(cursor), cursor);
      return read;
    });
  }

  @Override
  public void refresh() {
    cluster.refresh(alias);
  }

  @Override
  public void close() {
    if (ownsCluster) {
      cluster.close();
    }
  }

  // ------------------------------------------------------------------ search

  @Override
  public SearchResult search(KnowledgeQuery query, SearchAudience audience) {
    Args.notNull(query, "query");
    Args.notNull(audience, "audience");
    List<Locale> locales = query.locales();
    List<Query> filters = new ArrayList<>();
    filters.add(ArticleQueries.audience(audience));
    if (!locales.isEmpty()) {
      filters.add(ArticleQueries.languages(locales));
    }
    if (!query.categoryPath().isEmpty()) {
      filters.add(term(CATEGORY_PREFIXES, String.join("/", query.categoryPath())));
    }
    for (String t : query.tags()) {
      filters.add(term(TAGS, t));
    }
    @Nullable Query text = textQuery(query.text(), locales, filters);
    if (locales.size() > 1) {
      Query preferred = preferredTranslations(text, locales, filters, audience);
      if (preferred != null) {
        filters.add(preferred);
      }
    }
    Query q = bool(text, filters);
    boolean facets = query.facets();
    SearchResponse<JsonNode> r = run("search articles", s -> {
      s.index(alias).query(q).from(query.offset()).size(query.limit()).source(src -> src.filter(f -> f.includes(ID, TITLE, LOCALE)));
      if (text == null) {
        s.sort(o -> o.field(f -> f.field(SORT_TITLE).order(SortOrder.Asc))).sort(o -> o.field(f -> f.field(ID).order(SortOrder.Asc)));
      } else {
        s.sort(o -> o.score(x -> x.order(SortOrder.Desc))).sort(o -> o.field(f -> f.field(ID).order(SortOrder.Asc)));
      }
      if (facets) {
        s.trackTotalHits(t -> t.enabled(true));
        s.aggregations("categories", terms(CATEGORY)).aggregations("tags", terms(TAGS)).aggregations("locales", terms(LOCALE));
      } else {
        s.trackTotalHits(t -> t.count(SearchResult.EXACT_TOTAL_UP_TO));
      }
      if (query.snippets() && text != null) {
        s.highlight(highlight(locales));
      }
    });
    List<SearchHit> hits = new ArrayList<>();
    for (Hit<JsonNode> h : r.hits().hits()) {
      hits.add(hit(h));
    }
    var total = Objects.requireNonNull(r.hits().total(), "total");
    boolean exact = total.relation() == TotalHitsRelation.Eq;
    SearchFacets f = facets
        ? new SearchFacets(counts(r, "categories"), counts(r, "tags"), counts(r, "locales"))
        : SearchFacets.EMPTY;
    return new SearchResult(total.value(), query.offset(), query.limit(), hits, f, exact);
  }

  /**
   * The scored part of a search ({@link Ranking}): the words in the query's languages' fields,
   * adjacent pairs near each other in the body, n-grams for compounding and unstemmed languages,
   * and for words no visible article contains, fuzzy matches (typos).
   */
  private @Nullable Query textQuery(String text, List<Locale> locales, List<Query> filters) {
    List<String> words = ArticleQueries.words(text);
    if (words.isEmpty()) {
      return null;
    }
    Set<String> known = knownWords(Ranking.typoCandidates(words), filters);
    // a query in every language is analysed in each language the visible articles are written in
    List<Locale> analysed = locales.isEmpty() ? visibleLanguages(filters) : locales;
    return Ranking.relevance(text, analysed, FIELDS, this::analyze, known::contains);
  }

  private List<Locale> visibleLanguages(List<Query> filters) {
    SearchResponse<JsonNode> r = run("list languages", s -> s.index(alias).size(0).query(bool(null, filters))
        .aggregations("langs", a -> a.terms(t -> t.field(LANG).size(200))));
    List<Locale> out = new ArrayList<>();
    for (StringTermsBucket b : agg(r.aggregations(), "langs").sterms().buckets().array()) {
      out.add(Locale.forLanguageTag(b.key()));
    }
    out.sort(java.util.Comparator.comparing(Locale::getLanguage));
    return out;
  }

  private static final Ranking.Fields FIELDS =
      new Ranking.Fields("t_", "b_", "s_", TITLE, BODY, TITLE_GRAMS, BODY_GRAMS);

  private List<Ranking.Token> analyze(String analyzer, String text) {
    var r = cluster.call("analyse the query", client -> client.indices().analyze(a -> a.index(alias).analyzer(analyzer).text(text)));
    List<Ranking.Token> out = new ArrayList<>();
    for (var t : r.tokens()) {
      out.add(new Ranking.Token(t.token(), t.position()));
    }
    return out;
  }

  /**
   * The words (at most {@link #MAX_TYPO_WORDS}) that an article the filters admit has in its
   * plain title or body; only these are not typos. Words of invisible articles count as unknown.
   */
  private Set<String> knownWords(List<String> words, List<Query> filters) {
    if (words.isEmpty()) {
      return Set.of();
    }
    List<String> probe = words.size() > MAX_TYPO_WORDS ? words.subList(0, MAX_TYPO_WORDS) : words;
    Map<String, Query> probes = new LinkedHashMap<>();
    for (String w : probe) {
      probes.put(w, Query.of(q -> q.bool(b -> b.should(term(TITLE, w)).should(term(BODY, w)))));
    }
    SearchResponse<JsonNode> r = run("check query words", s -> s.index(alias).size(0).query(bool(null, filters))
        .aggregations("words", a -> a.filters(f -> f.filters(b -> b.keyed(probes)))));
    Map<String, org.opensearch.client.opensearch._types.aggregations.FiltersBucket> buckets =
        agg(r.aggregations(), "words").filters().buckets().keyed();
    Set<String> out = new HashSet<>();
    for (String w : probe) {
      var b = buckets.get(w);
      if (b != null && b.docCount() > 0) {
        out.add(w);
      }
    }
    if (words.size() > probe.size()) {
      // beyond the probed words, typo clauses would exceed the cap anyway; treat them as known
      out.addAll(words.subList(probe.size(), words.size()));
    }
    return out;
  }

  /**
   * With fallback languages, each translation group appears once, in the most preferred language
   * that has a visible article of the group: a filter that drops the other translations of the
   * matching groups.
   */
  private @Nullable Query preferredTranslations(
      @Nullable Query text, List<Locale> locales, List<Query> filters, SearchAudience audience) {
    List<String> order = locales.stream().map(Locale::getLanguage).distinct().toList();
    SearchResponse<JsonNode> matching = run("group translations", s -> s.index(alias).size(0).query(bool(text, filters))
        .aggregations("groups", a -> a.terms(t -> t.field(GROUP).size(MAX_GROUPS))));
    List<FieldValue> groups = new ArrayList<>();
    for (StringTermsBucket b : agg(matching.aggregations(), "groups").sterms().buckets().array()) {
      groups.add(FieldValue.of(b.key()));
    }
    if (groups.isEmpty()) {
      return null;
    }
    SearchResponse<JsonNode> visible = run("group translations", s -> s.index(alias).size(0)
        .query(q -> q.bool(b -> b.filter(ArticleQueries.audience(audience)).filter(ArticleQueries.languages(locales))
            .filter(f -> f.terms(t -> t.field(GROUP).terms(v -> v.value(groups))))))
        .aggregations("groups", a -> a.terms(t -> t.field(GROUP).size(MAX_GROUPS))
            .aggregations("langs", l -> l.terms(t -> t.field(LANG).size(order.size())))));
    List<Query> drop = new ArrayList<>();
    for (StringTermsBucket b : agg(visible.aggregations(), "groups").sterms().buckets().array()) {
      int best = Integer.MAX_VALUE;
      for (StringTermsBucket l : agg(b.aggregations(), "langs").sterms().buckets().array()) {
        int rank = order.indexOf(l.key());
        if (rank >= 0) {
          best = Math.min(best, rank);
        }
      }
      if (best < order.size() - 1) {
        List<FieldValue> worse = order.subList(best + 1, order.size()).stream().map(FieldValue::of).toList();
        String group = b.key();
        drop.add(Query.of(q -> q.bool(x -> x.filter(term(GROUP, group))
            .filter(f -> f.terms(t -> t.field(LANG).terms(v -> v.value(worse)))))));
      }
    }
    if (drop.isEmpty()) {
      return null;
    }
    return Query.of(q -> q.bool(b -> b.mustNot(drop)));
  }

  private static Query bool(@Nullable Query scored, List<Query> filters) {
    return Query.of(q -> q.bool(b -> {
      BoolQuery.Builder x = b.filter(filters);
      if (scored != null) {
        x.must(scored);
      }
      return x;
    }));
  }

  private static Aggregate agg(Map<String, Aggregate> aggregations, String name) {
    return Objects.requireNonNull(aggregations.get(name), name);
  }

  private static Aggregation terms(String field) {
    return Aggregation.of(a -> a.terms(t -> t.field(field).size(1000)));
  }

  private static Map<String, Long> counts(SearchResponse<JsonNode> r, String name) {
    Aggregate a = agg(r.aggregations(), name);
    Map<String, Long> out = new HashMap<>();
    for (StringTermsBucket b : a.sterms().buckets().array()) {
      out.put(b.key(), b.docCount());
    }
    return out;
  }

  private static Highlight highlight(List<Locale> locales) {
    return Highlight.of(h -> {
      h.preTags("<b>").postTags("</b>").encoder(HighlighterEncoder.Html).numberOfFragments(1).fragmentSize(SNIPPET_CHARS);
      for (String f : ArticleQueries.snippetFields(locales)) {
        h.fields(f, x -> x);
      }
      return h;
    });
  }

  private static SearchHit hit(Hit<JsonNode> h) {
    JsonNode src = Objects.requireNonNull(h.source(), "source");
    String snippet = "";
    for (List<String> fragments : h.highlight().values()) {
      if (!fragments.isEmpty()) {
        snippet = fragments.get(0).strip();
        break;
      }
    }
    Double score = h.score();
    return new SearchHit(ArticleId.of(src.path(ID).asText()), Locale.forLanguageTag(src.path(LOCALE).asText()),
        src.path(TITLE).asText(), score == null ? 0 : score, snippet);
  }

  private SearchResponse<JsonNode> run(String what, Consumer<SearchRequest.Builder> request) {
    SearchRequest.Builder b = new SearchRequest.Builder();
    request.accept(b);
    SearchRequest req = b.build();
    return cluster.call(what, client -> client.search(req, JsonNode.class));
  }

  // ------------------------------------------------------------------ suggestions and related

  @Override
  public List<Suggestion> suggest(String prefix, @Nullable Locale locale, SearchAudience audience, int limit) {
    Args.notNull(prefix, "prefix");
    Args.notNull(audience, "audience");
    Args.require(limit >= 1 && limit <= 50, "limit must be 1..50");
    List<String> words = ArticleQueries.words(prefix);
    if (words.isEmpty()) {
      return List.of();
    }
    String typed = String.join(" ", words);
    List<Query> filters = new ArrayList<>();
    filters.add(ArticleQueries.audience(audience));
    if (locale != null) {
      filters.add(ArticleQueries.languages(List.of(locale)));
    }
    Query q = bool(Query.of(x -> x.matchBoolPrefix(m -> m.field(TITLE).query(typed).operator(Operator.And))), filters);
    SearchResponse<JsonNode> r = run("suggest articles", s -> s.index(alias).query(q).size(limit)
        .source(src -> src.filter(f -> f.includes(ID, TITLE, LOCALE)))
        .sort(o -> o.field(f -> f.field(TITLE_LENGTH).order(SortOrder.Asc)))
        .sort(o -> o.field(f -> f.field(SORT_TITLE).order(SortOrder.Asc))));
    List<Suggestion> out = new ArrayList<>();
    for (Hit<JsonNode> h : r.hits().hits()) {
      SearchHit x = hit(h);
      out.add(new Suggestion(x.articleId(), x.locale(), x.title()));
    }
    return out;
  }

  @Override
  public List<SearchHit> articlesForText(String text, @Nullable Locale locale, SearchAudience audience, int limit) {
    Args.notNull(text, "text");
    Args.notNull(audience, "audience");
    Args.require(limit >= 1 && limit <= 50, "limit must be 1..50");
    String cut = text.length() > 10_000 ? text.substring(0, 10_000) : text;
    if (ArticleQueries.words(cut).isEmpty()) {
      return List.of();
    }
    List<Locale> locales = locale == null ? List.of() : List.of(locale);
    return likeThis(locales, audience, limit, null, l -> l.text(cut));
  }

  @Override
  public List<SearchHit> similar(ArticleId id, SearchAudience audience, int limit) {
    Args.notNull(id, "article id");
    Args.notNull(audience, "audience");
    Args.require(limit >= 1 && limit <= 50, "limit must be 1..50");
    SearchResponse<JsonNode> self = run("find article", s -> s.index(alias).size(1)
        .query(bool(null, List.of(ArticleQueries.audience(audience), term(ID, id.value()))))
        .source(src -> src.filter(f -> f.includes(ID, TITLE, LOCALE))));
    if (self.hits().hits().isEmpty()) {
      return List.of();
    }
    Locale locale = hit(self.hits().hits().get(0)).locale();
    return likeThis(List.of(locale), audience, limit, id, l -> l.document(d -> d.index(alias).id(id.value())));
  }

  private List<SearchHit> likeThis(
      List<Locale> locales, SearchAudience audience, int limit, @Nullable ArticleId exclude,
      java.util.function.Function<org.opensearch.client.opensearch._types.query_dsl.Like.Builder,
          org.opensearch.client.util.ObjectBuilder<org.opensearch.client.opensearch._types.query_dsl.Like>> like) {
    List<String> fields = new ArrayList<>();
    for (String a : locales.isEmpty() ? List.<String>of() : ArticleQueries.analyses(locales)) {
      fields.add(ArticleQueries.title(a));
      fields.add(ArticleQueries.body(a));
    }
    fields.add(TITLE);
    fields.add(BODY);
    List<Query> filters = new ArrayList<>();
    filters.add(ArticleQueries.audience(audience));
    if (!locales.isEmpty()) {
      filters.add(ArticleQueries.languages(locales));
    }
    Query mlt = Query.of(q -> q.moreLikeThis(m -> m.fields(fields).like(like).minTermFreq(1).minDocFreq(1)
        .maxQueryTerms(25).minimumShouldMatch("1")));
    Query q = Query.of(x -> x.bool(b -> {
      BoolQuery.Builder y = b.must(mlt).filter(filters);
      if (exclude != null) {
        y.mustNot(term(ID, exclude.value()));
      }
      return y;
    }));
    SearchResponse<JsonNode> r = run("find related articles", s -> s.index(alias).query(q).size(limit)
        .source(src -> src.filter(f -> f.includes(ID, TITLE, LOCALE)))
        .highlight(highlight(locales)));
    List<SearchHit> out = new ArrayList<>();
    for (Hit<JsonNode> h : r.hits().hits()) {
      out.add(hit(h));
    }
    return out;
  }

  /** Configures an {@link OpenSearchKnowledgeSearch}. */
  public static final class Builder {
    private final List<URI> hosts;
    private String prefix = "frontline";
    private int shards = 1;
    private int replicas = 1;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration responseTimeout = Duration.ofSeconds(30);

    private Builder(List<URI> hosts) {
      Args.require(!hosts.isEmpty(), "at least one OpenSearch host is needed");
      for (URI h : hosts) {
        Args.notNull(h, "host");
        Args.require(h.getHost() != null, "host " + h + " has no host name");
      }
      this.hosts = List.copyOf(hosts);
    }

    /**
     * Names the installation's indexes: {@code <prefix>-knowledge}. Default {@code frontline}.
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
     * Connects, and creates the index when it is missing.
     *
     * @return the search
     * @throws OpenSearchUnavailableException when the cluster cannot be reached
     */
    public OpenSearchKnowledgeSearch build() {
      return new OpenSearchKnowledgeSearch(this);
    }
  }
}
