package dev.frontline.helpdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.automation.Action;
import dev.frontline.helpdesk.automation.Automation;
import dev.frontline.helpdesk.automation.AutomationDefinition.Kind;
import dev.frontline.helpdesk.automation.Condition;
import dev.frontline.helpdesk.automation.Macro;
import dev.frontline.helpdesk.automation.Recipient;
import dev.frontline.helpdesk.automation.StoredDefinition;
import dev.frontline.helpdesk.automation.Trigger;
import dev.frontline.helpdesk.automation.TriggerEvent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.spi.AutomationDefinitionStore;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.FieldValue;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link AutomationDefinitionStore} must pass: definitions come back equal
 * (every standard condition and action, macros in several locales), by kind and name; saves and
 * deletes check the expected revision and change nothing when it is stale or the input is invalid;
 * revisions and the change counter only grow and are never reused; lists keep the order of first
 * saves; and of many threads (standing in for several nodes) saving one name with the same expected
 * revision, exactly one wins and its definition is stored whole.
 */
public abstract class AutomationDefinitionStoreContract {
  /** The store under test. */
  protected AutomationDefinitionStore store;

  /** Subclasses need no-arg constructors. */
  protected AutomationDefinitionStoreContract() {}

  /** @return a store without definitions (its change counter need not be 0) */
  protected abstract AutomationDefinitionStore newStore();

  /** @return how many threads the concurrency tests use */
  protected int threads() {
    return 8;
  }

  @BeforeEach
  void fresh() {
    store = newStore();
  }

  /**
   * A trigger using every standard condition and every action.
   *
   * @param name its name
   * @param variant changes the priority it sets, so variants differ
   * @return the trigger
   */
  public static Trigger everyKindTrigger(String name, int variant) {
    return new Trigger(name, TriggerEvent.CUSTOMER_REPLIED, List.of(
        Condition.stateIn(TicketState.OPEN, TicketState.PENDING),
        Condition.priorityIn(Priority.HIGH, Priority.URGENT),
        Condition.hasTag("vip"),
        Condition.lacksTag("spam"),
        Condition.channelIn(Channel.EMAIL, Channel.CHAT),
        Condition.typeIs(TicketType.INCIDENT),
        Condition.tierIs(2),
        Condition.teamIs(TeamId.of("second")),
        Condition.unassigned(),
        Condition.assigneeIs(AgentId.of("alice")),
        Condition.organizationIn(dev.frontline.helpdesk.directory.OrganizationId.of("vip-" + variant)),
        Condition.requesterIs(dev.frontline.helpdesk.directory.CustomerId.of("carol")),
        Condition.fieldEquals("plan", new FieldValue.Text("gold \"plus\" ü")),
        Condition.fieldEquals("seats", new FieldValue.Number(new BigDecimal("12.50"))),
        Condition.fieldEquals("trial", new FieldValue.Bool(false)),
        Condition.fieldEquals("renewal", new FieldValue.Date(LocalDate.parse("2026-12-31"))),
        Condition.not(Condition.anyOf(Condition.hasTag("internal"), Condition.not(Condition.tierIs(1))))),
        List.of(
            Action.setPriority(Priority.values()[Math.floorMod(variant, Priority.values().length)]),
            Action.addTag("watched"),
            Action.removeTag("new"),
            Action.assignTeam(TeamId.of("front-b")),
            Action.setState(TicketState.ON_HOLD),
            Action.addInternalNote("Variant " + variant + " for {{customer.name}}\nsecond line <b>&</b>"),
            Action.notify(Recipient.TEAM, "VIP {{ticket.key}}: {{ticket.subject}}", "Body\n{{agent.name}}"),
            Action.notify(Recipient.REQUESTER, "Hi", "Dear {{customer.name}}"),
            Action.notify(Recipient.ASSIGNEE, "A", "B"),
            Action.setField("plan", new FieldValue.Number(new BigDecimal(variant))),
            Action.setField("trial", null),
            Action.addPublicReply("We got {{ticket.key}}, {{customer.name}}.")));
  }

