package dev.frontline.helpdesk.jackson.format;

import static dev.frontline.helpdesk.jackson.internal.Json.en;
import static dev.frontline.helpdesk.jackson.internal.Json.instant;
import static dev.frontline.helpdesk.jackson.internal.Json.list;
import static dev.frontline.helpdesk.jackson.internal.Json.optStr;
import static dev.frontline.helpdesk.jackson.internal.Json.put;
import static dev.frontline.helpdesk.jackson.internal.Json.req;
import static dev.frontline.helpdesk.jackson.internal.Json.str;
import static dev.frontline.helpdesk.jackson.internal.Json.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.jackson.internal.Json;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import dev.frontline.helpdesk.knowledge.ArticleVisibility;
import dev.frontline.helpdesk.knowledge.BodyFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stored format of the knowledge base: an {@link Article} revision, one document each (the
 * current article and every kept revision use the same document). The locale is a BCP 47 language
 * tag, tags and visibility teams are sorted, the category path keeps its order.
 *
 * <p>Documents carry their format version ({@code "v"}); see the package documentation for the
 * compatibility rules. Reading fails with a {@link dev.frontline.helpdesk.StorageException} on
 * anything that is not a valid document (a {@link FormatVersionException} for an unknown version).
 * Stateless and thread-safe.
 */
public final class KnowledgeFormat {
  /** The format version this release writes, and the newest it reads. */
  public static final int VERSION = Documents.CURRENT;

  private KnowledgeFormat() {}

  /**
   * @param article an article
   * @return its stored document
   */
  public static String writeArticle(Article article) {
    ObjectNode n = Documents.document();
    put(n, "id", article.id().value());
    put(n, "locale", article.locale().toLanguageTag());
    put(n, "title", article.title());
    put(n, "body", article.body());
    put(n, "bodyFormat", article.bodyFormat());
    put(n, "summary", article.summary());
    n.set("categoryPath", strings(article.categoryPath()));
    n.set("tags", strings(new TreeSet<>(article.tags())));
    put(n, "visibility", article.visibility().level());
    n.set("visibilityTeams", strings(new TreeSet<>(article.visibility().teams().stream().map(TeamId::value).toList())));
    put(n, "status", article.status());
    put(n, "translationGroup", article.translationGroup());
    n.put("revision", article.revision());
    put(n, "author", article.author());
    put(n, "updatedAt", article.updatedAt());
    return Json.text(n);
  }

  /**
   * @param json a stored article document of any version this release reads
   * @return the article
   * @throws FormatVersionException if the document is of a newer version
   */
  public static Article readArticle(String json) {
    return Documents.read(
        json,
        "article",
        n -> new Article(
            ArticleId.of(str(n, "id")),
            Locale.forLanguageTag(str(n, "locale")),
            str(n, "title"),
            str(n, "body"),
            en(BodyFormat.class, n, "bodyFormat"),
            optStr(n, "summary"),
            list(n, "categoryPath", JsonNode::asText),
            new LinkedHashSet<>(list(n, "tags", JsonNode::asText)),
            new ArticleVisibility(
                en(ArticleVisibility.Level.class, n, "visibility"),
                Set.copyOf(list(n, "visibilityTeams", t -> new TeamId(t.asText())))),
            en(ArticleStatus.class, n, "status"),
            str(n, "translationGroup"),
            req(n, "revision").asLong(),
            str(n, "author"),
            instant(n, "updatedAt")));
  }
}
