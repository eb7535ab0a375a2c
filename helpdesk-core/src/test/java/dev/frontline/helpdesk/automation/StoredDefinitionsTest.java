package dev.frontline.helpdesk.automation;

import static dev.frontline.helpdesk.OpsDesk.*;
import dev.frontline.helpdesk.spi.memory.InMemoryStores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.OpsDesk;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.spi.AutomationDefinitionStore;
import dev.frontline.helpdesk.spi.memory.InMemoryAutomationDefinitionStore;
import dev.frontline.helpdesk.spi.memory.InMemoryBlobStore;
import dev.frontline.helpdesk.spi.memory.InMemoryNotificationSink;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Macros, triggers and automations kept in an {@link AutomationDefinitionStore}: two application
 * nodes (two helpdesks on the same ticket store, each with its own services) share one definition
 * store, so what an administrator defines on one node is used on the other.
 */
class StoredDefinitionsTest {
  static final AgentId ADA = AgentId.of("ada");
  final InMemoryNotificationSink sink = new InMemoryNotificationSink();
  final OpsDesk d = new OpsDesk(b -> b.notificationSink(sink));
  final Principal admin = Principal.agent(ADA);
  final Helpdesk nodeB = d.base().notificationSink(sink).build();
  final AutomationDefinitionStore shared = d.stores.automationDefinitionStore();

  StoredDefinitionsTest() {
    d.dir.saveAgent(Agent.of(ADA, "Ada", "ada@example.com", Set.of("admin"), Map.of()));
  }

  static Trigger vipTrigger(Priority p) {
    return new Trigger("vip", TriggerEvent.CREATED, List.of(Condition.hasTag("vip")), List.of(Action.setPriority(p)));
  }

  Ticket vipTicket(Helpdesk node) {
    return node.tickets().create(d.alice, NewTicket.builder("Server down", CAROL, Message.of("x")).tags("vip").team(FRONT).build());
  }

  @Nested
  @DisplayName("two nodes on one store")
  class TwoNodes {
    @Test
    @DisplayName("a macro defined through one node's service is applied on the other node, and edits show up there")
    void macros() {
      MacroService a = d.helpdesk.macros();
      MacroService b = nodeB.macros();
      Macro greet = Macro.of("greet", "Greet", List.of(Action.addTag("greeted")),
          Map.of(Locale.ENGLISH, "Hello {{customer.name}}", Locale.GERMAN, "Hallo {{customer.name}}"), Locale.ENGLISH);
      StoredDefinition<Macro> s1 = a.define(d.lead, greet, AutomationDefinitionStore.NEW);
      assertThat(b.list(d.alice)).containsExactly(greet);
      Ticket t = d.carolAsks("Hi");
      Ticket after = b.apply(d.alice, "greet", t.id(), Locale.GERMAN);
      assertThat(after.tags()).contains("greeted");
      assertThat(nodeB.tickets().conversation(d.carol, t.id()).get(1).body()).isEqualTo("Hallo Carol <b>C</b>");

      Macro edited = Macro.of("greet", "Greet", List.of(), Map.of(Locale.ENGLISH, "Good day {{customer.name}}"), Locale.ENGLISH);
      StoredDefinition<Macro> s2 = b.define(d.lead, edited, s1.revision());
      assertThat(s2.revision()).isGreaterThan(s1.revision());
      assertThatThrownBy(() -> a.define(d.lead, greet, s1.revision())).isInstanceOf(ConcurrentModificationException.class);
      assertThat(a.findStored(d.alice, "greet")).contains(s2);
      Ticket t2 = d.carolAsks("Again");
      a.apply(d.alice, "greet", t2.id(), Locale.GERMAN);
      assertThat(d.tickets.conversation(d.carol, t2.id()).get(1).body()).isEqualTo("Good day Carol <b>C</b>");

      assertThatThrownBy(() -> a.delete(d.lead, "greet", s1.revision())).isInstanceOf(ConcurrentModificationException.class);
      assertThat(a.delete(d.lead, "greet", s2.revision())).isTrue();
      assertThat(b.find(d.alice, "greet")).isEmpty();
      assertThatThrownBy(() -> b.apply(d.alice, "greet", t2.id(), null)).isInstanceOf(dev.frontline.helpdesk.NotFoundException.class);
    }

    @Test
    @DisplayName("a trigger defined on one node fires on the other; replaced and deleted ones follow")
    void triggers() {
      TriggerEngine a = d.helpdesk.triggers();
      TriggerEngine b = nodeB.triggers();
      StoredDefinition<Trigger> s1 = a.define(admin, vipTrigger(Priority.URGENT), AutomationDefinitionStore.NEW);
      assertThat(b.list(admin)).containsExactly(s1);
      assertThat(d.tickets.get(d.system, vipTicket(nodeB).id()).priority()).isEqualTo(Priority.URGENT);

      b.define(admin, vipTrigger(Priority.HIGH), s1.revision());
      assertThat(d.tickets.get(d.system, vipTicket(d.helpdesk).id()).priority()).isEqualTo(Priority.HIGH);
      assertThat(a.triggers()).containsExactly(vipTrigger(Priority.HIGH));

      assertThat(b.delete(admin, "vip")).isTrue();
      assertThat(b.delete(admin, "vip")).isFalse();
      Ticket plain = vipTicket(d.helpdesk);
      assertThat(d.tickets.get(d.system, plain.id()).priority()).isEqualTo(plain.priority());
      assertThat(a.list(admin)).isEmpty();
    }

