/**
 * Optional analysis pack for Japanese, Korean and Chinese: {@link
 * dev.frontline.helpdesk.lucene.cjk.CjkAnalysisPack}.
 */
@NullMarked
package dev.frontline.helpdesk.lucene.cjk;

import org.jspecify.annotations.NullMarked;
