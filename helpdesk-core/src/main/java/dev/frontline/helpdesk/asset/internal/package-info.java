/** Implementation of {@code dev.frontline.helpdesk.asset}: not API, not exported, may change in any release. */
@NullMarked
package dev.frontline.helpdesk.asset.internal;

import org.jspecify.annotations.NullMarked;
