package dev.frontline.helpdesk.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.sla.SlaConditions;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaPolicy;
import dev.frontline.helpdesk.sla.SlaReport;
import dev.frontline.helpdesk.sla.SlaStatus;
import dev.frontline.helpdesk.sla.BusinessCalendar;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SlaWiringTest {
  static Instant at(String s) {
    return Instant.parse(s);
  }

  @Nested
  @DisplayName("Deadlines follow the SLA clock on a business calendar")
  class Deadlines {
    final EscDesk d = new EscDesk(List.of(EscDesk.STANDARD), List.of());

    @Test
    @DisplayName("a ticket created late on Monday has its first response due the next working morning")
    void firstResponseDueOnBusinessCalendar() {
      d.clock.set(at("2026-03-02T15:00:00Z"));
      Ticket t = d.carolAsks("Printer on fire");
      SlaReport r = d.helpdesk.sla().status(d.alice, t.id());
      assertThat(r.policy()).isEqualTo("standard");
      // 2h on Monday (15-17), 2h on Tuesday (9-11)
      assertThat(r.status(SlaMetric.FIRST_RESPONSE).due()).isEqualTo(at("2026-03-03T11:00:00Z"));
      // warning at 75% = 3h: Tuesday 10:00, the earliest pending instant
      assertThat(t.nextDeadline()).isEqualTo(at("2026-03-03T10:00:00Z"));
      assertThat(d.store.due(at("2026-03-03T10:00:00Z"), 10)).extracting(Ticket::id).containsExactly(t.id());
      assertThat(d.store.due(at("2026-03-03T09:59:59Z"), 10)).isEmpty();
    }

    @Test
    @DisplayName("each move of the next deadline is recorded with a machine-readable detail")
    void deadlineChangedRecorded() {
      Ticket t = d.carolAsks("Printer on fire");
      List<TicketChange.DeadlineChanged> dc = d.changes(t.id(), TicketChange.DeadlineChanged.class);
      assertThat(dc).hasSize(1);
      assertThat(dc.get(0).from()).isNull();
      assertThat(dc.get(0).to()).isEqualTo(at("2026-03-02T12:00:00Z"));
      assertThat(dc.get(0).detail())
          .isEqualTo("policy=standard;first_response=running@2026-03-02T13:00:00Z;resolution=running@2026-03-03T17:00:00Z");
      // an internal note changes nothing in the SLA: no new DeadlineChanged
      d.clock.advance(Duration.ofMinutes(5));
      d.tickets.addNote(d.alice, t.id(), Ticket.ANY_VERSION, Message.of("looking"));
      assertThat(d.changes(t.id(), TicketChange.DeadlineChanged.class)).hasSize(1);
    }

    @Test
    @DisplayName("a public agent reply meets the first response and moves the deadline to resolution")
    void replyMeetsFirstResponse() {
      Ticket t = d.carolAsks("Printer on fire");
      d.clock.set(at("2026-03-02T11:00:00Z"));
      Ticket after = d.tickets.reply(d.alice, t.id(), t.version(), Message.of("On it"));
      SlaReport r = d.helpdesk.sla().status(d.alice, t.id());
      assertThat(r.status(SlaMetric.FIRST_RESPONSE).status()).isEqualTo(SlaStatus.MET);
      // resolution warning at 12h of office time: Monday 8h + Tuesday 4h
      assertThat(after.nextDeadline()).isEqualTo(at("2026-03-03T13:00:00Z"));
      TicketChange.DeadlineChanged last = d.changes(t.id(), TicketChange.DeadlineChanged.class).get(1);
      assertThat(last.from()).isEqualTo(at("2026-03-02T12:00:00Z"));
      assertThat(last.detail()).contains("first_response=met");
    }

    @Test
    @DisplayName("time in PENDING pauses resolution and pushes its deadline back")
    void pendingPausesResolution() {
      Ticket t = d.carolAsks("Printer on fire");
      d.clock.set(at("2026-03-02T10:00:00Z"));
      t = d.tickets.reply(d.alice, t.id(), t.version(), Message.of("Which model?"));
      t = d.tickets.transition(d.alice, t.id(), t.version(), TicketState.PENDING);
      assertThat(t.nextDeadline()).as("nothing runs while pending").isNull();
      assertThat(d.helpdesk.sla().status(d.alice, t.id()).status(SlaMetric.RESOLUTION).status()).isEqualTo(SlaStatus.PAUSED);
      d.clock.set(at("2026-03-03T10:00:00Z"));
      t = d.tickets.transition(d.alice, t.id(), t.version(), TicketState.OPEN);
      SlaReport r = d.helpdesk.sla().status(d.alice, t.id());
      // 1h counted before the pause; 15h left from Tuesday 10:00: 7h Tuesday + 8h Wednesday
      assertThat(r.status(SlaMetric.RESOLUTION).due()).isEqualTo(at("2026-03-04T17:00:00Z"));
      assertThat(t.nextDeadline()).isEqualTo(at("2026-03-04T13:00:00Z"));
      assertThat(d.helpdesk.sla().explain(d.alice, t.id())).contains("RESOLUTION: RUNNING").contains("PENDING paused");
    }

    @Test
    @DisplayName("the runner re-evaluates due tickets and records warning, then breach, as the deadline moves")
    void runnerRecordsStatusChanges() {
      Ticket t = d.carolAsks("Printer on fire");
      assertThat(d.runAt(at("2026-03-02T11:59:00Z"))).isZero();
      assertThat(d.runAt(at("2026-03-02T12:00:00Z"))).isEqualTo(1);
      assertThat(d.ticket(t.id()).nextDeadline()).isEqualTo(at("2026-03-02T13:00:00Z"));
      assertThat(d.runAt(at("2026-03-02T13:00:00Z"))).isEqualTo(1);
      TicketChange.DeadlineChanged last = d.changes(t.id(), TicketChange.DeadlineChanged.class).get(2);
      assertThat(last.detail()).contains("first_response=breached@2026-03-02T13:00:00Z");
      // resolution warning is next: 12h of office time from Monday 9:00
      assertThat(last.to()).isEqualTo(at("2026-03-03T13:00:00Z"));
      assertThat(d.run()).as("nothing due any more").isZero();
    }

    @Test
    @DisplayName("a ticket an agent types in for a customer still waits for its first response")
    void agentCreatedTicket() {
      Ticket t = d.tickets.create(d.alice, NewTicket.builder("Phone call", EscDesk.CAROL, Message.of("Customer called", dev.frontline.helpdesk.ticket.Channel.PHONE)).team(EscDesk.FRONT).build());
      assertThat(d.helpdesk.sla().status(d.alice, t.id()).status(SlaMetric.FIRST_RESPONSE).status()).isEqualTo(SlaStatus.RUNNING);
      assertThat(t.nextDeadline()).isEqualTo(at("2026-03-02T12:00:00Z"));
    }

    @Test
    @DisplayName("a merged ticket stops its clocks; the surviving ticket keeps its own")
    void merge() {
      Ticket a = d.carolAsks("Printer on fire");
      d.clock.set(at("2026-03-02T10:00:00Z"));
      Ticket b = d.carolAsks("Printer still on fire");
      d.tickets.merge(d.lead, b.id(), b.version(), a.id());
      assertThat(d.ticket(b.id()).nextDeadline()).isNull();
      assertThat(d.ticket(a.id()).nextDeadline()).isEqualTo(at("2026-03-02T12:00:00Z"));
    }

    @Test
    @DisplayName("solving stops the clocks and clears the deadline")
    void solvingClears() {
      Ticket t = d.carolAsks("Printer on fire");
      t = d.tickets.reply(d.alice, t.id(), t.version(), Message.of("Fixed"));
      t = d.tickets.transition(d.alice, t.id(), t.version(), TicketState.SOLVED);
      assertThat(t.nextDeadline()).isNull();
    }
  }

  @Nested
  @DisplayName("Policies are chosen per ticket, first match wins")
  class Selection {
    final SlaPolicy urgent =
        SlaPolicy.builder("urgent")
            .conditions(SlaConditions.any().withPriorities(Set.of(Priority.URGENT)))
            .target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(1), BusinessCalendar.always())
            .build();
    final EscDesk d = new EscDesk(List.of(urgent, EscDesk.STANDARD), List.of());

    @Test
    @DisplayName("an urgent ticket gets the urgent policy; raising priority switches to it")
    void firstMatch() {
      Ticket u = d.tickets.create(d.alice, NewTicket.builder("Down", EscDesk.CAROL, Message.of("all down")).priority(Priority.URGENT).team(EscDesk.FRONT).build());
      assertThat(d.helpdesk.sla().status(d.alice, u.id()).policy()).isEqualTo("urgent");
      Ticket n = d.carolAsks("Slow");
      assertThat(d.helpdesk.sla().status(d.alice, n.id()).policy()).isEqualTo("standard");
      n = d.tickets.update(d.lead, n.id(), n.version(), dev.frontline.helpdesk.ticket.TicketUpdate.none().withPriority(Priority.URGENT));
      assertThat(d.helpdesk.sla().status(d.alice, n.id()).policy()).isEqualTo("urgent");
      assertThat(n.nextDeadline()).isEqualTo(EscDesk.MONDAY_9.plus(Duration.ofMinutes(45)));
    }

    @Test
    @DisplayName("a ticket no policy matches has no SLA and no deadline")
    void noPolicy() {
      EscDesk only = new EscDesk(List.of(urgent), List.of());
      Ticket t = only.carolAsks("Slow");
      assertThat(t.nextDeadline()).isNull();
      assertThat(only.helpdesk.sla().find(only.alice, t.id())).isEmpty();
      assertThatThrownBy(() -> only.helpdesk.sla().status(only.alice, t.id())).isInstanceOf(NotFoundException.class);
      assertThat(only.helpdesk.sla().explain(only.alice, t.id())).contains("no SLA policy");
    }
  }

  @Nested
  @DisplayName("SLA internals are for agents only")
  class Access {
    final EscDesk d = new EscDesk(List.of(EscDesk.STANDARD), List.of());

    @Test
    @DisplayName("the requester is denied, other customers do not even see the ticket")
    void customers() {
      Ticket t = d.carolAsks("Printer on fire");
      assertThatThrownBy(() -> d.helpdesk.sla().status(d.carol, t.id())).isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> d.helpdesk.sla().explain(d.dan, t.id())).isInstanceOf(NotFoundException.class);
      assertThat(d.helpdesk.sla().status(d.olga, t.id()).policy()).as("observers read internals").isEqualTo("standard");
      assertThatThrownBy(() -> d.helpdesk.sla().status(d.bob, t.id()))
          .as("a tier-2 specialist does not see a tier-1 ticket").isInstanceOf(NotFoundException.class);
    }
  }
}
