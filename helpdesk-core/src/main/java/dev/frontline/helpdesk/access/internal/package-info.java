/** Implementation of {@code dev.frontline.helpdesk.access}: not API, not exported, may change in any release. */
@NullMarked
package dev.frontline.helpdesk.access.internal;

import org.jspecify.annotations.NullMarked;
