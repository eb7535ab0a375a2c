/**
 * Frontline's entry point ({@link dev.frontline.helpdesk.Helpdesk}) and its exception hierarchy, rooted at {@link dev.frontline.helpdesk.HelpdeskException}.
 */
@NullMarked
package dev.frontline.helpdesk;

import org.jspecify.annotations.NullMarked;
