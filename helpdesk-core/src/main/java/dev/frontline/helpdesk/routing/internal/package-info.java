/** Implementation of {@code dev.frontline.helpdesk.routing}: not API, not exported, may change in any release. */
@NullMarked
package dev.frontline.helpdesk.routing.internal;

import org.jspecify.annotations.NullMarked;
