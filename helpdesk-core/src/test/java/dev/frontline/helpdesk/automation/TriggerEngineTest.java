package dev.frontline.helpdesk.automation;

import static dev.frontline.helpdesk.OpsDesk.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.OpsDesk;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.spi.memory.InMemoryNotificationSink;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketState;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TriggerEngineTest {
  final InMemoryNotificationSink sink = new InMemoryNotificationSink();
  final OpsDesk d = new OpsDesk(b -> b.notificationSink(sink));
  final TriggerEngine engine = d.helpdesk.triggers();

  Ticket vipTicket() {
    return d.tickets.create(d.alice, NewTicket.builder("Server down", CAROL, Message.of("x")).tags("vip").team(FRONT).build());
  }

  @Nested
  @DisplayName("firing")
  class Firing {
    @Test
    @DisplayName("an acknowledgement trigger replies publicly and sets fields; it does not answer its own reply")
    void publicReplyAndFields() {
      engine.add(new Trigger("ack", TriggerEvent.ANY, List.of(Condition.hasTag("vip")), List.of(
          Action.addPublicReply("Thanks {{customer.name}}, we received {{ticket.key}}."),
          Action.setField("plan", dev.frontline.helpdesk.ticket.FieldValue.text("gold")),
          Action.setField("trial", null))));
      Ticket t = d.tickets.create(d.alice, NewTicket.builder("Server down", CAROL, Message.of("x")).tags("vip").team(FRONT)
          .fields(java.util.Map.of("trial", dev.frontline.helpdesk.ticket.FieldValue.bool(true))).build());
      Ticket after = d.tickets.get(d.system, t.id());
      assertThat(after.fields()).containsEntry("plan", dev.frontline.helpdesk.ticket.FieldValue.text("gold")).doesNotContainKey("trial");
      List<Entry> customerView = d.tickets.conversation(d.carol, t.id());
      assertThat(customerView).hasSize(2);
      assertThat(customerView.get(1).kind()).isEqualTo(EntryKind.PUBLIC_REPLY);
      assertThat(customerView.get(1).body()).isEqualTo("Thanks Carol <b>C</b>, we received " + t.key() + ".");
      assertThat(customerView.get(1).author().id()).isEqualTo("system:trigger");
      // the customer answers: the trigger fires again (a new cascade) and acknowledges once more, not in a loop
      d.tickets.reply(d.carol, t.id(), Ticket.ANY_VERSION, Message.of("still down"));
      assertThat(d.tickets.conversation(d.carol, t.id())).hasSize(4);
    }

    @Test
    @DisplayName("a matching trigger runs its actions in order through the ticket service, audited as system:trigger")
    void actions() {
      engine.add(new Trigger("vip", TriggerEvent.CREATED, List.of(Condition.hasTag("vip")), List.of(
          Action.setPriority(Priority.URGENT),
          Action.addTag("escalate-watch"),
          Action.assignTeam(FRONT_B),
          Action.addInternalNote("VIP ticket {{ticket.key}} for {{customer.name}}"),
          Action.notify(Recipient.TEAM, "VIP: {{ticket.subject}}", "Customer {{customer.name}} needs help"))));
      Ticket t = vipTicket();
      Ticket after = d.tickets.get(d.system, t.id());
      assertThat(after.priority()).isEqualTo(Priority.URGENT);
      assertThat(after.tags()).contains("vip", "escalate-watch");
      assertThat(after.team()).isEqualTo(FRONT_B);
      List<Entry> conv = d.tickets.conversation(d.system, t.id());
      assertThat(conv).last().satisfies(e -> {
        assertThat(e.kind()).isEqualTo(EntryKind.INTERNAL_NOTE);
        assertThat(e.body()).isEqualTo("VIP ticket " + t.key() + " for Carol <b>C</b>");
        assertThat(e.author().id()).isEqualTo("system:trigger");
      });
      assertThat(d.tickets.conversation(d.carol, t.id())).hasSize(1);
      assertThat(sink.sent()).singleElement().satisfies(n -> {
        assertThat(n.recipient()).isEqualTo("team:front-b");
        assertThat(n.subject()).isEqualTo("VIP: Server down");
        assertThat(n.source()).isEqualTo("trigger:vip");
      });
    }

    @Test
    @DisplayName("conditions on the changes: 'priority changed from NORMAL to URGENT' and 'state became SOLVED' fire only on those changes")
    void changeConditions() {
      engine.add(new Trigger("to-urgent", TriggerEvent.PRIORITY_CHANGED, List.of(Condition.priorityChanged(Priority.NORMAL, Priority.URGENT)),
          List.of(Action.addTag("went-urgent"))));
      engine.add(new Trigger("solved", TriggerEvent.ANY, List.of(Condition.stateBecame(dev.frontline.helpdesk.ticket.TicketState.SOLVED)),
          List.of(Action.addTag("was-solved"))));
      Ticket t = d.carolAsks("Printer");
      Ticket high = d.tickets.update(d.system, t.id(), Ticket.ANY_VERSION,
          dev.frontline.helpdesk.ticket.TicketUpdate.none().withPriority(Priority.HIGH));
      assertThat(high.tags()).doesNotContain("went-urgent", "was-solved");
      d.tickets.update(d.system, t.id(), Ticket.ANY_VERSION, dev.frontline.helpdesk.ticket.TicketUpdate.none().withPriority(Priority.URGENT));
      assertThat(d.tickets.get(d.system, t.id()).tags()).as("HIGH to URGENT is not NORMAL to URGENT").doesNotContain("went-urgent");
      Ticket u = d.carolAsks("Scanner");
      d.tickets.update(d.system, u.id(), Ticket.ANY_VERSION, dev.frontline.helpdesk.ticket.TicketUpdate.none().withPriority(Priority.URGENT));
      assertThat(d.tickets.get(d.system, u.id()).tags()).contains("went-urgent").doesNotContain("was-solved");
      d.tickets.transition(d.system, u.id(), Ticket.ANY_VERSION, dev.frontline.helpdesk.ticket.TicketState.OPEN);
      assertThat(d.tickets.get(d.system, u.id()).tags()).doesNotContain("was-solved");
      d.tickets.transition(d.system, u.id(), Ticket.ANY_VERSION, dev.frontline.helpdesk.ticket.TicketState.SOLVED);
      assertThat(d.tickets.get(d.system, u.id()).tags()).contains("was-solved");
    }

    @Test
    @DisplayName("conditions see the organization's facts from the directory: VIP flag and plan, read when the trigger runs")
    void organizationFacts() {
      engine.add(new Trigger("vip-gold", TriggerEvent.CREATED, List.of(Condition.vipOrganization(), Condition.planIn("gold")),
          List.of(Action.addTag("vip-gold"))));
      d.dir.saveOrganization(new dev.frontline.helpdesk.directory.Organization(dev.frontline.helpdesk.OpsDesk.ACME, "Acme", true, false, "gold"));
      Ticket plain = d.carolAsks("Not VIP yet");
      assertThat(d.tickets.get(d.system, plain.id()).tags()).doesNotContain("vip-gold");
      d.dir.saveOrganization(new dev.frontline.helpdesk.directory.Organization(dev.frontline.helpdesk.OpsDesk.ACME, "Acme", true, true, "gold"));
      Ticket vip = d.carolAsks("Now VIP");
      assertThat(d.tickets.get(d.system, vip.id()).tags()).contains("vip-gold");
      d.dir.saveOrganization(new dev.frontline.helpdesk.directory.Organization(dev.frontline.helpdesk.OpsDesk.ACME, "Acme", true, true, "silver"));
      Ticket silver = d.carolAsks("VIP on silver");
      assertThat(d.tickets.get(d.system, silver.id()).tags()).doesNotContain("vip-gold");
    }

    @Test
    @DisplayName("conditions are checked on the current ticket; non-matching events and tickets are ignored")
    void conditions() {
      engine.add(new Trigger("urgent-reply", TriggerEvent.CUSTOMER_REPLIED, List.of(Condition.priorityIn(Priority.URGENT)),
          List.of(Action.notify(Recipient.ASSIGNEE, "Reply on {{ticket.key}}", "{{customer.name}} wrote"))));
      Ticket t = d.carolAsks("Hello");
      assertThat(sink.sent()).isEmpty();
      d.tickets.assign(d.lead, t.id(), t.version(), FRONT, ALICE);
      d.tickets.reply(d.carol, t.id(), Ticket.ANY_VERSION, Message.of("more"));
      assertThat(sink.sent()).isEmpty();
      Ticket t2 = d.tickets.get(d.lead, t.id());
      d.tickets.update(d.lead, t.id(), t2.version(), dev.frontline.helpdesk.ticket.TicketUpdate.none().withPriority(Priority.URGENT));
      d.tickets.reply(d.carol, t.id(), Ticket.ANY_VERSION, Message.of("even more"));
      assertThat(sink.sent()).singleElement().satisfies(n -> assertThat(n.recipient()).isEqualTo("agent:alice"));
    }

    @Test
    @DisplayName("a failing action is logged; other triggers still run and the original change stands")
    void failure() {
      engine.add(new Trigger("bad", TriggerEvent.CREATED, List.of(), List.of(Action.setState(TicketState.ON_HOLD), Action.setState(TicketState.CLOSED),
          Action.setState(TicketState.OPEN))));
      engine.add(new Trigger("good", TriggerEvent.CREATED, List.of(), List.of(Action.addTag("seen"))));
      Ticket t = d.carolAsks("x");
      Ticket after = d.tickets.get(d.system, t.id());
      assertThat(after.state()).isEqualTo(TicketState.CLOSED);
      assertThat(after.tags()).doesNotContain("seen"); // closed tickets take no tag changes
      assertThat(engine.triggers()).extracting(Trigger::name).containsExactly("bad", "good");
    }
  }

  @Nested
  @DisplayName("loop protection")
  class Loops {
    @Test
    @DisplayName("a trigger reacting to its own kind of change fires once per cascade")
    void selfTrigger() {
      engine.add(new Trigger("tagger", TriggerEvent.TAGS_CHANGED, List.of(), List.of(
          Action.addInternalNote("tags changed"), Action.addTag("tagged"))));
      Ticket t = d.carolAsks("x");
      Ticket t2 = d.tickets.update(d.alice, t.id(), t.version(), dev.frontline.helpdesk.ticket.TicketUpdate.none()
          .withTags(java.util.Set.of("first"), java.util.Set.of()));
      long notes = d.tickets.conversation(d.system, t2.id()).stream().filter(e -> e.kind() == EntryKind.INTERNAL_NOTE).count();
      assertThat(notes).isEqualTo(1);
    }

    @Test
    @DisplayName("two triggers ping-ponging a value stop at the maximum depth")
    void pingPong() {
      OpsDesk s = d.with(b -> b.notificationSink(sink).triggerMaxDepth(3));
      TriggerEngine shallow = s.helpdesk.triggers();
      shallow.add(new Trigger("up", TriggerEvent.PRIORITY_CHANGED, List.of(Condition.priorityIn(Priority.LOW)),
          List.of(Action.setPriority(Priority.HIGH))));
      shallow.add(new Trigger("down", TriggerEvent.PRIORITY_CHANGED, List.of(Condition.priorityIn(Priority.HIGH)),
          List.of(Action.setPriority(Priority.LOW))));
      Ticket t = s.carolAsks("x");
      s.tickets.update(s.lead, t.id(), t.version(), dev.frontline.helpdesk.ticket.TicketUpdate.none().withPriority(Priority.LOW));
      long changes = s.tickets.history(s.system, t.id()).stream().filter(e -> e.change() instanceof TicketChange.PriorityChanged).count();
      assertThat(changes).isBetween(2L, 4L);
      assertThat(shallow.maxDepth()).isEqualTo(3);
      assertThatThrownBy(() -> d.base().triggerMaxDepth(0)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> d.base().triggerMaxDepth(21)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("trigger names are unique and templates with unknown placeholders are rejected")
    void definitions() {
      engine.add(new Trigger("one", TriggerEvent.ANY, List.of(), List.of(Action.addTag("x"))));
      assertThatThrownBy(() -> engine.add(new Trigger("one", TriggerEvent.ANY, List.of(), List.of(Action.addTag("y")))))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> Action.addInternalNote("Hi {{customer.password}}")).isInstanceOf(ValidationException.class);
      assertThat(engine.remove("one")).isTrue();
    }
  }
}
