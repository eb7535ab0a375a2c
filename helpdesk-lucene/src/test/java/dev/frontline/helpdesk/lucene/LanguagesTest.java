package dev.frontline.helpdesk.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.lucene.internal.FieldAnalyzer;
import dev.frontline.helpdesk.lucene.internal.LanguageTable;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguagesTest {
  @ParameterizedTest
  @CsvSource({
    "pt-BR, pt", "pt_BR, pt", "PT_br, pt", "zh-Hans, zh", "zh_CN, zh", "zh-Hant-TW, zh", "nb, no", "nn, no",
    "no, no", "nb_NO, no", "en_US_POSIX, en", "ca, ca", "el, el", "uk, uk", "ko_KR, ko", "ja, ja", "sr-Latn, sr",
    "vi, und", "he, und", "iw, und", "in, id", "id, id", "tr, tr", "ckb, ckb"})
  void tagsAsUsersWriteThem(String tag, String analysis) {
    assertThat(Languages.analysisLanguage(Languages.locale(tag))).isEqualTo(analysis);
  }

  @Test
  void keepsTheRegionAndScript() {
    assertThat(Languages.locale("pt_BR")).isEqualTo(Locale.forLanguageTag("pt-BR"));
    assertThat(Languages.locale("zh-Hans").getScript()).isEqualTo("Hans");
  }

  @Test
  void aLocaleMadeFromAWholeTagStillFindsItsLanguage() {
    @SuppressWarnings("deprecation")
    Locale odd = new Locale("zh_CN");
    assertThat(Languages.analysisLanguage(odd)).isEqualTo("zh");
  }

  @ParameterizedTest
  @CsvSource({"''", "' '", "e", "en US", "en--US", "123", "en_😀"})
  void rejectsWhatIsNoTag(String tag) {
    assertThatThrownBy(() -> Languages.locale(tag)).isInstanceOf(ValidationException.class);
  }

  @Test
  void rejectsALongTagWithoutEchoingItWhole() {
    assertThatThrownBy(() -> Languages.locale("a".repeat(10_000)))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
  }

  @Test
  void everyTableLanguageHasAWorkingAnalyzer() {
    try (FieldAnalyzer a = new FieldAnalyzer()) {
      for (String lang : LanguageTable.languages()) {
        assertThat(a.analysisName(lang)).startsWith("helpdesk-lucene/");
        assertThat(a.language(lang).tokenStream("body_s_" + lang, "Text 123")).isNotNull().satisfies(ts -> ts.close());
      }
    }
  }
}
