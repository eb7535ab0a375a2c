/** Implementation of {@code dev.frontline.helpdesk.metrics}: not API, not exported, may change in any release. */
@NullMarked
package dev.frontline.helpdesk.metrics.internal;

import org.jspecify.annotations.NullMarked;
