package dev.frontline.helpdesk.jackson;

import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.ticket.AttachmentId;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryId;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TicketEvent} as the ticket's customer may see it: the customer-facing projection that
 * customer webhook deliveries carry ({@link WebhookPayloads#customerVisible(List)}, {@link
 * WebhookPayloads#deliverToCustomer}). It mirrors what the ticket service shows a customer (their
 * ticket's key, subject and state, and its public conversation including the public replies merged
 * in from other tickets) and nothing else.
 *
 * <p>The projection is an allow-list. It keeps:
 *
 * <ul>
 *   <li>creation, with key, subject, requester and channel only: no organization, priority, type,
 *       tags, custom fields (Frontline has no customer-visible custom fields), tier, team or
 *       assignee;
 *   <li>state changes;
 *   <li>public replies, without the blob-store keys of their attachments;
 *   <li>a merge into another ticket, without naming that ticket (it may be one the customer may not
 *       see);
 *   <li>the public replies copied in by a merge, without naming the source ticket and without its
 *       internal notes and system entries.
 * </ul>
 *
 * <p>Every other change (internal notes, system entries, subject, priority, type, tag, field,
 * assignment and tier changes, links, SLA deadlines, escalation steps, custom changes) has no
 * customer shape and is dropped, as is any kind of change added to the core later. Authors are
 * reduced to their {@link Actor kind}; only a customer author keeps their customer id, so no agent
 * or automation identity reaches a customer. The event's ticket id and version are kept so that
 * receivers can order and de-duplicate; versions are not contiguous because dropped events leave
 * gaps.
 *
 * @param ticketId the ticket
 * @param version the ticket version the original event produced
 * @param actor who made the change, as a customer may see them
 * @param at when
 * @param change what changed, as a customer may see it
 */
public record CustomerEvent(TicketId ticketId, long version, Actor actor, Instant at, Change change) {

  /** Rejects nulls and versions below 1. */
  public CustomerEvent {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(change, "change");
    if (version < 1) {
      throw new ValidationException("event version must be at least 1");
    }
  }

  /**
   * Projects one event for the ticket's customer.
   *
   * @param event an event of the full audit trail
   * @return its customer-facing projection, or empty if a customer may see nothing of it
   */
  public static Optional<CustomerEvent> of(TicketEvent event) {
    Objects.requireNonNull(event, "event");
    Change change = project(event.change());
    return change == null
        ? Optional.empty()
        : Optional.of(new CustomerEvent(event.ticketId(), event.version(), Actor.of(event.actor()), event.at(), change));
  }

  /**
   * Projects events for the ticket's customer, in order, dropping those a customer may see nothing
   * of.
   *
   * @param events events of the full audit trail
   * @return their customer-facing projections
   */
  public static List<CustomerEvent> of(List<TicketEvent> events) {
    Objects.requireNonNull(events, "events");
    List<CustomerEvent> out = new ArrayList<>();
    for (TicketEvent e : events) {
      of(e).ifPresent(out::add);
    }
    return List.copyOf(out);
  }

  private static @Nullable Change project(TicketChange c) {
    if (c instanceof TicketChange.Created x) {
      return new Created(x.key(), x.subject(), x.requester(), x.channel());
    } else if (c instanceof TicketChange.StateChanged x) {
      return new StateChanged(x.from(), x.to());
    } else if (c instanceof TicketChange.EntryAdded x) {
      return x.entry().kind().isPublic() ? new EntryAdded(Reply.of(x.entry())) : null;
    } else if (c instanceof TicketChange.MergedInto x) {
      return new MergedInto(x.from());
    } else if (c instanceof TicketChange.MergeReceived x) {
      List<Reply> replies = new ArrayList<>();
      for (Entry e : x.entries()) {
        if (e.kind().isPublic()) {
          replies.add(Reply.of(e));
        }
      }
      return replies.isEmpty() ? null : new MergeReceived(replies);
    }
    return null;
  }

  /**
   * Who made a change or wrote a reply, as a customer may see them: the kind of author, and the
   * customer's id only when a customer was the author. Agents and automation are never identified.
   *
   * @param kind agent, customer or system
   * @param customer the customer who was the author; null unless {@code kind} is {@link
   *     Author.Kind#CUSTOMER} (and null then too if the recorded author is not a customer id)
   */
  public record Actor(Author.Kind kind, @Nullable CustomerId customer) {
    /** Rejects a null kind and a customer id on a non-customer author. */
    public Actor {
      Objects.requireNonNull(kind, "kind");
      if (customer != null && kind != Author.Kind.CUSTOMER) {
        throw new ValidationException("only a customer author carries a customer id");
      }
    }

    /** @return an agent, not identified */
    public static Actor agent() {
      return new Actor(Author.Kind.AGENT, null);
    }

    /** @return automation or Frontline itself, not identified */
    public static Actor system() {
      return new Actor(Author.Kind.SYSTEM, null);
    }

    /**
     * @param customer the customer
     * @return that customer as an author
     */
    public static Actor customer(CustomerId customer) {
      return new Actor(Author.Kind.CUSTOMER, Objects.requireNonNull(customer, "customer"));
    }

    /**
     * @param author an author of the audit trail (its id is {@code customer:<id>} for customers)
     * @return it as a customer may see it
     */
    public static Actor of(Author author) {
      Objects.requireNonNull(author, "author");
      return switch (author.kind()) {
        case AGENT -> agent();
        case SYSTEM -> system();
        case CUSTOMER -> new Actor(Author.Kind.CUSTOMER, customerId(author.id()));
      };
    }

    private static @Nullable CustomerId customerId(String authorId) {
      String prefix = "customer:";
      if (!authorId.startsWith(prefix)) {
        return null;
      }
      try {
        return CustomerId.of(authorId.substring(prefix.length()));
      } catch (ValidationException e) {
        return null;
      }
    }
  }

  /**
   * A public reply of the conversation, as a customer may see it.
   *
   * @param id the entry id
   * @param author who wrote it
   * @param channel where it came in
   * @param body the text
   * @param at when it was written
   * @param attachments the attached files
   */
  public record Reply(EntryId id, Actor author, Channel channel, String body, Instant at, List<Attachment> attachments) {
    /** Rejects nulls and copies the attachments. */
    public Reply {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(author, "author");
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(at, "at");
      attachments = List.copyOf(attachments);
    }

    /**
     * @param entry a public entry
     * @return it as a customer may see it
     * @throws ValidationException if the entry is not public
     */
    public static Reply of(Entry entry) {
      Objects.requireNonNull(entry, "entry");
      if (!entry.kind().isPublic()) {
        throw new ValidationException("only public entries are shown to customers");
      }
      return new Reply(
          entry.id(),
          Actor.of(entry.author()),
          entry.channel(),
          entry.body(),
          entry.at(),
          entry.attachments().stream().map(Attachment::of).toList());
    }
  }

  /**
   * A file attached to a public reply, as a customer may see it: without its blob-store key. The
   * customer reads the content through the ticket service by ticket and attachment id.
   *
   * @param id the attachment id
   * @param fileName the file name as sent
   * @param contentType the declared media type (the sender's claim; not to be trusted for inline
   *     rendering)
   * @param size size in bytes
   */
  public record Attachment(AttachmentId id, String fileName, String contentType, long size) {
    /** Rejects nulls and negative sizes. */
    public Attachment {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(fileName, "fileName");
      Objects.requireNonNull(contentType, "contentType");
      if (size < 0) {
        throw new ValidationException("attachment size must not be negative");
      }
    }

    /**
     * @param attachment attachment metadata of an entry
     * @return it as a customer may see it
     */
    public static Attachment of(dev.frontline.helpdesk.ticket.Attachment attachment) {
      Objects.requireNonNull(attachment, "attachment");
      return new Attachment(attachment.id(), attachment.fileName(), attachment.contentType(), attachment.size());
    }
  }

  /** What changed, as a customer may see it; one record type per customer-visible kind of change. */
  public sealed interface Change permits Created, StateChanged, EntryAdded, MergedInto, MergeReceived {}

  /**
   * The ticket was opened.
   *
   * @param key the human key
   * @param subject the subject
   * @param requester the customer who asked
   * @param channel where it came in
   */
  public record Created(TicketKey key, String subject, CustomerId requester, Channel channel) implements Change {
    /** Rejects nulls. */
    public Created {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(requester, "requester");
      Objects.requireNonNull(channel, "channel");
    }
  }

  /**
   * The state changed.
   *
   * @param from before
   * @param to after
   */
  public record StateChanged(TicketState from, TicketState to) implements Change {
    /** Rejects nulls. */
    public StateChanged {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /**
   * A public reply was added.
   *
   * @param reply the reply
   */
  public record EntryAdded(Reply reply) implements Change {
    /** Rejects null. */
    public EntryAdded {
      Objects.requireNonNull(reply, "reply");
    }
  }

  /**
   * The ticket was merged into another one (which is not named: the customer may not see it); its
   * state became {@link TicketState#MERGED}, and later replies to it land in the other ticket.
   *
   * @param from the state before the merge
   */
  public record MergedInto(TicketState from) implements Change {
    /** Rejects null. */
    public MergedInto {
      Objects.requireNonNull(from, "from");
    }
  }

  /**
   * Public replies of another ticket were copied into this one by a merge (the other ticket is not
   * named; its internal notes and system entries are left out).
   *
   * @param replies the copied public replies, at least one, in their original order and with their
   *     original times (so a receiver that builds the conversation orders replies by {@link
   *     Reply#at()}, as the ticket service does)
   */
  public record MergeReceived(List<Reply> replies) implements Change {
    /** Copies the replies and rejects an empty list. */
    public MergeReceived {
      replies = List.copyOf(replies);
      if (replies.isEmpty()) {
        throw new ValidationException("a merge shown to a customer carries at least one public reply");
      }
    }
  }
}
