package dev.frontline.helpdesk.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.ConfigurationException;
import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.OpsDesk;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.automation.Action;
import dev.frontline.helpdesk.automation.Automation;
import dev.frontline.helpdesk.automation.AutomationDefinition;
import dev.frontline.helpdesk.automation.AutomationDefinition.Kind;
import dev.frontline.helpdesk.automation.Condition;
import dev.frontline.helpdesk.automation.DefinitionService;
import dev.frontline.helpdesk.automation.Macro;
import dev.frontline.helpdesk.automation.StoredDefinition;
import dev.frontline.helpdesk.automation.Trigger;
import dev.frontline.helpdesk.automation.TriggerEvent;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.sla.SlaConditions;
import dev.frontline.helpdesk.spi.AutomationDefinitionStore;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Escalation rules as stored definitions: defined at run time by an administrator, shared by every
 * node on the store, checked against the directory, administered with the other kinds through one
 * service.
 */
@DisplayName("escalation rules stored and shared like triggers")
class StoredEscalationRulesTest {
  private final OpsDesk d = new OpsDesk();
  private final Principal admin = d.system;

  private static EscalationRule urgentToTier2(String name) {
    return EscalationRule.builder(name).when(EscalationTrigger.priorityAtLeast(Priority.URGENT))
        .onlyFor(SlaConditions.any().withTiers(Set.of(1)))
        .then(EscalationAction.moveToTier(2, null), EscalationAction.addTag("rule-" + name)).build();
  }

  private Ticket urgent(Helpdesk h, String subject) {
    return h.tickets().create(d.system, NewTicket.builder(subject, OpsDesk.CAROL, Message.of("down")).priority(Priority.URGENT).build());
  }

  @Nested
  @DisplayName("running")
  class Running {
    @Test
    @DisplayName("a rule defined on one node fires on another node sharing the store; deleting it stops it")
    void sharedAcrossNodes() {
      StoredDefinition<EscalationRule> stored = d.helpdesk.escalation().define(admin, urgentToTier2("urgent"), AutomationDefinitionStore.NEW);
      assertThat(stored.revision()).isPositive();
      Helpdesk node2 = d.base().build();
      assertThat(node2.escalation().rules()).extracting(EscalationRule::name).containsExactly("urgent");
      Ticket t = urgent(node2, "Site down");
      d.clock.advance(Duration.ofMinutes(1));
      assertThat(node2.escalation().runOnce()).isEqualTo(1);
      Ticket after = d.tickets.get(d.system, t.id());
      assertThat(after.tier()).isEqualTo(2);
      assertThat(after.team()).isEqualTo(OpsDesk.SECOND);
      assertThat(after.tags()).contains("rule-urgent");
      // fired once: a second run on the first node does nothing more
      assertThat(d.helpdesk.escalation().runOnce()).isZero();

      assertThat(d.helpdesk.escalation().delete(admin, "urgent", stored.revision())).isTrue();
      Ticket later = urgent(d.helpdesk, "Site down again");
      d.clock.advance(Duration.ofMinutes(1));
      d.helpdesk.escalation().runOnce();
      assertThat(d.tickets.get(d.system, later.id()).tier()).isEqualTo(1);
    }

    @Test
    @DisplayName("a node built before the rule was defined picks it up from the store within the refresh interval")
    void refresh() throws InterruptedException {
      Helpdesk node2 = d.base().build();
      assertThat(node2.escalation().rules()).isEmpty();
      d.helpdesk.definitions().define(admin, urgentToTier2("late"), AutomationDefinitionStore.NEW);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (node2.escalation().rules().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(node2.escalation().rules()).extracting(EscalationRule::name).containsExactly("late");
    }

    @Test
    @DisplayName("builder rules run first, stored rules after them; a stored rule may not take a builder rule's name")
    void orderAndNames() {
      EscalationRule configured = EscalationRule.builder("configured").when(EscalationTrigger.priorityAtLeast(Priority.HIGH))
          .then(EscalationAction.addTag("configured")).build();
      OpsDesk withRule = d.with(b -> b.escalationRules(List.of(configured)));
      withRule.helpdesk.escalation().define(admin, urgentToTier2("stored"), AutomationDefinitionStore.NEW);
      assertThat(withRule.helpdesk.escalation().rules()).extracting(EscalationRule::name).containsExactly("configured", "stored");
      assertThatThrownBy(() -> withRule.helpdesk.escalation().define(admin,
          EscalationRule.builder("configured").then(EscalationAction.addTag("x")).build(), AutomationDefinitionStore.ANY_REVISION))
          .isInstanceOf(ValidationException.class);
      assertThat(withRule.helpdesk.escalation().list(admin)).extracting(StoredDefinition::name).containsExactly("stored");
    }
  }

  @Nested
  @DisplayName("checks")
  class Checks {
    @Test
    @DisplayName("a rule naming a tier, team or agent the directory lacks is refused with every problem listed, and nothing is stored")
    void directory() {
      EscalationRule bad = EscalationRule.builder("bad").onlyFor(SlaConditions.any().withTiers(Set.of(4)))
          .then(EscalationAction.moveToTier(3, null), EscalationAction.reassign(TeamId.of("ghosts"), null)).build();
      assertThatThrownBy(() -> d.helpdesk.escalation().define(admin, bad, AutomationDefinitionStore.NEW))
          .isInstanceOf(ConfigurationException.class)
          .satisfies(e -> assertThat(((ConfigurationException) e).problems()).hasSize(3)
              .anySatisfy(p -> assertThat(p).contains("tier 4"))
              .anySatisfy(p -> assertThat(p).contains("tier 3"))
              .anySatisfy(p -> assertThat(p).contains("ghosts")));
      assertThat(d.helpdesk.escalation().list(admin)).isEmpty();
    }

