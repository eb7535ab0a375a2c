package dev.frontline.helpdesk.lucene.cjk;

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

class CjkAnalysisPackTest {
  private static final Locale JA = Locale.forLanguageTag("ja");
  private static final Locale KO = Locale.forLanguageTag("ko");
  private static final Locale ZH = Locale.forLanguageTag("zh-Hans");

  @TempDir Path dir;

  /** The one place that builds the search (with or without the pack, optionally from a store). */
  private LuceneKnowledgeSearch search(boolean withPack, @Nullable ArticleStore source) {
    LuceneKnowledgeSearch.Builder b = LuceneKnowledgeSearch.builder(dir);
    if (withPack) {
      b.analysisPack(new CjkAnalysisPack());
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
  void japaneseIsSegmentedIntoWordsWithTheirBaseForm() throws IOException {
    List<String> t = tokens(new CjkAnalysisPack(), "ja", "東京に住んでいます");
    assertThat(t).contains("東京", "住む").doesNotContain("に");
  }

  @Test
  void koreanLosesItsParticles() throws IOException {
    List<String> t = tokens(new CjkAnalysisPack(), "ko", "컴퓨터를 켰습니다");
    assertThat(t).contains("컴퓨터").doesNotContain("컴퓨터를", "를");
  }

  @Test
  void chineseIsSegmentedIntoWords() throws IOException {
    List<String> t = tokens(new CjkAnalysisPack(), "zh", "我们在北京工作");
    assertThat(t).contains("北京", "工作");
  }

  @Test
  void theSearchFindsWordsInsideUnspacedText() {
    try (LuceneKnowledgeSearch s = search(true, null)) {
      s.index(article(JA, "プリンターの設定", "東京の事務所でプリンターを追加する方法。"));
      s.index(article(KO, "컴퓨터 설정", "컴퓨터를 켜는 방법."));
      s.index(article(ZH, "打印机设置", "如何在北京办公室添加打印机。"));
      assertThat(titles(s, "プリンター", JA)).containsExactly("プリンターの設定");
      assertThat(titles(s, "컴퓨터는", KO)).containsExactly("컴퓨터 설정");
      assertThat(titles(s, "打印机", ZH)).containsExactly("打印机设置");
    }
  }

  @Test
  void isFoundByTheServiceLoader() {
    assertThat(ServiceLoader.load(AnalysisPack.class).stream().map(p -> p.get().module()))
        .contains(CjkAnalysisPack.MODULE);
  }

  @Test
  void aNodeWithoutThePackRefusesAnIndexBuiltWithIt() {
    try (LuceneKnowledgeSearch s = search(true, null)) {
      s.index(article(JA, "プリンターの設定", "東京の事務所でプリンターを追加する方法。"));
      s.commit();
    }
    assertThatThrownBy(() -> search(false, null))
        .isInstanceOfSatisfying(MissingAnalysisPackException.class, e -> {
          assertThat(e.module()).isEqualTo("helpdesk-lucene-cjk");
          assertThat(e.languages()).containsExactly("ja");
        })
        .hasMessageContaining("helpdesk-lucene-cjk");
    // the refused open released the index: with the pack it opens again, documents kept
    try (LuceneKnowledgeSearch s = search(true, null)) {
      assertThat(s.rebuilt()).isFalse();
      assertThat(titles(s, "プリンター", JA)).containsExactly("プリンターの設定");
    }
  }

  @Test
  void aChangedAnalysisRebuildsOnlyThatLanguage() {
    InMemoryArticleStore store = new InMemoryArticleStore();
    store.save(article(JA, "プリンターの設定", "東京の事務所でプリンターを追加する方法。"), 0);
    store.save(article(Locale.ENGLISH, "Keyboard settings", "Change the layout."), 0);
    try (LuceneKnowledgeSearch s = search(false, store)) {
      assertThat(s.rebuiltLanguages()).isEmpty();
    }
    try (LuceneKnowledgeSearch s = search(true, store)) {
      assertThat(s.rebuilt()).isFalse();
      assertThat(s.rebuiltLanguages()).containsExactly("ja");
      assertThat(titles(s, "プリンター", JA)).containsExactly("プリンターの設定");
      assertThat(titles(s, "keyboard", Locale.ENGLISH)).containsExactly("Keyboard settings");
    }
  }

  @Test
  void withoutAStoreTheChangedLanguageIsEmptiedForTheHostToReindex() {
    try (LuceneKnowledgeSearch s = search(false, null)) {
      s.index(article(JA, "プリンターの設定", "東京の事務所でプリンターを追加する方法。"));
      s.index(article(Locale.ENGLISH, "Keyboard settings", "Change the layout."));
      s.commit();
    }
    try (LuceneKnowledgeSearch s = search(true, null)) {
      assertThat(s.rebuiltLanguages()).containsExactly("ja");
      assertThat(titles(s, "プリンター", JA)).isEmpty();
      assertThat(titles(s, "keyboard", Locale.ENGLISH)).containsExactly("Keyboard settings");
    }
  }
}
