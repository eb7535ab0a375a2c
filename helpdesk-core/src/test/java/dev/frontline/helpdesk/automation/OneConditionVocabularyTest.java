package dev.frontline.helpdesk.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.escalation.EscalationTrigger;
import dev.frontline.helpdesk.sla.SlaConditions;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaMetricState;
import dev.frontline.helpdesk.sla.SlaStatus;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketType;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SLA policy conditions, escalation triggers and automation conditions are one vocabulary ({@link
 * Rule}) evaluated by one evaluator ({@link Rule#test(TicketFacts)}). Each old rule kind is checked
 * against the formula it had before the merge (restated here as an oracle), on random tickets.
 */
@DisplayName("one condition vocabulary for SLA policies, escalation rules and automations")
class OneConditionVocabularyTest {
  private static final List<OrganizationId> ORGS = List.of(OrganizationId.of("acme"), OrganizationId.of("duna"), OrganizationId.of("zeta"));
  private static final List<String> TAGS = List.of("vip", "billing", "outage", "eu", "spam");
  private static final List<String> PLANS = List.of("gold", "silver", "free");
  private static final List<String> SUBJECTS = List.of("Printer on fire", "EU OUTAGE in billing", "Question", "Outage? no");
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

  private static <T> T pick(Random r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }

  private static <T> Set<T> some(Random r, List<T> from, int max) {
    Set<T> out = new HashSet<>();
    for (int i = r.nextInt(max + 1); i > 0; i--) {
      out.add(pick(r, from));
    }
    return out;
  }

  private static <E extends Enum<E>> Set<E> someOf(Random r, E[] values) {
    return some(r, List.of(values), 2);
  }

  static Ticket ticket(Random r) {
    TreeSet<String> tags = new TreeSet<>(some(r, TAGS, 3));
    Map<SlaMetric, SlaMetricState> sla = new EnumMap<>(SlaMetric.class);
    for (SlaMetric m : SlaMetric.values()) {
      if (r.nextBoolean()) {
        SlaStatus st = pick(r, List.of(SlaStatus.values()));
        sla.put(m, new SlaMetricState(st, r.nextBoolean(), r.nextBoolean() ? T0.plus(Duration.ofMinutes(r.nextInt(240) - 120)) : null));
      }
    }
    return new Ticket(TicketId.of("t-" + r.nextInt(1000)), new TicketKey("HD", 1 + r.nextInt(1000)), 2, pick(r, SUBJECTS),
        CustomerId.of("carol"), r.nextInt(4) == 0 ? null : pick(r, ORGS), pick(r, List.of(Channel.values())),
        pick(r, List.of(Priority.values())), pick(r, List.of(TicketType.values())), TicketState.OPEN, tags, new TreeMap<>(),
        1 + r.nextInt(3), null, null, List.of(), null, T0, T0, null, null, null, T0, null, 0, r.nextInt(4), 0, null, sla);
  }

  static TicketFacts facts(Random r) {
    Ticket t = ticket(r);
    boolean hasOrg = t.organization() != null;
    return new TicketFacts(t, hasOrg && r.nextBoolean(), hasOrg && r.nextInt(3) > 0 ? pick(r, PLANS) : null, T0);
  }

  /** The matching formula of SLA conditions before they became rules. */
  static boolean oldSlaMatch(SlaConditions c, TicketFacts f) {
    Ticket t = f.ticket();
    return (c.priorities().isEmpty() || c.priorities().contains(t.priority()))
        && (c.organizations().isEmpty() || (t.organization() != null && c.organizations().contains(t.organization())))
        && (c.channels().isEmpty() || c.channels().contains(t.channel()))
        && (c.types().isEmpty() || c.types().contains(t.type()))
        && (c.tags().isEmpty() || t.tags().stream().anyMatch(c.tags()::contains))
        && (c.tiers().isEmpty() || c.tiers().contains(t.tier()))
        && (c.plans().isEmpty() || (f.plan() != null && c.plans().contains(f.plan())));
  }

  /** The inline escalation trigger checks before they became rules; null for moment triggers. */
  static @Nullable Boolean oldTrigger(EscalationTrigger tr, TicketFacts f) {
    Ticket t = f.ticket();
    if (tr instanceof EscalationTrigger.PriorityAtLeast p) {
      return t.priority().compareTo(p.priority()) >= 0;
    } else if (tr instanceof EscalationTrigger.VipOrganization) {
      return t.organization() != null && f.vipOrganization();
    } else if (tr instanceof EscalationTrigger.ReopenedAtLeast o) {
      return t.reopenCount() >= o.times();
    } else if (tr instanceof EscalationTrigger.Tagged g) {
      return t.tags().contains(g.tag());
    } else if (tr instanceof EscalationTrigger.SubjectContains k) {
      return t.subject().toLowerCase(Locale.ROOT).contains(k.keyword().toLowerCase(Locale.ROOT));
    }
    return null;
  }

  @Test
  @DisplayName("SLA conditions match exactly as before, now as rules")
  void slaConditions() {
    long seed = Long.getLong("frontline.seed", System.nanoTime());
    System.out.println("OneConditionVocabularyTest seed: " + seed + " (rerun with -Dfrontline.seed=" + seed + ")");
    Random r = new Random(seed);
    int matched = 0;
    for (int i = 0; i < 20_000; i++) {
      SlaConditions c = new SlaConditions(someOf(r, Priority.values()), some(r, ORGS, 2), someOf(r, Channel.values()),
          someOf(r, TicketType.values()), some(r, TAGS, 2), some(r, List.of(1, 2, 3), 2), some(r, PLANS, 2));
      TicketFacts f = facts(r);
      boolean expected = oldSlaMatch(c, f);
      assertThat(c.matches(f)).as("%s on %s", c, f).isEqualTo(expected);
      assertThat(c.rules().stream().allMatch(x -> x.test(f))).isEqualTo(expected);
      matched += expected ? 1 : 0;
    }
    assertThat(matched).as("both outcomes are exercised").isBetween(100, 19_900);
    assertThat(SlaConditions.any().rules()).isEmpty();
  }

  @Test
  @DisplayName("escalation triggers that hold while a fact holds decide exactly as before, through the rule evaluator")
  void escalationTriggers() {
    long seed = Long.getLong("frontline.seed", System.nanoTime());
    Random r = new Random(seed);
    List<EscalationTrigger> triggers = List.of(
        EscalationTrigger.priorityAtLeast(Priority.HIGH), EscalationTrigger.priorityAtLeast(Priority.LOW),
        EscalationTrigger.vipOrganization(), EscalationTrigger.reopenedAtLeast(1), EscalationTrigger.reopenedAtLeast(3),
        EscalationTrigger.tagged("VIP"), EscalationTrigger.tagged("outage"), EscalationTrigger.subjectContains("outage"),
        EscalationTrigger.subjectContains("Printer"));
    for (int i = 0; i < 5_000; i++) {
      TicketFacts f = facts(r);
      for (EscalationTrigger tr : triggers) {
        Rule condition = tr.condition();
        assertThat(condition).as("%s has a condition", tr).isNotNull();
        assertThat(condition.test(f)).as("%s on %s (seed %s)", tr, f, seed).isEqualTo(oldTrigger(tr, f));
      }
    }
    for (EscalationTrigger moment : List.of(EscalationTrigger.slaWarning(SlaMetric.FIRST_RESPONSE),
        EscalationTrigger.slaBreach(SlaMetric.RESOLUTION, Duration.ofHours(1)), EscalationTrigger.noAgentReplyFor(Duration.ofHours(8)),
        EscalationTrigger.manualEscalation())) {
      assertThat(moment.condition()).as("%s is a moment, not a fact", moment).isNull();
    }
  }

  @Test
  @DisplayName("automation rules on a ticket alone decide as on its facts without organization facts")
  void automationRules() {
    Random r = new Random(Long.getLong("frontline.seed", System.nanoTime()));
    List<Rule> rules = List.of(Condition.priorityIn(Priority.HIGH, Priority.URGENT), Condition.hasTag("vip"),
        Condition.lacksTag("spam"), Condition.tierIs(2), Condition.typeIs(TicketType.INCIDENT),
        Condition.organizationIn(OrganizationId.of("acme")), Condition.not(Condition.anyOf(Condition.hasTag("eu"), Condition.tierIs(1))));
    for (int i = 0; i < 5_000; i++) {
      Ticket t = ticket(r);
      for (Rule rule : rules) {
        assertThat(rule.test(t)).isEqualTo(rule.test(new TicketFacts(t, r.nextBoolean(), pick(r, PLANS), T0)));
      }
    }
  }

  @Test
  @DisplayName("SLA facts: warned and breached read the stored SLA state; breached also when a running cycle's due instant has passed")
  void slaFacts() {
    Ticket base = ticket(new Random(1));
    Instant due = T0.plusSeconds(3600);
    Map<SlaMetricState, boolean[]> cases = Map.of(
        new SlaMetricState(SlaStatus.RUNNING, false, due), new boolean[] {false, false, true},
        new SlaMetricState(SlaStatus.RUNNING, true, due), new boolean[] {true, false, true},
        new SlaMetricState(SlaStatus.BREACHED, true, due), new boolean[] {true, true, true},
        new SlaMetricState(SlaStatus.PAUSED, true, due), new boolean[] {true, false, false},
        new SlaMetricState(SlaStatus.MET, false, null), new boolean[] {false, false, false});
    cases.forEach((state, expected) -> {
      Ticket t = withSla(base, Map.of(SlaMetric.FIRST_RESPONSE, state));
      TicketFacts before = new TicketFacts(t, false, null, due.minusSeconds(1));
      TicketFacts after = new TicketFacts(t, false, null, due);
      assertThat(Condition.slaWarned(SlaMetric.FIRST_RESPONSE).test(before)).as("warned %s", state).isEqualTo(expected[0]);
      assertThat(Condition.slaBreached(SlaMetric.FIRST_RESPONSE).test(before)).as("breached before due %s", state).isEqualTo(expected[1]);
      assertThat(Condition.slaBreached(SlaMetric.FIRST_RESPONSE).test(after)).as("breached at due %s", state).isEqualTo(expected[2]);
      assertThat(Condition.slaBreached(SlaMetric.RESOLUTION).test(after)).as("another metric").isFalse();
    });
  }

  @Test
  @DisplayName("a condition that could never match is refused when it is made")
  void refused() {
    assertThatThrownBy(() -> SlaConditions.any().withTags(Set.of("not a tag"))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> SlaConditions.any().withTiers(Set.of(0))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> EscalationTrigger.tagged("two words")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new Rule.TagIn(Set.of())).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Condition.planIn()).isInstanceOf(ValidationException.class);
    assertThat(SlaConditions.any().withTags(Set.of("VIP")).tags()).containsExactly("vip");
  }

  private static Ticket withSla(Ticket t, Map<SlaMetric, SlaMetricState> sla) {
    return new Ticket(t.id(), t.key(), t.version(), t.subject(), t.requester(), t.organization(), t.channel(), t.priority(), t.type(),
        t.state(), t.tags(), t.fields(), t.tier(), t.team(), t.assignee(), t.links(), t.mergedInto(), t.createdAt(), t.updatedAt(),
        t.firstResponseAt(), t.solvedAt(), t.closedAt(), t.lastCustomerMessageAt(), t.lastAgentReplyAt(), t.publicAgentReplies(),
        t.reopenCount(), t.escalationCount(), t.nextDeadline(), sla);
  }
}
