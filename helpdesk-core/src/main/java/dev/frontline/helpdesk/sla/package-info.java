/**
 * Service level agreements: business calendars ({@link dev.frontline.helpdesk.sla.BusinessCalendar})
 * that say when support is working, and the arithmetic of working time on them (due dates, elapsed
 * working time) that SLA targets and escalation build on.
 */
@NullMarked
package dev.frontline.helpdesk.sla;

import org.jspecify.annotations.NullMarked;
