package dev.frontline.helpdesk.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.automation.Action;
import dev.frontline.helpdesk.automation.Automation;
import dev.frontline.helpdesk.automation.AutomationDefinition;
import dev.frontline.helpdesk.automation.Condition;
import dev.frontline.helpdesk.automation.Macro;
import dev.frontline.helpdesk.automation.Recipient;
import dev.frontline.helpdesk.automation.Rule;
import dev.frontline.helpdesk.automation.Trigger;
import dev.frontline.helpdesk.automation.TriggerEvent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.testkit.AutomationDefinitionStoreContract;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.FieldValue;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AutomationDefinitionJsonTest {
  static final List<Rule> EVERY_RULE = List.of(
      Condition.stateIn(TicketState.PENDING, TicketState.NEW),
      Condition.priorityIn(Priority.URGENT),
      Condition.hasTag("vip"),
      Condition.lacksTag("spam"),
      Condition.channelIn(Channel.values()),
      Condition.typeIs(TicketType.PROBLEM),
      Condition.tierIs(3),
      Condition.teamIs(TeamId.of("second")),
      Condition.unassigned(),
      Condition.assigneeIs(AgentId.of("alice")),
      Condition.organizationIn(dev.frontline.helpdesk.directory.OrganizationId.of("acme"), dev.frontline.helpdesk.directory.OrganizationId.of("duna")),
      Condition.requesterIs(dev.frontline.helpdesk.directory.CustomerId.of("carol")),
      Condition.fieldEquals("plan", new FieldValue.Text("gold")),
      Condition.fieldEquals("seats", new FieldValue.Number(new BigDecimal("1.50"))),
      Condition.fieldEquals("trial", new FieldValue.Bool(true)),
      Condition.fieldEquals("renewal", new FieldValue.Date(LocalDate.parse("2027-01-31"))),
      Condition.not(Condition.hasTag("x")),
      Condition.anyOf(Condition.tierIs(1), Condition.not(Condition.anyOf(Condition.unassigned()))),
      new Rule.TagIn(java.util.Set.of("vip", "billing")),
      new Rule.TypeIn(java.util.Set.of(TicketType.INCIDENT, TicketType.PROBLEM)),
      new Rule.TierIn(java.util.Set.of(1, 3)),
      Condition.priorityAtLeast(Priority.HIGH),
      Condition.vipOrganization(),
      Condition.planIn("gold", "platinum"),
      Condition.reopenedAtLeast(2),
      Condition.subjectContains("Outage \"EU\""),
      Condition.slaWarned(dev.frontline.helpdesk.sla.SlaMetric.FIRST_RESPONSE),
      Condition.slaBreached(dev.frontline.helpdesk.sla.SlaMetric.RESOLUTION),
      Condition.stateBecame(TicketState.SOLVED),
      Condition.stateChanged(TicketState.PENDING, null),
      Condition.priorityChanged(Priority.NORMAL, Priority.URGENT),
      Condition.priorityChanged(null, null));

  static final List<Action> EVERY_ACTION = List.of(
      Action.setPriority(Priority.LOW),
      Action.addTag("a"),
      Action.removeTag("b"),
      Action.assignTeam(TeamId.of("front")),
      Action.setState(TicketState.SOLVED),
      Action.addInternalNote("Note for {{ticket.key}}\nwith \"quotes\" & <markup>"),
      Action.notify(Recipient.REQUESTER, "Re: {{ticket.subject}}", "Hi {{customer.name}}"),
      Action.notify(Recipient.ASSIGNEE, "S", "B"),
      Action.notify(Recipient.TEAM, "S", "B"),
      Action.setField("plan", new FieldValue.Text("gold")),
      Action.setField("trial", null),
      Action.addPublicReply("Thanks {{customer.name}}, we got {{ticket.key}}."));

  static AutomationDefinition roundTrip(AutomationDefinition d) {
    String json = AutomationDefinitionJson.write(d);
    AutomationDefinition back = AutomationDefinitionJson.read(json);
    assertThat(back).isEqualTo(d);
    assertThat(AutomationDefinitionJson.write(back)).as("deterministic").isEqualTo(json);
    return back;
  }

  @Nested
  @DisplayName("round trips")
  class RoundTrips {
    @Test
    @DisplayName("every condition kind, alone, comes back equal")
    void everyRule() {
      for (Rule r : EVERY_RULE) {
        roundTrip(new Trigger("t", TriggerEvent.ANY, List.of(r), List.of(Action.addTag("x"))));
      }
      assertThat(EVERY_RULE.stream().map(Object::getClass).distinct())
          .as("every kind of the one condition vocabulary has a stored form")
          .containsExactlyInAnyOrder(Rule.class.getPermittedSubclasses());
    }

    @Test
    @DisplayName("escalation rules: every trigger and action kind, and conditions on every field, come back equal")
    void escalationRules() {
      List<dev.frontline.helpdesk.escalation.EscalationTrigger> triggers = List.of(
          dev.frontline.helpdesk.escalation.EscalationTrigger.slaWarning(dev.frontline.helpdesk.sla.SlaMetric.FIRST_RESPONSE),
          dev.frontline.helpdesk.escalation.EscalationTrigger.slaBreach(dev.frontline.helpdesk.sla.SlaMetric.RESOLUTION, Duration.ofHours(4)),
          dev.frontline.helpdesk.escalation.EscalationTrigger.priorityAtLeast(Priority.HIGH),
          dev.frontline.helpdesk.escalation.EscalationTrigger.vipOrganization(),
          dev.frontline.helpdesk.escalation.EscalationTrigger.reopenedAtLeast(2),
          dev.frontline.helpdesk.escalation.EscalationTrigger.tagged("vip"),
          dev.frontline.helpdesk.escalation.EscalationTrigger.subjectContains("Outage \"EU\""),
          dev.frontline.helpdesk.escalation.EscalationTrigger.noAgentReplyFor(Duration.ofMinutes(90)),
          dev.frontline.helpdesk.escalation.EscalationTrigger.manualEscalation());
      assertThat(triggers.stream().map(Object::getClass).distinct())
          .containsExactlyInAnyOrder(dev.frontline.helpdesk.escalation.EscalationTrigger.class.getPermittedSubclasses());
      List<dev.frontline.helpdesk.escalation.EscalationAction> actions = List.of(
          dev.frontline.helpdesk.escalation.EscalationAction.moveToTier(2, null),
          dev.frontline.helpdesk.escalation.EscalationAction.moveToTier(3, TeamId.of("third")),
          dev.frontline.helpdesk.escalation.EscalationAction.reassign(null, AgentId.of("bob")),
          dev.frontline.helpdesk.escalation.EscalationAction.reassign(TeamId.of("second"), null),
          dev.frontline.helpdesk.escalation.EscalationAction.raisePriority(Priority.URGENT),
          dev.frontline.helpdesk.escalation.EscalationAction.notification("team:second", "Ticket needs you\nnow"),
          dev.frontline.helpdesk.escalation.EscalationAction.addTag("escalated"),
          dev.frontline.helpdesk.escalation.EscalationAction.addNote("Escalated by rule ü"));
      assertThat(actions.stream().map(Object::getClass).distinct())
          .containsExactlyInAnyOrder(dev.frontline.helpdesk.escalation.EscalationAction.class.getPermittedSubclasses());
      dev.frontline.helpdesk.sla.SlaConditions every = new dev.frontline.helpdesk.sla.SlaConditions(
          java.util.Set.of(Priority.HIGH, Priority.URGENT),
          java.util.Set.of(dev.frontline.helpdesk.directory.OrganizationId.of("acme")),
          java.util.Set.of(Channel.EMAIL), java.util.Set.of(TicketType.INCIDENT), java.util.Set.of("vip", "eu"),
          java.util.Set.of(1, 2), java.util.Set.of("gold"));
      for (var t : triggers) {
        for (var c : List.of(dev.frontline.helpdesk.sla.SlaConditions.any(), every)) {
          roundTrip(new dev.frontline.helpdesk.escalation.EscalationRule("r", t, c, actions));
        }
      }
    }

    @Test
    @DisplayName("every action kind, alone, comes back equal, templates with their text")
    void everyAction() {
      for (Action a : EVERY_ACTION) {
        roundTrip(new Automation("a", TicketState.OPEN, Duration.ofMinutes(90), List.of(), List.of(a)));
      }
      Automation back = (Automation) roundTrip(new Automation("a", TicketState.SOLVED, Duration.ofDays(7).plusSeconds(1),
          EVERY_RULE.stream().map(Condition.class::cast).toList(), EVERY_ACTION));
      assertThat(((Action.AddInternalNote) back.actions().get(5)).text().placeholders()).containsExactly("ticket.key");
    }

    @Test
    @DisplayName("every trigger event and the test kit's samples come back equal")
    void samples() {
      for (TriggerEvent e : TriggerEvent.values()) {
        roundTrip(new Trigger("t", e, List.of(), List.of(Action.addTag("x"))));
      }
      roundTrip(AutomationDefinitionStoreContract.everyKindTrigger("everything", 2));
      roundTrip(AutomationDefinitionStoreContract.sampleAutomation("remind"));
      roundTrip(AutomationDefinitionStoreContract.sampleMacro("reset", "Reset"));
    }

    @Test
    @DisplayName("macros with several locales keep every reply and the default; a macro without replies too")
    void macros() {
      Macro m = Macro.of("welcome", "Welcome \"new\" customer", List.of(Action.addTag("welcomed")),
          Map.of(Locale.ENGLISH, "Welcome {{customer.name}}", Locale.forLanguageTag("en-GB"), "Welcome, {{customer.name}}",
              Locale.GERMAN, "Willkommen {{customer.name}}", Locale.forLanguageTag("sr-Latn-RS"), "Dobrodošli",
              Locale.JAPANESE, "ようこそ {{customer.name}}"),
          Locale.GERMAN);
      Macro back = (Macro) roundTrip(m);
      assertThat(back.replies()).hasSize(5);
      assertThat(back.defaultLocale()).isEqualTo(Locale.GERMAN);
      assertThat(back.replyFor(Locale.forLanguageTag("sr-Latn-RS")).text()).isEqualTo("Dobrodošli");
      assertThat(back.replyFor(Locale.FRENCH).text()).isEqualTo("Willkommen {{customer.name}}");
      roundTrip(Macro.of("tags", "Tags", List.of(Action.addTag("x")), Map.of(), Locale.ENGLISH));
    }

    @Test
    @DisplayName("the format is explicit and stable")
    void golden() {
      Trigger t = new Trigger("vip", TriggerEvent.CREATED, List.of(Condition.hasTag("VIP"), Condition.stateIn(TicketState.OPEN, TicketState.NEW)),
          List.of(Action.setPriority(Priority.URGENT)));
      assertThat(AutomationDefinitionJson.write(t)).isEqualTo("{\"format\":1,\"kind\":\"trigger\",\"name\":\"vip\",\"event\":\"CREATED\","
          + "\"conditions\":[{\"kind\":\"has_tag\",\"tag\":\"vip\"},{\"kind\":\"state_in\",\"states\":[\"NEW\",\"OPEN\"]}],"
          + "\"actions\":[{\"kind\":\"set_priority\",\"priority\":\"URGENT\"}]}");
      Macro m = Macro.of("m", "M", List.of(), Map.of(Locale.GERMAN, "Hallo", Locale.ENGLISH, "Hi"), Locale.ENGLISH);
      assertThat(AutomationDefinitionJson.write(m)).isEqualTo("{\"format\":1,\"kind\":\"macro\",\"name\":\"m\",\"title\":\"M\","
          + "\"changes\":[],\"replies\":{\"de\":\"Hallo\",\"en\":\"Hi\"},\"defaultLocale\":\"en\"}");
      Automation a = new Automation("a", TicketState.PENDING, Duration.ofDays(3), List.of(), List.of(Action.setState(TicketState.SOLVED)));
      assertThat(AutomationDefinitionJson.write(a)).isEqualTo("{\"format\":1,\"kind\":\"automation\",\"name\":\"a\",\"state\":\"PENDING\","
          + "\"after\":\"PT72H\",\"conditions\":[],\"actions\":[{\"kind\":\"set_state\",\"state\":\"SOLVED\"}]}");
    }

    @Test
    @DisplayName("an export of several definitions reads back in order")
    void all() {
      List<AutomationDefinition> defs = List.of(AutomationDefinitionStoreContract.sampleMacro("m", "M"),
          AutomationDefinitionStoreContract.everyKindTrigger("t", 1), AutomationDefinitionStoreContract.sampleAutomation("a"));
      String json = AutomationDefinitionJson.writeAll(defs);
      assertThat(json).startsWith("{\"format\":1,\"definitions\":[{\"kind\":\"macro\"");
      assertThat(AutomationDefinitionJson.readAll(json)).isEqualTo(defs);
      assertThat(AutomationDefinitionJson.readAll(AutomationDefinitionJson.writeAll(List.of()))).isEmpty();
    }
  }

  @Nested
  @DisplayName("rejections")
  class Rejections {
    static final String OK_ACTIONS = "\"actions\":[{\"kind\":\"add_tag\",\"tag\":\"x\"}]";

    void rejects(String json, String message) {
      assertThatThrownBy(() -> AutomationDefinitionJson.read(json)).isInstanceOf(DefinitionFormatException.class)
          .isInstanceOf(ValidationException.class).hasMessageContaining(message);
    }

    @Test
    @DisplayName("unknown kinds of definitions, conditions and actions")
    void unknownKinds() {
      rejects("{\"format\":1,\"kind\":\"sla_policy\",\"name\":\"x\"}", "unknown definition kind sla_policy");
      rejects("{\"format\":1,\"kind\":\"trigger\",\"name\":\"x\",\"event\":\"CREATED\",\"conditions\":[{\"kind\":\"subject_matches\",\"regex\":\".*\"}],"
          + OK_ACTIONS + "}", "unknown condition kind subject_matches");
      rejects("{\"format\":1,\"kind\":\"trigger\",\"name\":\"x\",\"event\":\"CREATED\",\"conditions\":[],"
          + "\"actions\":[{\"kind\":\"delete_ticket\"}]}", "unknown action kind delete_ticket");
      rejects("{\"format\":1,\"kind\":\"trigger\",\"name\":\"x\",\"event\":\"EXPLODED\",\"conditions\":[]," + OK_ACTIONS + "}", "unknown event");
      rejects("{\"format\":1,\"kind\":\"trigger\",\"name\":\"x\",\"event\":\"CREATED\",\"conditions\":[{\"kind\":\"state_in\",\"states\":[\"LIMBO\"]}],"
          + OK_ACTIONS + "}", "unknown TicketState LIMBO");
    }

    @Test
    @DisplayName("missing or unsupported format versions")
    void versions() {
      String body = "\"kind\":\"trigger\",\"name\":\"x\",\"event\":\"CREATED\",\"conditions\":[]," + OK_ACTIONS + "}";
      rejects("{" + body, "missing JSON property format");
      rejects("{\"format\":2," + body, "unsupported definition format 2");
      rejects("{\"format\":0," + body, "unsupported definition format 0");
      rejects("{\"format\":\"1\"," + body, "format must be an integer");
      assertThat(AutomationDefinitionJson.read("{\"format\":1," + body)).isInstanceOf(Trigger.class);
      assertThatThrownBy(() -> AutomationDefinitionJson.readAll("{\"format\":9,\"definitions\":[]}"))
          .isInstanceOf(DefinitionFormatException.class);
    }

    @Test
    @DisplayName("malformed JSON, missing properties and invalid values")
    void invalid() {
      rejects("{\"format\":1,", "malformed");
      rejects("[1,2]", "JSON object");
      rejects("{\"format\":1,\"kind\":\"trigger\",\"name\":\"x\",\"event\":\"CREATED\"," + OK_ACTIONS + "}", "missing JSON property conditions");
      rejects("{\"format\":1,\"kind\":\"trigger\",\"name\":\"bad name\",\"event\":\"CREATED\",\"conditions\":[]," + OK_ACTIONS + "}", "trigger name");
      rejects("{\"format\":1,\"kind\":\"trigger\",\"name\":\"x\",\"event\":\"CREATED\",\"conditions\":[],\"actions\":[]}", "at least one action");
      rejects("{\"format\":1,\"kind\":\"trigger\",\"name\":\"x\",\"event\":\"CREATED\",\"conditions\":[],"
          + "\"actions\":[{\"kind\":\"add_internal_note\",\"text\":\"{{customer.password}}\"}]}", "unknown placeholder");
      rejects("{\"format\":1,\"kind\":\"trigger\",\"name\":\"x\",\"event\":\"CREATED\",\"conditions\":[{\"kind\":\"tier_is\",\"tier\":99}],"
          + OK_ACTIONS + "}", "tier");
      rejects("{\"format\":1,\"kind\":\"automation\",\"name\":\"x\",\"state\":\"PENDING\",\"after\":\"three days\",\"conditions\":[],"
          + OK_ACTIONS + "}", "invalid definition");
      rejects("{\"format\":1,\"kind\":\"macro\",\"name\":\"m\",\"title\":\"M\",\"changes\":[],\"replies\":{\"en_US\":\"Hi\"},"
          + "\"defaultLocale\":\"en\"}", "language tag");
      rejects("{\"format\":1,\"kind\":\"trigger\",\"name\":\"x\",\"event\":\"CREATED\",\"conditions\":[{\"kind\":\"field_equals\",\"field\":\"f\","
          + "\"value\":{\"kind\":\"colour\",\"value\":\"red\"}}]," + OK_ACTIONS + "}", "colour");
      assertThatThrownBy(() -> AutomationDefinitionJson.read(null)).isInstanceOf(DefinitionFormatException.class);
    }

    @Test
    @DisplayName("conditions nested too deeply are refused before they are built")
    void depth() {
      String rule = "{\"kind\":\"unassigned\"}";
      for (int i = 0; i < 50; i++) {
        rule = "{\"kind\":\"not\",\"rule\":" + rule + "}";
      }
      rejects("{\"format\":1,\"kind\":\"trigger\",\"name\":\"x\",\"event\":\"CREATED\",\"conditions\":[" + rule + "]," + OK_ACTIONS + "}", "nest");
    }

    @Test
    @DisplayName("an export with one bad definition reads none and names it")
    void badExport() {
      String good = AutomationDefinitionJson.write(AutomationDefinitionStoreContract.sampleAutomation("a")).replace("{\"format\":1,", "{");
      assertThatThrownBy(() -> AutomationDefinitionJson.readAll("{\"format\":1,\"definitions\":[" + good + ",{\"kind\":\"report\",\"name\":\"r\"}]}"))
          .isInstanceOf(DefinitionFormatException.class).hasMessageContaining("definition 2").hasMessageContaining("report");
    }

    @Test
    @DisplayName("a definition with a host-written condition cannot be written")
    void hostCode() {
      Trigger host = new Trigger("host", TriggerEvent.CREATED, List.of(t -> true), List.of(Action.addTag("x")));
      assertThatThrownBy(() -> AutomationDefinitionJson.write(host)).isInstanceOf(ValidationException.class).hasMessageContaining("host code");
      assertThatThrownBy(() -> AutomationDefinitionJson.writeAll(List.of(host))).isInstanceOf(ValidationException.class);
    }
  }
}
