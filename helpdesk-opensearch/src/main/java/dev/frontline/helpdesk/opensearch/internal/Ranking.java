package dev.frontline.helpdesk.opensearch.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.TextQueryType;

/**
 * The relevance query of a text search, the ranking of the Lucene module expressed in the query
 * DSL: a sum of clauses, each word's stemmed title, body and summary (summary weighted 1.5), a
 * proximity clause for each pair of adjacent words in the body (slop 3), fuzzy title and body
 * clauses for up to three words that no visible document contains (typos), and for languages that
 * write compounds as one word or have no stemmer, character 4-grams of the words (title 0.25, body
 * 0.1). Chinese and Japanese (bigram analysis) get neither proximity nor typo clauses, Korean no
 * typo clauses. Stateless.
 */
public final class Ranking {
  /** Most distinct words taken from a query. */
  public static final int MAX_TERMS = 48;
  /** Typo and n-gram clauses skip longer words. */
  public static final int MAX_EXTRA_WORD = 32;
  /** At most this many words of a query get typo clauses. */
  public static final int MAX_TYPO_WORDS = 3;
  /** At most this many adjacent pairs get proximity clauses. */
  public static final int MAX_PHRASE_PAIRS = 16;
  /** The analyzer of the n-gram fields (defined in the index settings). */
  public static final String GRAM_ANALYZER = "frontline_grams";
  /** The n-gram filter of that analyzer. */
  public static final String GRAM_FILTER = "frontline_4grams";

  private static final Set<String> COMPOUNDING = Set.of("da", "de", "nl", "no", "nb", "nn", "sv");
  private static final Set<String> UNSPACED_BIGRAMS = Set.of("zh", "ja");

  private Ranking() {}

  /**
   * The fields of one kind of document; a null field is left out.
   *
   * @param titlePrefix prefix of the stemmed title fields ({@code t_}), the analysis follows
   * @param bodyPrefix prefix of the stemmed body fields
   * @param summaryPrefix prefix of the stemmed summary fields
   * @param titleExact the unstemmed title
   * @param bodyExact the unstemmed body
   * @param titleGram the title's n-grams
   * @param bodyGram the body's n-grams
   */
  public record Fields(
      @Nullable String titlePrefix, String bodyPrefix, @Nullable String summaryPrefix, @Nullable String titleExact,
      @Nullable String bodyExact, @Nullable String titleGram, @Nullable String bodyGram) {}

  /**
   * @param locale a language
   * @return whether its words get proximity clauses
   */
  static boolean proximity(Locale locale) {
    return !UNSPACED_BIGRAMS.contains(locale.getLanguage());
  }

  /**
   * @param locale a language
   * @return whether its unknown words get typo clauses
   */
  static boolean typos(Locale locale) {
    String l = locale.getLanguage();
    return !UNSPACED_BIGRAMS.contains(l) && !l.equals("ko");
  }

  /**
   * @param locale a language
   * @return whether its words get n-gram clauses
   */
  static boolean grams(Locale locale) {
    return COMPOUNDING.contains(locale.getLanguage()) || Languages.analysis(locale).equals(Languages.STANDARD);
  }