  /**
   * @param name its name
   * @return an automation with conditions and actions
   */
  public static Automation sampleAutomation(String name) {
    return new Automation(name, TicketState.PENDING, Duration.ofDays(3).plusMinutes(30),
        List.of(Condition.lacksTag("no-reminder"), Condition.channelIn(Channel.EMAIL)),
        List.of(Action.notify(Recipient.REQUESTER, "Still need help with {{ticket.key}}?", "Dear {{customer.name}}"),
            Action.setState(TicketState.SOLVED)));
  }

  /**
   * @param name its name
   * @param title its title, so variants differ
   * @return a macro with changes and replies in several locales
   */
  public static Macro sampleMacro(String name, String title) {
    return Macro.of(name, title, List.of(Action.addTag("password"), Action.setState(TicketState.PENDING)),
        Map.of(Locale.ENGLISH, "Hello {{customer.name}}, see {{ticket.key}}.",
            Locale.GERMAN, "Hallo {{customer.name}}, siehe {{ticket.key}}.",
            Locale.forLanguageTag("de-CH"), "Grüezi {{customer.name}}",
            Locale.forLanguageTag("pt-BR"), "Olá {{customer.name}} — {{agent.name}}",
            Locale.forLanguageTag("zh-Hant-TW"), "您好 {{customer.name}}"),
        Locale.ENGLISH);
  }

  @Test
  @DisplayName("a store without definitions lists and finds nothing")
  void empty() {
    for (Kind k : Kind.values()) {
      assertThat(store.list(k)).isEmpty();
      assertThat(store.find(k, "x")).isEmpty();
    }
    assertThat(store.changeCount()).isNotNegative();
    assertThat(store.delete(Kind.MACRO, "x", AutomationDefinitionStore.ANY_REVISION)).isFalse();
  }

  @Test
  @DisplayName("every kind of definition, with every standard condition and action, comes back equal")
  void roundTrip() {
    Trigger t = everyKindTrigger("vip-reply", 1);
    Automation a = sampleAutomation("remind");
    Macro m = sampleMacro("reset-password", "Password reset");
    Macro plain = Macro.of("tag-only", "Only tags", List.of(Action.addTag("x")), Map.of(), Locale.FRENCH);
    long before = store.changeCount();
    StoredDefinition<Trigger> st = store.save(t, AutomationDefinitionStore.NEW);
    StoredDefinition<Automation> sa = store.save(a, AutomationDefinitionStore.NEW);
    StoredDefinition<Macro> sm = store.save(m, AutomationDefinitionStore.NEW);
    StoredDefinition<Macro> sp = store.save(plain, AutomationDefinitionStore.NEW);
    assertThat(st.definition()).isSameAs(t);
    assertThat(List.of(st.revision(), sa.revision(), sm.revision(), sp.revision())).isSorted().doesNotHaveDuplicates();
    assertThat(st.revision()).isGreaterThan(before);
    assertThat(store.changeCount()).isEqualTo(sp.revision());

    assertThat(store.find(Kind.TRIGGER, "vip-reply")).contains(st);
    assertThat(store.find(Kind.AUTOMATION, "remind")).contains(sa);
    assertThat(store.find(Kind.MACRO, "reset-password")).contains(sm);
    assertThat(store.find(Kind.MACRO, "tag-only")).contains(sp);
    Macro back = (Macro) store.find(Kind.MACRO, "reset-password").orElseThrow().definition();
    assertThat(Objects.requireNonNull(back.replyFor(Locale.forLanguageTag("de-CH"))).text()).isEqualTo("Grüezi {{customer.name}}");
    assertThat(Objects.requireNonNull(back.replyFor(Locale.forLanguageTag("zh-Hant-TW"))).placeholders()).containsExactly("customer.name");
    assertThat(back.replies()).hasSize(5);
    Trigger tBack = (Trigger) store.find(Kind.TRIGGER, "vip-reply").orElseThrow().definition();
    assertThat(tBack.conditions()).isEqualTo(t.conditions());
    assertThat(tBack.actions()).isEqualTo(t.actions());
  }

