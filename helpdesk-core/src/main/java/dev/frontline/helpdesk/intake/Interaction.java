package dev.frontline.helpdesk.intake;

import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.TicketId;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A recorded live contact (phone call, chat, walk-in). Immutable.
 *
 * @param id random identifier
 * @param channel {@link Channel#PHONE}, {@link Channel#CHAT}, {@link Channel#IN_PERSON} or {@link
 *     Channel#SOCIAL}
 * @param customer who contacted us
 * @param agent who handled it, if an agent did
 * @param startedAt start of the contact
 * @param endedAt end of the contact (not before the start)
 * @param identity the result of the caller identity check
 * @param disposition how it ended
 * @param recording how it was written into a ticket
 * @param ticket the ticket it opened or was attached to, if any
 * @param summary what was said (untrusted text)
 * @param recordedBy the principal's text form that recorded it
 */
public record Interaction(
    InteractionId id,
    Channel channel,
    CustomerId customer,
    @Nullable AgentId agent,
    Instant startedAt,
    Instant endedAt,
    IdentityCheck identity,
    Disposition disposition,
    Recording recording,
    @Nullable TicketId ticket,
    String summary,
    String recordedBy) {

  /** Validates. */
  public Interaction {
    Checks.notNull(id, "interaction id");
    NewInteraction.requireLiveChannel(channel);
    Checks.notNull(customer, "customer");
    Checks.notNull(startedAt, "start");
    Checks.notNull(endedAt, "end");
    Checks.require(!endedAt.isBefore(startedAt), "an interaction cannot end before it starts");
    Checks.notNull(identity, "identity check");
    Checks.notNull(disposition, "disposition");
    Checks.notNull(recording, "recording");
    Checks.text(summary, "summary", NewInteraction.MAX_SUMMARY);
    Checks.line(recordedBy, "recorded by", 100);
  }

  /** @return how long the contact lasted */
  public Duration duration() {
    return Duration.between(startedAt, endedAt);
  }
}
