/** Implementation of {@code dev.frontline.helpdesk.knowledge}: not API, not exported, may change in any release. */
@NullMarked
package dev.frontline.helpdesk.knowledge.internal;

import org.jspecify.annotations.NullMarked;
