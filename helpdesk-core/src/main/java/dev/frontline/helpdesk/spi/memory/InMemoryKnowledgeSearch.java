package dev.frontline.helpdesk.spi.memory;

import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.knowledge.SearchFacets;
import dev.frontline.helpdesk.knowledge.SearchHit;
import dev.frontline.helpdesk.knowledge.SearchResult;
import dev.frontline.helpdesk.knowledge.Suggestion;
import dev.frontline.helpdesk.spi.KnowledgeSearch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A simple, correct in-memory {@link KnowledgeSearch}: words are split at anything that is not a
 * letter or digit and lower-cased; the score sums, over the distinct query words, the word's
 * frequency (title counted twice) times its inverse document frequency. No stemming. Meant for
 * tests and small embeds; it scans every article per query.
 *
 * <p>Thread-safe: articles live in a concurrent map of immutable values.
 */
public final class InMemoryKnowledgeSearch implements KnowledgeSearch {
  private static final int SNIPPET_CHARS = 160;

  private final Map<ArticleId, Article> articles = new ConcurrentHashMap<>();
  private volatile long applied;

  /** Creates an empty index. */
  public InMemoryKnowledgeSearch() {}

  @Override
  public void index(Article article) {
    articles.put(Checks.notNull(article, "article").id(), article);
  }

  @Override
  public void delete(ArticleId id) {
    articles.remove(Checks.notNull(id, "article id"));
  }

  @Override
  public long appliedSequence() {
    return applied;
  }

  @Override
  public synchronized void markApplied(long sequence) {
    applied = Math.max(applied, sequence);
  }

