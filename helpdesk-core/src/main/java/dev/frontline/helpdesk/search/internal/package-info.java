/** Implementation of {@code dev.frontline.helpdesk.search}: not API, not exported, may change in any release. */
@NullMarked
package dev.frontline.helpdesk.search.internal;

import org.jspecify.annotations.NullMarked;
