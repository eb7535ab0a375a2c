/**
 * Optional analysis pack for Ukrainian and Polish: {@link
 * dev.frontline.helpdesk.lucene.morfologik.MorfologikAnalysisPack}.
 */
@NullMarked
package dev.frontline.helpdesk.lucene.morfologik;

import org.jspecify.annotations.NullMarked;
