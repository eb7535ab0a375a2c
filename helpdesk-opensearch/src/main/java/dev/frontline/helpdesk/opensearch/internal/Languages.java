package dev.frontline.helpdesk.opensearch.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which of OpenSearch's built-in language analyzers (module {@code analysis-common}) analyses each
 * language. Languages without one (Polish, Ukrainian, ...) get the standard analyzer. Stateless.
 */
public final class Languages {
  /** The analysis of languages OpenSearch has no analyzer for. */
  public static final String STANDARD = "std";

  private static final Map<String, String> ANALYZERS = new LinkedHashMap<>();

  static {
    String[][] table = {
      {"ar", "arabic"}, {"hy", "armenian"}, {"eu", "basque"}, {"bn", "bengali"}, {"bg", "bulgarian"},
      {"ca", "catalan"}, {"zh", "cjk"}, {"ja", "cjk"}, {"ko", "cjk"}, {"cs", "czech"}, {"da", "danish"},
      {"nl", "dutch"}, {"en", "english"}, {"et", "estonian"}, {"fi", "finnish"}, {"fr", "french"},
      {"gl", "galician"}, {"de", "german"}, {"el", "greek"}, {"hi", "hindi"}, {"hu", "hungarian"},
      {"id", "indonesian"}, {"ga", "irish"}, {"it", "italian"}, {"lv", "latvian"}, {"lt", "lithuanian"},
      {"no", "norwegian"}, {"nb", "norwegian"}, {"nn", "norwegian"}, {"fa", "persian"}, {"pt", "portuguese"},
      {"ro", "romanian"}, {"ru", "russian"}, {"ckb", "sorani"}, {"es", "spanish"}, {"sv", "swedish"},
      {"tr", "turkish"}, {"th", "thai"},
    };
    for (String[] row : table) {
      ANALYZERS.put(row[0], row[1]);
    }
  }

  private Languages() {}

  /**
   * @param locale a locale
   * @return the OpenSearch analyzer of its language, or {@link #STANDARD}
   */
  public static String analysis(Locale locale) {
    return ANALYZERS.getOrDefault(locale.getLanguage(), STANDARD);
  }

  /** @return every analysis a field may be indexed with, {@link #STANDARD} included */
  public static List<String> analyses() {
    List<String> out = new ArrayList<>(new LinkedHashSet<>(ANALYZERS.values()));
    out.add(STANDARD);
    return List.copyOf(out);
  }

  /**
   * @param analysis an analysis name
   * @return the analyzer a field of that analysis uses
   */
  public static String analyzer(String analysis) {
    return STANDARD.equals(analysis) ? "standard" : analysis;
  }
}
