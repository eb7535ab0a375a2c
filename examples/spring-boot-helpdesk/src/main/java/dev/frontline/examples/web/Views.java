package dev.frontline.examples.web;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.CustomerTicket;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns Frontline's values into what the templates show. Every string here is untrusted text (the
 * subject, bodies, even agent and team names) and is rendered with {@code th:text}, which escapes.
 */
@Component
public class Views {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private final Helpdesk helpdesk;

  /** @param helpdesk the helpdesk (for names and the clock) */
  public Views(Helpdesk helpdesk) {
    this.helpdesk = helpdesk;
  }

  /**
   * A ticket as a list row or page header.
   *
   * @param id the ticket id (for links)
   * @param key the human key
   * @param subject the subject
   * @param state the state
   * @param priority the priority
   * @param tier the support tier
   * @param team the team's name, or "—"
   * @param assignee the assignee's name, or "unassigned"
   * @param requester the requester's name
   * @param created when it was opened
   * @param updated when it last changed
   * @param sla the SLA countdown text
   * @param overdue whether the next deadline has passed
   * @param version the version the page was rendered from (sent back by state-changing forms)
   */
  public record TicketView(String id, String key, String subject, String state, String priority, int tier, String team,
      String assignee, String requester, String created, String updated, String sla, boolean overdue, long version) {}

  /**
   * A ticket as a customer sees it in the portal, from {@link CustomerTicket} (no priority, tier,
   * team, assignee, tags or fields).
   *
   * @param id the ticket id
   * @param key the key, e.g. HD-1042
   * @param subject the subject
   * @param state the state
   * @param created when it was opened
   * @param updated when it last changed
   */
  public record PortalTicketView(String id, String key, String subject, String state, String created, String updated) {}

  /**
   * An entry of the conversation.
   *
   * @param kind "reply", "internal note" or "system"
   * @param internal whether customers never see it
   * @param author who wrote it
   * @param body the text
   * @param at when
   */
  public record EntryView(String kind, boolean internal, String author, String body, String at) {}

  /**
   * @param t a ticket
   * @return its view
   */
  public TicketView ticket(Ticket t) {
    Instant now = helpdesk.clock().instant();
    return new TicketView(t.id().value(), t.key().toString(), t.subject(), t.state().name(), t.priority().name(), t.tier(),
        t.team() == null ? "—" : helpdesk.directory().findTeam(t.team()).map(Team::name).orElse(t.team().value()),
        t.assignee() == null ? "unassigned" : agentName(t.assignee()),
        customerName(t.requester()), TIME.format(t.createdAt()), TIME.format(t.updatedAt()),
        slaText(t.nextDeadline(), now), t.nextDeadline() != null && !t.nextDeadline().isAfter(now), t.version());
  }

  /**
   * @param t the customer view of a ticket
   * @return its portal view
   */
  public PortalTicketView portalTicket(CustomerTicket t) {
    return new PortalTicketView(t.id().value(), t.key().toString(), t.subject(), t.state().name(),
        TIME.format(t.createdAt()), TIME.format(t.updatedAt()));
  }

  /**
   * @param e an entry
   * @return its view
   */
  public EntryView entry(Entry e) {
    String kind = switch (e.kind()) {
      case PUBLIC_REPLY -> "reply";
      case INTERNAL_NOTE -> "internal note";
      case SYSTEM -> "system";
    };
    return new EntryView(kind, e.kind() != EntryKind.PUBLIC_REPLY, authorName(e.author()), e.body(), TIME.format(e.at()));
  }

  /**
   * The SLA countdown shown in the queue.
   *
   * @param deadline the ticket's next SLA deadline, if any
   * @param now the current time
   * @return "no SLA", "due in 1 h 05 min" or "overdue by 12 min"
   */
  public static String slaText(@Nullable Instant deadline, Instant now) {
    if (deadline == null) {
      return "no SLA";
    }
    Duration d = Duration.between(now, deadline);
    return d.isNegative() || d.isZero() ? "overdue by " + human(d.negated()) : "due in " + human(d);
  }

  private static String human(Duration d) {
    long minutes = Math.max(0, (d.getSeconds() + 59) / 60);
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long mins = minutes % 60;
    if (days > 0) {
      return days + " d " + hours + " h";
    }
    return hours > 0 ? String.format("%d h %02d min", hours, mins) : mins + " min";
  }

  /**
   * Parses a ticket id from a URL; a malformed id is reported exactly like an unknown one.
   *
   * @param value the path segment
   * @return the id
   * @throws NotFoundException if it is not a valid id
   */
  public static TicketId ticketId(String value) {
    try {
      return TicketId.of(value);
    } catch (ValidationException e) {
      throw new NotFoundException("ticket not found");
    }
  }

  /**
   * @param id an agent
   * @return the agent's display name
   */
  public String agentName(AgentId id) {
    return helpdesk.directory().findAgent(id).map(Agent::name).orElse(id.value());
  }

  /**
   * @param id a customer
   * @return the customer's display name
   */
  public String customerName(CustomerId id) {
    return helpdesk.directory().findCustomer(id).map(Customer::name).orElse(id.value());
  }

  private String authorName(Author a) {
    // Author ids are Principal.describe() forms: "agent:anna", "customer:carol", "system:..."
    int colon = a.id().indexOf(':');
    String raw = colon < 0 ? a.id() : a.id().substring(colon + 1);
    try {
      return switch (a.kind()) {
        case AGENT -> agentName(AgentId.of(raw));
        case CUSTOMER -> customerName(CustomerId.of(raw));
        case SYSTEM -> "Frontline";
      };
    } catch (ValidationException e) {
      return raw;
    }
  }
}
