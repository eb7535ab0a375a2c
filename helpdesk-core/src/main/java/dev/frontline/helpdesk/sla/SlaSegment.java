package dev.frontline.helpdesk.sla;

import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Duration;
import java.time.Instant;

/**
 * One stretch of a metric's cycle in a ticket state, as the clock saw it: counted towards the target
 * or paused. Part of the clock's explanation. Immutable and thread-safe.
 *
 * @param from the start, inclusive
 * @param to the end, exclusive
 * @param state the ticket's state throughout
 * @param paused whether the clock was paused (then nothing was counted)
 * @param counted the working time counted, per the target's calendar
 */
public record SlaSegment(Instant from, Instant to, TicketState state, boolean paused, Duration counted) {
  @Override
  public String toString() {
    return from + " .. " + to + " " + state + (paused ? " paused" : " counted " + counted);
  }
}
