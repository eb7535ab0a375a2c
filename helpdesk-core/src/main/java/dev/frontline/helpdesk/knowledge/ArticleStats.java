package dev.frontline.helpdesk.knowledge;

/**
 * Usage counts of one article. Immutable and thread-safe.
 *
 * @param views how often it was read through the service
 * @param helpful "was this helpful?" yes votes
 * @param notHelpful no votes
 */
public record ArticleStats(long views, long helpful, long notHelpful) {}
