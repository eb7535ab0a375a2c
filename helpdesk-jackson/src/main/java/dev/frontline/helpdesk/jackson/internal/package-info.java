/**
 * Small helpers on Jackson's tree model shared by the JSON mappings. Not API: may change in any
 * release without notice.
 */
@NullMarked
package dev.frontline.helpdesk.jackson.internal;

import org.jspecify.annotations.NullMarked;
