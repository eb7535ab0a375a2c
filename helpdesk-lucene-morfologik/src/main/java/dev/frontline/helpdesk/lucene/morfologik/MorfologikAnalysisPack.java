package dev.frontline.helpdesk.lucene.morfologik;

import dev.frontline.helpdesk.lucene.AnalysisPack;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.morfologik.MorfologikAnalyzer;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;

/**
 * Dictionary lemmatization for Ukrainian and Polish (Morfologik), instead of the built-in standard
 * analysis (Ukrainian) and Stempel stemmer (Polish). Enable it with {@code
 * LuceneKnowledgeSearch.builder(...).analysisPack(new MorfologikAnalysisPack())}. Immutable and
 * thread-safe.
 */
public final class MorfologikAnalysisPack implements AnalysisPack {
  /** The module's artifact id. */
  public static final String MODULE = "helpdesk-lucene-morfologik";

  /** Creates the pack. */
  public MorfologikAnalysisPack() {}

  @Override
  public String module() {
    return MODULE;
  }

  @Override
  public Set<String> languages() {
    return Set.of("uk", "pl");
  }

  @Override
  public String analysisName(String language) {
    return switch (language) {
      case "uk" -> "morfologik-uk-1";
      case "pl" -> "morfologik-pl-1";
      default -> throw new IllegalArgumentException("not a language of " + MODULE + ": " + language);
    };
  }

  @Override
  public Analyzer analyzer(String language) {
    return switch (language) {
      case "uk" -> new UkrainianMorfologikAnalyzer();
      case "pl" -> new MorfologikAnalyzer();
      default -> throw new IllegalArgumentException("not a language of " + MODULE + ": " + language);
    };
  }
}
