package dev.frontline.helpdesk.spi;

import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import java.time.Instant;

/**
 * A message an escalation rule asks to deliver, for example to a tier-1 lead when a first response
 * is about to breach. Frontline does not deliver it itself: a {@link NotificationSink} hands it to
 * e-mail, chat or paging. Immutable and thread-safe.
 *
 * @param ticketId the ticket concerned
 * @param ticketKey its human key
 * @param recipient who should get it, as configured in the rule (an address, a team or role name;
 *     meaning is up to the sink)
 * @param message the text configured in the rule
 * @param rule the escalation rule that fired
 * @param step the step key recorded in {@link dev.frontline.helpdesk.ticket.TicketChange.EscalationStepFired}
 * @param at when the step fired
 */
public record Notification(
    TicketId ticketId, TicketKey ticketKey, String recipient, String message, String rule, String step, Instant at) {
  /** Validates the fields. */
  public Notification {
    Checks.notNull(ticketId, "ticket id");
    Checks.notNull(ticketKey, "ticket key");
    Checks.line(recipient, "recipient", 200);
    Checks.text(message, "message", 4000);
    Checks.line(rule, "rule", 200);
    Checks.line(step, "step", 400);
    Checks.notNull(at, "at");
  }
}
