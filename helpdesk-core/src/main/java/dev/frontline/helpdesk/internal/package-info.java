/**
 * Implementation details. Not API: may change in any release without notice.
 */
@NullMarked
package dev.frontline.helpdesk.internal;

import org.jspecify.annotations.NullMarked;