    @Test
    @DisplayName("only administrators define, list, read and delete rules; a refused caller learns nothing about the directory")
    void rights() {
      StoredDefinition<EscalationRule> s = d.helpdesk.escalation().define(admin, urgentToTier2("r"), AutomationDefinitionStore.NEW);
      EscalationRule bad = EscalationRule.builder("bad").then(EscalationAction.moveToTier(3, null)).build();
      for (Principal p : List.of(d.sup, d.lead, d.alice, d.carol, Principal.anonymous())) {
        assertThatThrownBy(() -> d.helpdesk.escalation().define(p, urgentToTier2("x"), AutomationDefinitionStore.NEW))
            .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> d.helpdesk.escalation().define(p, bad, AutomationDefinitionStore.NEW))
            .as("denied before the directory is consulted").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> d.helpdesk.escalation().list(p)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> d.helpdesk.escalation().findStored(p, "r")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> d.helpdesk.escalation().delete(p, "r", s.revision())).isInstanceOf(AccessDeniedException.class);
      }
      assertThat(d.helpdesk.escalation().list(admin)).extracting(StoredDefinition::name).containsExactly("r");
    }

    @Test
    @DisplayName("revisions guard concurrent edits")
    void revisions() {
      StoredDefinition<EscalationRule> s1 = d.helpdesk.escalation().define(admin, urgentToTier2("r"), AutomationDefinitionStore.NEW);
      StoredDefinition<EscalationRule> s2 = d.helpdesk.escalation().define(admin, urgentToTier2("r"), s1.revision());
      assertThatThrownBy(() -> d.helpdesk.escalation().define(admin, urgentToTier2("r"), s1.revision()))
          .isInstanceOf(ConcurrentModificationException.class);
      assertThatThrownBy(() -> d.helpdesk.escalation().delete(admin, "r", s1.revision())).isInstanceOf(ConcurrentModificationException.class);
      assertThat(d.helpdesk.escalation().findStored(admin, "r")).contains(s2);
    }
  }

  @Nested
  @DisplayName("one administration service for every kind")
  class OneService {
    @Test
    @DisplayName("macros, triggers, automations and escalation rules are defined, listed, read and deleted through definitions()")
    void everyKind() {
      DefinitionService defs = d.helpdesk.definitions();
      List<AutomationDefinition> all = List.of(
          Macro.of("reset", "Reset", List.of(Action.addTag("reset")), Map.of(), java.util.Locale.ENGLISH),
          new Trigger("t", TriggerEvent.CREATED, List.of(Condition.hasTag("vip")), List.of(Action.addTag("seen"))),
          new Automation("a", TicketState.PENDING, Duration.ofDays(3), List.of(), List.of(Action.setState(TicketState.SOLVED))),
          urgentToTier2("e"));
      for (AutomationDefinition def : all) {
        StoredDefinition<? extends AutomationDefinition> s = defs.define(admin, def, AutomationDefinitionStore.NEW);
        assertThat(s.definition()).isEqualTo(def);
        assertThat(defs.list(admin, def.kind())).singleElement().isEqualTo(s);
        assertThat(defs.find(admin, def.kind(), def.name())).contains(s);
      }
      assertThat(d.helpdesk.triggers().triggers()).extracting(Trigger::name).containsExactly("t");
      assertThat(d.helpdesk.automations().automations()).extracting(Automation::name).containsExactly("a");
      assertThat(d.helpdesk.macros().find(d.alice, "reset")).isPresent();
      assertThat(d.helpdesk.escalation().rules()).extracting(EscalationRule::name).containsExactly("e");
      for (AutomationDefinition def : all) {
        long rev = defs.find(admin, def.kind(), def.name()).orElseThrow().revision();
        assertThat(defs.delete(admin, def.kind(), def.name(), rev)).isTrue();
        assertThat(defs.list(admin, def.kind())).isEmpty();
      }
    }

    @Test
    @DisplayName("rights per kind: MACRO_MANAGE for macros, ADMINISTER for the rest")
    void rightsPerKind() {
      DefinitionService defs = d.helpdesk.definitions();
      // the team lead manages macros but does not administer
      defs.define(d.lead, Macro.of("m", "M", List.of(Action.addTag("m")), Map.of(), java.util.Locale.ENGLISH), AutomationDefinitionStore.NEW);
      assertThat(defs.list(d.lead, Kind.MACRO)).hasSize(1);
      for (Kind k : List.of(Kind.TRIGGER, Kind.AUTOMATION, Kind.ESCALATION_RULE)) {
        assertThatThrownBy(() -> defs.list(d.lead, k)).as("%s", k).isInstanceOf(AccessDeniedException.class);
      }
      assertThatThrownBy(() -> defs.define(d.lead, urgentToTier2("x"), AutomationDefinitionStore.NEW)).isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> defs.list(d.alice, Kind.MACRO)).isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> defs.find(d.carol, Kind.MACRO, "m")).isInstanceOf(AccessDeniedException.class);
    }
  }
}
