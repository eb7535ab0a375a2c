package dev.frontline.helpdesk.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaStatus;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketQuery;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The per-metric SLA state is stored on the ticket and queues can filter by it. */
class SlaStateQueryTest {
  final EscDesk d = new EscDesk(List.of(EscDesk.STANDARD), List.of());

  @Test
  @DisplayName("tickets carry per-metric SLA state: running, then warned, then breached, met after a reply")
  void stateFollowsTheClock() {
    Ticket t = d.carolAsks("Printer on fire");
    Ticket other = d.carolAsks("Mouse");
    assertThat(t.sla().get(SlaMetric.FIRST_RESPONSE).status()).isEqualTo(SlaStatus.RUNNING);
    assertThat(t.sla().get(SlaMetric.FIRST_RESPONSE).warned()).isFalse();
    assertThat(d.tickets.count(d.alice, TicketQuery.builder().slaWarned(true).build())).isZero();

    // the sweep at the warning instant records the warning; at the due instant the breach
    d.runAt(t.nextDeadline());
    assertThat(d.ticket(t.id()).sla().get(SlaMetric.FIRST_RESPONSE).warned()).isTrue();
    assertThat(d.tickets.query(d.alice, TicketQuery.builder().slaWarned(true).build()).items())
        .extracting(Ticket::id).contains(t.id());
    Instant due = d.ticket(t.id()).sla().get(SlaMetric.FIRST_RESPONSE).due();
    d.runAt(due);
    assertThat(d.ticket(t.id()).sla().get(SlaMetric.FIRST_RESPONSE).status()).isEqualTo(SlaStatus.BREACHED);
    assertThat(d.tickets.query(d.alice, TicketQuery.builder().slaStatuses(SlaStatus.BREACHED).build()).items())
        .extracting(Ticket::id).containsExactlyInAnyOrder(t.id(), other.id());

    // answering the other ticket stops its first-response cycle (late, so it stays breached) and
    // starts nothing new; the running filter no longer finds it for first response
    d.clock.advance(java.time.Duration.ofMinutes(1)); // a reply exactly at the due instant would still meet it
    Ticket answered = d.tickets.reply(d.alice, other.id(), Ticket.ANY_VERSION, Message.of("On it"));
    assertThat(answered.sla().get(SlaMetric.FIRST_RESPONSE).status()).isEqualTo(SlaStatus.BREACHED);
    assertThat(answered.sla().get(SlaMetric.FIRST_RESPONSE).due()).isEqualTo(due);
  }

  @Test
  @DisplayName("a reply before the due instant meets the first-response target")
  void metInTime() {
    Ticket t = d.carolAsks("Printer on fire");
    Ticket r = d.tickets.reply(d.alice, t.id(), Ticket.ANY_VERSION, Message.of("On it"));
    assertThat(r.sla().get(SlaMetric.FIRST_RESPONSE).status()).isEqualTo(SlaStatus.MET);
    assertThat(d.tickets.query(d.alice, TicketQuery.builder().slaStatuses(SlaStatus.MET).build()).items())
        .extracting(Ticket::id).containsExactly(t.id());
  }
}
