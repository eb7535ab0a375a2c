package dev.frontline.helpdesk.ticket;

import dev.frontline.helpdesk.directory.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a customer may see of a ticket: the projection hosts show in customer portals and e-mails,
 * so that none of them has to strip a full {@link Ticket} itself. It leaves out everything that is
 * the support organization's business: priority, type, tags, custom fields, tier, team, assignee,
 * links to other tickets, SLA deadlines and internal counters. Get it with {@link
 * TicketService#getForCustomer} and {@link TicketService#queryForCustomer}, which apply the
 * caller's rights exactly as {@code get} and {@code query} do. Immutable.
 *
 * @param id the ticket id
 * @param key the human-readable key, e.g. {@code HD-1042}
 * @param subject the subject
 * @param requester who opened it (a colleague in an organization that shares tickets may see it)
 * @param state the state
 * @param channel where it came from
 * @param createdAt when it was opened
 * @param updatedAt when it last changed
 * @param solvedAt when it was last solved, if it is
 * @param closedAt when it was closed, if it is
 * @param mergedInto the ticket it was merged into, if it was (readable by the same customer)
 */
public record CustomerTicket(
    TicketId id,
    TicketKey key,
    String subject,
    CustomerId requester,
    TicketState state,
    Channel channel,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant solvedAt,
    @Nullable Instant closedAt,
    @Nullable TicketId mergedInto) {

  /** Requires the non-null parts. */
  public CustomerTicket {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /**
   * @param t a ticket the customer may read
   * @return its customer view
   */
  public static CustomerTicket of(Ticket t) {
    Objects.requireNonNull(t, "ticket");
    return new CustomerTicket(t.id(), t.key(), t.subject(), t.requester(), t.state(), t.channel(), t.createdAt(),
        t.updatedAt(), t.solvedAt(), t.closedAt(), t.mergedInto());
  }

  /**
   * A page of customer views.
   *
   * @param items the tickets
   * @param nextCursor the cursor of the next page, or null on the last one
   */
  public record Page(List<CustomerTicket> items, @Nullable String nextCursor) {
    /** Copies. */
    public Page {
      items = List.copyOf(items);
    }

    /**
     * @param page a page of tickets
     * @return their customer views, with the same cursor
     */
    public static Page of(TicketPage page) {
      return new Page(page.items().stream().map(CustomerTicket::of).toList(), page.nextCursor());
    }
  }
}
