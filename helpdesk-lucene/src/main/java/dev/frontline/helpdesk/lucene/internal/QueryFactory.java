package dev.frontline.helpdesk.lucene.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

/**
 * Builds the relevance query for a text: BM25 SHOULD clauses for each stemmed query word on the
 * title, summary and body fields of every searched language; sloppy two-word proximity clauses on
 * the body (long text, where nearness is evidence; titles are short, so every title match is
 * already near); fuzzy clauses on the unstemmed fields for words no visible article contains
 * (typos); character n-gram clauses for languages that write compounds as one word; and
 * down-weighted synonym expansions. Thread-safe.
 */
public final class QueryFactory {
  /**
   * Longest word (in chars) that gets n-gram clauses: their number grows with word length, and no
   * real word this long needs them.
   */
  public static final int MAX_EXTRA_WORD = 32;

  /**
   * Longest word (in chars) that gets typo clauses. The cost of a typo clause (building and
   * running a Levenshtein automaton over the term dictionary) grows with the word's length, and
   * longer unknown words are mostly names, codes, compounds or made-up input, which typo expansion
   * does not help: on the evaluation sets no figure moves with this limit (nor with 12).
   */
  public static final int MAX_TYPO_WORD = 16;

  /**
   * Most words of one query that get typo clauses: a real query has one or two typos, and each
   * typo word costs a scan of the term dictionary.
   */
  public static final int MAX_TYPO_WORDS = 3;

  /**
   * Most distinct n-grams of one query that get clauses (two each, title and body), taken in
   * query order: a query of many long words would otherwise get hundreds of clauses, each a term
   * look-up in every segment. Real queries stay under it (on the evaluation sets, no figure moves
   * from the earlier limit of 192; 96 already moves Ukrainian, whose words are long).
   */
  public static final int MAX_GRAMS = 128;

  /** Most adjacent-word pairs of one query that get proximity clauses. */
  public static final int MAX_PHRASE_PAIRS = 16;

  private final FieldAnalyzer analyzer;
  private final Ranking ranking;
  private final java.util.function.Function<String, Ranking> perLanguage;
  private final Map<String, List<List<String>>> synonyms;

  /**
   * @param analyzer the field analyzer
   * @param ranking the weights
   * @param synonyms synonym groups (each a list of words or phrases) by language code; key
   *     {@code "*"} applies to every language
   */
  public QueryFactory(FieldAnalyzer analyzer, Ranking ranking, Map<String, List<List<String>>> synonyms) {
    this(analyzer, ranking, lang -> ranking, synonyms);
  }

  /**
   * @param analyzer the field analyzer
   * @param ranking the weights of what does not depend on the language (term count, synonyms)
   * @param perLanguage the weights of each language (its family's); a query in several languages
   *     gets a language-independent clause if any of them wants it, at the highest weight
   * @param synonyms synonym groups by language code, as above
   */
  public QueryFactory(
      FieldAnalyzer analyzer, Ranking ranking, java.util.function.Function<String, Ranking> perLanguage,
      Map<String, List<List<String>>> synonyms) {
    this.analyzer = analyzer;
    this.ranking = ranking;
    this.perLanguage = perLanguage;
    this.synonyms = Map.copyOf(synonyms);
  }

  /**
   * @param langs language codes searched
   * @return the language-independent weights for them: each the highest of their rankings
   */
  private Ranking merged(List<String> langs) {
    if (langs.size() == 1) {
      return perLanguage.apply(langs.get(0));
    }
    float titleExact = 0;
    float bodyExact = 0;
    float titleGram = 0;
    float bodyGram = 0;
    float fuzzy = 0;
    int grams = 0;
    for (String l : langs) {
      Ranking r = perLanguage.apply(l);
      titleExact = Math.max(titleExact, r.titleExact());
      bodyExact = Math.max(bodyExact, r.bodyExact());
      titleGram = Math.max(titleGram, r.titleGram());
      bodyGram = Math.max(bodyGram, r.bodyGram());
      fuzzy = Math.max(fuzzy, r.fuzzy());
      grams = Math.max(grams, r.grams());
    }
    Ranking d = ranking;
    return new Ranking(d.titleStem(), d.bodyStem(), d.summaryStem(), titleExact, bodyExact, titleGram, bodyGram,
        d.phrase(), d.phraseTitle(), d.phraseSlop(), fuzzy, d.synonyms(), d.maxTerms(), grams);
  }

  /** A token and its position. */
  record Tok(String term, int position) {}

