package dev.frontline.helpdesk.opensearch.internal;

import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * The article index's fields and the filter clauses over them. Text is indexed twice: in the
 * fields of its language's analysis ({@code t_english}, {@code s_english}, {@code b_english} for
 * title, summary and body) and unstemmed ({@code title}, {@code summary}, {@code body}, standard
 * analyzer), which typo tolerance and suggestions use. Stateless.
 */
public final class ArticleQueries {
  /** Keyword: the article id. */
  public static final String ID = "id";
  /** Keyword: the language code ({@code en}), for filters. */
  public static final String LANG = "lang";
  /** Keyword: the language tag, for the locale facet. */
  public static final String LOCALE = "locale";
  /** Keyword: the status. */
  public static final String STATUS = "status";
  /** Keyword: PUBLIC, INTERNAL or RESTRICTED. */
  public static final String VISIBILITY = "visibility";
  /** Keyword: the teams of a restricted article. */
  public static final String TEAMS = "teams";
  /** Keyword: the category key ({@code a/b}), for the facet. */
  public static final String CATEGORY = "category";
  /** Keyword: every prefix of the category path ({@code a}, {@code a/b}), for the filter. */
  public static final String CATEGORY_PREFIXES = "category_prefixes";
  /** Keyword: tags. */
  public static final String TAGS = "tags";
  /** Keyword: the translation group. */
  public static final String GROUP = "group";
  /** Keyword: the title as it is, for sorting. */
  public static final String SORT_TITLE = "sort_title";
  /** Integer: the title's length, for ordering suggestions. */
  public static final String TITLE_LENGTH = "title_length";
  /** Long: the change-feed cursor, in the cursor's document only. */
  public static final String APPLIED = "applied";
  /** Character 4-grams of the title's words. */
  public static final String TITLE_GRAMS = "title_g";
  /** Character 4-grams of the body's words. */
  public static final String BODY_GRAMS = "body_g";
  /** Unstemmed title. */
  public static final String TITLE = "title";
  /** Unstemmed summary. */
  public static final String SUMMARY = "summary";
  /** Unstemmed body. */
  public static final String BODY = "body";

  private ArticleQueries() {}

  /**
   * @param analysis a language analysis
   * @return its title field
   */
  public static String title(String analysis) {
    return "t_" + analysis;
  }

  /**
   * @param analysis a language analysis
   * @return its summary field
   */
  public static String summary(String analysis) {
    return "s_" + analysis;
  }

  /**
   * @param analysis a language analysis
   * @return its body field
   */
  public static String body(String analysis) {
    return "b_" + analysis;
  }

  /**
   * @param locales languages
   * @return their analyses, in order, without repetition
   */
  public static List<String> analyses(List<Locale> locales) {
    Set<String> out = new LinkedHashSet<>();
    for (Locale l : locales) {
      out.add(Languages.analysis(l));
    }
    return List.copyOf(out);
  }

  /**
   * The body fields that snippets are taken from.
   *
   * @param locales the query's languages, or empty for all
   * @return field names (patterns allowed)
   */
  public static List<String> snippetFields(List<Locale> locales) {
    List<String> out = new ArrayList<>();
    if (locales.isEmpty()) {
      out.add("b_*");
    } else {
      for (String a : analyses(locales)) {
        out.add(body(a));
      }
    }
    out.add(BODY);
    return out;
  }

  /**
   * The audience as a filter: statuses, and public, internal or restricted-to-a-team visibility.
   *
   * @param audience the reader's audience
   * @return the filter
   */
  public static Query audience(SearchAudience audience) {
    List<FieldValue> statuses = new ArrayList<>();
    for (ArticleStatus s : audience.statuses()) {
      statuses.add(FieldValue.of(s.name()));
    }
    List<Query> visible = new ArrayList<>();
    visible.add(term(VISIBILITY, "PUBLIC"));
    if (audience.includeInternal()) {
      visible.add(term(VISIBILITY, "INTERNAL"));
    }
    if (audience.allRestricted()) {
      visible.add(term(VISIBILITY, "RESTRICTED"));
    } else if (!audience.teams().isEmpty()) {
      List<FieldValue> teams = new ArrayList<>();
      for (TeamId t : audience.teams()) {
        teams.add(FieldValue.of(t.value()));
      }
      visible.add(Query.of(q -> q.bool(b -> b
          .filter(term(VISIBILITY, "RESTRICTED"))
          .filter(f -> f.terms(t -> t.field(TEAMS).terms(v -> v.value(teams)))))));
    }
    return Query.of(q -> q.bool(b -> b
        .filter(f -> f.terms(t -> t.field(STATUS).terms(v -> v.value(statuses))))
        .filter(f -> f.bool(v -> v.should(visible).minimumShouldMatch("1")))));
  }

  /**
   * @param locales languages (not empty)
   * @return a filter on the articles' language
   */
  public static Query languages(List<Locale> locales) {
    List<FieldValue> langs = locales.stream().map(Locale::getLanguage).distinct().map(FieldValue::of).toList();
    return Query.of(q -> q.terms(t -> t.field(LANG).terms(v -> v.value(langs))));
  }

  /**
   * @param field a keyword field
   * @param value the value
   * @return a term query
   */
  public static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
  }

  /**
   * Every prefix of an article's category path.
   *
   * @param article the article
   * @return {@code a}, {@code a/b}, ...
   */
  public static List<String> categoryPrefixes(Article article) {
    List<String> out = new ArrayList<>();
    List<String> path = article.categoryPath();
    for (int i = 1; i <= path.size(); i++) {
      out.add(String.join("/", path.subList(0, i)));
    }
    return out;
  }

  /**
   * Splits text into lower-case words (letters and digits), as the unstemmed fields see them.
   *
   * @param text the text
   * @return the distinct words in order
   */
  public static List<String> words(String text) {
    Set<String> out = new LinkedHashSet<>();
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
    return List.copyOf(out);
  }
}
