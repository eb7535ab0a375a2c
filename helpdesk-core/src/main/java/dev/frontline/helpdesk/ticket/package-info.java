/**
 * Tickets: values, lifecycle states and transitions, conversation entries, typed audit events and the ticket service.
 */
@NullMarked
package dev.frontline.helpdesk.ticket;

import org.jspecify.annotations.NullMarked;