  /**
   * @param a an analyzer
   * @param field the field name to analyse for
   * @param text the text
   * @return the tokens with positions
   */
  static List<Tok> tokens(Analyzer a, String field, String text) {
    List<Tok> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += Math.max(0, inc.getPositionIncrement());
        out.add(new Tok(term.toString(), pos));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Set<String> distinct(List<Tok> toks, int max) {
    Set<String> s = new LinkedHashSet<>();
    for (Tok t : toks) {
      if (s.size() >= max) {
        break;
      }
      s.add(t.term());
    }
    return s;
  }

  /** Adds a clause as its {@code equivalent} (which is only asked for when the clause is added). */
  private static void should(BooleanQuery.Builder b, @Nullable Query q, float weight, UnaryOperator<Query> equivalent) {
    if (q != null && weight > 0) {
      should(b, equivalent.apply(q), weight);
    }
  }

  private static void should(BooleanQuery.Builder b, @Nullable Query q, float weight) {
    if (q != null && weight > 0) {
      b.add(weight == 1f ? q : new BoostQuery(q, weight), BooleanClause.Occur.SHOULD);
    }
  }

  /**
   * @param text what the reader typed
   * @param langs language codes to search
   * @param known whether a term occurs in an article the reader may see (typo detection must not
   *     reveal words of invisible articles)
   * @return the query; matches nothing if the text has no words
   */
  public Query relevance(String text, List<String> langs, Predicate<Term> known) {
    return relevance(text, langs, known, f -> f, true, q -> q);
  }

  /**
   * @param text what the reader typed
   * @param langs language codes to search
   * @param known whether a term occurs in an article the reader may see (typo detection must not
   *     reveal words of invisible articles)
   * @param clauses what to put in the query for each term clause (a {@link TermQuery}) and each
   *     typo clause (a {@link FuzzyQuery}): the clause itself, or an equivalent, for example a term
   *     query with its term statistics or a typo clause's rewrite remembered for the current
   *     searcher
   * @return the query; matches nothing if the text has no words
   */
  public Query relevance(String text, List<String> langs, Predicate<Term> known, UnaryOperator<Query> clauses) {
    return relevance(text, langs, known, f -> f, true, clauses);
  }

  /**
   * The relevance query on other fields of the same layout (for example a ticket index's internal
   * note fields, which stand in for the body fields).
   *
   * @param text what the reader typed
   * @param langs language codes to search
   * @param known whether a (mapped) term occurs in a document the reader may see
   * @param fields maps each standard field name ({@link Fields}) to the field to query, or to
   *     null to leave that field out
   * @param extras whether to add proximity, fuzzy and n-gram clauses
   * @return the query; matches nothing if no clause was built
   */
  public Query relevance(
      String text, List<String> langs, Predicate<Term> known, UnaryOperator<@Nullable String> fields, boolean extras) {
    return relevance(text, langs, known, fields, extras, q -> q);
  }

  private Query relevance(
      String text, List<String> langs, Predicate<Term> known, UnaryOperator<@Nullable String> fields, boolean extras,
      UnaryOperator<Query> equivalent) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = addTerms(b, text, langs, extras, known, fields, equivalent);
    String expansion = expansion(text, langs);
    if (!expansion.isEmpty() && ranking.synonyms() > 0) {
      BooleanQuery.Builder sb = new BooleanQuery.Builder();
      if (addTerms(sb, expansion, langs, false, known, fields, equivalent) > 0) {
        should(b, sb.build(), ranking.synonyms());
        clauses++;
      }
    }
    return clauses == 0 ? new MatchNoDocsQuery("no words") : b.build();
  }

  /**
   * @param text what the reader typed
   * @param langs language codes searched
   * @return plain term clauses on the stored, stemmed body fields: cheap to highlight
   */
  public Query highlight(String text, List<String> langs) {
    return highlight(text, langs, Fields.BODY_STEM);
  }

