package dev.frontline.helpdesk.lucene;

import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * An optional module's analysis for some languages (for example Japanese with Kuromoji), replacing
 * the built-in analysis of those languages. A host enables a pack with one line on the search
 * builder ({@link LuceneKnowledgeSearch.Builder#analysisPack}). The index records which analysis
 * each language was built with: a node without the pack fails to open an index built with it
 * ({@link MissingAnalysisPackException}), and a node whose analysis of a language differs from the
 * index's rebuilds that language.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface AnalysisPack {
  /**
   * @return the artifact id of the module that provides the pack (for example {@code
   *     "helpdesk-lucene-cjk"}); named in errors and recorded in the index
   */
  String module();

  /**
   * @return the analysis languages the pack analyses: lower-case ISO 639 codes as {@link
   *     Languages#analysisLanguage} returns them (for example {@code "ja"}, {@code "uk"})
   */
  Set<String> languages();

  /**
   * @param language one of {@link #languages()}
   * @return the name of its analysis, recorded in the index; a pack must change it whenever the
   *     analysis changes (so that indexes built with the old one are rebuilt)
   */
  String analysisName(String language);

  /**
   * @param language one of {@link #languages()}
   * @return a new analyzer for the language's text fields
   */
  Analyzer analyzer(String language);
}
