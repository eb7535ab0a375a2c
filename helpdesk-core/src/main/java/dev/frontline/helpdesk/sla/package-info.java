/**
 * Service level agreements. {@link dev.frontline.helpdesk.sla.BusinessCalendar} says when support is
 * working and does the arithmetic of working time (due dates, elapsed working time) across time
 * zones, daylight saving time and holidays. {@link dev.frontline.helpdesk.sla.SlaPolicy} names the
 * tickets it applies to and a {@link dev.frontline.helpdesk.sla.SlaTarget} per
 * {@link dev.frontline.helpdesk.sla.SlaMetric}; {@link dev.frontline.helpdesk.sla.SlaClock} is the
 * pure function from a policy, a ticket's {@link dev.frontline.helpdesk.sla.SlaTimeline} and an
 * instant to each metric's status and the ticket's next deadline, which escalation indexes.
 */
@NullMarked
package dev.frontline.helpdesk.sla;

import org.jspecify.annotations.NullMarked;
