package dev.frontline.helpdesk.metrics;

import static dev.frontline.helpdesk.OpsDesk.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.OpsDesk;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.feedback.CsatRating;
import dev.frontline.helpdesk.feedback.CsatService;
import dev.frontline.helpdesk.sla.BusinessCalendar;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaMetricState;
import dev.frontline.helpdesk.sla.SlaPolicy;
import dev.frontline.helpdesk.sla.SlaStatus;
import dev.frontline.helpdesk.spi.memory.InMemoryMetricsStore;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MetricsServiceTest {
  final OpsDesk d = new OpsDesk();
  final MetricsService metrics = d.helpdesk.metrics();
  final CsatService csat = d.helpdesk.csat();
  final Instant from = Instant.parse("2026-03-01T00:00:00Z");
  final Instant to = Instant.parse("2026-03-10T00:00:00Z");

  Ticket reply(TicketId id) {
    return d.tickets.reply(d.alice, id, Ticket.ANY_VERSION, Message.of("Have you tried turning it off and on?"));
  }

  Ticket solve(TicketId id) {
    return d.tickets.transition(d.alice, id, d.tickets.get(d.alice, id).version(), TicketState.SOLVED);
  }

  @Nested
  @DisplayName("a week of front-line work")
  class Week {
    TicketId t1;

    @BeforeEach
    void work() {
      // T1: one reply after 1h, solved after 2h: first-contact resolution
      Ticket a = d.carolAsks("T1");
      t1 = a.id();
      d.tickets.assign(d.lead, a.id(), a.version(), FRONT, ALICE);
      d.clock.advance(Duration.ofHours(1));
      reply(a.id());
      d.clock.advance(Duration.ofHours(1));
      solve(a.id());
      csat.answer(d.carol, a.id(), CsatRating.stars(5), null);
      // T2: two replies: not first contact
      Ticket b = d.carolAsks("T2");
      d.clock.advance(Duration.ofHours(2));
      reply(b.id());
      reply(b.id());
      d.clock.advance(Duration.ofHours(2));
      solve(b.id());
      csat.answer(d.carol, b.id(), CsatRating.bad(), "slow");
      // T3: solved after one reply, then reopened by the customer and solved again
      Ticket c = d.carolAsks("T3");
      reply(c.id());
      solve(c.id());
      d.clock.advance(Duration.ofHours(1));
      d.tickets.reply(d.carol, c.id(), Ticket.ANY_VERSION, Message.of("still broken"));
      solve(c.id());
      // T4: escalated to tier 2, still open
      Ticket e = d.carolAsks("T4");
      d.tickets.escalate(d.alice, e.id(), e.version(), 2, null, "needs a specialist");
      // T5: Dan's, untouched
      d.tickets.create(d.dan, NewTicket.builder("T5", DAN, Message.of("hello")).build());
    }

    @Test
    @DisplayName("by tier: FCR, response and resolution times, escalation, reopen, backlog and CSAT")
    void byTier() {
      MetricsReport r = metrics.report(d.sup, MetricsQuery.builder(from, to).targets(Duration.ofHours(1), Duration.ofHours(3)).build());
      MetricsRow total = r.total();
      assertThat(total.created()).isEqualTo(5);
      assertThat(total.resolved()).isEqualTo(3);
      assertThat(total.firstContactResolved()).isEqualTo(1);
      assertThat(total.firstContactResolutionRate().getAsDouble()).isCloseTo(1.0 / 3, within(1e-9));
      assertThat(total.reopened()).isEqualTo(1);
      assertThat(total.backlog()).isEqualTo(2);
      assertThat(total.csatResponses()).isEqualTo(2);
      assertThat(total.csatAverage().getAsDouble()).isEqualTo(3.0);
      assertThat(total.csatSatisfiedRate().getAsDouble()).isEqualTo(0.5);
      assertThat(total.firstResponded()).isEqualTo(3);
      assertThat(total.firstResponseMet()).isEqualTo(2); // T1 1h and T3 0h meet 1h; T2 2h does not
      assertThat(total.resolutionMet()).isEqualTo(2); // T1 2h, T3 1h; T2 4h misses 3h
      MetricsRow tier1 = r.row("1").orElseThrow();
      MetricsRow tier2 = r.row("2").orElseThrow();
      // T4 was created in tier 1 and escalated: it counts for tier 1's escalation rate, and as
      // tier 2's backlog
      assertThat(tier1.created()).isEqualTo(5);
      assertThat(tier1.escalated()).isEqualTo(1);
      assertThat(tier1.escalationRate().getAsDouble()).isEqualTo(0.2);
      assertThat(tier2.created()).isZero();
      assertThat(tier2.backlog()).isEqualTo(1);
      assertThat(tier2.escalationRate()).isEmpty();
      assertThat(r.row("1").orElseThrow().averageFirstResponse()).contains(Duration.ofHours(1));
    }

    // the week's tickets (timeline: T1 09:00-11:00, T2 11:00-15:00, T3 15:00-16:00, T4 and T5 16:00)
    // T1 alice, front: created, FR 1 h, resolved after 2 h at first contact, 5 stars
    // T2 unassigned, front: created, FR 2 h, resolved after 4 h with two replies, rated bad (1)
    // T3 unassigned, front: created, FR 0, solved, reopened by the customer and solved again 1 h
    //    after its creation (resolution 1 h), reopened
    // T4 unassigned, escalated to tier 2 and so to the second line's team: created, escalated, open
    // T5 unassigned, front (Dan's): created, untouched, open
    // all came in on the web; no SLA policy, no targets

    @Test
    @DisplayName("by agent and channel: every figure of every group")
    void byAgentAndChannel() {
      MetricsReport byAgent = metrics.report(d.sup, MetricsQuery.builder(from, to).groupBy(Dimension.AGENT).build());
      assertThat(byAgent.rows()).containsExactly(
          // T1
          new MetricsRow("alice", 1, 0, 1, Duration.ofHours(1), 0, 1, Duration.ofHours(2), 0, 1, 0, 0, 1, 5, 1),
          // T2-T5: escalated T4; FR T2 2 h + T3 0; resolved T2 4 h + T3 1 h, neither at first contact;
          // reopened T3; backlog T4, T5; CSAT T2 bad
          new MetricsRow("unassigned", 4, 1, 2, Duration.ofHours(2), 0, 2, Duration.ofHours(5), 0, 0, 1, 2, 1, 1, 0));
      MetricsRow total = new MetricsRow("total", 5, 1, 3, Duration.ofHours(3), 0, 3, Duration.ofHours(7), 0, 1, 1, 2, 2, 6, 1);
      assertThat(byAgent.total()).isEqualTo(total);
      MetricsReport byChannel = metrics.report(d.sup, MetricsQuery.builder(from, to).groupBy(Dimension.CHANNEL).build());
      assertThat(byChannel.rows()).containsExactly(
          new MetricsRow("WEB", 5, 1, 3, Duration.ofHours(3), 0, 3, Duration.ofHours(7), 0, 1, 1, 2, 2, 6, 1));
      assertThat(byChannel.total()).isEqualTo(total);
    }

    @Test
    @DisplayName("by team: the front line's tickets and the one escalated to the second line")
    void byTeam() {
      MetricsReport byTeam = metrics.report(d.sup, MetricsQuery.builder(from, to).groupBy(Dimension.TEAM)
          .targets(Duration.ofHours(1), Duration.ofHours(3)).build());
      assertThat(byTeam.rows()).containsExactly(
          // T1, T2, T3, T5: FR 1 h + 2 h + 0 (within 1 h: T1, T3); resolved T1 2 h, T2 4 h, T3 1 h
          // (within 3 h: T1, T3); first contact T1; reopened T3; backlog T5; CSAT 5 and 1
          new MetricsRow("front", 4, 0, 3, Duration.ofHours(3), 2, 3, Duration.ofHours(7), 2, 1, 1, 1, 2, 6, 1),
          // T4: created in the range, escalated, open
          new MetricsRow("second", 1, 1, 0, Duration.ZERO, 0, 0, Duration.ZERO, 0, 0, 0, 1, 0, 0, 0));
      assertThat(byTeam.row("second").orElseThrow().escalationRate()).hasValue(1.0);
      assertThat(byTeam.row("front").orElseThrow().reopenRate().getAsDouble()).isCloseTo(1.0 / 3, within(1e-9));
    }

    @Test
    @DisplayName("FCR definitions: excluding escalated tickets, other reply counts, a shorter reopen window")
    void definitions() {
      // T6: one reply, escalated to tier 2, solved there: first contact unless escalated tickets are
      // excluded
      Ticket f = d.carolAsks("T6");
      reply(f.id());
      d.tickets.escalate(d.alice, f.id(), Ticket.ANY_VERSION, 2, null, "needs a specialist");
      d.tickets.transition(d.bob, f.id(), d.tickets.get(d.bob, f.id()).version(), TicketState.SOLVED);
      MetricsReport lenient = metrics.report(d.sup, MetricsQuery.builder(from, to).build());
      assertThat(lenient.total().firstContactResolved()).isEqualTo(2); // T1, T6
      MetricsReport strict = metrics.report(d.sup, MetricsQuery.builder(from, to)
          .fcr(new FcrDefinition(1, Duration.ofDays(7), true)).build());
      assertThat(strict.total().firstContactResolved()).isEqualTo(1); // T1
      assertThat(strict.row("2").orElseThrow().firstContactResolved()).isZero();
      assertThat(lenient.row("2").orElseThrow().firstContactResolved()).isEqualTo(1);
      // two replies: T2 only
      assertThat(metrics.report(d.sup, MetricsQuery.builder(from, to).fcr(new FcrDefinition(2, Duration.ofDays(7), false)).build())
          .total().firstContactResolved()).isEqualTo(1);
      // T3 was reopened 1 h after its first solve: first contact with a reopen window shorter than that
      assertThat(metrics.report(d.sup, MetricsQuery.builder(from, to).fcr(new FcrDefinition(1, Duration.ofMinutes(59), false)).build())
          .total().firstContactResolved()).isEqualTo(3); // T1, T3, T6
    }

    @Test
    @DisplayName("the backlog is the one at the end of the range; a range after the work has no other figures")
    void backlogAtTheEnd() {
      Instant nine = Instant.parse("2026-03-02T09:00:00Z");
      // at 12:00: T1 solved at 11:00, T2 (created 11:00) open
      assertThat(metrics.report(d.sup, MetricsQuery.builder(from, nine.plus(Duration.ofHours(3))).build()).total().backlog())
          .isEqualTo(1);
      // at 15:30: T2 and T3 solved at 15:00 (T3 is reopened only at 16:00), T4 and T5 not yet created
      assertThat(metrics.report(d.sup, MetricsQuery.builder(from, nine.plus(Duration.ofMinutes(390))).build()).total().backlog())
          .isZero();
      // the day after: T4 and T5 are still open
      MetricsReport later = metrics.report(d.sup, MetricsQuery.builder(to, to.plus(Duration.ofDays(1))).build());
      assertThat(later.total().created()).isZero();
      assertThat(later.total().backlog()).isEqualTo(2);
      assertThat(later.total().firstContactResolutionRate()).isEmpty();
      assertThat(later.total().csatResponses()).isZero();
    }

    @Test
    @DisplayName("reports need REPORTS_VIEW, and a team lead's report covers only what the lead sees")
    void permissions() {
      assertThatThrownBy(() -> metrics.report(d.alice, MetricsQuery.builder(from, to).build())).isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> metrics.report(d.bob, MetricsQuery.builder(from, to).build())).isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> metrics.report(d.carol, MetricsQuery.builder(from, to).build())).isInstanceOf(AccessDeniedException.class);
      MetricsReport lead = metrics.report(d.lead, MetricsQuery.builder(from, to).build());
      assertThat(lead.total().created()).isEqualTo(4); // T4 moved to the second line's team
      assertThat(lead.row("2")).isEmpty();
      assertThat(lead.row("1").orElseThrow().escalated()).isZero();
      assertThat(metrics.report(d.system, MetricsQuery.builder(from, to).build()).total().created()).isEqualTo(5);
      assertThat(csat).isNotNull();
      assertThat(t1).isNotNull();
    }
  }

  @Test
  @DisplayName("with a business calendar, a ticket from Friday afternoon to Monday morning took two business hours")
  void businessHours() {
    d.clock.set(Instant.parse("2026-03-06T15:00:00Z")); // Friday
    Ticket t = d.carolAsks("weekend");
    d.clock.set(Instant.parse("2026-03-09T09:00:00Z")); // Monday
    reply(t.id());
    solve(t.id());
    BusinessCalendar cal = BusinessCalendar.builder(ZoneOffset.UTC).weekdays(LocalTime.of(8, 0), LocalTime.of(16, 0)).build();
    MetricsRow wall = metrics.report(d.sup, MetricsQuery.builder(from, to).build()).total();
    MetricsRow business = metrics.report(d.sup, MetricsQuery.builder(from, to).businessCalendar(cal).build()).total();
    assertThat(wall.averageResolution()).contains(Duration.ofHours(66));
    assertThat(business.averageResolution()).contains(Duration.ofHours(2));
    assertThat(business.averageFirstResponse()).contains(Duration.ofHours(2));
  }

  @Nested
  @DisplayName("SLA compliance per metric, against each ticket's own policy")
  class SlaComplianceFigures {
    final SlaPolicy policy = SlaPolicy.builder("standard")
        .target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(1), BusinessCalendar.always())
        .target(SlaMetric.NEXT_RESPONSE, Duration.ofHours(1), BusinessCalendar.always())
        .target(SlaMetric.PERIODIC_UPDATE, Duration.ofHours(3), BusinessCalendar.always())
        .target(SlaMetric.RESOLUTION, Duration.ofHours(8), BusinessCalendar.always())
        .build();
    final OpsDesk s = new OpsDesk(List.of(policy));
    final MetricsService m = s.helpdesk.metrics();
    TicketId a;
    TicketId b;
    TicketId c;

    Ticket agentReply(TicketId id) {
      return s.tickets.reply(s.alice, id, Ticket.ANY_VERSION, Message.of("Working on it"));
    }

    Ticket solveIt(Principal who, TicketId id) {
      return s.tickets.transition(who, id, s.tickets.get(who, id).version(), TicketState.SOLVED);
    }

    @BeforeEach
    void work() {
      a = s.carolAsks("A").id();
      b = s.carolAsks("B").id();
      c = s.carolAsks("C").id(); // never answered, never resolved: not counted
      s.clock.advance(Duration.ofMinutes(30));
      agentReply(a); // A: first response met (30 min); periodic update cycle 1 starts
      s.clock.advance(Duration.ofMinutes(10));
      s.tickets.reply(s.carol, a, Ticket.ANY_VERSION, Message.of("That did not help")); // A: next response cycle starts
      s.clock.advance(Duration.ofMinutes(80));
      agentReply(b); // B: first response breached (2 h)
      s.tickets.escalate(s.alice, b, Ticket.ANY_VERSION, 2, null, "specialist review"); // B leaves the lead's teams
      s.clock.advance(Duration.ofMinutes(40));
      agentReply(a); // A: next response breached (2 h); periodic update 1 met (2 h 10 min), cycle 2 starts
      s.clock.advance(Duration.ofMinutes(20));
      solveIt(s.alice, a); // A: resolution met (3 h), periodic update 2 met (20 min)
      s.clock.advance(Duration.ofHours(7));
      solveIt(s.bob, b); // B: resolution breached (10 h), periodic update breached (8 h)
    }

    @Test
    @DisplayName("the stored per-metric state counts met and breached cycles")
    void storedCounts() {
      Map<SlaMetric, SlaMetricState> sla = s.tickets.get(s.sup, a).sla();
      assertThat(sla.get(SlaMetric.PERIODIC_UPDATE).met()).isEqualTo(2);
      assertThat(sla.get(SlaMetric.PERIODIC_UPDATE).breached()).isZero();
      assertThat(sla.get(SlaMetric.NEXT_RESPONSE).breached()).isEqualTo(1);
      assertThat(sla.get(SlaMetric.RESOLUTION).status()).isEqualTo(SlaStatus.MET);
      assertThat(s.tickets.get(s.sup, c).sla().get(SlaMetric.FIRST_RESPONSE).status()).isEqualTo(SlaStatus.RUNNING);
    }

    @Test
    @DisplayName("the report sums the cycles of the tickets resolved in the range, per metric")
    void report() {
      MetricsRow total = m.report(s.sup, MetricsQuery.builder(from, to).build()).total();
      assertThat(total.resolved()).isEqualTo(2);
      assertThat(total.slaCompliance(SlaMetric.FIRST_RESPONSE)).isEqualTo(new SlaCompliance(1, 1));
      assertThat(total.slaCompliance(SlaMetric.NEXT_RESPONSE)).isEqualTo(new SlaCompliance(0, 1));
      assertThat(total.slaCompliance(SlaMetric.PERIODIC_UPDATE)).isEqualTo(new SlaCompliance(2, 1));
      assertThat(total.slaCompliance(SlaMetric.RESOLUTION)).isEqualTo(new SlaCompliance(1, 1));
      assertThat(total.slaCompliance(SlaMetric.PERIODIC_UPDATE).rate().getAsDouble()).isCloseTo(2.0 / 3, within(1e-9));
      assertThat(total.sla()).containsOnlyKeys(SlaMetric.values());
      // the ad-hoc targets of the query are a separate figure
      assertThat(total.firstResponseMet()).isZero();
    }

    @Test
    @DisplayName("a range without resolutions has no compliance figures, and a lead sees only their teams' tickets")
    void rangesAndVisibility() {
      Instant later = s.clock.instant().plus(Duration.ofDays(1));
      MetricsRow none = m.report(s.sup, MetricsQuery.builder(later, later.plus(Duration.ofDays(1))).build()).total();
      assertThat(none.sla()).isEmpty();
      assertThat(none.slaCompliance(SlaMetric.RESOLUTION).rate()).isEmpty();
      MetricsRow lead = m.report(s.lead, MetricsQuery.builder(from, to).build()).total();
      assertThat(lead.slaCompliance(SlaMetric.FIRST_RESPONSE)).isEqualTo(new SlaCompliance(1, 0));
    }
  }

  @Test
  @DisplayName("queries are validated")
  void validation() {
    assertThatThrownBy(() -> MetricsQuery.builder(to, from).build()).isInstanceOf(dev.frontline.helpdesk.ValidationException.class);
    assertThatThrownBy(() -> MetricsQuery.builder(from, to).targets(Duration.ZERO, null).build())
        .isInstanceOf(dev.frontline.helpdesk.ValidationException.class);
  }
}
