package dev.frontline.helpdesk.lucene.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;

/**
 * Chooses the analysis by field name: {@code *_s_<lang>} fields use the language's stemming
 * analyzer (stop words, stemmer), {@code *_x} fields only lower-case words, {@code title_p} indexes
 * word prefixes and {@code *_g} character n-grams of words. No analysis depends on the corpus.
 * Thread-safe.
 */
public final class FieldAnalyzer extends DelegatingAnalyzerWrapper {
  /** Shortest and longest n-gram of the {@code *_g} fields. */
  public static final int GRAM = 4;

  private final Map<String, Analyzer> languages = new ConcurrentHashMap<>();
  private final Analyzer exact = new ExactAnalyzer();
  private final Analyzer prefix = new PrefixAnalyzer();
  private final Analyzer gram = new GramAnalyzer();
  private final Analyzer folded = new FoldedAnalyzer();

  /** Creates the analyzer. */
  public FieldAnalyzer() {
    super(PER_FIELD_REUSE_STRATEGY);
  }

  @Override
  protected Analyzer getWrappedAnalyzer(String fieldName) {
    int s = fieldName.indexOf("_s_");
    if (s > 0) {
      return language(fieldName.substring(s + 3));
    }
    if (fieldName.equals(Fields.TITLE_PREFIX)) {
      return prefix;
    }
    if (fieldName.endsWith("_g")) {
      return gram;
    }
    return exact;
  }

  /**
   * @param lang a language code from {@link Fields#lang}
   * @return its stemming analyzer
   */
  public Analyzer language(String lang) {
    return languages.computeIfAbsent(lang, FieldAnalyzer::create);
  }

  /** @return the analyzer of unstemmed fields */
  public Analyzer exact() {
    return exact;
  }

  /** @return lower-cased, accent-folded whole words (what autocomplete prefixes are matched with) */
  public Analyzer folded() {
    return folded;
  }

  private static Analyzer create(String lang) {
    return switch (lang) {
      case "en" -> new EnglishAnalyzer();
      case "da" -> new DanishAnalyzer();
      case "hu" -> new HungarianAnalyzer();
      case "de" -> new GermanAnalyzer();
      case "fr" -> new FrenchAnalyzer();
      case "es" -> new SpanishAnalyzer();
      case "it" -> new ItalianAnalyzer();
      case "nl" -> new DutchAnalyzer();
      case "pt" -> new PortugueseAnalyzer();
      case "sv" -> new SwedishAnalyzer();
      case "no" -> new NorwegianAnalyzer();
      case "fi" -> new FinnishAnalyzer();
      case "ru" -> new RussianAnalyzer();
      case "pl" -> new PolishAnalyzer();
      case "cs" -> new CzechAnalyzer();
      case "zh", "ja", "ko" -> new CJKAnalyzer();
      default -> new StandardAnalyzer(CharArraySet.EMPTY_SET);
    };
  }

  @Override
  public void close() {
    languages.values().forEach(Analyzer::close);
    exact.close();
    prefix.close();
    gram.close();
    folded.close();
    super.close();
  }

  /** Standard tokenizer and lower case: the plain words. */
  static final class ExactAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer t = new StandardTokenizer();
      return new TokenStreamComponents(t, new LowerCaseFilter(t));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerCaseFilter(in);
    }
  }

  /** Lower-cased, accent-folded word prefixes of 1 to 20 characters. */
  static final class PrefixAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer t = new StandardTokenizer();
      TokenStream s = new ASCIIFoldingFilter(new LowerCaseFilter(t));
      return new TokenStreamComponents(t, new EdgeNGramTokenFilter(s, 1, 20, true));
    }
  }

  /** Lower-cased, accent-folded words. */
  static final class FoldedAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer t = new StandardTokenizer();
      return new TokenStreamComponents(t, new ASCIIFoldingFilter(new LowerCaseFilter(t)));
    }
  }

  /** Lower-cased character n-grams of each word; words shorter than the n-gram are kept whole. */
  static final class GramAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer t = new StandardTokenizer();
      TokenStream s = new LowerCaseFilter(t);
      return new TokenStreamComponents(t, new NGramTokenFilter(s, GRAM, GRAM, true));
    }
  }
}
