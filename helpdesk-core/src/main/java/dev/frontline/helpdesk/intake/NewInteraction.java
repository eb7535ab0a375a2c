package dev.frontline.helpdesk.intake;

import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.TicketId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A command to record a live contact. The handling agent is the acting principal. Immutable.
 *
 * @param channel phone, chat, in person or social
 * @param customer who contacted us
 * @param startedAt start
 * @param endedAt end (not before the start)
 * @param identity identity check result
 * @param disposition how it ended
 * @param recording how to write it into a ticket
 * @param ticket the existing ticket for {@link Recording#PUBLIC_ENTRY} and {@link
 *     Recording#INTERNAL_NOTE}; must be null otherwise
 * @param subject the new ticket's subject for {@link Recording#NEW_TICKET}; null otherwise
 * @param summary what was said
 */
public record NewInteraction(
    Channel channel,
    CustomerId customer,
    Instant startedAt,
    Instant endedAt,
    IdentityCheck identity,
    Disposition disposition,
    Recording recording,
    @Nullable TicketId ticket,
    @Nullable String subject,
    String summary) {

  /** Longest summary, in characters. */
  public static final int MAX_SUMMARY = 20_000;

  /** Validates the combination of fields. */
  public NewInteraction {
    requireLiveChannel(channel);
    Checks.notNull(customer, "customer");
    Checks.notNull(startedAt, "start");
    Checks.notNull(endedAt, "end");
    Checks.require(!endedAt.isBefore(startedAt), "an interaction cannot end before it starts");
    Checks.notNull(identity, "identity check");
    Checks.notNull(disposition, "disposition");
    Checks.notNull(recording, "recording");
    Checks.text(summary, "summary", MAX_SUMMARY);
    switch (recording) {
      case NEW_TICKET -> {
        Checks.require(ticket == null, "a new ticket is created; do not pass one");
        Checks.line(subject, "subject", dev.frontline.helpdesk.ticket.Ticket.MAX_SUBJECT);
      }
      case PUBLIC_ENTRY, INTERNAL_NOTE -> {
        Checks.notNull(ticket, "ticket");
        Checks.require(subject == null, "the subject is only for new tickets");
      }
      case NONE -> {
        Checks.require(ticket == null && subject == null, "nothing is written to a ticket");
        Checks.require(disposition == Disposition.ABANDONED || disposition == Disposition.VOICEMAIL,
            "only abandoned contacts and voicemails may be recorded without a ticket");
      }
    }
    if (disposition == Disposition.RESOLVED) {
      Checks.require(recording == Recording.NEW_TICKET, "a resolved contact opens a ticket that is solved at once");
    }
  }

  /**
   * Records the contact in a new ticket.
   *
   * @param channel channel
   * @param customer customer
   * @param startedAt start
   * @param endedAt end
   * @param identity identity check
   * @param disposition disposition
   * @param subject the ticket subject
   * @param summary the summary
   * @return the command
   */
  public static NewInteraction newTicket(Channel channel, CustomerId customer, Instant startedAt, Instant endedAt,
      IdentityCheck identity, Disposition disposition, String subject, String summary) {
    return new NewInteraction(channel, customer, startedAt, endedAt, identity, disposition, Recording.NEW_TICKET, null, subject, summary);
  }

  /**
   * Attaches the contact to an existing ticket.
   *
   * @param channel channel
   * @param customer customer
   * @param startedAt start
   * @param endedAt end
   * @param identity identity check
   * @param disposition disposition
   * @param ticket the ticket
   * @param publicEntry true for a public entry, false for an internal note
   * @param summary the summary
   * @return the command
   */
  public static NewInteraction attach(Channel channel, CustomerId customer, Instant startedAt, Instant endedAt,
      IdentityCheck identity, Disposition disposition, TicketId ticket, boolean publicEntry, String summary) {
    return new NewInteraction(channel, customer, startedAt, endedAt, identity, disposition,
        publicEntry ? Recording.PUBLIC_ENTRY : Recording.INTERNAL_NOTE, ticket, null, summary);
  }

  static void requireLiveChannel(@Nullable Channel channel) {
    Checks.notNull(channel, "channel");
    Checks.require(channel == Channel.PHONE || channel == Channel.CHAT || channel == Channel.IN_PERSON || channel == Channel.SOCIAL,
        "interactions are phone, chat, in-person or social contacts; e-mail has its own intake");
  }
}
