package dev.frontline.helpdesk.lucene.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.bn.BengaliAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.ckb.SoraniAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.eu.BasqueAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ga.IrishAnalyzer;
import org.apache.lucene.analysis.gl.GalicianAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.hy.ArmenianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.lv.LatvianAnalyzer;
import org.apache.lucene.analysis.ne.NepaliAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sr.SerbianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.ta.TamilAnalyzer;
import org.apache.lucene.analysis.te.TeluguAnalyzer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * The built-in analysis of every language: which analyzer of lucene-analysis-common (or Stempel
 * for Polish) each analysis language gets, under a name that the index records. Languages that only
 * an optional pack analyses well (Ukrainian) are known here with the standard analysis, so that a
 * pack can replace it. Stateless.
 */
public final class LanguageTable {
  /** Module name recorded for the built-in analyses. */
  public static final String BUILT_IN = "helpdesk-lucene";

  /**
   * One built-in analysis.
   *
   * @param name recorded in the index (changes when the analysis changes)
   * @param description for the documentation table
   * @param factory makes a new analyzer
   */
  public record Entry(String name, String description, Supplier<Analyzer> factory) {}

  private static final Entry STANDARD =
      new Entry("standard-1", "standard tokenizer, lower case, no stop words", () -> new StandardAnalyzer(CharArraySet.EMPTY_SET));

  private static final Map<String, Entry> TABLE = new LinkedHashMap<>();

  static {
    put("ar", "arabic-1", "ArabicAnalyzer (normalization, light stemmer)", ArabicAnalyzer::new);
    put("bg", "bulgarian-1", "BulgarianAnalyzer (stemmer)", BulgarianAnalyzer::new);
    put("bn", "bengali-1", "BengaliAnalyzer (normalization, stemmer)", BengaliAnalyzer::new);
    put("ca", "catalan-1", "CatalanAnalyzer (elision, Snowball stemmer)", CatalanAnalyzer::new);
    put("ckb", "sorani-1", "SoraniAnalyzer (normalization, stemmer)", SoraniAnalyzer::new);
    put("cs", "czech-1", "CzechAnalyzer (stemmer)", CzechAnalyzer::new);
    put("da", "danish-1", "DanishAnalyzer (Snowball stemmer)", DanishAnalyzer::new);
    put("de", "german-1", "GermanAnalyzer (normalization, light stemmer)", GermanAnalyzer::new);
    put("el", "greek-1", "GreekAnalyzer (lower case, stemmer)", GreekAnalyzer::new);
    put("en", "english-1", "EnglishAnalyzer (possessives, Porter stemmer)", EnglishAnalyzer::new);
    put("es", "spanish-1", "SpanishAnalyzer (light stemmer)", SpanishAnalyzer::new);
    put("et", "estonian-1", "EstonianAnalyzer (Snowball stemmer)", EstonianAnalyzer::new);
    put("eu", "basque-1", "BasqueAnalyzer (Snowball stemmer)", BasqueAnalyzer::new);
    put("fa", "persian-1", "PersianAnalyzer (normalization)", PersianAnalyzer::new);
    put("fi", "finnish-1", "FinnishAnalyzer (Snowball stemmer)", FinnishAnalyzer::new);
    put("fr", "french-1", "FrenchAnalyzer (elision, light stemmer)", FrenchAnalyzer::new);
    put("ga", "irish-1", "IrishAnalyzer (elision, Snowball stemmer)", IrishAnalyzer::new);
    put("gl", "galician-1", "GalicianAnalyzer (stemmer)", GalicianAnalyzer::new);
    put("hi", "hindi-1", "HindiAnalyzer (normalization, stemmer)", HindiAnalyzer::new);
    put("hu", "hungarian-1", "HungarianAnalyzer (Snowball stemmer)", HungarianAnalyzer::new);
    put("hy", "armenian-1", "ArmenianAnalyzer (Snowball stemmer)", ArmenianAnalyzer::new);
    put("id", "indonesian-1", "IndonesianAnalyzer (stemmer)", IndonesianAnalyzer::new);
    put("it", "italian-1", "ItalianAnalyzer (elision, light stemmer)", ItalianAnalyzer::new);
    put("ja", "cjk-1", "CJKAnalyzer (character bigrams)", CJKAnalyzer::new);
    put("ko", "cjk-1", "CJKAnalyzer (character bigrams)", CJKAnalyzer::new);
    put("lt", "lithuanian-1", "LithuanianAnalyzer (Snowball stemmer)", LithuanianAnalyzer::new);
    put("lv", "latvian-1", "LatvianAnalyzer (stemmer)", LatvianAnalyzer::new);
    put("ne", "nepali-1", "NepaliAnalyzer (Snowball stemmer)", NepaliAnalyzer::new);
    put("nl", "dutch-1", "DutchAnalyzer (Snowball stemmer)", DutchAnalyzer::new);
    put("no", "norwegian-1", "NorwegianAnalyzer (Snowball stemmer; nb, nn)", NorwegianAnalyzer::new);
    put("pl", "polish-stempel-1", "PolishAnalyzer (Stempel)", PolishAnalyzer::new);
    put("pt", "portuguese-1", "PortugueseAnalyzer (light stemmer; pt-BR, pt-PT)", PortugueseAnalyzer::new);
    put("ro", "romanian-1", "RomanianAnalyzer (Snowball stemmer)", RomanianAnalyzer::new);
    put("ru", "russian-1", "RussianAnalyzer (Snowball stemmer)", RussianAnalyzer::new);
    put("sr", "serbian-1", "SerbianAnalyzer (Cyrillic and Latin folded, Snowball stemmer)", SerbianAnalyzer::new);
    put("sv", "swedish-1", "SwedishAnalyzer (Snowball stemmer)", SwedishAnalyzer::new);
    put("ta", "tamil-1", "TamilAnalyzer (Snowball stemmer)", TamilAnalyzer::new);
    put("te", "telugu-1", "TeluguAnalyzer (normalization, stemmer)", TeluguAnalyzer::new);
    put("th", "thai-1", "ThaiAnalyzer (dictionary word segmentation)", ThaiAnalyzer::new);
    put("tr", "turkish-1", "TurkishAnalyzer (apostrophes, Turkish lower case, Snowball stemmer)", TurkishAnalyzer::new);
    put("zh", "cjk-1", "CJKAnalyzer (character bigrams; Simplified and Traditional)", CJKAnalyzer::new);
    TABLE.put("uk", STANDARD);
  }

