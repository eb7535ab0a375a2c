/**
 * Frontline's entry point ({@code dev.frontline.helpdesk.Helpdesk}, to come) and its exception hierarchy, rooted at {@link dev.frontline.helpdesk.HelpdeskException}.
 */
@NullMarked
package dev.frontline.helpdesk;

import org.jspecify.annotations.NullMarked;
