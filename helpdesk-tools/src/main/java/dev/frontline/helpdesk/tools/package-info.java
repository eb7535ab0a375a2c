/**
 * Command-line tools behind the repository's {@code scripts/}; not published, not API.
 */
@NullMarked
package dev.frontline.helpdesk.tools;

import org.jspecify.annotations.NullMarked;
