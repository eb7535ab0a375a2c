/**
 * Knowledge-base search on Apache Lucene: {@link dev.frontline.helpdesk.lucene.LuceneKnowledgeSearch}.
 */
@NullMarked
package dev.frontline.helpdesk.lucene;

import org.jspecify.annotations.NullMarked;
