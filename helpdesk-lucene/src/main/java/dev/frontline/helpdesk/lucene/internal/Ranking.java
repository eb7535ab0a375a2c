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
    int maxTerms) {

  /** The default used by {@code LuceneKnowledgeSearch}. */
  public static final Ranking DEFAULT =
      new Ranking(1f, 1f, 1.5f, 0f, 0f, 0.25f, 0.1f, 1f, 0f, 3, 0.5f, 0.5f, 48);
}
