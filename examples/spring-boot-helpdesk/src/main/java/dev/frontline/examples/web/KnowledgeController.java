package dev.frontline.examples.web;

import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.KnowledgeService;
import dev.frontline.helpdesk.knowledge.SearchHit;
import dev.frontline.helpdesk.knowledge.SearchResult;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Help articles for customers: full-text search with highlighted snippets, an article page, and two
 * small JSON endpoints for suggestions while typing (titles for the search box, articles matching a
 * new ticket's text). Every call passes the signed-in user's principal, so customers only ever find
 * published public articles.
 */
@Controller
@RequestMapping("/portal/help")
public class KnowledgeController {
  /** The languages the search form offers; the empty key searches all of them. */
  public static final Map<String, String> LANGUAGES = languages();
  private static final int MAX_QUERY = 200;
  private static final int MAX_TEXT = 2000;

  private final KnowledgeService knowledge;
  private final CurrentUser currentUser;

  /**
   * A search result as the page shows it.
   *
   * @param id the article id (for the link)
   * @param title the title (untrusted text; rendered with {@code th:text})
   * @param language the language tag
   * @param snippet the snippet as plain-text parts, see {@link Snippets}
   */
  public record HitView(String id, String title, String language, List<Snippets.Part> snippet) {}

  /**
   * A suggestion as the JSON endpoints return it.
   *
   * @param title the article title (plain text; the script sets it as text, never as HTML)
   * @param url the article page
   * @param language the language tag
   */
  public record SuggestionView(String title, String url, String language) {}

  /**
   * @param knowledge the knowledge base
   * @param currentUser the signed-in user
   */
  public KnowledgeController(KnowledgeService knowledge, CurrentUser currentUser) {
    this.knowledge = knowledge;
    this.currentUser = currentUser;
  }

  /**
   * The search page; without {@code q} just the form.
   *
   * @param q the query
   * @param lang a language tag from {@link #LANGUAGES}, or empty for all languages
   * @param model the view model
   * @return the page
   */
  @GetMapping
  public String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String lang, Model model) {
    String query = limit(q.strip(), MAX_QUERY);
    String language = LANGUAGES.containsKey(lang) ? lang : "";
    model.addAttribute("q", query);
    model.addAttribute("lang", language);
    model.addAttribute("languages", LANGUAGES);
    if (!query.isEmpty()) {
      SearchResult result = knowledge.search(currentUser.principal(),
          KnowledgeQuery.builder(query).locale(locale(language)).page(0, 10).build());
      model.addAttribute("total", result.total());
      model.addAttribute("hits", result.hits().stream()
          .map(h -> new HitView(h.articleId().value(), h.title(), h.locale().toLanguageTag(), Snippets.parse(h.snippet())))
          .toList());
    }
    return "portal/help";
  }

  /**
   * @param id the article id from the URL
   * @param model the view model
   * @return the article; 404 if it does not exist or is not visible
   */
  @GetMapping("/articles/{id}")
  public String article(@PathVariable String id, Model model) {
    ArticleId articleId;
    try {
      articleId = ArticleId.of(id);
    } catch (ValidationException e) {
      throw new NotFoundException("article not found");
    }
    Article a = knowledge.get(currentUser.principal(), articleId);
    model.addAttribute("article", a);
    model.addAttribute("language", a.locale().getDisplayLanguage(a.locale()));
    return "portal/article";
  }

  /**
   * Titles starting with what was typed, for the search box's {@code <datalist>}.
   *
   * @param q what was typed
   * @param lang a language tag, or empty for all languages
   * @param request the request (for the context path of the links)
   * @return at most 8 suggestions
   */
  @GetMapping(value = "/suggest", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  public List<SuggestionView> suggest(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String lang,
      HttpServletRequest request) {
    String prefix = limit(q.strip(), MAX_QUERY);
    if (prefix.isEmpty()) {
      return List.of();
    }
    return knowledge.suggest(currentUser.principal(), prefix, locale(LANGUAGES.containsKey(lang) ? lang : ""), 8).stream()
        .map(s -> view(request, s.articleId(), s.title(), s.locale()))
        .toList();
  }

  /**
   * Articles that may answer a ticket being written (ticket deflection), in any language: the best
   * match and those scoring at least half as well.
   *
   * @param text the ticket's subject and description so far
   * @param request the request (for the context path of the links)
   * @return at most 5 articles
   */
  @GetMapping(value = "/related", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  public List<SuggestionView> related(@RequestParam(defaultValue = "") String text, HttpServletRequest request) {
    String t = limit(text.strip(), MAX_TEXT);
    if (t.length() < 3) {
      return List.of();
    }
    List<SearchHit> hits = knowledge.articlesForText(currentUser.principal(), t, null, 5);
    double best = hits.isEmpty() ? 0 : hits.get(0).score();
    return hits.stream()
        .filter(h -> h.score() >= best / 2)
        .map(h -> view(request, h.articleId(), h.title(), h.locale()))
        .toList();
  }

  private static SuggestionView view(HttpServletRequest request, ArticleId id, String title, Locale locale) {
    return new SuggestionView(title, request.getContextPath() + "/portal/help/articles/" + id.value(), locale.toLanguageTag());
  }

  private static @Nullable Locale locale(String tag) {
    return tag.isEmpty() ? null : Locale.forLanguageTag(tag);
  }

  private static String limit(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static Map<String, String> languages() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("", "All languages");
    m.put("en", "English");
    m.put("da", "Dansk");
    m.put("hu", "Magyar");
    return Collections.unmodifiableMap(m);
  }
}
