package dev.frontline.helpdesk.email;

import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What {@link EmailIntake#receive} did with one message. Immutable.
 *
 * @param status created, appended, duplicate or quarantined
 * @param ticket the ticket the message is in (for duplicates: the ticket of the first copy); null
 *     when quarantined
 * @param ticketKey that ticket's key, or null
 * @param threadedBy how the ticket was found
 * @param messageId the message's id without angle brackets (a {@code sha256-...@intake.invalid}
 *     id derived from the bytes if it had none or an unusable one); null when quarantined before it
 *     was read (limits, malformed, no usable sender)
 * @param customer the sender as a customer (found or created), or null
 * @param flags what was noticed, see {@link Flag}
 * @param quarantineBlobKey for quarantined messages: the blob store key of the raw bytes kept
 * @param notes human-readable details (why quarantined, what was ignored)
 */
public record IntakeResult(
    Status status,
    @Nullable TicketId ticket,
    @Nullable TicketKey ticketKey,
    ThreadedBy threadedBy,
    @Nullable String messageId,
    @Nullable CustomerId customer,
    Set<Flag> flags,
    @Nullable String quarantineBlobKey,
    List<String> notes) {

  /** The outcome. */
  public enum Status {
    /** A new ticket was opened with the message. */
    CREATED,
    /** The message was added as a reply to an existing ticket (or its follow-up). */
    APPENDED,
    /** A message with the same Message-ID was received before; nothing was added. */
    DUPLICATE,
    /**
     * The message was not added to any ticket (over a limit, unreadable, no sender, a mail loop, a
     * bounce, or over the sender rate limit); its raw bytes are kept in the blob store.
     */
    QUARANTINED
  }

  /** How the ticket was found. */
  public enum ThreadedBy {
    /** A verified Frontline Message-ID in In-Reply-To or References. */
    OWN_MESSAGE_ID,
    /** In-Reply-To/References naming a message received (or referred to) before. */
    REFERENCES,
    /** A verified reply address ({@code support+token@domain}) among the recipients. */
    REPLY_ADDRESS,
    /** A subject tag such as {@code [HD-1042]} from a participant of that ticket. */
    SUBJECT_TAG,
    /** Nothing matched: a new ticket. */
    NEW_TICKET,
    /** The same Message-ID was received before. */
    DUPLICATE,
    /** Not threaded (quarantined). */
    NONE
  }

  /** Observations about a message. */
  public enum Flag {
    /**
     * Machine-generated ({@code Auto-Submitted}, {@code X-Autoreply} and similar headers, an empty
     * {@code Return-Path}, {@code multipart/report}, bounces). Never auto-respond.
     */
    AUTO_SUBMITTED,
    /**
     * A bounce: a delivery status notification ({@code multipart/report;
     * report-type=delivery-status}, {@code X-Failed-Recipients}, or from {@code MAILER-DAEMON}, or
     * machine-generated from {@code postmaster}). Quarantined.
     */
    BOUNCE,
    /** Bulk or list mail ({@code Precedence: bulk/junk/list}, {@code List-Id}). Never auto-respond. */
    BULK,
    /** A Frontline Message-ID or reply token with a bad signature was ignored. Never auto-respond. */
    FORGED_TOKEN,
    /** A subject tag from a non-participant was ignored (a new ticket was opened instead). */
    SUBJECT_TAG_IGNORED,
    /**
     * In-Reply-To, References, a signed Message-ID or a signed reply address named a ticket whose
     * participant the sender is not; it was ignored (the message joined another ticket of the
     * sender's or opened a new one), and the sender did not become a participant.
     */
    NOT_A_PARTICIPANT,
    /**
     * The message looks like our own mail coming back (a mail loop): our Message-ID or address, or
     * an {@code X-Loop} header naming our address. Quarantined.
     */
    LOOP,
    /** The sender went over the {@link SenderRateLimit}. Quarantined. */
    RATE_LIMITED,
    /** The body was taken from HTML (no text/plain part). */
    HTML_BODY,
    /** The body text was cut to the maximum entry length (the original is attached in full). */
    BODY_TRUNCATED,
    /** Quoted text or a signature was removed from the body. */
    QUOTES_STRIPPED
  }

  /** Validates and copies. */
  public IntakeResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(threadedBy, "threadedBy");
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    notes = List.copyOf(notes);
  }

  /**
   * Whether an automatic response (acknowledgement, notification to the sender) may be sent for
   * this message: only for stored messages that are not auto-submitted, bulk, forged or looping.
   *
   * @return true if auto-responding is safe
   */
  public boolean mayAutoRespond() {
    return (status == Status.CREATED || status == Status.APPENDED)
        && !flags.contains(Flag.AUTO_SUBMITTED)
        && !flags.contains(Flag.BULK)
        && !flags.contains(Flag.FORGED_TOKEN)
        && !flags.contains(Flag.LOOP)
        && !flags.contains(Flag.BOUNCE)
        && !flags.contains(Flag.RATE_LIMITED);
  }

  /**
   * @param flag a flag
   * @return whether it is set
   */
  public boolean has(Flag flag) {
    return flags.contains(flag);
  }
}
