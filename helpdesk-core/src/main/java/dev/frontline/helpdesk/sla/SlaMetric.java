package dev.frontline.helpdesk.sla;

import dev.frontline.helpdesk.ticket.TicketState;
import java.util.EnumSet;
import java.util.Set;

/** What an SLA target measures. Each metric runs in cycles that start and stop on ticket events. */
public enum SlaMetric {
  /** From creation to the first public agent reply. */
  FIRST_RESPONSE,
  /**
   * After the first agent reply: from a customer message that is not yet answered to the next public
   * agent reply. A new cycle starts with the next unanswered customer message.
   */
  NEXT_RESPONSE,
  /** From each public agent reply to the next one, while the ticket is unsolved. */
  PERIODIC_UPDATE,
  /**
   * From creation until the ticket is solved. Solved, closed or merged time does not count; if the
   * ticket is reopened, counting resumes with the time already used.
   */
  RESOLUTION;

  /**
   * @return the states in which this metric's clock pauses unless a policy says otherwise: {@code
   *     PENDING} and {@code ON_HOLD} for {@link #RESOLUTION}, none for the others (a copy)
   */
  public Set<TicketState> defaultPauses() {
    return this == RESOLUTION
        ? EnumSet.of(TicketState.PENDING, TicketState.ON_HOLD)
        : EnumSet.noneOf(TicketState.class);
  }
}
