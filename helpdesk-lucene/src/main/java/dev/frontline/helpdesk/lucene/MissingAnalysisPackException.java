package dev.frontline.helpdesk.lucene;

import dev.frontline.helpdesk.StorageException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The index was built with an {@link AnalysisPack} that this node has not enabled: searching it
 * would silently rank differently, so it is not opened. Add the named module to the application
 * and enable its pack on the search builder (or delete the index to rebuild it without the pack).
 */
public final class MissingAnalysisPackException extends StorageException {
  private static final long serialVersionUID = 1L;

  /** The missing module's artifact id. */
  private final String module;
  /** The languages the index analysed with it. */
  private final Set<String> languages;

  /**
   * @param module the missing module's artifact id
   * @param languages the languages the index analysed with it
   */
  public MissingAnalysisPackException(String module, Set<String> languages) {
    super("the index was built with the analysis pack of module " + module + " for "
        + String.join(", ", new TreeSet<>(languages)) + ", which this node has not enabled: add " + module
        + " and enable its pack on the search builder, or delete the index to rebuild it");
    this.module = module;
    this.languages = Set.copyOf(languages);
  }

  /** @return the missing module's artifact id, for example {@code "helpdesk-lucene-cjk"} */
  public String module() {
    return module;
  }

  /** @return the languages the index analysed with the missing module */
  public Set<String> languages() {
    return languages;
  }
}
