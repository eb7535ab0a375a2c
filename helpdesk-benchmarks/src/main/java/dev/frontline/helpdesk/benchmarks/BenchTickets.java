package dev.frontline.helpdesk.benchmarks;

import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryId;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketHistory;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Prepared tickets (snapshot plus events) for the store benchmarks. */
final class BenchTickets {
  static final Author CUSTOMER = new Author(Author.Kind.CUSTOMER, "customer:carol");

  private BenchTickets() {}

  /** A snapshot with its events. */
  record Prepared(Ticket ticket, List<TicketEvent> events) {}

  /**
   * A ticket created by a customer with a first message: event 1 Created, event 2 the message,
   * and, if {@code deadline} is set, event 3 DeadlineChanged.
   */
  static Prepared prepared(String id, long keyNumber, String subject, CustomerId requester, @Nullable TeamId team,
      Priority priority, SortedSet<String> tags, Instant created, String entryId, String text, @Nullable Instant deadline) {
    TicketId tid = new TicketId(id);
    List<TicketEvent> events = new ArrayList<>(3);
    events.add(new TicketEvent(tid, 1, CUSTOMER, created, new TicketChange.Created(
        new TicketKey("HD", keyNumber), subject, requester, null, Channel.WEB, priority, TicketType.QUESTION,
        tags, new TreeMap<>(), 1, team, null)));
    events.add(new TicketEvent(tid, 2, CUSTOMER, created, new TicketChange.EntryAdded(
        new Entry(new EntryId(entryId), EntryKind.PUBLIC_REPLY, CUSTOMER, Channel.WEB, text, created, List.of()))));
    if (deadline != null) {
      events.add(new TicketEvent(tid, 3, CUSTOMER, created, new TicketChange.DeadlineChanged(null, deadline, "prepared")));
    }
    Ticket t = null;
    for (TicketEvent e : events) {
      t = TicketHistory.apply(t, e);
    }
    return new Prepared(t, List.copyOf(events));
  }
}
