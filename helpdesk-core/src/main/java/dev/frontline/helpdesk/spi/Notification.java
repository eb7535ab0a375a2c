package dev.frontline.helpdesk.spi;

import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import java.time.Instant;

/**
 * A message about a ticket that escalation rules, triggers, automations or macros ask to deliver.
 * Frontline does not deliver it itself: a {@link NotificationSink} hands it to e-mail, chat or
 * paging. The subject is a single line; placeholder values in subject and body are plain text.
 * Immutable and thread-safe.
 *
 * @param ticketId the ticket concerned
 * @param ticketKey its human key
 * @param recipient who should get it: {@code customer:<id>}, {@code agent:<id>}, {@code team:<id>},
 *     or, for escalation rules, the recipient configured in the rule (an address, a team or role
 *     name; its meaning is up to the sink)
 * @param subject single-line subject
 * @param body plain-text body
 * @param source what sent it, e.g. {@code trigger:vip-alert} or {@code escalation:<rule>/<step>}
 * @param at when it was sent
 */
public record Notification(
    TicketId ticketId, TicketKey ticketKey, String recipient, String subject, String body, String source, Instant at) {
  /** Validates the fields. */
  public Notification {
    Checks.notNull(ticketId, "ticket id");
    Checks.notNull(ticketKey, "ticket key");
    Checks.line(recipient, "recipient", 200);
    Checks.line(subject, "subject", 500);
    Checks.text(body, "body", 100_000);
    Checks.line(source, "source", 600);
    Checks.notNull(at, "at");
  }
}
