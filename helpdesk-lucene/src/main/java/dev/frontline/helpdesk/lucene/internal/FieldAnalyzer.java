package dev.frontline.helpdesk.lucene.internal;

import dev.frontline.helpdesk.lucene.AnalysisPack;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Chooses the analysis by field name: {@code *_s_<lang>} fields use the language's stemming
 * analyzer (stop words, stemmer), {@code *_x} fields only lower-case words, {@code title_p} indexes
 * word prefixes and {@code *_g} character n-grams of words. No analysis depends on the corpus.
 * A language's analysis is the built-in one ({@link LanguageTable}) unless an enabled {@link
 * AnalysisPack} provides it. Thread-safe.
 */
public final class FieldAnalyzer extends DelegatingAnalyzerWrapper {
  /** Shortest and longest n-gram of the {@code *_g} fields. */
  public static final int GRAM = 4;

  private final Map<String, Analyzer> languages = new ConcurrentHashMap<>();
  private final Analyzer exact = new ExactAnalyzer();
  private final Analyzer prefix = new PrefixAnalyzer();
  private final Analyzer gram = new GramAnalyzer();
  private final Analyzer folded = new FoldedAnalyzer();

  private final Map<String, AnalysisPack> packs;

  /** Creates the analyzer with the built-in analysis only. */
  public FieldAnalyzer() {
    this(List.of());
  }

  /**
   * @param packs enabled packs; a later pack wins for a language that two provide
   */
  public FieldAnalyzer(List<AnalysisPack> packs) {
    super(PER_FIELD_REUSE_STRATEGY);
    Map<String, AnalysisPack> byLang = new HashMap<>();
    for (AnalysisPack p : packs) {
      for (String lang : p.languages()) {
        byLang.put(lang, p);
      }
    }
    this.packs = Map.copyOf(byLang);
  }

  /**
   * @param lang an analysis language code
   * @return the module that analyses it: a pack's, or {@link LanguageTable#BUILT_IN}
   */
  public String module(String lang) {
    AnalysisPack p = packs.get(lang);
    return p == null ? LanguageTable.BUILT_IN : p.module();
  }

  /**
   * @param lang an analysis language code
   * @return what the index records for it: {@code module/name}
   */
  public String analysisName(String lang) {
    AnalysisPack p = packs.get(lang);
    return p == null ? LanguageTable.BUILT_IN + "/" + LanguageTable.entry(lang).name() : p.module() + "/" + p.analysisName(lang);
  }

  /** @return the modules of the enabled packs */
  public java.util.Set<String> packModules() {
    java.util.Set<String> out = new java.util.TreeSet<>();
    packs.values().forEach(p -> out.add(p.module()));
    return out;
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
    return languages.computeIfAbsent(lang, this::create);
  }

  /** @return the analyzer of unstemmed fields */
  public Analyzer exact() {
    return exact;
  }

  /** @return lower-cased, accent-folded whole words (what autocomplete prefixes are matched with) */
  public Analyzer folded() {
    return folded;
  }

  private Analyzer create(String lang) {
    AnalysisPack p = packs.get(lang);
    return p != null ? p.analyzer(lang) : LanguageTable.entry(lang).factory().get();
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
