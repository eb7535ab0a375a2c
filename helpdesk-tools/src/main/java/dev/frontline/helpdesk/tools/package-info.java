/** Command-line tools behind {@code scripts/} (not published). */
@NullMarked
package dev.frontline.helpdesk.tools;

import org.jspecify.annotations.NullMarked;
