package dev.frontline.helpdesk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The gnome-help-en evaluation set (read from {@code ../shared/eval/kb} relative to the working
 * directory, or the folder in the system property {@code frontline.kb}), replicated to any number of articles: copy {@code c} of
 * page {@code d} has the id {@code d-c<c>}, and copies after the first get small text variations (a
 * word added to two titles in three, a sentence appended to the body, every other copy with its
 * first "the" changed to "this").
 */
final class BenchKb {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] WORDS = {"guide", "help", "howto", "tips", "steps", "notes", "overview"};

  private BenchKb() {}

  /** One source page. */
  record Page(String id, String title, String body) {}

  static Path dir() {
    return Path.of(System.getProperty("frontline.kb", "../shared/eval/kb"), "gnome-help-en");
  }

  static List<Page> pages() {
    List<Page> out = new ArrayList<>();
    for (JsonNode d : lines(dir().resolve("corpus.jsonl"))) {
      out.add(new Page(d.get("id").asText(), d.get("title").asText(), d.get("body").asText()));
    }
    return out;
  }

  static List<String> queries() {
    List<String> out = new ArrayList<>();
    for (JsonNode q : lines(dir().resolve("queries.jsonl"))) {
      out.add(q.get("text").asText());
    }
    return out;
  }

  private static List<JsonNode> lines(Path p) {
    try {
      List<JsonNode> out = new ArrayList<>();
      for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          out.add(JSON.readTree(line));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code i}-th replicated page (id, title, body). */
  static Page replica(List<Page> pages, int i) {
    Page p = pages.get(i % pages.size());
    int c = i / pages.size();
    String title = p.title();
    String body = p.body();
    if (c > 0) {
      if (c % 3 != 0) {
        title = title + " " + WORDS[c % WORDS.length];
      }
      body = body + " Revision " + c + " of this page.";
      if (c % 2 == 1) {
        body = body.replaceFirst(" the ", " this ");
      }
    }
    return new Page(p.id() + "-c" + c, title, body);
  }

  /** The {@code i}-th replicated page as a published public English article. */
  static Article article(List<Page> pages, int i) {
    Page p = replica(pages, i);
    return Article.builder(ArticleId.of(p.id()), Locale.ENGLISH, p.title()).body(p.body())
        .status(ArticleStatus.PUBLISHED).translationGroup(p.id()).build();
  }
}
