/**
 * Implementation details of the Lucene search: analysis, field layout, query building, ranking,
 * snippets and the index life cycle. Not API.
 */
@NullMarked
package dev.frontline.helpdesk.lucene.internal;

import org.jspecify.annotations.NullMarked;
