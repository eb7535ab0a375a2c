/**
 * Knowledge-base search on an OpenSearch cluster: {@link
 * dev.frontline.helpdesk.opensearch.OpenSearchKnowledgeSearch}.
 */
@NullMarked
package dev.frontline.helpdesk.opensearch;

import org.jspecify.annotations.NullMarked;