  @Test
  @DisplayName("conditions on tag, type and tier sets, organization facts, SLA facts and changes come back equal")
  void factConditions() {
    Trigger t = new Trigger("sla-watch", TriggerEvent.ANY, List.of(
        new dev.frontline.helpdesk.automation.Rule.TagIn(java.util.Set.of("vip", "gold")),
        new dev.frontline.helpdesk.automation.Rule.TypeIn(java.util.Set.of(TicketType.INCIDENT, TicketType.PROBLEM)),
        new dev.frontline.helpdesk.automation.Rule.TierIn(java.util.Set.of(2, 3)),
        Condition.priorityAtLeast(Priority.HIGH),
        Condition.vipOrganization(),
        Condition.planIn("gold", "platinum"),
        Condition.reopenedAtLeast(2),
        Condition.subjectContains("outage"),
        Condition.anyOf(Condition.slaWarned(dev.frontline.helpdesk.sla.SlaMetric.FIRST_RESPONSE),
            Condition.slaBreached(dev.frontline.helpdesk.sla.SlaMetric.RESOLUTION)),
        Condition.stateBecame(TicketState.SOLVED),
        Condition.priorityChanged(Priority.NORMAL, null)),
        List.of(Action.addTag("watched")));
    store.save(t, AutomationDefinitionStore.NEW);
    assertThat(store.find(Kind.TRIGGER, "sla-watch").orElseThrow().definition()).isEqualTo(t);
  }

  @Test
  @DisplayName("escalation rules are a kind of their own: trigger, conditions and actions come back equal")
  void escalationRules() {
    dev.frontline.helpdesk.escalation.EscalationRule r = dev.frontline.helpdesk.escalation.EscalationRule.builder("fr-breach")
        .when(dev.frontline.helpdesk.escalation.EscalationTrigger.slaBreach(dev.frontline.helpdesk.sla.SlaMetric.FIRST_RESPONSE,
            java.time.Duration.ofHours(4)))
        .onlyFor(dev.frontline.helpdesk.sla.SlaConditions.any().withTiers(java.util.Set.of(1)).withTags(java.util.Set.of("vip")))
        .then(dev.frontline.helpdesk.escalation.EscalationAction.moveToTier(2, TeamId.of("second")),
            dev.frontline.helpdesk.escalation.EscalationAction.notification("team:second", "first response breached"),
            dev.frontline.helpdesk.escalation.EscalationAction.reassign(null, AgentId.of("bob")))
        .build();
    StoredDefinition<dev.frontline.helpdesk.escalation.EscalationRule> s = store.save(r, AutomationDefinitionStore.NEW);
    store.save(everyKindTrigger("fr-breach", 0), AutomationDefinitionStore.NEW);
    assertThat(store.find(Kind.ESCALATION_RULE, "fr-breach").orElseThrow().definition()).isEqualTo(r);
    assertThat(store.list(Kind.ESCALATION_RULE)).singleElement().satisfies(x -> assertThat(x.revision()).isEqualTo(s.revision()));
    assertThat(store.delete(Kind.ESCALATION_RULE, "fr-breach", s.revision())).isTrue();
    assertThat(store.find(Kind.TRIGGER, "fr-breach")).isPresent();
  }

  @Test
  @DisplayName("names are unique per kind: the same name may be a macro, a trigger, an automation and an escalation rule")
  void kinds() {
    store.save(sampleMacro("same", "Same"), AutomationDefinitionStore.NEW);
    store.save(everyKindTrigger("same", 0), AutomationDefinitionStore.NEW);
    store.save(sampleAutomation("same"), AutomationDefinitionStore.NEW);
    store.save(dev.frontline.helpdesk.escalation.EscalationRule.builder("same")
        .then(dev.frontline.helpdesk.escalation.EscalationAction.addTag("same")).build(), AutomationDefinitionStore.NEW);
    for (Kind k : Kind.values()) {
      assertThat(store.list(k)).singleElement().satisfies(s -> {
        assertThat(s.kind()).isEqualTo(k);
        assertThat(s.definition()).isInstanceOf(k.type());
      });
    }
    assertThat(store.delete(Kind.TRIGGER, "same", AutomationDefinitionStore.ANY_REVISION)).isTrue();
    assertThat(store.find(Kind.MACRO, "same")).isPresent();
    assertThat(store.find(Kind.AUTOMATION, "same")).isPresent();
    assertThat(store.find(Kind.TRIGGER, "same")).isEmpty();
  }

