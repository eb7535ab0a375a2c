package dev.frontline.helpdesk.lucene.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Query building shared by the knowledge and the ticket search: filter clauses, the languages to
 * analyse a query in, and the keywords of a "more like this" query. Stateless and thread-safe.
 */
public final class Queries {
  /** Longest text a "more like this" query reads; the rest is cut off. */
  private static final int MAX_TEXT = 10_000;
  /** Most keywords a "more like this" query keeps. */
  private static final int MAX_KEYWORDS = 25;

  private Queries() {}

  /**
   * @param relevance the scoring query
   * @param filters non-scoring conditions
   * @return {@code relevance} as a MUST clause with every filter as a FILTER clause
   */
  public static Query filtered(Query relevance, List<Query> filters) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(relevance, BooleanClause.Occur.MUST);
    for (Query f : filters) {
      b.add(f, BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  /**
   * @param field a keyword field
   * @param values its values, in clause order
   * @return one SHOULD term clause per value (matches nothing without values)
   */
  public static Query anyTerm(String field, Iterable<String> values) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String v : values) {
      b.add(new TermQuery(new Term(field, v)), BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  /**
   * The languages to analyse a query in: those of the wanted locales, or without any, every
   * language in the index.
   *
   * @param locales the wanted locales, possibly none
   * @param reader the index
   * @return analysis language codes ({@link Fields#lang}), in order
   * @throws IOException if the index cannot be read
   */
  public static List<String> analysisLanguages(List<Locale> locales, IndexReader reader) throws IOException {
    Set<String> langs = new LinkedHashSet<>();
    for (Locale l : locales) {
      langs.add(Fields.lang(l));
    }
    if (langs.isEmpty()) {
      for (LeafReaderContext leaf : reader.leaves()) {
        Terms terms = leaf.reader().terms(Fields.LANG);
        if (terms != null) {
          TermsEnum te = terms.iterator();
          for (BytesRef t = te.next(); t != null; t = te.next()) {
            langs.add(t.utf8ToString());
          }
        }
      }
    }
    return new ArrayList<>(langs);
  }

  /**
   * The keywords of a "more like this" query: of the text's first 10,000 characters, the 25 words
   * (unstemmed) with the highest tf·idf in the index, in text order.
   *
   * @param analyzer the field analyzer
   * @param reader the index
   * @param text a long text
   * @param fields the unstemmed fields whose document frequencies add up to a word's
   * @return the keywords separated by spaces; empty if the text has no words
   * @throws IOException if the index cannot be read
   */
  public static String keywords(FieldAnalyzer analyzer, IndexReader reader, String text, String... fields)
      throws IOException {
    String cut = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    Map<String, Integer> tf = new HashMap<>();
    List<String> order = new ArrayList<>();
    try (var ts = analyzer.exact().tokenStream(Fields.BODY_EXACT, cut)) {
      var term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String w = term.toString();
        if (tf.merge(w, 1, Integer::sum) == 1) {
          order.add(w);
        }
      }
      ts.end();
    }
    if (order.size() <= MAX_KEYWORDS) {
      return String.join(" ", order);
    }
    int n = Math.max(1, reader.numDocs());
    Map<String, Double> weight = new HashMap<>();
    for (String w : order) {
      int df = 0;
      for (String f : fields) {
        df += reader.docFreq(new Term(f, w));
      }
      weight.put(w, Objects.requireNonNull(tf.get(w)) * Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    }
    Set<String> keep = new LinkedHashSet<>(order.stream()
        .sorted(Comparator.comparingDouble((String w) -> -Objects.requireNonNull(weight.get(w))))
        .limit(MAX_KEYWORDS)
        .toList());
    return String.join(" ", order.stream().filter(keep::contains).toList());
  }
}
