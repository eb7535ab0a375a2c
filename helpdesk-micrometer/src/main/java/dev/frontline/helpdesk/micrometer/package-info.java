/**
 * Micrometer meters for a helpdesk: {@link dev.frontline.helpdesk.micrometer.FrontlineMetrics}
 * counts ticket lifecycle events, escalations and SLA breaches through a ticket listener and times
 * knowledge searches through a {@code KnowledgeSearch} decorator.
 */
@NullMarked
package dev.frontline.helpdesk.micrometer;

import org.jspecify.annotations.NullMarked;