    @Test
    @DisplayName("an automation defined on one node is run by the other node's runner, once per stay")
    void automations() {
      AutomationRunner a = d.helpdesk.automations();
      AutomationRunner b = nodeB.automations();
      a.define(admin, new Automation("nudge", TicketState.PENDING, Duration.ofDays(2), List.of(Condition.lacksTag("no-nudge")),
          List.of(Action.addTag("nudged"))));
      Ticket t = d.carolAsks("Waiting");
      d.tickets.transition(d.alice, t.id(), t.version(), TicketState.PENDING);
      d.clock.advance(Duration.ofDays(3));
      assertThat(b.runDue()).isEqualTo(1);
      assertThat(a.runDue()).isZero();
      assertThat(d.tickets.get(d.system, t.id()).tags()).contains("nudged");
      assertThat(a.automations()).extracting(Automation::name).containsExactly("nudge");
    }
  }

  @Nested
  @DisplayName("managing definitions")
  class Managing {
    final TriggerEngine engine = d.helpdesk.triggers();
    final AutomationRunner runner = d.helpdesk.automations();

    @Test
    @DisplayName("defining, deleting and listing triggers and automations need ADMINISTER; nothing changes without it")
    void permissions() {
      Automation auto = new Automation("x", TicketState.PENDING, Duration.ofDays(1), List.of(), List.of(Action.addTag("x")));
      for (Principal p : List.of(d.alice, d.lead, d.sup, d.carol, Principal.anonymous())) {
        assertThatThrownBy(() -> engine.define(p, vipTrigger(Priority.HIGH))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> engine.delete(p, "vip")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> engine.list(p)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> engine.findStored(p, "vip")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runner.define(p, auto)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runner.delete(p, "x")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runner.list(p)).isInstanceOf(AccessDeniedException.class);
      }
      assertThat(shared.changeCount()).isZero();
      engine.define(admin, vipTrigger(Priority.HIGH));
      runner.define(d.system, auto);
      assertThat(engine.findStored(admin, "vip")).map(StoredDefinition::definition).contains(vipTrigger(Priority.HIGH));
      assertThat(runner.list(admin)).extracting(StoredDefinition::name).containsExactly("x");
      assertThat(shared.list(AutomationDefinition.Kind.TRIGGER)).hasSize(1);
      assertThat(shared.list(AutomationDefinition.Kind.AUTOMATION)).hasSize(1);
    }

    @Test
    @DisplayName("host-written conditions stay allowed in memory but are rejected when defined in the store")
    void hostConditions() {
      Condition lambda = t -> t.subject().startsWith("Server");
      Trigger host = new Trigger("host", TriggerEvent.CREATED, List.of(lambda), List.of(Action.addTag("host")));
      assertThatThrownBy(() -> engine.define(admin, host)).isInstanceOf(ValidationException.class).hasMessageContaining("host code");
      assertThat(shared.changeCount()).isZero();
      engine.add(host);
      assertThat(d.tickets.get(d.system, vipTicket(d.helpdesk).id()).tags()).contains("host");
      assertThatThrownBy(() -> engine.define(admin, new Trigger("host", TriggerEvent.CREATED, List.of(), List.of(Action.addTag("y")))))
          .isInstanceOf(ValidationException.class).hasMessageContaining("in memory");
      assertThatThrownBy(() -> runner.define(admin, new Automation("h", TicketState.PENDING, Duration.ofDays(1), List.of(lambda),
          List.of(Action.addTag("x"))))).isInstanceOf(ValidationException.class);
      assertThat(shared.changeCount()).isZero();
    }

    @Test
    @DisplayName("added triggers run before defined ones; names are unique across both")
    void order() {
      engine.define(admin, new Trigger("stored", TriggerEvent.CREATED, List.of(), List.of(Action.addInternalNote("stored"))));
      engine.add(new Trigger("added", TriggerEvent.CREATED, List.of(), List.of(Action.addInternalNote("added"))));
      assertThatThrownBy(() -> engine.add(new Trigger("stored", TriggerEvent.ANY, List.of(), List.of(Action.addTag("x")))))
          .isInstanceOf(ValidationException.class);
      assertThat(engine.triggers()).extracting(Trigger::name).containsExactly("added", "stored");
      Ticket t = d.carolAsks("x");
      assertThat(d.tickets.conversation(d.system, t.id())).extracting(dev.frontline.helpdesk.ticket.Entry::body)
          .containsSubsequence("added", "stored");
      assertThat(engine.remove("stored")).isFalse();
    }
  }
}
