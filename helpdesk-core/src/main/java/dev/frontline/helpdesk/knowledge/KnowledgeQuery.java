package dev.frontline.helpdesk.knowledge;

import dev.frontline.helpdesk.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A knowledge-base search. Immutable and thread-safe; build one with {@link #builder(String)}.
 *
 * @param text what the reader typed (at most 2,000 characters; may be blank to browse by filters)
 * @param locale the reader's language, or null for every language
 * @param fallbackLocales further languages searched when {@code locale} is set, in order of
 *     preference; of the translations of one article (same translation group) only the visible one
 *     in the most preferred language is returned
 * @param categoryPath only articles in this category or below it; empty for all
 * @param tags only articles carrying every one of these tags
 * @param offset index of the first hit to return, 0 to {@link #MAX_OFFSET}
 * @param limit the page size, 1 to {@link #MAX_LIMIT}
 * @param snippets whether hits carry highlighted snippets (skip them when only ids are needed)
 * @param facets whether the result carries facet counts ({@link SearchResult#facets()}) and an
 *     exact total however many articles match; off by default, because both need a pass over every
 *     match, which costs more than finding the best hits of a long query in a large knowledge base
 */
public record KnowledgeQuery(
    String text,
    @Nullable Locale locale,
    List<Locale> fallbackLocales,
    List<String> categoryPath,
    Set<String> tags,
    int offset,
    int limit,
    boolean snippets,
    boolean facets) {

  /** Largest page size. */
  public static final int MAX_LIMIT = 100;

  /** Largest offset; deeper paging is refused (it is costly and nobody reads that far). */
  public static final int MAX_OFFSET = 1_000;

  /** Validates. */
  public KnowledgeQuery {
    Checks.notNull(text, "query text");
    Checks.require(text.length() <= 2000, "query text must be at most 2000 characters");
    fallbackLocales = List.copyOf(Checks.elements(fallbackLocales, "fallback locales", 10));
    categoryPath = List.copyOf(Checks.elements(categoryPath, "category path", 10));
    tags = Set.copyOf(Checks.elements(tags, "tags", 20));
    Checks.require(offset >= 0 && offset <= MAX_OFFSET, "offset must be 0.." + MAX_OFFSET);
    Checks.require(limit >= 1 && limit <= MAX_LIMIT, "limit must be 1.." + MAX_LIMIT);
  }

  /**
   * @param text the query text
   * @return a builder for a query in every language, first page of 10
   */
  public static Builder builder(String text) {
    return new Builder(text);
  }

  /** @return the locales searched, primary first; empty for every language */
  public List<Locale> locales() {
    if (locale == null) {
      return List.of();
    }
    LinkedHashSet<Locale> all = new LinkedHashSet<>();
    all.add(locale);
    all.addAll(fallbackLocales);
    return List.copyOf(all);
  }

  /** Builds a {@link KnowledgeQuery}. Not thread-safe. */
  public static final class Builder {
    private final String text;
    private @Nullable Locale locale;
    private List<Locale> fallbackLocales = new ArrayList<>();
    private List<String> categoryPath = new ArrayList<>();
    private Set<String> tags = new LinkedHashSet<>();
    private int offset;
    private int limit = 10;
    private boolean snippets = true;
    private boolean facets;

    private Builder(String text) {
      this.text = Objects.requireNonNull(text, "text");
    }

    /**
     * @param value the reader's locale, or null for every language
     * @param fallbacks further locales to search
     * @return this
     */
    public Builder locale(@Nullable Locale value, Locale... fallbacks) {
      this.locale = value;
      this.fallbackLocales = new ArrayList<>(List.of(fallbacks));
      return this;
    }

    /**
     * @param value category path filter
     * @return this
     */
    public Builder categoryPath(List<String> value) {
      this.categoryPath = new ArrayList<>(Objects.requireNonNull(value, "categoryPath"));
      return this;
    }

    /**
     * @param value required tags
     * @return this
     */
    public Builder tags(Set<String> value) {
      this.tags = new LinkedHashSet<>(Objects.requireNonNull(value, "tags"));
      return this;
    }

    /**
     * @param offsetValue first hit
     * @param limitValue page size
     * @return this
     */
    public Builder page(int offsetValue, int limitValue) {
      this.offset = offsetValue;
      this.limit = limitValue;
      return this;
    }

    /**
     * @param value whether hits carry snippets (default true)
     * @return this
     */
    public Builder snippets(boolean value) {
      this.snippets = value;
      return this;
    }

    /**
     * @param value whether the result carries facet counts and an exact total (default false)
     * @return this
     */
    public Builder facets(boolean value) {
      this.facets = value;
      return this;
    }

    /** @return the query */
    public KnowledgeQuery build() {
      return new KnowledgeQuery(text, locale, fallbackLocales, categoryPath, tags, offset, limit, snippets, facets);
    }
  }
}
