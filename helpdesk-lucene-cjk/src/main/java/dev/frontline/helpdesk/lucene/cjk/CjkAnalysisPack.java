package dev.frontline.helpdesk.lucene.cjk;

import dev.frontline.helpdesk.lucene.AnalysisPack;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;

/**
 * Morphological analysis for Japanese (Kuromoji), Korean (Nori) and Chinese (SmartCN, Simplified
 * and Traditional), instead of the built-in character bigrams. Enable it with {@code
 * LuceneKnowledgeSearch.builder(...).analysisPack(new CjkAnalysisPack())}. Immutable and
 * thread-safe.
 */
public final class CjkAnalysisPack implements AnalysisPack {
  /** The module's artifact id. */
  public static final String MODULE = "helpdesk-lucene-cjk";

  /** Creates the pack. */
  public CjkAnalysisPack() {}

  @Override
  public String module() {
    return MODULE;
  }

  @Override
  public Set<String> languages() {
    return Set.of("ja", "ko", "zh");
  }

  @Override
  public String analysisName(String language) {
    return switch (language) {
      case "ja" -> "kuromoji-1";
      case "ko" -> "nori-1";
      case "zh" -> "smartcn-1";
      default -> throw new IllegalArgumentException("not a language of " + MODULE + ": " + language);
    };
  }

  @Override
  public Analyzer analyzer(String language) {
    return switch (language) {
      case "ja" -> new JapaneseAnalyzer();
      case "ko" -> new KoreanAnalyzer();
      case "zh" -> new SmartChineseAnalyzer();
      default -> throw new IllegalArgumentException("not a language of " + MODULE + ": " + language);
    };
  }
}
