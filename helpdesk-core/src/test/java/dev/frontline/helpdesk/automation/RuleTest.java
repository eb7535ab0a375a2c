package dev.frontline.helpdesk.automation;

import static dev.frontline.helpdesk.OpsDesk.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.OpsDesk;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.spi.AutomationDefinitionStore;
import dev.frontline.helpdesk.spi.memory.InMemoryAutomationDefinitionStore;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.FieldValue;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RuleTest {
  final OpsDesk d = new OpsDesk();

  @Test
  @DisplayName("the standard condition factories return values with value equality")
  void values() {
    assertThat(Condition.stateIn(TicketState.OPEN, TicketState.PENDING)).isEqualTo(Condition.stateIn(TicketState.PENDING, TicketState.OPEN))
        .isEqualTo(new Rule.StateIn(Set.of(TicketState.OPEN, TicketState.PENDING)))
        .hasSameHashCodeAs(Condition.stateIn(TicketState.PENDING, TicketState.OPEN));
    assertThat(Condition.stateIn(TicketState.OPEN).states()).containsExactly(TicketState.OPEN);
    assertThat(Condition.hasTag(" VIP ")).isEqualTo(new Rule.HasTag("vip"));
    assertThat(Condition.lacksTag("x")).isNotEqualTo(Condition.hasTag("x"));
    assertThat(Condition.unassigned()).isEqualTo(Condition.unassigned());
    assertThat(Condition.fieldEquals("plan", new FieldValue.Text("gold"))).isEqualTo(Condition.fieldEquals("plan", new FieldValue.Text("gold")));
    assertThat(Condition.anyOf(Condition.tierIs(1), Condition.not(Condition.teamIs(FRONT))))
        .isEqualTo(new Rule.AnyOf(List.of(new Rule.TierIs(1), new Rule.Not(new Rule.TeamIs(FRONT)))));
    assertThat(Condition.priorityIn(Priority.HIGH).priorities()).containsExactly(Priority.HIGH);
  }

  @Test
  @DisplayName("rules test the ticket snapshot like the former lambdas did")
  void semantics() {
    Ticket t = d.tickets.create(d.alice, NewTicket.builder("Down", CAROL, Message.of("x", Channel.EMAIL)).tags("vip").team(FRONT)
        .type(TicketType.INCIDENT).fields(Map.of("seats", new FieldValue.Number(new BigDecimal("12")))).build());
    assertThat(Condition.stateIn(t.state()).test(t)).isTrue();
    assertThat(Condition.stateIn(TicketState.CLOSED).test(t)).isFalse();
    assertThat(Condition.priorityIn(t.priority()).test(t)).isTrue();
    assertThat(Condition.hasTag("VIP").test(t)).isTrue();
    assertThat(Condition.lacksTag("vip").test(t)).isFalse();
    assertThat(Condition.channelIn(Channel.EMAIL).test(t)).isTrue();
    assertThat(Condition.channelIn(Channel.CHAT, Channel.PHONE).test(t)).isFalse();
    assertThat(Condition.typeIs(TicketType.INCIDENT).test(t)).isTrue();
    assertThat(Condition.tierIs(1).test(t)).isTrue();
    assertThat(Condition.teamIs(FRONT).test(t)).isTrue();
    assertThat(Condition.teamIs(FRONT_B).test(t)).isFalse();
    assertThat(Condition.unassigned().test(t)).isEqualTo(t.assignee() == null);
    assertThat(Condition.assigneeIs(ALICE).test(t)).isEqualTo(ALICE.equals(t.assignee()));
    assertThat(Condition.fieldEquals("seats", new FieldValue.Number(new BigDecimal("12"))).test(t)).isTrue();
    assertThat(Condition.fieldEquals("plan", new FieldValue.Text("gold")).test(t)).isFalse();
    assertThat(Condition.organizationIn(dev.frontline.helpdesk.directory.OrganizationId.of("acme"), t.organization()).test(t)).isTrue();
    assertThat(Condition.organizationIn(dev.frontline.helpdesk.directory.OrganizationId.of("elsewhere")).test(t)).isFalse();
    assertThat(Condition.requesterIs(CAROL).test(t)).isTrue();
    assertThat(Condition.requesterIs(DAN).test(t)).isFalse();
    Ticket noOrg = d.tickets.create(d.alice, NewTicket.builder("Dan", DAN, Message.of("x")).team(FRONT).build());
    assertThat(Condition.organizationIn(ACME).test(noOrg)).isFalse();
    assertThat(Condition.not(Condition.hasTag("vip")).test(t)).isFalse();
    assertThat(Condition.anyOf(Condition.hasTag("nope"), Condition.tierIs(1)).test(t)).isTrue();
    assertThat(Condition.anyOf(Condition.hasTag("nope"), Condition.tierIs(2)).test(t)).isFalse();
  }

  @Test
  @DisplayName("invalid rules are rejected with a ValidationException")
  void invalid() {
    assertThatThrownBy(() -> Condition.stateIn()).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Condition.stateIn(TicketState.OPEN, null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Condition.channelIn((Channel[]) null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Condition.tierIs(0)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Condition.tierIs(Ticket.MAX_TIER + 1)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Condition.hasTag("no spaces")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Condition.typeIs(null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Condition.fieldEquals("bad name", new FieldValue.Bool(true))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Condition.anyOf()).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Condition.organizationIn()).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Condition.organizationIn(ACME, null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Condition.requesterIs(null)).isInstanceOf(ValidationException.class);
    Rule deep = Condition.unassigned();
    for (int i = 1; i < Rule.MAX_DEPTH; i++) {
      deep = Condition.not(deep);
    }
    assertThat(deep.depth()).isEqualTo(Rule.MAX_DEPTH);
    Rule tooDeep = deep;
    assertThatThrownBy(() -> Condition.not(tooDeep)).isInstanceOf(ValidationException.class).hasMessageContaining("nest");
    assertThatThrownBy(() -> Condition.anyOf(tooDeep)).isInstanceOf(ValidationException.class);
  }

  @Test
  @DisplayName("a definition with a host-written condition works in memory but cannot be stored")
  void hostConditions() {
    Condition lambda = t -> t.subject().contains("down");
    Trigger host = new Trigger("host", TriggerEvent.CREATED, List.of(Condition.hasTag("vip"), lambda), List.of(Action.addTag("x")));
    assertThat(host.storable()).isFalse();
    Automation hostAutomation = new Automation("later", TicketState.PENDING, Duration.ofDays(1), List.of(lambda), List.of(Action.addTag("x")));
    assertThat(hostAutomation.storable()).isFalse();
    AutomationDefinitionStore store = new InMemoryAutomationDefinitionStore();
    assertThatThrownBy(() -> store.save(host, AutomationDefinitionStore.NEW)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("trigger host: condition 2 is host code");
    assertThatThrownBy(() -> store.save(hostAutomation, AutomationDefinitionStore.ANY_REVISION)).isInstanceOf(ValidationException.class);
    assertThat(store.list(AutomationDefinition.Kind.TRIGGER)).isEmpty();
    assertThat(store.changeCount()).isZero();
    assertThat(new Trigger("std", TriggerEvent.CREATED, List.of(Condition.hasTag("vip")), List.of(Action.addTag("x"))).storable()).isTrue();
  }
}
