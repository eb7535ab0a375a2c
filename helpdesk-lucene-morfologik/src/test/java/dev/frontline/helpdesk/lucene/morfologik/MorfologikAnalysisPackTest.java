package dev.frontline.helpdesk.lucene.morfologik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.knowledge.SearchHit;
import dev.frontline.helpdesk.lucene.AnalysisPack;
import dev.frontline.helpdesk.lucene.LuceneKnowledgeSearch;
import dev.frontline.helpdesk.lucene.MissingAnalysisPackException;
import dev.frontline.helpdesk.spi.ArticleStore;
import dev.frontline.helpdesk.spi.memory.InMemoryArticleStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MorfologikAnalysisPackTest {
  private static final Locale UK = Locale.forLanguageTag("uk");
  private static final Locale PL = Locale.forLanguageTag("pl");

  @TempDir Path dir;

  /** The one place that builds the search (with or without the pack, optionally from a store). */
  private LuceneKnowledgeSearch search(boolean withPack, @Nullable ArticleStore source) {
    LuceneKnowledgeSearch.Builder b = LuceneKnowledgeSearch.builder(dir);
    if (withPack) {
      b.analysisPack(new MorfologikAnalysisPack());
    }
    if (source != null) {
      b.source(source);
    }
    return b.build();
  }

  private static List<String> tokens(AnalysisPack pack, String lang, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (Analyzer a = pack.analyzer(lang); TokenStream ts = a.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  private static List<String> titles(LuceneKnowledgeSearch s, String text, Locale locale) {
    s.refresh();
    return s.search(KnowledgeQuery.builder(text).locale(locale).build(), SearchAudience.publicOnly())
        .hits().stream().map(SearchHit::title).toList();
  }

  private static Article article(Locale locale, String title, String body) {
    return Article.builder(locale, title).body(body).status(ArticleStatus.PUBLISHED).build();
  }

  @Test
  void ukrainianWordFormsShareTheirLemma() throws IOException {
    MorfologikAnalysisPack pack = new MorfologikAnalysisPack();
    assertThat(tokens(pack, "uk", "клавіатури")).contains("клавіатура");
    assertThat(tokens(pack, "uk", "клавіатурою")).contains("клавіатура");
  }

  @Test
  void polishWordFormsShareTheirLemma() throws IOException {
    MorfologikAnalysisPack pack = new MorfologikAnalysisPack();
    assertThat(tokens(pack, "pl", "drukarkami")).contains("drukarka");
    assertThat(tokens(pack, "pl", "drukarki")).contains("drukarka");
  }

  @Test
  void theSearchFindsAnotherWordFormWithThePack() {
    try (LuceneKnowledgeSearch s = search(true, null)) {
      s.index(article(UK, "Налаштування клавіатури", "Як змінити розкладку."));
      s.index(article(PL, "Konfiguracja drukarki", "Jak dodać urządzenie."));
      assertThat(titles(s, "клавіатурою", UK)).containsExactly("Налаштування клавіатури");
      assertThat(titles(s, "drukarkami", PL)).containsExactly("Konfiguracja drukarki");
    }
  }

  @Test
  void isFoundByTheServiceLoader() {
    assertThat(ServiceLoader.load(AnalysisPack.class).stream().map(p -> p.get().module()))
        .contains(MorfologikAnalysisPack.MODULE);
  }

  @Test
  void aNodeWithoutThePackRefusesAnIndexBuiltWithIt() {
    try (LuceneKnowledgeSearch s = search(true, null)) {
      s.index(article(UK, "Налаштування клавіатури", "Як змінити розкладку."));
      s.commit();
    }
    assertThatThrownBy(() -> search(false, null))
        .isInstanceOfSatisfying(MissingAnalysisPackException.class, e -> {
          assertThat(e.module()).isEqualTo("helpdesk-lucene-morfologik");
          assertThat(e.languages()).containsExactly("uk");
        })
        .hasMessageContaining("helpdesk-lucene-morfologik");
    // the refused open released the index: with the pack it opens again, documents kept
    try (LuceneKnowledgeSearch s = search(true, null)) {
      assertThat(s.rebuilt()).isFalse();
      assertThat(titles(s, "клавіатурою", UK)).containsExactly("Налаштування клавіатури");
    }
  }

  @Test
  void aChangedAnalysisRebuildsOnlyThatLanguage() {
    InMemoryArticleStore store = new InMemoryArticleStore();
    store.save(article(UK, "Налаштування клавіатури", "Як змінити розкладку."), 0);
    store.save(article(Locale.ENGLISH, "Keyboard settings", "Change the layout."), 0);
    try (LuceneKnowledgeSearch s = search(false, store)) {
      assertThat(s.rebuiltLanguages()).isEmpty();
    }
    try (LuceneKnowledgeSearch s = search(true, store)) {
      assertThat(s.rebuilt()).isFalse();
      assertThat(s.rebuiltLanguages()).containsExactly("uk");
      assertThat(titles(s, "клавіатурою", UK)).containsExactly("Налаштування клавіатури");
      assertThat(titles(s, "keyboard", Locale.ENGLISH)).containsExactly("Keyboard settings");
    }
  }

  @Test
  void withoutAStoreTheChangedLanguageIsEmptiedForTheHostToReindex() {
    try (LuceneKnowledgeSearch s = search(false, null)) {
      s.index(article(UK, "Налаштування клавіатури", "Як змінити розкладку."));
      s.index(article(Locale.ENGLISH, "Keyboard settings", "Change the layout."));
      s.commit();
    }
    try (LuceneKnowledgeSearch s = search(true, null)) {
      assertThat(s.rebuiltLanguages()).containsExactly("uk");
      assertThat(titles(s, "клавіатури", UK)).isEmpty();
      assertThat(titles(s, "keyboard", Locale.ENGLISH)).containsExactly("Keyboard settings");
    }
  }
}
