package dev.frontline.helpdesk.lucene;

import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.lucene.internal.LanguageTable;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Locale tags as users write them, and the analysis language the search gives a locale (see the
 * table in {@code docs/search-quality.md}). Stateless.
 */
public final class Languages {
  private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*");

  private Languages() {}

  /**
   * Reads a locale tag the way users write it: BCP 47 ({@code pt-BR}, {@code zh-Hans}) or with
   * underscores ({@code pt_BR}, {@code zh_CN}), in any case; {@code nb}, {@code nn} and {@code no}
   * are all Norwegian.
   *
   * @param tag the tag
   * @return the locale
   * @throws ValidationException if the tag is not a locale tag
   */
  public static Locale locale(String tag) {
    String t = tag == null ? "" : tag.strip();
    if (t.length() > 64 || !TAG.matcher(t).matches()) {
      throw new ValidationException("not a locale tag: " + (t.length() > 64 ? t.substring(0, 64) + "…" : t));
    }
    try {
      return new Locale.Builder().setLanguageTag(t.replace('_', '-')).build();
    } catch (IllformedLocaleException e) {
      // tags like en_US_POSIX: keep language and region
      String[] parts = t.split("[-_]");
      try {
        Locale.Builder b = new Locale.Builder().setLanguage(parts[0]);
        if (parts.length > 1 && parts[1].length() == 2) {
          b.setRegion(parts[1]);
        }
        return b.build();
      } catch (IllformedLocaleException e2) {
        throw new ValidationException("not a locale tag: " + t);
      }
    }
  }

  /**
   * @param locale a locale
   * @return the language whose analysis its articles and queries get (for example {@code "no"}
   *     for {@code nb-NO}, {@code "zh"} for {@code zh-Hant-TW}), or {@code "und"} for a language
   *     without its own analysis (standard analysis)
   */
  public static String analysisLanguage(Locale locale) {
    return LanguageTable.lang(locale);
  }
}