  /** Old or alternative language codes and the analysis language they stand for. */
  private static final Map<String, String> ALIASES = Map.of(
      "nb", "no", "nn", "no", "iw", "he", "in", "id", "ji", "yi", "sh", "sr", "cmn", "zh", "yue", "zh");

  private LanguageTable() {}

  private static void put(String lang, String name, String description, Supplier<Analyzer> factory) {
    TABLE.put(lang, new Entry(name, description, factory));
  }

  /** @return the analysis languages with a built-in entry, in table order */
  public static Set<String> languages() {
    return TABLE.keySet();
  }

  /**
   * @param lang an analysis language code
   * @return its built-in analysis; the standard analysis for a language without one
   */
  public static Entry entry(String lang) {
    return TABLE.getOrDefault(lang, STANDARD);
  }

  /**
   * @param locale a locale; its language may be an old code (iw, in, ji), a Norwegian variant (nb,
   *     nn) or, for a locale made with {@code new Locale("zh_CN")}, a whole tag
   * @return the analysis language: a key of {@link #languages()}, or {@link Fields#FALLBACK}
   */
  public static String lang(Locale locale) {
    String l = locale.getLanguage().toLowerCase(Locale.ROOT);
    int cut = indexOfSeparator(l);
    if (cut >= 0) {
      l = l.substring(0, cut);
    }
    l = ALIASES.getOrDefault(l, l);
    return TABLE.containsKey(l) ? l : Fields.FALLBACK;
  }

  private static int indexOfSeparator(String s) {
    int u = s.indexOf('_');
    int d = s.indexOf('-');
    return u < 0 ? d : d < 0 ? u : Math.min(u, d);
  }
}