  /**
   * Splits text into lower-case words.
   *
   * @param text the text
   * @return the words in order
   */
  static List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean word = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        out.add(text.substring(start, i).toLowerCase(Locale.ROOT));
        start = -1;
      }
    }
    return out;
  }

  private static boolean inLocales(Article a, List<Locale> locales) {
    if (locales.isEmpty()) {
      return true;
    }
    for (Locale l : locales) {
      if (l.getLanguage().equals(a.locale().getLanguage())) {
        return true;
      }
    }
    return false;
  }

  private static boolean inCategory(Article a, List<String> path) {
    return a.categoryPath().size() >= path.size() && a.categoryPath().subList(0, path.size()).equals(path);
  }

  /** Keeps one translation per group: the visible one in the most preferred language. */
  private List<Article> preferredTranslations(List<Article> candidates, List<Locale> locales, SearchAudience audience) {
    Map<String, Integer> best = new HashMap<>();
    List<String> languages = locales.stream().map(Locale::getLanguage).distinct().toList();
    for (Article a : articles.values()) {
      int rank = languages.indexOf(a.locale().getLanguage());
      if (rank >= 0 && audience.permits(a)) {
        best.merge(a.translationGroup(), rank, Math::min);
      }
    }
    List<Article> out = new ArrayList<>();
    for (Article a : candidates) {
      if (languages.indexOf(a.locale().getLanguage()) <= best.getOrDefault(a.translationGroup(), Integer.MAX_VALUE)) {
        out.add(a);
      }
    }
    return out;
  }

  private record Scored(Article article, double score) {}

  private List<Scored> match(
      String text, List<Locale> locales, List<String> category, Set<String> tags, SearchAudience audience,
      @Nullable ArticleId exclude) {
    List<Article> candidates = new ArrayList<>();
    for (Article a : articles.values()) {
      if (audience.permits(a) && inLocales(a, locales) && inCategory(a, category) && a.tags().containsAll(tags)
          && !a.id().equals(exclude)) {
        candidates.add(a);
      }
    }
    if (locales.size() > 1) {
      candidates = preferredTranslations(candidates, locales, audience);
    }
    Set<String> terms = new LinkedHashSet<>(tokenize(text));
    List<Scored> scored = new ArrayList<>();
    if (terms.isEmpty()) {
      for (Article a : candidates) {
        scored.add(new Scored(a, 0));
      }
      scored.sort(Comparator.comparing((Scored s) -> s.article().title()).thenComparing(s -> s.article().id()));
      return scored;
    }
    Map<Article, Map<String, Integer>> tfs = new HashMap<>();
    Map<String, Integer> df = new HashMap<>();
    for (Article a : candidates) {
      Map<String, Integer> tf = new HashMap<>();
      for (String w : tokenize(a.title())) {
        if (terms.contains(w)) {
          tf.merge(w, 2, Integer::sum);
        }
      }
      for (String w : tokenize(a.body())) {
        if (terms.contains(w)) {
          tf.merge(w, 1, Integer::sum);
        }
      }
      tfs.put(a, tf);
      for (String w : tf.keySet()) {
        df.merge(w, 1, Integer::sum);
      }
    }
    int n = candidates.size();
    for (Article a : candidates) {
      double score = 0;
      for (Map.Entry<String, Integer> e : Objects.requireNonNull(tfs.get(a)).entrySet()) {
        score += e.getValue() * Math.log(1 + (double) n / Objects.requireNonNull(df.get(e.getKey())));
      }
      if (score > 0) {
        scored.add(new Scored(a, score));
      }
    }
    scored.sort(Comparator.comparingDouble((Scored s) -> -s.score()).thenComparing(s -> s.article().id()));
    return scored;
  }

  @Override
  public SearchResult search(KnowledgeQuery query, SearchAudience audience) {
    Checks.notNull(query, "query");
    Checks.notNull(audience, "audience");
    List<Scored> all = match(query.text(), query.locales(), query.categoryPath(), query.tags(), audience, null);
    Map<String, Long> categories = new TreeMap<>();
    Map<String, Long> tags = new TreeMap<>();
    Map<String, Long> locales = new TreeMap<>();
    for (Scored s : all) {
      Article a = s.article();
      if (!a.categoryPath().isEmpty()) {
        categories.merge(a.categoryKey(), 1L, Long::sum);
      }
      for (String t : a.tags()) {
        tags.merge(t, 1L, Long::sum);
      }
      locales.merge(a.locale().toLanguageTag(), 1L, Long::sum);
    }
    Set<String> terms = new LinkedHashSet<>(tokenize(query.text()));
    List<SearchHit> page = new ArrayList<>();
    for (int i = query.offset(); i < Math.min(all.size(), query.offset() + query.limit()); i++) {
      page.add(hit(all.get(i), query.snippets() ? terms : Set.of()));
    }
    SearchFacets facets = query.facets() ? new SearchFacets(categories, tags, locales) : SearchFacets.EMPTY;
    return new SearchResult(all.size(), query.offset(), query.limit(), page, facets);
  }

  private static SearchHit hit(Scored s, Set<String> terms) {
    Article a = s.article();
    return new SearchHit(a.id(), a.locale(), a.title(), s.score(), snippet(a.body(), terms));
  }

  /** Escapes text for HTML. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** A window of the body around the first matching word, matches in bold, the rest escaped. */
  static String snippet(String body, Set<String> terms) {
    int first = -1;
    List<int[]> spans = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= body.length(); i++) {
      boolean word = i < body.length() && Character.isLetterOrDigit(body.charAt(i));
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        if (terms.contains(body.substring(start, i).toLowerCase(Locale.ROOT))) {
          spans.add(new int[] {start, i});
          if (first < 0) {
            first = start;
          }
        }
        start = -1;
      }
    }
    if (first < 0) {
      return "";
    }
    int from = Math.max(0, first - SNIPPET_CHARS / 4);
    int to = Math.min(body.length(), from + SNIPPET_CHARS);
    StringBuilder b = new StringBuilder();
    int pos = from;
    for (int[] span : spans) {
      if (span[0] < from || span[1] > to) {
        continue;
      }
      b.append(escape(body.substring(pos, span[0]))).append("<b>")
          .append(escape(body.substring(span[0], span[1]))).append("</b>");
      pos = span[1];
    }
    b.append(escape(body.substring(pos, to)));
    return b.toString().strip();
  }

  @Override
  public List<Suggestion> suggest(String prefix, @Nullable Locale locale, SearchAudience audience, int limit) {
    Checks.notNull(prefix, "prefix");
    Checks.notNull(audience, "audience");
    Checks.require(limit >= 1 && limit <= 50, "limit must be 1..50");
    List<String> words = tokenize(prefix);
    if (words.isEmpty()) {
      return List.of();
    }
    String last = words.get(words.size() - 1);
    List<String> complete = words.subList(0, words.size() - 1);
    List<Locale> locales = locale == null ? List.of() : List.of(locale);
    List<Suggestion> out = new ArrayList<>();
    articles.values().stream()
        .filter(a -> audience.permits(a) && inLocales(a, locales))
        .filter(a -> {
          List<String> title = tokenize(a.title());
          return title.containsAll(complete) && title.stream().anyMatch(w -> w.startsWith(last));
        })
        .sorted(Comparator.comparing((Article a) -> a.title().length()).thenComparing(Article::title))
        .limit(limit)
        .forEach(a -> out.add(new Suggestion(a.id(), a.locale(), a.title())));
    return out;
  }

  @Override
  public List<SearchHit> articlesForText(String text, @Nullable Locale locale, SearchAudience audience, int limit) {
    Checks.notNull(text, "text");
    Checks.require(limit >= 1 && limit <= 50, "limit must be 1..50");
    String cut = text.length() > 10_000 ? text.substring(0, 10_000) : text;
    return top(cut, locale, audience, limit, null);
  }

  @Override
  public List<SearchHit> similar(ArticleId id, SearchAudience audience, int limit) {
    Checks.require(limit >= 1 && limit <= 50, "limit must be 1..50");
    Article a = articles.get(Checks.notNull(id, "article id"));
    if (a == null || !audience.permits(a)) {
      return List.of();
    }
    return top(a.title() + " " + a.body(), a.locale(), audience, limit, id);
  }

  private List<SearchHit> top(
      String text, @Nullable Locale locale, SearchAudience audience, int limit, @Nullable ArticleId exclude) {
    Set<String> terms = new LinkedHashSet<>(tokenize(text));
    if (terms.isEmpty()) {
      return List.of();
    }
    List<Locale> locales = locale == null ? List.of() : List.of(locale);
    return match(text, locales, List.of(), Set.of(), audience, exclude).stream()
        .limit(limit)
        .map(s -> hit(s, terms))
        .toList();
  }
}
