/**
 * Front-line metrics: first-contact resolution, response and resolution times, escalation and reopen rates, backlog and CSAT by agent, team, tier and channel, computed by a {@link dev.frontline.helpdesk.spi.MetricsStore}.
 */
@NullMarked
package dev.frontline.helpdesk.metrics;

import org.jspecify.annotations.NullMarked;
