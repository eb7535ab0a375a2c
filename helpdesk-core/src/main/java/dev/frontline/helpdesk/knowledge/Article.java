package dev.frontline.helpdesk.knowledge;

import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.internal.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A knowledge-base article in one language. Translations of the same article share a {@link
 * #translationGroup()}. Immutable and thread-safe; build one with {@link #builder}.
 *
 * @param id the article
 * @param locale its language (and optionally country); decides how search analyses the text
 * @param title single-line title, at most 300 characters
 * @param body the body, at most 1,000,000 characters; may be empty
 * @param bodyFormat how the body is written
 * @param summary optional short summary shown in results, at most 1,000 characters
 * @param categoryPath the category, from the root down (at most 10 levels); may be empty
 * @param tags free tags (at most 50, each a single line of at most 64 characters)
 * @param visibility who may read it
 * @param status editorial status
 * @param translationGroup identifier shared by the translations of one article
 * @param revision the stored revision; 0 for an article never saved
 * @param author who saved this revision (a {@link dev.frontline.helpdesk.access.Principal#describe()})
 * @param updatedAt when this revision was saved
 */
public record Article(
    ArticleId id,
    Locale locale,
    String title,
    String body,
    BodyFormat bodyFormat,
    @Nullable String summary,
    List<String> categoryPath,
    Set<String> tags,
    ArticleVisibility visibility,
    ArticleStatus status,
    String translationGroup,
    long revision,
    String author,
    Instant updatedAt) {

  /** Maximum body length in characters. */
  public static final int MAX_BODY = 1_000_000;

  /** Validates every component. */
  public Article {
    Checks.notNull(id, "article id");
    Checks.notNull(locale, "locale");
    Checks.line(title, "title", 300);
    Checks.notNull(body, "body");
    if (body.length() > MAX_BODY) {
      throw new ValidationException("body must be at most " + MAX_BODY + " characters");
    }
    if (!body.isBlank()) {
      Checks.text(body, "body", MAX_BODY);
    }
    Checks.notNull(bodyFormat, "body format");
    if (summary != null) {
      Checks.text(summary, "summary", 1000);
    }
    categoryPath = List.copyOf(Checks.elements(categoryPath, "category path", 10));
    for (String c : categoryPath) {
      Checks.line(c, "category", 100);
      Checks.require(c.indexOf('/') < 0, "category names must not contain '/'");
    }
    tags = Set.copyOf(new LinkedHashSet<>(Checks.elements(tags, "tags", 50)));
    for (String t : tags) {
      Checks.line(t, "tag", 64);
    }
    Checks.notNull(visibility, "visibility");
    Checks.notNull(status, "status");
    Checks.identifier(translationGroup, "translation group");
    Checks.require(revision >= 0, "revision must not be negative");
    Checks.line(author, "author", 200);
    Checks.notNull(updatedAt, "updatedAt");
  }

  /**
   * Starts an article with a new random id, its own translation group, Markdown body, public
   * visibility, draft status and revision 0.
   *
   * @param locale its language
   * @param title its title
   * @return a builder
   */
  public static Builder builder(Locale locale, String title) {
    ArticleId id = ArticleId.random();
    return new Builder(id, locale, title);
  }

  /**
   * Starts an article with the given id.
   *
   * @param id its id
   * @param locale its language
   * @param title its title
   * @return a builder
   */
  public static Builder builder(ArticleId id, Locale locale, String title) {
    return new Builder(id, locale, title);
  }

  /** @return a builder initialised with this article's values */
  public Builder toBuilder() {
    Builder b = new Builder(id, locale, title);
    b.body = body;
    b.bodyFormat = bodyFormat;
    b.summary = summary;
    b.categoryPath = new ArrayList<>(categoryPath);
    b.tags = new LinkedHashSet<>(tags);
    b.visibility = visibility;
    b.status = status;
    b.translationGroup = translationGroup;
    b.revision = revision;
    b.author = author;
    b.updatedAt = updatedAt;
    return b;
  }

  /** @return {@code categoryPath} joined with {@code /}, or the empty string */
  public String categoryKey() {
    return String.join("/", categoryPath);
  }

  /** Builds an {@link Article}; validation happens in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private ArticleId id;
    private Locale locale;
    private String title;
    private String body = "";
    private BodyFormat bodyFormat = BodyFormat.MARKDOWN;
    private @Nullable String summary;
    private List<String> categoryPath = new ArrayList<>();
    private Set<String> tags = new LinkedHashSet<>();
    private ArticleVisibility visibility = ArticleVisibility.PUBLIC;
    private ArticleStatus status = ArticleStatus.DRAFT;
    private @Nullable String translationGroup;
    private long revision;
    private String author = "unknown";
    private Instant updatedAt = Instant.EPOCH;

    private Builder(ArticleId id, Locale locale, String title) {
      this.id = Objects.requireNonNull(id, "id");
      this.locale = Objects.requireNonNull(locale, "locale");
      this.title = Objects.requireNonNull(title, "title");
    }

    /**
     * @param value the id
     * @return this
     */
    public Builder id(ArticleId value) {
      this.id = Objects.requireNonNull(value, "id");
      return this;
    }

    /**
     * @param value the locale
     * @return this
     */
    public Builder locale(Locale value) {
      this.locale = Objects.requireNonNull(value, "locale");
      return this;
    }

    /**
     * @param value the title
     * @return this
     */
    public Builder title(String value) {
      this.title = Objects.requireNonNull(value, "title");
      return this;
    }

    /**
     * @param value the body
     * @return this
     */
    public Builder body(String value) {
      this.body = Objects.requireNonNull(value, "body");
      return this;
    }

    /**
     * @param value the body format
     * @return this
     */
    public Builder bodyFormat(BodyFormat value) {
      this.bodyFormat = Objects.requireNonNull(value, "bodyFormat");
      return this;
    }

    /**
     * @param value the summary, or null for none
     * @return this
     */
    public Builder summary(@Nullable String value) {
      this.summary = value;
      return this;
    }

    /**
     * @param value the category path from the root down
     * @return this
     */
    public Builder categoryPath(List<String> value) {
      this.categoryPath = new ArrayList<>(Objects.requireNonNull(value, "categoryPath"));
      return this;
    }

    /**
     * @param value the tags
     * @return this
     */
    public Builder tags(Set<String> value) {
      this.tags = new LinkedHashSet<>(Objects.requireNonNull(value, "tags"));
      return this;
    }

    /**
     * @param value the visibility
     * @return this
     */
    public Builder visibility(ArticleVisibility value) {
      this.visibility = Objects.requireNonNull(value, "visibility");
      return this;
    }

    /**
     * @param value the status
     * @return this
     */
    public Builder status(ArticleStatus value) {
      this.status = Objects.requireNonNull(value, "status");
      return this;
    }

    /**
     * @param value the translation group; defaults to the article id
     * @return this
     */
    public Builder translationGroup(String value) {
      this.translationGroup = Objects.requireNonNull(value, "translationGroup");
      return this;
    }

    /**
     * @param value the revision
     * @return this
     */
    public Builder revision(long value) {
      this.revision = value;
      return this;
    }

    /**
     * @param value the author
     * @return this
     */
    public Builder author(String value) {
      this.author = Objects.requireNonNull(value, "author");
      return this;
    }

    /**
     * @param value when saved
     * @return this
     */
    public Builder updatedAt(Instant value) {
      this.updatedAt = Objects.requireNonNull(value, "updatedAt");
      return this;
    }

    /**
     * @return the article
     * @throws ValidationException if a value is invalid
     */
    public Article build() {
      String group = translationGroup == null ? id.value() : translationGroup;
      return new Article(
          id, locale, title, body, bodyFormat, summary, categoryPath, tags, visibility, status,
          group, revision, author, updatedAt);
    }
  }
}
