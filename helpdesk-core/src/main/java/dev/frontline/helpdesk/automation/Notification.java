package dev.frontline.helpdesk.automation;

import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import java.time.Instant;

/**
 * A message for someone about a ticket, handed to a {@link dev.frontline.helpdesk.spi.NotificationSink}
 * to deliver (e-mail, push, chat). The subject is a single line; placeholder values in subject and
 * body are HTML-escaped plain text. Immutable.
 *
 * @param ticket the ticket
 * @param key its key
 * @param recipient the kind of recipient
 * @param recipientId the customer, agent or team id
 * @param subject single-line subject
 * @param body plain text body
 * @param source what sent it, e.g. {@code trigger:vip-alert}
 * @param at when
 */
public record Notification(
    TicketId ticket, TicketKey key, Recipient recipient, String recipientId, String subject, String body, String source, Instant at) {
  /** Validates. */
  public Notification {
    Checks.notNull(ticket, "ticket");
    Checks.notNull(key, "key");
    Checks.notNull(recipient, "recipient");
    Checks.identifier(recipientId, "recipient id");
    Checks.line(subject, "subject", 500);
    Checks.text(body, "body", 100_000);
    Checks.line(source, "source", 200);
    Checks.notNull(at, "time");
  }
}
