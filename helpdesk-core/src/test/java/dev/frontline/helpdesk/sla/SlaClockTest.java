package dev.frontline.helpdesk.sla;

import static dev.frontline.helpdesk.sla.SlaMetric.FIRST_RESPONSE;
import static dev.frontline.helpdesk.sla.SlaMetric.NEXT_RESPONSE;
import static dev.frontline.helpdesk.sla.SlaMetric.PERIODIC_UPDATE;
import static dev.frontline.helpdesk.sla.SlaMetric.RESOLUTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.automation.TicketFacts;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketHistory;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.sla.SlaEvent.AgentPublicReply;
import dev.frontline.helpdesk.sla.SlaEvent.Created;
import dev.frontline.helpdesk.sla.SlaEvent.CustomerMessage;
import dev.frontline.helpdesk.sla.SlaEvent.Solved;
import dev.frontline.helpdesk.sla.SlaEvent.StateChanged;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SlaClockTest {
  static final BusinessCalendar ALWAYS = BusinessCalendar.always();

  static final SlaPolicy POLICY =
      SlaPolicy.builder("standard")
          .target(FIRST_RESPONSE, Duration.ofHours(1), ALWAYS)
          .target(NEXT_RESPONSE, Duration.ofHours(2), ALWAYS)
          .target(PERIODIC_UPDATE, Duration.ofHours(4), ALWAYS)
          .target(RESOLUTION, Duration.ofHours(8), ALWAYS)
          .build();

  /** An instant on 2026-11-23 (a Monday), UTC. */
  static Instant at(String hhmm) {
    return Instant.parse("2026-11-23T" + hhmm + ":00Z");
  }

  static SlaReport eval(String now, SlaEvent... events) {
    return SlaClock.evaluate(POLICY, SlaTimeline.of(events), at(now));
  }

  @Nested
  @DisplayName("First response")
  class FirstResponse {
    @Test
    @DisplayName("runs from creation, warns at 75% and names the warning as the next deadline")
    void running() {
      SlaReport r = eval("10:30", new Created(at("10:00")));
      SlaMetricStatus fr = r.status(FIRST_RESPONSE);
      assertThat(fr.status()).isEqualTo(SlaStatus.RUNNING);
      assertThat(fr.due()).isEqualTo(at("11:00"));
      assertThat(fr.warningAt()).isEqualTo(at("10:45"));
      assertThat(fr.warned()).isFalse();
      assertThat(fr.elapsed()).isEqualTo(Duration.ofMinutes(30));
      assertThat(r.status(NEXT_RESPONSE).status()).isEqualTo(SlaStatus.INACTIVE);
      assertThat(r.status(PERIODIC_UPDATE).status()).isEqualTo(SlaStatus.INACTIVE);
      assertThat(r.status(RESOLUTION).due()).isEqualTo(at("18:00"));
      assertThat(r.nextDeadline()).isEqualTo(at("10:45"));
    }

    @Test
    @DisplayName("is met by a reply, warned if the reply came after the warning")
    void met() {
      SlaReport r = eval("12:00", new Created(at("10:00")), new AgentPublicReply(at("10:50")));
      SlaMetricStatus fr = r.status(FIRST_RESPONSE);
      assertThat(fr.status()).isEqualTo(SlaStatus.MET);
      assertThat(fr.stoppedAt()).isEqualTo(at("10:50"));
      assertThat(fr.warned()).isTrue();
      assertThat(fr.breaches()).isZero();
      // The periodic update clock started with the reply: 4 hours, warning at 3.
      assertThat(r.status(PERIODIC_UPDATE).due()).isEqualTo(at("14:50"));
      assertThat(r.nextDeadline()).isEqualTo(at("13:50"));
    }

    @Test
    @DisplayName("a reply exactly at the due instant meets the target; a nanosecond later breaches it")
    void boundary() {
      assertThat(eval("12:00", new Created(at("10:00")), new AgentPublicReply(at("11:00"))).status(FIRST_RESPONSE).status())
          .isEqualTo(SlaStatus.MET);
      SlaMetricStatus late =
          eval("12:00", new Created(at("10:00")), new AgentPublicReply(at("11:00").plusNanos(1))).status(FIRST_RESPONSE);
      assertThat(late.status()).isEqualTo(SlaStatus.BREACHED);
      assertThat(late.due()).isEqualTo(at("11:00"));
      // Evaluated exactly at the due instant without a reply, it is breached.
      assertThat(eval("11:00", new Created(at("10:00"))).status(FIRST_RESPONSE).status()).isEqualTo(SlaStatus.BREACHED);
    }

    @Test
    @DisplayName("breached without a reply; no longer part of the next deadline")
    void breached() {
      SlaReport r = eval("11:30", new Created(at("10:00")));
      SlaMetricStatus fr = r.status(FIRST_RESPONSE);
      assertThat(fr.status()).isEqualTo(SlaStatus.BREACHED);
      assertThat(fr.due()).isEqualTo(at("11:00"));
      assertThat(fr.warned()).isTrue();
      assertThat(fr.breaches()).isEqualTo(1);
      assertThat(r.nextDeadline()).isEqualTo(at("16:00")); // resolution warning
    }

    @Test
    @DisplayName("events after now are ignored")
    void future() {
      SlaReport r = eval("10:30", new Created(at("10:00")), new AgentPublicReply(at("10:40")));
      assertThat(r.status(FIRST_RESPONSE).status()).isEqualTo(SlaStatus.RUNNING);
    }
  }

  @Nested
  @DisplayName("Pauses")
  class Pauses {
    @Test
    @DisplayName("resolution pauses in PENDING by default and resumes with the time already used")
    void pending() {
      SlaEvent[] events = {
        new Created(at("10:00")),
        new StateChanged(at("11:00"), TicketState.PENDING),
        new StateChanged(at("13:00"), TicketState.OPEN)
      };
      SlaMetricStatus paused = eval("12:00", events).status(RESOLUTION);
      assertThat(paused.status()).isEqualTo(SlaStatus.PAUSED);
      assertThat(paused.due()).isNull();
      assertThat(paused.elapsed()).isEqualTo(Duration.ofHours(1));
      SlaReport r = eval("14:00", events);
      SlaMetricStatus res = r.status(RESOLUTION);
      assertThat(res.status()).isEqualTo(SlaStatus.RUNNING);
      assertThat(res.elapsed()).isEqualTo(Duration.ofHours(2));
      assertThat(res.due()).isEqualTo(at("20:00"));
      assertThat(res.segments())
          .containsExactly(
              new SlaSegment(at("10:00"), at("11:00"), TicketState.NEW, false, Duration.ofHours(1)),
              new SlaSegment(at("11:00"), at("13:00"), TicketState.PENDING, true, Duration.ZERO),
              new SlaSegment(at("13:00"), at("14:00"), TicketState.OPEN, false, Duration.ofHours(1)));
      // First response does not pause in PENDING by default.
      assertThat(r.status(FIRST_RESPONSE).status()).isEqualTo(SlaStatus.BREACHED);
      assertThat(r.explain()).contains("RESOLUTION: RUNNING").contains("PENDING paused");
    }

    @Test
    @DisplayName("pause states are configurable per metric")
    void custom() {
      SlaPolicy p =
          SlaPolicy.builder("custom")
              .target(FIRST_RESPONSE, SlaTarget.of(FIRST_RESPONSE, Duration.ofHours(1), ALWAYS).withPausedIn(Set.of(TicketState.ON_HOLD)))
              .build();
      SlaTimeline t = SlaTimeline.of(new Created(at("10:00")), new StateChanged(at("10:30"), TicketState.ON_HOLD), new StateChanged(at("12:00"), TicketState.OPEN));
      SlaMetricStatus fr = SlaClock.evaluate(p, t, at("12:10")).status(FIRST_RESPONSE);
      assertThat(fr.status()).isEqualTo(SlaStatus.RUNNING);
      assertThat(fr.due()).isEqualTo(at("12:30"));
      assertThat(fr.warningAt()).isEqualTo(at("12:15"));
    }

    @Test
    @DisplayName("solved stops resolution; reopening resumes it")
    void reopen() {
      SlaEvent[] events = {new Created(at("10:00")), new Solved(at("12:00")), new StateChanged(at("14:00"), TicketState.OPEN)};
      SlaMetricStatus solved = eval("13:00", events).status(RESOLUTION);
      assertThat(solved.status()).isEqualTo(SlaStatus.MET);
      assertThat(solved.stoppedAt()).isEqualTo(at("12:00"));
      assertThat(solved.elapsed()).isEqualTo(Duration.ofHours(2));
      SlaMetricStatus reopened = eval("15:00", events).status(RESOLUTION);
      assertThat(reopened.status()).isEqualTo(SlaStatus.RUNNING);
      assertThat(reopened.elapsed()).isEqualTo(Duration.ofHours(3));
      assertThat(reopened.due()).isEqualTo(at("20:00"));
    }
  }

  @Nested
  @DisplayName("Next response and periodic update")
  class Cycles {
    @Test
    @DisplayName("next response runs from the first unanswered customer message; earlier breaches are counted")
    void nextResponse() {
      SlaReport r =
          eval(
              "14:00",
              new Created(at("10:00")),
              new AgentPublicReply(at("10:10")),
              new CustomerMessage(at("10:20")),
              new CustomerMessage(at("10:30")),
              new AgentPublicReply(at("13:00")),
              new CustomerMessage(at("13:30")));
      SlaMetricStatus nr = r.status(NEXT_RESPONSE);
      assertThat(nr.status()).isEqualTo(SlaStatus.RUNNING);
      assertThat(nr.startedAt()).isEqualTo(at("13:30"));
      assertThat(nr.due()).isEqualTo(at("15:30"));
      assertThat(nr.breaches()).isEqualTo(1); // 10:20 + 2h = 12:20 < 13:00
      assertThat(nr.met()).isZero(); // the open cycle counts once it has ended
      SlaMetricStatus pu = r.status(PERIODIC_UPDATE);
      assertThat(pu.startedAt()).isEqualTo(at("13:00"));
      assertThat(pu.breaches()).isZero(); // 10:10 to 13:00 is within 4h
      assertThat(pu.met()).isEqualTo(1);
      assertThat(SlaMetricState.of(pu)).isEqualTo(new SlaMetricState(SlaStatus.RUNNING, false, pu.due(), 1, 0));
      assertThat(r.nextDeadline()).isEqualTo(at("15:00")); // next response warning at 75% of 2h
    }

    @Test
    @DisplayName("solving stops next response and periodic update")
    void solved() {
      SlaReport r = eval("16:00", new Created(at("10:00")), new AgentPublicReply(at("10:10")), new CustomerMessage(at("10:20")), new Solved(at("11:00")));
      assertThat(r.status(NEXT_RESPONSE).status()).isEqualTo(SlaStatus.MET);
      assertThat(r.status(PERIODIC_UPDATE).status()).isEqualTo(SlaStatus.MET);
      assertThat(r.status(RESOLUTION).status()).isEqualTo(SlaStatus.MET);
      assertThat(r.status(NEXT_RESPONSE).met()).isEqualTo(1);
      assertThat(r.status(PERIODIC_UPDATE).met()).isEqualTo(1);
      assertThat(r.status(RESOLUTION).met()).isEqualTo(1);
      assertThat(r.nextDeadline()).isNull();
    }
  }

  @Nested
  @DisplayName("Business calendars and warnings")
  class Calendars {
    @Test
    @DisplayName("only working time counts: a ticket from Friday evening is due Monday")
    void office() {
      BusinessCalendar office =
          BusinessCalendar.builder(ZoneId.of("Europe/Copenhagen")).weekdays(LocalTime.of(8, 0), LocalTime.of(16, 0)).build();
      SlaPolicy p =
          SlaPolicy.builder("office")
              .target(RESOLUTION, SlaTarget.of(RESOLUTION, Duration.ofHours(8), office).withWarning(WarningThreshold.beforeBreach(Duration.ofHours(2))))
              .build();
      SlaTimeline t = SlaTimeline.of(new Created(Instant.parse("2026-11-20T15:30:00Z")));
      SlaMetricStatus res = SlaClock.evaluate(p, t, Instant.parse("2026-11-23T08:00:00Z")).status(RESOLUTION);
      assertThat(res.elapsed()).isEqualTo(Duration.ofHours(1));
      assertThat(res.due()).isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
      assertThat(res.warningAt()).isEqualTo(Instant.parse("2026-11-23T13:00:00Z"));
    }

    @Test
    @DisplayName("warning thresholds as a percentage or a lead time")
    void thresholds() {
      Duration hour = Duration.ofHours(1);
      assertThat(WarningThreshold.percentElapsed(50).elapsedAt(hour)).isEqualTo(Duration.ofMinutes(30));
      assertThat(WarningThreshold.beforeBreach(Duration.ofMinutes(15)).elapsedAt(hour)).isEqualTo(Duration.ofMinutes(45));
      assertThat(WarningThreshold.beforeBreach(Duration.ofHours(2)).elapsedAt(hour)).isZero();
      assertThatThrownBy(() -> WarningThreshold.percentElapsed(101)).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> WarningThreshold.beforeBreach(Duration.ofMinutes(-1))).isInstanceOf(ValidationException.class);
    }
  }

  @Nested
  @DisplayName("Policies")
  class Policies {
    final TicketFacts urgentAcme =
        facts(Priority.URGENT, OrganizationId.of("acme"), Channel.EMAIL, TicketType.INCIDENT, Set.of("vip", "billing"), 1);

    /** The facts of a ticket made from these values (no VIP flag, no plan). */
    static TicketFacts facts(Priority p, @org.jspecify.annotations.Nullable OrganizationId org, Channel ch, TicketType type,
        Set<String> tags, int tier) {
      Instant at = Instant.parse("2026-01-05T09:00:00Z");
      TicketEvent created = new TicketEvent(TicketId.of("t-1"), 1, Author.of(Principal.system("test")), at,
          new TicketChange.Created(new TicketKey("HD", 1), "Subject", CustomerId.of("carol"), org, ch, p, type,
              new java.util.TreeSet<>(tags), new java.util.TreeMap<>(), tier, null, null));
      return TicketFacts.of(TicketHistory.apply(null, created));
    }

    @Test
    @DisplayName("the first matching policy applies; empty conditions match everything")
    void firstMatching() {
      SlaPolicy vip =
          SlaPolicy.builder("vip")
              .conditions(SlaConditions.any().withTags(Set.of("vip")).withPriorities(Set.of(Priority.URGENT, Priority.HIGH)))
              .build();
      SlaPolicy tier2 = SlaPolicy.builder("tier2").conditions(SlaConditions.any().withTiers(Set.of(2))).build();
      SlaPolicy other = SlaPolicy.builder("other").build();
      assertThat(SlaPolicy.firstMatching(List.of(tier2, vip, other), urgentAcme)).contains(vip);
      TicketFacts low = facts(Priority.LOW, null, Channel.WEB, TicketType.QUESTION, Set.of(), 2);
      assertThat(SlaPolicy.firstMatching(List.of(vip, tier2, other), low)).contains(tier2);
      assertThat(SlaPolicy.firstMatching(List.of(vip), low)).isEmpty();
      SlaConditions acme = SlaConditions.any().withOrganizations(Set.of(OrganizationId.of("acme")));
      assertThat(acme.matches(urgentAcme)).isTrue();
      assertThat(acme.matches(low)).isFalse();
      assertThat(SlaConditions.any().withChannels(Set.of(Channel.CHAT)).matches(urgentAcme)).isFalse();
      assertThat(SlaConditions.any().withTypes(Set.of(TicketType.INCIDENT)).matches(urgentAcme)).isTrue();
    }

    @Test
    @DisplayName("targets carry default pauses: resolution pauses in PENDING and ON_HOLD")
    void defaults() {
      assertThat(POLICY.target(RESOLUTION).orElseThrow().pausedIn()).containsExactlyInAnyOrder(TicketState.PENDING, TicketState.ON_HOLD);
      assertThat(POLICY.target(FIRST_RESPONSE).orElseThrow().pausedIn()).isEmpty();
      assertThat(SlaPolicy.builder("none").build().target(RESOLUTION)).isEmpty();
      assertThatThrownBy(() -> SlaTarget.of(RESOLUTION, Duration.ZERO, ALWAYS)).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> SlaPolicy.builder(" ")).isInstanceOf(ValidationException.class);
    }

    @Test
    @DisplayName("invalid timelines and instants are rejected")
    void validation() {
      assertThatThrownBy(() -> SlaTimeline.of(new CustomerMessage(at("10:00")))).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> SlaTimeline.of(new Created(at("10:00")), new CustomerMessage(at("09:00")))).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> SlaTimeline.of(new Created(at("10:00")), new Created(at("11:00")))).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> eval("09:00", new Created(at("10:00")))).isInstanceOf(ValidationException.class);
    }
  }

  @Test
  @DisplayName("randomized: a running metric breaches exactly at its due instant, and segments add up")
  void randomized() {
    long seed = Long.getLong("frontline.seed", System.nanoTime());
    System.out.println("SlaClockTest seed: " + seed + " (rerun with -Dfrontline.seed=" + seed + ")");
    Random rnd = new Random(seed);
    BusinessCalendar office =
        BusinessCalendar.builder(ZoneId.of("Europe/Copenhagen")).weekdays(LocalTime.of(8, 0), LocalTime.of(16, 0)).build();
    for (int run = 0; run < 300; run++) {
      BusinessCalendar cal = rnd.nextBoolean() ? ALWAYS : office;
      SlaPolicy p =
          SlaPolicy.builder("random")
              .target(FIRST_RESPONSE, Duration.ofMinutes(30 + rnd.nextInt(300)), cal)
              .target(NEXT_RESPONSE, Duration.ofMinutes(30 + rnd.nextInt(300)), cal)
              .target(PERIODIC_UPDATE, Duration.ofMinutes(30 + rnd.nextInt(600)), cal)
              .target(RESOLUTION, Duration.ofMinutes(60 + rnd.nextInt(3000)), cal)
              .build();
      Instant t = Instant.parse("2026-10-20T00:00:00Z").plus(Duration.ofMinutes(rnd.nextInt(60 * 24 * 30)));
      List<SlaEvent> events = new ArrayList<>();
      events.add(new Created(t));
      for (int k = rnd.nextInt(8); k > 0; k--) {
        t = t.plus(Duration.ofMinutes(rnd.nextInt(600)));
        events.add(
            switch (rnd.nextInt(5)) {
              case 0 -> new CustomerMessage(t);
              case 1 -> new AgentPublicReply(t);
              case 2 -> new Solved(t);
              default -> new StateChanged(t, TicketState.values()[rnd.nextInt(4)]);
            });
      }
      SlaTimeline timeline = new SlaTimeline(events);
      Instant now = t.plus(Duration.ofMinutes(rnd.nextInt(600)));
      SlaReport r = SlaClock.evaluate(p, timeline, now);
      String where = "seed " + seed + " run " + run + "\n" + r.explain();
      Instant expectedNext = null;
      for (SlaMetricStatus s : r.metrics().values()) {
        Duration sum = s.segments().stream().map(SlaSegment::counted).reduce(Duration.ZERO, Duration::plus);
        assertThat(sum).as(where).isEqualTo(s.elapsed());
        if (s.status() == SlaStatus.RUNNING) {
          assertThat(s.due()).as(where).isAfter(now);
          assertThat(s.elapsed()).as(where).isLessThan(s.target());
          SlaMetricStatus atDue = SlaClock.evaluate(p, timeline, s.due()).status(s.metric());
          assertThat(atDue.status()).as(where).isEqualTo(SlaStatus.BREACHED);
          assertThat(atDue.due()).as(where).isEqualTo(s.due());
          SlaMetricStatus before = SlaClock.evaluate(p, timeline, s.due().minusNanos(1)).status(s.metric());
          assertThat(before.status()).as(where).isEqualTo(SlaStatus.RUNNING);
          assertThat(cal.businessTimeBetween(now, s.due())).as(where).isEqualTo(s.target().minus(s.elapsed()));
          expectedNext = earliest(expectedNext, s.due());
          if (s.warningAt().isAfter(now)) {
            expectedNext = earliest(expectedNext, s.warningAt());
          }
        }
      }
      assertThat(r.nextDeadline()).as(where).isEqualTo(expectedNext);
    }
  }

  static Instant earliest(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }
}
