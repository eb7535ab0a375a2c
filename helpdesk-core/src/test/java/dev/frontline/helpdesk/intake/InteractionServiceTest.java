package dev.frontline.helpdesk.intake;

import static dev.frontline.helpdesk.OpsDesk.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.OpsDesk;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.spi.InteractionStore;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InteractionServiceTest {
  final OpsDesk d = new OpsDesk();
  final InteractionStore store = d.stores.interactionStore();
  final InteractionService service = d.helpdesk.interactions();
  final Instant start = d.clock.instant().minus(Duration.ofMinutes(7));
  final Instant end = d.clock.instant();

  @Nested
  @DisplayName("recording a contact")
  class Recording {
    @Test
    @DisplayName("a call opens a phone ticket with the summary as the first public message and keeps its duration")
    void newTicket() {
      Interaction i = service.record(d.alice, NewInteraction.newTicket(Channel.PHONE, CAROL, start, end, IdentityCheck.VERIFIED,
          Disposition.TICKET_CREATED, "Printer jam", "Customer reports a printer jam on floor 3"));
      assertThat(i.duration()).isEqualTo(Duration.ofMinutes(7));
      assertThat(i.agent()).isEqualTo(ALICE);
      Ticket t = d.tickets.get(d.alice, i.ticket());
      assertThat(t.channel()).isEqualTo(Channel.PHONE);
      assertThat(t.state()).isEqualTo(TicketState.NEW);
      assertThat(d.tickets.conversation(d.carol, t.id())).singleElement()
          .satisfies(e -> assertThat(e.body()).contains("printer jam"));
      assertThat(service.forTicket(d.alice, t.id())).containsExactly(i);
    }

    @Test
    @DisplayName("a call resolved on the spot opens a ticket that is solved at once")
    void resolved() {
      Interaction i = service.record(d.alice, NewInteraction.newTicket(Channel.CHAT, CAROL, start, end, IdentityCheck.VERIFIED,
          Disposition.RESOLVED, "Password reset", "Reset the password"));
      Ticket t = d.tickets.get(d.alice, i.ticket());
      assertThat(t.state()).isEqualTo(TicketState.SOLVED);
      assertThat(t.publicAgentReplies()).isEqualTo(1);
    }

    @Test
    @DisplayName("a verified requester's call is added to their ticket as a public entry")
    void publicEntry() {
      Ticket t = d.carolAsks("VPN down");
      Interaction i = service.record(d.alice, NewInteraction.attach(Channel.PHONE, CAROL, start, end, IdentityCheck.VERIFIED,
          Disposition.CALLBACK, t.id(), true, "Called back, VPN works again"));
      assertThat(i.ticket()).isEqualTo(t.id());
      List<Entry> conv = d.tickets.conversation(d.carol, t.id());
      assertThat(conv).hasSize(2);
      assertThat(conv.get(1).channel()).isEqualTo(Channel.PHONE);
    }

    @Test
    @DisplayName("an unverified caller or someone else than the requester cannot add to the public conversation")
    void impostor() {
      Ticket t = d.carolAsks("VPN down");
      assertThatThrownBy(() -> service.record(d.alice, NewInteraction.attach(Channel.PHONE, CAROL, start, end,
          IdentityCheck.FAILED, Disposition.TICKET_CREATED, t.id(), true, "says she is Carol"))).isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> service.record(d.alice, NewInteraction.attach(Channel.PHONE, DAN, start, end,
          IdentityCheck.VERIFIED, Disposition.TICKET_CREATED, t.id(), true, "Dan calls about Carol's VPN"))).isInstanceOf(ValidationException.class);
      assertThat(d.tickets.conversation(d.carol, t.id())).hasSize(1);
      Interaction note = service.record(d.alice, NewInteraction.attach(Channel.PHONE, DAN, start, end,
          IdentityCheck.FAILED, Disposition.TRANSFERRED, t.id(), false, "Unverified caller asked about this ticket"));
      assertThat(d.tickets.conversation(d.alice, t.id())).last().satisfies(e -> assertThat(e.kind()).isEqualTo(EntryKind.INTERNAL_NOTE));
      assertThat(d.tickets.conversation(d.carol, t.id())).hasSize(1);
      assertThat(note.recording()).isEqualTo(dev.frontline.helpdesk.intake.Recording.INTERNAL_NOTE);
      assertStore(2 - 1);
    }

    @Test
    @DisplayName("a caller who failed the identity check cannot open a ticket in the customer's name; nothing is stored")
    void failedCallerOpensNothing() {
      long before = d.tickets.count(d.alice, dev.frontline.helpdesk.ticket.TicketQuery.builder().build());
      assertThatThrownBy(() -> service.record(d.alice, NewInteraction.newTicket(Channel.PHONE, CAROL, start, end,
          IdentityCheck.FAILED, Disposition.TICKET_CREATED, "Reset my password", "Caller wants Carol's password reset")))
          .isInstanceOf(AccessDeniedException.class);
      assertThat(d.tickets.count(d.alice, dev.frontline.helpdesk.ticket.TicketQuery.builder().build())).isEqualTo(before);
      assertThat(store.byCustomer(CAROL)).isEmpty();
      Interaction unchecked = service.record(d.alice, NewInteraction.newTicket(Channel.IN_PERSON, CAROL, start, end,
          IdentityCheck.UNVERIFIED, Disposition.TICKET_CREATED, "Printer jam", "Walk-in: printer jams on floor 2"));
      assertThat(unchecked.ticket()).isNotNull();
    }

    private void assertStore(int n) {
      assertThat(store.byCustomer(DAN)).hasSize(n);
    }

    @Test
    @DisplayName("customers and agents who cannot see the ticket cannot record; invalid commands are rejected")
    void permissions() {
      Ticket t = d.carolAsks("VPN down");
      assertThatThrownBy(() -> service.record(d.carol, NewInteraction.newTicket(Channel.PHONE, CAROL, start, end,
          IdentityCheck.VERIFIED, Disposition.TICKET_CREATED, "x", "y"))).isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> service.record(d.bob, NewInteraction.attach(Channel.PHONE, CAROL, start, end,
          IdentityCheck.VERIFIED, Disposition.CALLBACK, t.id(), false, "note"))).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> NewInteraction.newTicket(Channel.EMAIL, CAROL, start, end, IdentityCheck.VERIFIED,
          Disposition.TICKET_CREATED, "x", "y")).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> NewInteraction.newTicket(Channel.PHONE, CAROL, end, start, IdentityCheck.VERIFIED,
          Disposition.TICKET_CREATED, "x", "y")).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> new NewInteraction(Channel.PHONE, CAROL, start, end, IdentityCheck.VERIFIED,
          Disposition.RESOLVED, dev.frontline.helpdesk.intake.Recording.NONE, null, null, "x")).isInstanceOf(ValidationException.class);
      assertThat(store.byCustomer(CAROL)).isEmpty();
    }
  }

  @Nested
  @DisplayName("reading interactions")
  class Reading {
    @Test
    @DisplayName("customers never read interactions; agents only those of tickets they see; abandoned calls the recorder and report viewers")
    void visibility() {
      Interaction call = service.record(d.alice, NewInteraction.newTicket(Channel.PHONE, CAROL, start, end, IdentityCheck.VERIFIED,
          Disposition.TICKET_CREATED, "Printer", "jam"));
      Interaction abandoned = service.record(d.alice, new NewInteraction(Channel.PHONE, CAROL, start, end, IdentityCheck.UNVERIFIED,
          Disposition.ABANDONED, dev.frontline.helpdesk.intake.Recording.NONE, null, null, "hung up in queue"));
      assertThat(service.find(d.carol, call.id())).isEmpty();
      assertThat(service.forCustomer(d.carol, CAROL)).isEmpty();
      assertThat(service.find(d.bob, call.id())).isEmpty();
      assertThatThrownBy(() -> service.get(d.bob, call.id())).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> service.forTicket(d.bob, call.ticket())).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> service.forTicket(d.carol, call.ticket())).isInstanceOf(AccessDeniedException.class);
      assertThat(service.forCustomer(d.alice, CAROL)).containsExactlyInAnyOrder(call, abandoned);
      assertThat(service.forCustomer(d.amy, CAROL)).containsExactly(call);
      assertThat(service.forCustomer(d.lead, CAROL)).containsExactlyInAnyOrder(call, abandoned);
      assertThat(service.get(d.system, abandoned.id())).isEqualTo(abandoned);
    }
  }
}
