/**
 * Micrometer meters for e-mail intake ({@code helpdesk-email}, an optional dependency of this
 * module): {@link dev.frontline.helpdesk.micrometer.email.EmailIntakeMetrics}.
 */
@NullMarked
package dev.frontline.helpdesk.micrometer.email;

import org.jspecify.annotations.NullMarked;