  @Test
  @DisplayName("a save checks the expected revision: NEW for a free name, the read revision, or any")
  void optimisticSave() {
    StoredDefinition<Macro> s1 = store.save(sampleMacro("m", "One"), AutomationDefinitionStore.NEW);
    long count = store.changeCount();
    assertThatThrownBy(() -> store.save(sampleMacro("m", "Two"), AutomationDefinitionStore.NEW))
        .isInstanceOf(ConcurrentModificationException.class);
    assertThatThrownBy(() -> store.save(sampleMacro("m", "Two"), s1.revision() + 1000))
        .isInstanceOf(ConcurrentModificationException.class);
    assertThatThrownBy(() -> store.save(sampleMacro("other", "Two"), s1.revision()))
        .as("a revision expected for a definition that is not there").isInstanceOf(ConcurrentModificationException.class);
    assertThat(store.changeCount()).as("failed saves change nothing").isEqualTo(count);
    assertThat(store.find(Kind.MACRO, "m")).contains(s1);
    assertThat(store.find(Kind.MACRO, "other")).isEmpty();

    StoredDefinition<Macro> s2 = store.save(sampleMacro("m", "Two"), s1.revision());
    assertThat(s2.revision()).isGreaterThan(s1.revision());
    assertThatThrownBy(() -> store.save(sampleMacro("m", "Three"), s1.revision())).isInstanceOf(ConcurrentModificationException.class);
    StoredDefinition<Macro> s3 = store.save(sampleMacro("m", "Three"), AutomationDefinitionStore.ANY_REVISION);
    assertThat(s3.revision()).isGreaterThan(s2.revision());
    assertThat(store.find(Kind.MACRO, "m")).contains(s3);
    assertThat(store.changeCount()).isEqualTo(s3.revision());
  }

  @Test
  @DisplayName("a delete checks the expected revision; a deleted name made again never gets an old revision")
  void optimisticDelete() {
    StoredDefinition<Trigger> s1 = store.save(everyKindTrigger("t", 0), AutomationDefinitionStore.NEW);
    StoredDefinition<Trigger> s2 = store.save(everyKindTrigger("t", 1), s1.revision());
    long count = store.changeCount();
    assertThatThrownBy(() -> store.delete(Kind.TRIGGER, "t", s1.revision())).isInstanceOf(ConcurrentModificationException.class);
    assertThat(store.delete(Kind.TRIGGER, "missing", 5)).isFalse();
    assertThat(store.changeCount()).isEqualTo(count);
    assertThat(store.find(Kind.TRIGGER, "t")).contains(s2);

    assertThat(store.delete(Kind.TRIGGER, "t", s2.revision())).isTrue();
    assertThat(store.changeCount()).as("a delete moves the counter").isGreaterThan(count);
    assertThat(store.find(Kind.TRIGGER, "t")).isEmpty();
    assertThat(store.delete(Kind.TRIGGER, "t", AutomationDefinitionStore.ANY_REVISION)).isFalse();
    assertThatThrownBy(() -> store.save(everyKindTrigger("t", 2), s2.revision())).isInstanceOf(ConcurrentModificationException.class);
    StoredDefinition<Trigger> again = store.save(everyKindTrigger("t", 2), AutomationDefinitionStore.NEW);
    assertThat(again.revision()).isEqualTo(store.changeCount()).isGreaterThan(s2.revision() + 1);
  }

  @Test
  @DisplayName("lists keep the order of first saves; a replaced definition keeps its place, one made again goes last")
  void order() {
    for (String n : List.of("zeta", "alpha", "mid")) {
      store.save(everyKindTrigger(n, 0), AutomationDefinitionStore.NEW);
    }
    store.save(everyKindTrigger("alpha", 3), AutomationDefinitionStore.ANY_REVISION);
    assertThat(store.list(Kind.TRIGGER)).extracting(StoredDefinition::name).containsExactly("zeta", "alpha", "mid");
    assertThat(((Trigger) store.list(Kind.TRIGGER).get(1).definition())).isEqualTo(everyKindTrigger("alpha", 3));
    store.delete(Kind.TRIGGER, "zeta", AutomationDefinitionStore.ANY_REVISION);
    store.save(everyKindTrigger("zeta", 1), AutomationDefinitionStore.NEW);
    assertThat(store.list(Kind.TRIGGER)).extracting(StoredDefinition::name).containsExactly("alpha", "mid", "zeta");
    assertThat(store.list(Kind.MACRO)).isEmpty();
  }

