package dev.frontline.helpdesk.knowledge;

/**
 * Usage counts of one article. Immutable and thread-safe.
 *
 * @param views how often it was read through the service
 * @param helpful "was this helpful?" yes votes (one per principal)
 * @param notHelpful no votes (one per principal)
 * @param linkedTickets how many distinct tickets it was linked to
 * @param solvedTickets how many distinct tickets it was recorded as having solved
 */
public record ArticleStats(long views, long helpful, long notHelpful, long linkedTickets, long solvedTickets) {
  /** Validates. */
  public ArticleStats {
    if (views < 0 || helpful < 0 || notHelpful < 0 || linkedTickets < 0 || solvedTickets < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
  }

  /**
   * Counts without ticket links.
   *
   * @param views views
   * @param helpful yes votes
   * @param notHelpful no votes
   */
  public ArticleStats(long views, long helpful, long notHelpful) {
    this(views, helpful, notHelpful, 0, 0);
  }

  /** @return all zero */
  public static ArticleStats empty() {
    return new ArticleStats(0, 0, 0, 0, 0);
  }
}
