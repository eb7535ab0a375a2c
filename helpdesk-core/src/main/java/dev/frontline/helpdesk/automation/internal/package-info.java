/** Implementation of {@code dev.frontline.helpdesk.automation}: not API, not exported, may change in any release. */
@NullMarked
package dev.frontline.helpdesk.automation.internal;

import org.jspecify.annotations.NullMarked;
