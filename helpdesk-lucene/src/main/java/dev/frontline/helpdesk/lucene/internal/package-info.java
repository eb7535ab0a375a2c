/** Implementation details of the Lucene search: analysis, field layout, ranking. Not API. */
@NullMarked
package dev.frontline.helpdesk.lucene.internal;

import org.jspecify.annotations.NullMarked;
