package dev.frontline.helpdesk.testkit;

import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryId;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.FieldValue;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketHistory;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Builds tickets and events directly (below the service layer) for store contract tests. Not
 * thread-safe.
 */
public final class TicketFixtures {
  private final AtomicLong seq = new AtomicLong();
  private final Author actor = new Author(Author.Kind.SYSTEM, "system:test");

  /** Creates fixtures. */
  public TicketFixtures() {}

  /** A ticket with its events, ready to store. */
  public static final class Draft {
    private Ticket ticket;
    private final List<TicketEvent> events = new ArrayList<>();
    private final long baseVersion;

    Draft(Ticket ticket, List<TicketEvent> events, long baseVersion) {
      this.ticket = ticket;
      this.events.addAll(events);
      this.baseVersion = baseVersion;
    }

    /** @return the snapshot */
    public Ticket ticket() {
      return ticket;
    }

    /** @return the events */
    public List<TicketEvent> events() {
      return List.copyOf(events);
    }

    /** @return the version the draft was built on (0 for new tickets) */
    public long baseVersion() {
      return baseVersion;
    }

    /**
     * Appends a change.
     *
     * @param change the change
     * @param at its time
     * @return this
     */
    public Draft then(TicketChange change, Instant at) {
      TicketEvent e = new TicketEvent(ticket.id(), ticket.version() + 1, events.isEmpty() ? new Author(Author.Kind.SYSTEM, "system:test") : events.get(0).actor(), at, change);
      ticket = TicketHistory.apply(ticket, e);
      events.add(e);
      return this;
    }
  }

  /**
   * A new ticket with typical values.
   *
   * @param at creation time
   * @return the draft
   */
  public Draft newTicket(Instant at) {
    return newTicket(at, Priority.NORMAL, null, 1, null, CustomerId.of("cust-1"), null, "tag-a");
  }

  /**
   * A new ticket.
   *
   * @param at creation time
   * @param priority priority
   * @param team team
   * @param tier tier
   * @param assignee assignee
   * @param requester requester
   * @param org organization
   * @param tags tags
   * @return the draft
   */
  public Draft newTicket(
      Instant at,
      Priority priority,
      @Nullable TeamId team,
      int tier,
      @Nullable AgentId assignee,
      CustomerId requester,
      @Nullable OrganizationId org,
      String... tags) {
    long n = seq.incrementAndGet();
    TicketId id = TicketId.of("t" + n + "-" + Long.toHexString(Double.doubleToLongBits(Math.random())));
    TreeMap<String, FieldValue> fields = new TreeMap<>();
    fields.put("order_no", FieldValue.text("A-" + n));
    fields.put("amount", FieldValue.number(new BigDecimal("12.50")));
    fields.put("vip", FieldValue.bool(n % 2 == 0));
    fields.put("due", FieldValue.date(LocalDate.of(2026, 12, 24)));
    TicketChange.Created c =
        new TicketChange.Created(
            new TicketKey("TCK", n), "Subject " + n + " — ünïcødé ✓", requester, org, Channel.EMAIL, priority,
            TicketType.INCIDENT, new TreeSet<>(List.of(tags)), fields, tier, team, assignee);
    TicketEvent e = new TicketEvent(id, 1, actor, at, c);
    Draft d = new Draft(TicketHistory.apply(null, e), List.of(e), 0);
    d.then(new TicketChange.EntryAdded(entry(at, EntryKind.PUBLIC_REPLY, "Hello, it is broken.\nLine two.")), at);
    return d;
  }

  /**
   * A draft of changes on top of a stored ticket.
   *
   * @param current the stored snapshot
   * @return the draft
   */
  public Draft change(Ticket current) {
    return new Draft(current, List.of(), current.version());
  }

  /**
   * @param at time
   * @param kind kind
   * @param body text
   * @return an entry
   */
  public Entry entry(Instant at, EntryKind kind, String body) {
    return new Entry(EntryId.of("e" + seq.incrementAndGet()), kind, new Author(Author.Kind.CUSTOMER, "customer:cust-1"), Channel.EMAIL, body, at, List.of());
  }

  /** @return unused helper to keep the map import honest */
  static Map<String, String> none() {
    return Map.of();
  }
}
