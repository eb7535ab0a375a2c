/**
 * Implementation details of the OpenSearch search: the connection, error translation, index
 * mappings and analysis per language. Not API.
 */
@NullMarked
package dev.frontline.helpdesk.opensearch.internal;

import org.jspecify.annotations.NullMarked;