  @Test
  @DisplayName("invalid input is rejected with a ValidationException and changes nothing")
  @SuppressWarnings("NullAway") // passes null on purpose
  void invalid() {
    store.save(sampleMacro("m", "One"), AutomationDefinitionStore.NEW);
    long count = store.changeCount();
    assertThatThrownBy(() -> store.save(null, AutomationDefinitionStore.NEW)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> store.save(sampleMacro("m", "Two"), -2)).isInstanceOf(ValidationException.class);
    Trigger host = new Trigger("host", TriggerEvent.CREATED, List.of(Condition.hasTag("a"), t -> t.tier() > 1),
        List.of(Action.addTag("x")));
    assertThatThrownBy(() -> store.save(host, AutomationDefinitionStore.NEW)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("host code");
    assertThatThrownBy(() -> store.delete(null, "m", AutomationDefinitionStore.ANY_REVISION)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> store.delete(Kind.MACRO, null, AutomationDefinitionStore.ANY_REVISION)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> store.delete(Kind.MACRO, "m", -5)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> store.find(null, "m")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> store.list(null)).isInstanceOf(ValidationException.class);
    assertThat(store.changeCount()).isEqualTo(count);
    assertThat(store.find(Kind.TRIGGER, "host")).isEmpty();
    assertThat(store.find(Kind.MACRO, "m").orElseThrow().definition()).isEqualTo(sampleMacro("m", "One"));
  }

  @Test
  @DisplayName("of many threads saving one name with the same expected revision, exactly one wins and is stored whole")
  void concurrentSaves() throws Exception {
    int threads = threads();
    for (int round = 0; round < 3; round++) {
      long expected = store.find(Kind.TRIGGER, "race").map(StoredDefinition::revision).orElse(AutomationDefinitionStore.NEW);
      long before = store.changeCount();
      List<Object> outcomes = race(threads, w -> store.save(everyKindTrigger("race", w), expected));
      List<StoredDefinition<?>> wins = new ArrayList<>();
      for (Object o : outcomes) {
        if (o instanceof StoredDefinition<?> s) {
          wins.add(s);
        } else {
          assertThat(o).as("losers see a ConcurrentModificationException").isInstanceOf(ConcurrentModificationException.class);
        }
      }
      assertThat(wins).as("round " + round + ": exactly one winner").hasSize(1);
      StoredDefinition<?> win = wins.get(0);
      assertThat(store.find(Kind.TRIGGER, "race")).contains(win);
      assertThat(store.changeCount()).isEqualTo(win.revision()).isEqualTo(before + 1);
      assertThat(store.list(Kind.TRIGGER)).containsExactly(win);
    }
  }

  @Test
  @DisplayName("concurrent saves of different names all succeed with distinct revisions")
  void concurrentDistinctSaves() throws Exception {
    int threads = threads();
    long before = store.changeCount();
    List<Object> outcomes = race(threads, w -> store.save(sampleMacro("m" + w, "Macro " + w), AutomationDefinitionStore.NEW));
    assertThat(outcomes).allMatch(o -> o instanceof StoredDefinition<?>);
    assertThat(outcomes).extracting(o -> ((StoredDefinition<?>) o).revision()).doesNotHaveDuplicates();
    assertThat(store.list(Kind.MACRO)).hasSize(threads);
    assertThat(store.changeCount()).isEqualTo(before + threads);
    for (int w = 0; w < threads; w++) {
      assertThat(store.find(Kind.MACRO, "m" + w).orElseThrow().definition()).isEqualTo(sampleMacro("m" + w, "Macro " + w));
    }
  }

  /** A task of one racing thread. */
  @FunctionalInterface
  private interface Work {
    Object run(int worker);
  }

  private static List<Object> race(int threads, Work work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Object>> futures = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        int worker = w;
        futures.add(pool.submit(() -> {
          start.await();
          try {
            return work.run(worker);
          } catch (RuntimeException e) {
            return e;
          }
        }));
      }
      start.countDown();
      List<Object> out = new ArrayList<>();
      for (Future<Object> f : futures) {
        out.add(f.get(60, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