  /**
   * The words of a text that may get typo clauses: letters only, 4 to 32 characters, distinct, in
   * order.
   *
   * @param words the query's plain words
   * @return the candidates
   */
  public static List<String> typoCandidates(List<String> words) {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      if (w.length() >= 4 && w.length() <= MAX_EXTRA_WORD && w.codePoints().allMatch(Character::isLetter)) {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * Builds the relevance query.
   *
   * @param text what the reader typed
   * @param locales the query's languages; empty for every language (no proximity clauses then)
   * @param f the fields
   * @param analyze analyses a text with a named analyzer into its tokens with positions
   * @param known whether a plain word occurs in a visible document (for typo detection)
   * @return the query (should clauses; at least one must match)
   */
  public static Query relevance(
      String text, List<Locale> locales, Fields f, BiFunction<String, String, List<Token>> analyze,
      Predicate<String> known) {
    return relevance(text, locales, f, analyze, known, true);
  }

  /**
   * Builds the relevance query, with or without the proximity, typo and n-gram clauses (without:
   * the term clauses only, as for a ticket's internal notes).
   *
   * @param text what the reader typed
   * @param locales the query's languages; empty for every language
   * @param f the fields
   * @param analyze analyses a text with a named analyzer into its tokens with positions
   * @param known whether a plain word occurs in a visible document (for typo detection)
   * @param extras whether to add proximity, typo and n-gram clauses
   * @return the query (should clauses; at least one must match)
   */
  public static Query relevance(
      String text, List<Locale> locales, Fields f, BiFunction<String, String, List<Token>> analyze,
      Predicate<String> known, boolean extras) {
    List<String> words = ArticleQueries.words(text);
    List<Query> should = new ArrayList<>();
    boolean typos = extras && locales.isEmpty();
    boolean grams = extras && locales.isEmpty();
    List<String> analyses = new ArrayList<>();
    List<Locale> byAnalysis = new ArrayList<>();
    for (Locale l : locales) {
      typos |= extras && typos(l);
      grams |= extras && grams(l);
      String a = Languages.analysis(l);
      if (!analyses.contains(a)) {
        analyses.add(a);
        byAnalysis.add(l);
      }
    }
    if (locales.isEmpty()) {
      List<String> first = words.size() > MAX_TERMS ? words.subList(0, MAX_TERMS) : words;
      List<String> patterns = new ArrayList<>();
      if (f.titlePrefix() != null) {
        patterns.add(f.titlePrefix() + "*");
      }
      patterns.add(f.bodyPrefix() + "*");
      if (f.summaryPrefix() != null) {
        patterns.add(f.summaryPrefix() + "*^1.5");
      }
      should.add(Query.of(q -> q.multiMatch(m -> m.query(String.join(" ", first)).type(TextQueryType.MostFields).lenient(true)
          .fields(patterns))));
    }
    // each distinct term once, as separate clauses (a match query would count a repeated word
    // twice and blend tokens at one position)
    int max = Math.max(8, MAX_TERMS / Math.max(1, analyses.size()));
    for (int i = 0; i < analyses.size(); i++) {
      String a = analyses.get(i);
      String title = f.titlePrefix() == null ? null : f.titlePrefix() + a;
      String body = f.bodyPrefix() + a;
      String summary = f.summaryPrefix() == null ? null : f.summaryPrefix() + a;
      List<Token> tokens = analyze.apply(Languages.analyzer(a), text);
      for (String t : distinct(tokens, max)) {
        if (title != null) {
          should.add(term(title, t, 1f));
        }
        should.add(term(body, t, 1f));
        if (summary != null) {
          should.add(term(summary, t, 1.5f));
        }
      }
      if (extras && proximity(byAnalysis.get(i))) {
        Set<String> pairs = new LinkedHashSet<>();
        for (int k = 1; k < tokens.size() && pairs.size() < Math.min(max, MAX_PHRASE_PAIRS); k++) {
          Token x = tokens.get(k - 1);
          Token y = tokens.get(k);
          if (x.term().equals(y.term()) || !pairs.add(x.term() + ' ' + y.term())) {
            continue;
          }
          long gap = Math.max(1, y.position() - x.position());
          // the pair's stems as they are (the whitespace analyzer), a gap left by stop words
          // widening the slop
          String pair = x.term() + ' ' + y.term();
          should.add(Query.of(q -> q.matchPhrase(p -> p.field(body).query(pair).analyzer("whitespace").slop((int) (2 + gap)))));
        }
      }
    }
    String titleExact = f.titleExact();
    String bodyExact = f.bodyExact();
    if (typos && titleExact != null && bodyExact != null) {
      int n = 0;
      for (String w : typoCandidates(words)) {
        if (n >= MAX_TYPO_WORDS) {
          break;
        }
        if (known.test(w)) {
          continue;
        }
        n++;
        String edits = w.length() >= 8 ? "2" : "1";
        should.add(Query.of(q -> q.fuzzy(z -> z.field(titleExact).value(v -> v.stringValue(w)).fuzziness(edits)
            .prefixLength(1).maxExpansions(16).transpositions(true).boost(0.5f))));
        should.add(Query.of(q -> q.fuzzy(z -> z.field(bodyExact).value(v -> v.stringValue(w)).fuzziness(edits)
            .prefixLength(1).maxExpansions(16).transpositions(true).boost(0.25f))));
      }
    }
    String titleGram = f.titleGram();
    String bodyGram = f.bodyGram();
    if (grams && titleGram != null && bodyGram != null) {
      List<String> gramWords = words.stream().filter(w -> w.length() <= MAX_EXTRA_WORD).toList();
      if (!gramWords.isEmpty()) {
        for (String g : distinct(analyze.apply(GRAM_ANALYZER, String.join(" ", gramWords)), 4 * MAX_TERMS)) {
          should.add(term(titleGram, g, 0.25f));
          should.add(term(bodyGram, g, 0.1f));
        }
      }
    }
    if (should.isEmpty()) {
      // only stop words: nothing to match (a bool query without clauses would match everything)
      return Query.of(q -> q.matchNone(m -> m));
    }
    return Query.of(q -> q.bool(b -> b.should(should).minimumShouldMatch("1")));
  }

  private static Query term(String field, String value, float boost) {
    return Query.of(q -> q.term(t -> t.field(field).value(v -> v.stringValue(value)).boost(boost)));
  }

  private static Set<String> distinct(List<Token> tokens, int max) {
    Set<String> out = new LinkedHashSet<>();
    for (Token t : tokens) {
      if (out.size() >= max) {
        break;
      }
      out.add(t.term());
    }
    return out;
  }

  /**
   * One token of an analysed text.
   *
   * @param term the token
   * @param position its position
   */
  public record Token(String term, long position) {}
}
