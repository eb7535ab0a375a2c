package dev.frontline.helpdesk.automation;

import static dev.frontline.helpdesk.OpsDesk.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.OpsDesk;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.spi.memory.InMemoryNotificationSink;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketState;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MacroServiceTest {
  final OpsDesk d = new OpsDesk();
  final MacroService macros = d.helpdesk.macros();
  final Macro resetPassword = Macro.of("reset-password", "Password reset sent",
      List.of(Action.addTag("password"), Action.setState(TicketState.PENDING)),
      Map.of(Locale.ENGLISH, "Hello {{customer.name}}, we sent a reset link for {{ticket.key}}. {{agent.name}}",
          Locale.GERMAN, "Hallo {{customer.name}}, der Link fuer {{ticket.key}} ist unterwegs. {{agent.name}}",
          Locale.forLanguageTag("de-CH"), "Grueezi {{customer.name}} ({{ticket.key}}). {{agent.name}}"),
      Locale.ENGLISH);

  @Test
  @DisplayName("defining needs MACRO_MANAGE; listing needs an agent")
  void manage() {
    assertThatThrownBy(() -> macros.define(d.alice, resetPassword)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> macros.define(d.carol, resetPassword)).isInstanceOf(AccessDeniedException.class);
    macros.define(d.lead, resetPassword);
    assertThat(macros.list(d.alice)).containsExactly(resetPassword);
    assertThatThrownBy(() -> macros.list(d.carol)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> macros.delete(d.alice, "reset-password")).isInstanceOf(AccessDeniedException.class);
    assertThat(macros.delete(d.sup, "reset-password")).isTrue();
  }

  @Test
  @DisplayName("unknown or malformed placeholders are rejected when the macro is made")
  void placeholders() {
    assertThatThrownBy(() -> Macro.of("m", "M", List.of(), Map.of(Locale.ENGLISH, "Hi {{customer.email}}"), Locale.ENGLISH))
        .isInstanceOf(ValidationException.class).hasMessageContaining("customer.email");
    assertThatThrownBy(() -> Macro.of("m", "M", List.of(), Map.of(Locale.ENGLISH, "Hi {{customer.name}"), Locale.ENGLISH))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Macro.of("m", "M", List.of(), Map.of(Locale.GERMAN, "Hallo"), Locale.ENGLISH))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  @DisplayName("applying makes the changes and replies in the requester's locale, with values as plain text")
  void apply() {
    macros.define(d.lead, resetPassword);
    Ticket t = d.carolAsks("Forgot password");
    Ticket after = macros.apply(d.alice, "reset-password", t.id(), Locale.forLanguageTag("de-AT"));
    assertThat(after.state()).isEqualTo(TicketState.PENDING);
    assertThat(after.tags()).contains("password");
    Entry reply = d.tickets.conversation(d.carol, t.id()).get(1);
    assertThat(reply.body()).isEqualTo("Hallo Carol <b>C</b>, der Link fuer " + t.key() + " ist unterwegs. Alice");
    Ticket t2 = d.carolAsks("Again");
    macros.apply(d.alice, "reset-password", t2.id(), Locale.forLanguageTag("de-CH"));
    assertThat(d.tickets.conversation(d.carol, t2.id()).get(1).body()).startsWith("Grueezi");
    Ticket t3 = d.carolAsks("Encore");
    macros.apply(d.alice, "reset-password", t3.id(), Locale.FRENCH);
    assertThat(d.tickets.conversation(d.carol, t3.id()).get(1).body()).startsWith("Hello");
  }

  @Test
  @DisplayName("without a locale, the reply follows the ticket's locale (stamped from the requester's)")
  void ticketLocale() {
    macros.define(d.lead, resetPassword);
    d.helpdesk.directory().saveCustomer(d.helpdesk.directory().findCustomer(dev.frontline.helpdesk.OpsDesk.CAROL).orElseThrow()
        .withLocale(Locale.forLanguageTag("de-CH")));
    Ticket t = d.carolAsks("Passwort vergessen");
    macros.apply(d.alice, "reset-password", t.id(), null);
    assertThat(d.tickets.conversation(d.carol, t.id()).get(1).body()).startsWith("Grueezi");
    Ticket t2 = d.carolAsks("Again");
    macros.apply(d.alice, "reset-password", t2.id(), Locale.FRENCH); // an explicit locale wins
    assertThat(d.tickets.conversation(d.carol, t2.id()).get(1).body()).doesNotStartWith("Grueezi");
  }

  @Test
  @DisplayName("applying needs every change's permission; a missing one changes nothing")
  void permissions() {
    Macro escalateish = Macro.of("to-b", "To team B", List.of(Action.setPriority(Priority.HIGH), Action.assignTeam(TeamId.of("front-b"))),
        Map.of(), Locale.ENGLISH);
    macros.define(d.lead, escalateish);
    macros.define(d.lead, resetPassword);
    Ticket t = d.carolAsks("x");
    assertThatThrownBy(() -> macros.apply(d.alice, "to-b", t.id(), null)).isInstanceOf(AccessDeniedException.class);
    assertThat(d.tickets.get(d.alice, t.id())).isEqualTo(t);
    assertThatThrownBy(() -> macros.apply(d.bob, "reset-password", t.id(), null)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> macros.apply(d.carol, "reset-password", t.id(), null)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> macros.apply(d.alice, "nope", t.id(), null)).isInstanceOf(NotFoundException.class);
    Ticket moved = macros.apply(d.lead, "to-b", t.id(), null);
    assertThat(moved.team()).isEqualTo(FRONT_B);
    assertThat(moved.priority()).isEqualTo(Priority.HIGH);
  }
}
