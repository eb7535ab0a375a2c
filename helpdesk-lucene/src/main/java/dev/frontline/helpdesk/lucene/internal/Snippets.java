package dev.frontline.helpdesk.lucene.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Highlighted snippets of the stored, stemmed per-language text fields: one passage per document,
 * matches in {@code <b>…</b>}. Stateless and thread-safe.
 */
public final class Snippets {
  private static final int MAX_LENGTH = 20_000;

  private Snippets() {}

  /**
   * @param searcher the searcher that found the documents
   * @param analyzer the index analyzer
   * @param sorted document ids, in increasing order
   * @param terms the terms to highlight
   * @param langs language codes of the fields to look in, first found first taken
   * @param stemPrefix prefix of those fields (for example {@link Fields#BODY_STEM})
   * @param matchesOnly whether a document without a match gets no snippet (otherwise it gets the
   *     start of its text)
   * @return snippet by document id
   * @throws IOException if the index cannot be read
   */
  public static Map<Integer, String> of(
      IndexSearcher searcher, Analyzer analyzer, int[] sorted, Query terms, List<String> langs, String stemPrefix,
      boolean matchesOnly) throws IOException {
    Map<Integer, String> out = new HashMap<>();
    if (sorted.length == 0) {
      return out;
    }
    UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new DefaultPassageFormatter("<b>", "</b>", " … ", true))
        .withMaxLength(MAX_LENGTH);
    if (matchesOnly) {
      builder.withMaxNoHighlightPassages(0);
    }
    UnifiedHighlighter h = builder.build();
    String[] fields = langs.stream().map(l -> stemPrefix + l).toArray(String[]::new);
    int[] passages = new int[fields.length];
    Arrays.fill(passages, 1);
    Map<String, String[]> result = h.highlightFields(fields, terms, sorted, passages);
    for (String[] values : result.values()) {
      for (int i = 0; i < sorted.length; i++) {
        if (values[i] != null && !(matchesOnly && values[i].isBlank()) && !out.containsKey(sorted[i])) {
          out.put(sorted[i], values[i].strip());
        }
      }
    }
    return out;
  }
}
