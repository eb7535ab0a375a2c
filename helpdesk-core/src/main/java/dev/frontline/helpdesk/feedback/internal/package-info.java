/** Implementation of {@code dev.frontline.helpdesk.feedback}: not API, not exported, may change in any release. */
@NullMarked
package dev.frontline.helpdesk.feedback.internal;

import org.jspecify.annotations.NullMarked;