  /**
   * @param text what the reader typed
   * @param langs language codes searched
   * @param stemPrefix prefix of the stemmed per-language fields to highlight
   * @return plain term clauses on those fields
   */
  public Query highlight(String text, List<String> langs, String stemPrefix) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String lang : langs) {
      String body = stemPrefix + lang;
      for (String t : distinct(tokens(analyzer, body, text), ranking.maxTerms())) {
        b.add(new TermQuery(new Term(body, t)), BooleanClause.Occur.SHOULD);
      }
    }
    return b.build();
  }

  private static @Nullable Query term(UnaryOperator<@Nullable String> fields, String field, String text) {
    String f = fields.apply(field);
    return f == null ? null : new TermQuery(new Term(f, text));
  }

  private int addTerms(
      BooleanQuery.Builder b, String text, List<String> langs, boolean extras, Predicate<Term> known,
      UnaryOperator<@Nullable String> fields, UnaryOperator<Query> equivalent) {
    int max = Math.max(8, ranking.maxTerms() / Math.max(1, langs.size()));
    int clauses = 0;
    Ranking all = merged(langs);
    List<Tok> exact = tokens(analyzer.exact(), Fields.BODY_EXACT, text);
    String titleExact = fields.apply(Fields.TITLE_EXACT);
    String bodyExact = fields.apply(Fields.BODY_EXACT);
    List<String> gramWords = new ArrayList<>();
    int typoWords = 0;
    for (String t : distinct(exact, ranking.maxTerms())) {
      should(b, term(fields, Fields.TITLE_EXACT, t), all.titleExact(), equivalent);
      should(b, term(fields, Fields.BODY_EXACT, t), all.bodyExact(), equivalent);
      clauses++;
      if (t.length() > MAX_EXTRA_WORD) {
        continue;
      }
      gramWords.add(t);
      if (extras && all.fuzzy() > 0 && typoWords < MAX_TYPO_WORDS && t.length() >= 4 && t.length() <= MAX_TYPO_WORD
          && oneScript(t)) {
        if ((bodyExact == null || !known.test(new Term(bodyExact, t)))
            && (titleExact == null || !known.test(new Term(titleExact, t)))) {
          typoWords++;
          int edits = t.length() >= 8 ? 2 : 1;
          if (titleExact != null) {
            should(b, equivalent.apply(new FuzzyQuery(new Term(titleExact, t), edits, 1, 16, true)), all.fuzzy());
          }
          if (bodyExact != null) {
            should(b, equivalent.apply(new FuzzyQuery(new Term(bodyExact, t), edits, 1, 16, true)), all.fuzzy() / 2);
          }
        }
      }
    }
    if (extras && all.grams() > 0 && (all.titleGram() > 0 || all.bodyGram() > 0) && !gramWords.isEmpty()) {
      for (String g : distinct(tokens(analyzer, Fields.BODY_GRAM, String.join(" ", gramWords)), MAX_GRAMS)) {
        should(b, term(fields, Fields.TITLE_GRAM, g), all.titleGram(), equivalent);
        should(b, term(fields, Fields.BODY_GRAM, g), all.bodyGram(), equivalent);
      }
    }
    for (String lang : langs) {
      String title = Fields.TITLE_STEM + lang;
      String body = Fields.BODY_STEM + lang;
      String summary = Fields.SUMMARY_STEM + lang;
      List<Tok> stems = tokens(analyzer, body, text);
      Ranking r = perLanguage.apply(lang);
      for (String t : distinct(stems, max)) {
        should(b, term(fields, title, t), r.titleStem(), equivalent);
        should(b, term(fields, body, t), r.bodyStem(), equivalent);
        should(b, term(fields, summary, t), r.summaryStem(), equivalent);
        clauses++;
      }
      if (extras && (r.phrase() > 0 || r.phraseTitle() > 0)) {
        Set<String> pairs = new LinkedHashSet<>();
        for (int i = 1; i < stems.size() && pairs.size() < Math.min(max, MAX_PHRASE_PAIRS); i++) {
          Tok x = stems.get(i - 1);
          Tok y = stems.get(i);
          if (x.term().equals(y.term()) || !pairs.add(x.term() + ' ' + y.term())) {
            continue;
          }
          int gap = Math.max(1, y.position() - x.position());
          for (String unmapped : List.of(body, title)) {
            String f = fields.apply(unmapped);
            if (f == null) {
              continue;
            }
            PhraseQuery pq = new PhraseQuery.Builder()
                .add(new Term(f, x.term()), 0)
                .add(new Term(f, y.term()), gap)
                .setSlop(r.phraseSlop())
                .build();
            should(b, pq, unmapped.equals(body) ? r.phrase() : r.phraseTitle());
          }
        }
      }
    }
    return clauses;
  }

  /**
   * Whether a word is all letters of one script (a word that mixes scripts, Latin letters around
   * a Hangul syllable say, is no word of any language that a typo could have changed).
   */
  static boolean oneScript(String word) {
    Character.UnicodeScript first = null;
    for (int i = 0; i < word.length(); ) {
      int c = word.codePointAt(i);
      i += Character.charCount(c);
      if (!Character.isLetter(c)) {
        return false;
      }
      Character.UnicodeScript sc = Character.UnicodeScript.of(c);
      if (sc == Character.UnicodeScript.COMMON || sc == Character.UnicodeScript.INHERITED) {
        continue;
      }
      if (first == null) {
        first = sc;
      } else if (first != sc) {
        return false;
      }
    }
    return true;
  }

  private String expansion(String text, List<String> langs) {
    if (synonyms.isEmpty()) {
      return "";
    }
    List<String> words = new ArrayList<>();
    for (Tok t : tokens(analyzer.exact(), Fields.BODY_EXACT, text)) {
      words.add(t.term());
    }
    StringBuilder out = new StringBuilder();
    List<String> keys = new ArrayList<>(langs);
    keys.add("*");
    for (String key : keys) {
      for (List<String> group : synonyms.getOrDefault(key, List.of())) {
        boolean hit = false;
        for (String member : group) {
          if (containsPhrase(words, member)) {
            hit = true;
            break;
          }
        }
        if (hit) {
          for (String member : group) {
            if (!containsPhrase(words, member)) {
              out.append(member).append(' ');
            }
          }
        }
      }
    }
    return out.toString().strip();
  }

  private boolean containsPhrase(List<String> words, String phrase) {
    List<String> p = new ArrayList<>();
    for (Tok t : tokens(analyzer.exact(), Fields.BODY_EXACT, phrase.toLowerCase(Locale.ROOT))) {
      p.add(t.term());
    }
    return !p.isEmpty() && java.util.Collections.indexOfSubList(words, p) >= 0;
  }
}
