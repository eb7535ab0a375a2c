package dev.frontline.helpdesk.lucene.internal;

/**
 * Weights of the relevance query. The defaults are fixed for every language and corpus (see
 * {@code docs/search-quality.md} for how they were chosen); they are a record only so that
 * experiments can compare variants.
 *
 * @param titleStem weight of stemmed title terms
 * @param bodyStem weight of stemmed body terms
 * @param summaryStem weight of stemmed summary terms
 * @param titleExact weight of unstemmed title terms
 * @param bodyExact weight of unstemmed body terms
 * @param titleGram weight of title character n-grams (0 disables)
 * @param bodyGram weight of body character n-grams (0 disables)
 * @param phrase weight of adjacent-word proximity clauses on the body (0 disables)
 * @param phraseTitle weight of adjacent-word proximity clauses on the title (0 disables)
 * @param phraseSlop slop of those clauses
 * @param fuzzy weight of fuzzy title clauses for words that occur in no visible article (body
 *     clauses get half; 0 disables)
 * @param synonyms weight of synonym expansions
 * @param maxTerms most distinct words taken from a query
 * @param grams 1 to add character n-gram clauses (a dictionary-free stand-in for decompounding), 0
 *     not to
 */
public record Ranking(
    float titleStem,
    float bodyStem,
    float summaryStem,
    float titleExact,
    float bodyExact,
    float titleGram,
    float bodyGram,
    float phrase,
    float phraseTitle,
    int phraseSlop,
    float fuzzy,
    float synonyms,
    int maxTerms,
    int grams) {

  /**
   * The ranking of languages with a stemming analysis: proximity and typo clauses, no n-grams
   * (tuned on English, Danish and Hungarian; measured to help on Catalan and Greek too).
   */
  public static final Ranking DEFAULT =
      new Ranking(1f, 1f, 1.5f, 0f, 0f, 0.25f, 0.1f, 1f, 0f, 3, 0.5f, 0.5f, 48, 0);

  /**
   * Languages that write compounds as one word (German, Dutch, Swedish, Danish, Norwegian): the
   * default plus character n-grams, a dictionary-free approximation of decompounding.
   */
  public static final Ranking COMPOUNDING = DEFAULT.withGrams(1);

  /**
   * Languages without a stemming analysis (the standard analysis): the default plus character
   * n-grams, which stand in for the missing stemmer (word forms that share a stem share most of
   * their 4-grams).
   */
  public static final Ranking UNSTEMMED = DEFAULT.withGrams(1);

  /**
   * Chinese and Japanese, written without spaces and analysed as overlapping character bigrams:
   * adjacent bigrams already encode nearness, so no proximity clauses, and edit distance means
   * nothing on one- to three-character words, so no typo clauses.
   */
  public static final Ranking UNSPACED_BIGRAMS = DEFAULT.withPhrase(0f).withFuzzy(0f);

  /**
   * Korean, written with spaces between words and analysed as character bigrams: proximity clauses
   * help as in other spaced languages; no typo clauses (syllable blocks make edit distance coarse).
   */
  public static final Ranking SPACED_BIGRAMS = DEFAULT.withFuzzy(0f);

  /**
   * @param lang an analysis language code
   * @param analysis the name of its analysis (as {@code FieldAnalyzer#analysisName} gives it)
   * @return the ranking of the language's family
   */
  public static Ranking forLanguage(String lang, String analysis) {
    if (lang.equals("zh") || lang.equals("ja")) {
      return UNSPACED_BIGRAMS;
    }
    if (lang.equals("ko")) {
      return SPACED_BIGRAMS;
    }
    if (analysis.endsWith("/standard-1")) {
      return UNSTEMMED;
    }
    return Fields.COMPOUNDING.contains(lang) ? COMPOUNDING : DEFAULT;
  }

  /**
   * @param value the new {@link #grams}
   * @return a copy with it
   */
  public Ranking withGrams(int value) {
    return new Ranking(titleStem, bodyStem, summaryStem, titleExact, bodyExact, titleGram, bodyGram, phrase,
        phraseTitle, phraseSlop, fuzzy, synonyms, maxTerms, value);
  }

  /**
   * @param value the new {@link #phrase}
   * @return a copy with it
   */
  public Ranking withPhrase(float value) {
    return new Ranking(titleStem, bodyStem, summaryStem, titleExact, bodyExact, titleGram, bodyGram, value,
        phraseTitle, phraseSlop, fuzzy, synonyms, maxTerms, grams);
  }

  /**
   * @param value the new {@link #fuzzy}
   * @return a copy with it
   */
  public Ranking withFuzzy(float value) {
    return new Ranking(titleStem, bodyStem, summaryStem, titleExact, bodyExact, titleGram, bodyGram, phrase,
        phraseTitle, phraseSlop, value, synonyms, maxTerms, grams);
  }
}
