/**
 * The knowledge base: articles and their revisions, visibility, the resolved search audience,
 * search queries and results, and the {@link dev.frontline.helpdesk.knowledge.KnowledgeService}
 * that checks the principal before every read and write.
 */
@NullMarked
package dev.frontline.helpdesk.knowledge;

import org.jspecify.annotations.NullMarked;
