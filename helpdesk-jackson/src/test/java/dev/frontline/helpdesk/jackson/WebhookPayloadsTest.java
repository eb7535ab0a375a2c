package dev.frontline.helpdesk.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryId;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WebhookPayloadsTest {
  static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
  static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  static final TicketId ID = TicketId.of("t-1");
  static final Author AGENT = new Author(Author.Kind.AGENT, "agent:alice");

  static List<TicketEvent> events() {
    return List.of(
        new TicketEvent(ID, 1, AGENT, AT, new TicketChange.Created(new TicketKey("HD", 7), "Printer", CustomerId.of("carol"), null,
            Channel.EMAIL, Priority.NORMAL, TicketType.QUESTION, new TreeSet<>(), new TreeMap<>(), 1, null, null)),
        new TicketEvent(ID, 2, AGENT, AT, new TicketChange.EntryAdded(new Entry(EntryId.of("e1"), EntryKind.INTERNAL_NOTE, AGENT,
            Channel.INTERNAL, "customer is grumpy", AT, List.of()))),
        new TicketEvent(ID, 3, AGENT, AT, new TicketChange.StateChanged(TicketState.NEW, TicketState.OPEN)));
  }

  @Test
  @DisplayName("a delivery round-trips: the receiver verifies the signature and reads the same events")
  void roundTrip() {
    WebhookPayloads w = WebhookPayloads.withSecret(SECRET);
    WebhookPayloads.Delivery d = w.deliver("d-1", events(), AT);
    assertThat(d.signature()).startsWith("t=" + AT.getEpochSecond() + ",v1=");
    assertThat(d.body()).contains("\"kind\":\"state_changed\"").contains("\"id\":\"d-1\"");
    assertThat(w.verify(d.body(), d.signature(), AT.plusSeconds(30), Duration.ofMinutes(5))).isEqualTo(events());
  }

  @Test
  @DisplayName("a tampered body, a wrong secret or a stale timestamp is rejected")
  void rejects() {
    WebhookPayloads w = WebhookPayloads.withSecret(SECRET);
    WebhookPayloads.Delivery d = w.deliver("d-1", events(), AT);
    assertThatThrownBy(() -> w.verify(d.body().replace("Printer", "Scanner"), d.signature(), AT, Duration.ofMinutes(5)))
        .isInstanceOf(ValidationException.class);
    byte[] other = SECRET.clone();
    other[0] ^= 1;
    assertThatThrownBy(() -> WebhookPayloads.withSecret(other).verify(d.body(), d.signature(), AT, Duration.ofMinutes(5)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> w.verify(d.body(), d.signature(), AT.plus(Duration.ofHours(1)), Duration.ofMinutes(5)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> w.deliver("a\r\nb", events(), AT)).isInstanceOf(ValidationException.class);
  }

  @Test
  @DisplayName("deliveries meant for customers carry no internal note")
  void customerVisible() {
    List<CustomerEvent> visible = WebhookPayloads.customerVisible(events());
    assertThat(visible).extracting(CustomerEvent::version).containsExactly(1L, 3L);
    String body = WebhookPayloads.withSecret(SECRET).deliverToCustomer("d-2", visible, AT).body();
    assertThat(body).doesNotContain("grumpy").contains("\"audience\":\"customer\"");
  }

  @Test
  @DisplayName("TicketJson writes and reads events and snapshots")
  void ticketJson() {
    for (TicketEvent e : events()) {
      assertThat(TicketJson.readEvent(TicketJson.write(e))).isEqualTo(e);
    }
    var t = dev.frontline.helpdesk.ticket.TicketHistory.rebuild(events());
    assertThat(TicketJson.readTicket(TicketJson.write(t))).isEqualTo(t);
  }
}
