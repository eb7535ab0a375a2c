/** Implementation of {@code dev.frontline.helpdesk.intake}: not API, not exported, may change in any release. */
@NullMarked
package dev.frontline.helpdesk.intake.internal;

import org.jspecify.annotations.NullMarked;
