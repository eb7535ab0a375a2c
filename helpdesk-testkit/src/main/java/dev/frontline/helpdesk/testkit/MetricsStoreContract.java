package dev.frontline.helpdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.metrics.Dimension;
import dev.frontline.helpdesk.metrics.FcrDefinition;
import dev.frontline.helpdesk.metrics.MetricsQuery;
import dev.frontline.helpdesk.metrics.MetricsReport;
import dev.frontline.helpdesk.metrics.MetricsRow;
import dev.frontline.helpdesk.metrics.SlaCompliance;
import dev.frontline.helpdesk.sla.BusinessCalendar;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaMetricState;
import dev.frontline.helpdesk.sla.SlaStatus;
import dev.frontline.helpdesk.spi.MetricsStore;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.spi.memory.InMemoryMetricsStore;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryId;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketHistory;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketType;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link MetricsStore} must pass: on the same tickets it reports exactly what
 * the reference {@link InMemoryMetricsStore} reports over the paired {@link TicketStore}, for every
 * grouping, with and without a business calendar and targets, under restricted visibility,
 * including SLA compliance per metric from the SLA state recorded on the tickets.
 * Subclasses give a fresh, empty ticket store and the metrics store that reads the same data.
 */
public abstract class MetricsStoreContract {
  /**
   * A ticket store and the metrics store over the same data.
   *
   * @param tickets where the contract writes its tickets
   * @param metrics the metrics store under test, reading the same tickets
   */
  public record Stores(TicketStore tickets, MetricsStore metrics) {}

  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00.123456789Z");
  private static final Author SYSTEM = new Author(Author.Kind.SYSTEM, "system:test");

  /** The stores under test. */
  protected Stores underTest;

  private long keys;

  /** Subclasses need no-arg constructors. */
  protected MetricsStoreContract() {}

  /** @return a new, empty ticket store and the metrics store over it */
  protected abstract Stores newStores();

  @BeforeEach
  void fresh() {
    underTest = newStores();
  }

  // ------------------------------------------------------------------ ticket building

  private final class Builder {
    Ticket ticket;
    final List<TicketEvent> events = new ArrayList<>();
    final long base;

    Builder(Ticket current) {
      ticket = current;
      base = current.version();
    }

    Builder(TicketEvent created) {
      ticket = TicketHistory.apply(null, created);
      events.add(created);
      base = 0;
    }

    Builder then(TicketChange c, Instant at) {
      TicketEvent e = new TicketEvent(ticket.id(), ticket.version() + 1, SYSTEM, at, c);
      ticket = TicketHistory.apply(ticket, e);
      events.add(e);
      return this;
    }

    void store() {
      if (base == 0) {
        underTest.tickets().create(ticket, List.copyOf(events));
      } else {
        underTest.tickets().update(ticket, base, List.copyOf(events));
      }
    }
  }

  private Builder create(Instant at, Channel channel, int tier, @Nullable TeamId team, @Nullable AgentId agent, CustomerId requester,
      @Nullable OrganizationId org) {
    long n = ++keys;
    TicketId id = TicketId.of("m" + n);
    TicketChange.Created c = new TicketChange.Created(new TicketKey("MET", n), "Subject " + n, requester, org, channel,
        Priority.NORMAL, TicketType.QUESTION, new TreeSet<>(), new TreeMap<>(), tier, team, agent);
    return new Builder(new TicketEvent(id, 1, SYSTEM, at, c));
  }

  private Entry reply(Author.Kind kind, EntryKind entryKind, Instant at) {
    return new Entry(EntryId.of("e" + (++keys)), entryKind, new Author(kind, kind == Author.Kind.AGENT ? "agent:a" : "customer:c"),
        Channel.EMAIL, "text", at, List.of());
  }

  private static TicketChange csat(CustomerId c, int rating, boolean goodBad) {
    return new TicketChange.Custom("csat", Map.of("customer", c.value(), "scale", goodBad ? "GOOD_BAD" : "FIVE_POINT",
        "rating", Integer.toString(rating)));
  }

  /** Random tickets with random histories over about 40 days, some with several stored updates. */
  private void randomTickets(Random rnd, int count) {
    List<AgentId> agents = List.of(AgentId.of("agent-a"), AgentId.of("agent-b"), AgentId.of("agent-c"));
    List<TeamId> teams = List.of(TeamId.of("team-1"), TeamId.of("team-2"));
    List<Channel> channels = List.of(Channel.EMAIL, Channel.CHAT, Channel.PHONE, Channel.WEB);
    for (int i = 0; i < count; i++) {
      Instant at = T0.plus(Duration.ofMinutes(rnd.nextInt(40 * 24 * 60))).plusNanos(rnd.nextInt(1_000_000_000));
      int tier = rnd.nextInt(5) == 0 ? 2 : 1;
      AgentId agent = rnd.nextInt(4) == 0 ? null : agents.get(rnd.nextInt(agents.size()));
      TeamId team = rnd.nextInt(3) == 0 ? null : teams.get(rnd.nextInt(teams.size()));
      CustomerId requester = CustomerId.of("cust-" + rnd.nextInt(4));
      OrganizationId org = rnd.nextBoolean() ? OrganizationId.of("org-" + rnd.nextInt(2)) : null;
      Builder b = create(at, channels.get(rnd.nextInt(channels.size())), tier, team, agent, requester, org);
      b.then(new TicketChange.EntryAdded(reply(Author.Kind.CUSTOMER, EntryKind.PUBLIC_REPLY, at)), at);
      int steps = rnd.nextInt(9);
      for (int s = 0; s < steps; s++) {
        at = at.plus(Duration.ofMinutes(1 + rnd.nextInt(rnd.nextBoolean() ? 120 : 5 * 24 * 60))).plusNanos(rnd.nextInt(1000));
        Ticket t = b.ticket;
        if (t.state() == TicketState.MERGED) {
          break;
        }
        int what = rnd.nextInt(10);
        if (what <= 2 && t.state().isActive()) {
          EntryKind k = rnd.nextInt(4) == 0 ? EntryKind.INTERNAL_NOTE : EntryKind.PUBLIC_REPLY;
          b.then(new TicketChange.EntryAdded(reply(Author.Kind.AGENT, k, at)), at);
        } else if (what == 3 && t.state().isActive()) {
          b.then(new TicketChange.StateChanged(t.state(), TicketState.SOLVED), at);
        } else if (what == 4 && t.state() == TicketState.SOLVED) {
          b.then(new TicketChange.StateChanged(TicketState.SOLVED, rnd.nextBoolean() ? TicketState.OPEN : TicketState.CLOSED), at);
        } else if (what == 5 && t.state().isActive()) {
          int to = t.tier() == 3 ? 2 : (t.tier() == 1 || rnd.nextBoolean() ? t.tier() + 1 : t.tier() - 1);
          TeamId toTeam = teams.get(rnd.nextInt(teams.size()));
          b.then(new TicketChange.TierChanged(t.tier(), to, t.team(), toTeam, t.assignee(), null, "because", false), at);
        } else if (what == 6 && t.state().isActive()) {
          b.then(new TicketChange.Assigned(t.team(), t.team(), t.assignee(), agents.get(rnd.nextInt(agents.size()))), at);
        } else if (what == 7 && (t.state() == TicketState.SOLVED || t.state() == TicketState.CLOSED)) {
          boolean goodBad = rnd.nextBoolean();
          b.then(csat(t.requester(), goodBad ? (rnd.nextBoolean() ? 5 : 1) : 1 + rnd.nextInt(5), goodBad), at);
        } else if (what == 8 && t.state() == TicketState.NEW) {
          b.then(new TicketChange.StateChanged(TicketState.NEW, TicketState.OPEN), at);
        } else if (what == 9 && rnd.nextInt(4) == 0) {
          b.then(new TicketChange.MergedInto(TicketId.of("m1"), t.state()), at);
        }
        if (rnd.nextInt(3) == 0) {
          b.then(randomSla(rnd, at), at); // as the SLA engine records it after a change
        }
        // sometimes store what we have and continue in a separate update
        if (!b.events.isEmpty() && rnd.nextInt(3) == 0) {
          b.store();
          b = new Builder(b.ticket);
        }
      }
      if (!b.events.isEmpty()) {
        b.store();
      }
    }
  }

  /** Random per-metric SLA states with random cycle counts, for some of the metrics. */
  private static TicketChange randomSla(Random rnd, Instant at) {
    Map<SlaMetric, SlaMetricState> sla = new EnumMap<>(SlaMetric.class);
    for (SlaMetric m : SlaMetric.values()) {
      if (rnd.nextInt(4) != 0) {
        SlaStatus status = SlaStatus.values()[rnd.nextInt(SlaStatus.values().length)];
        sla.put(m, new SlaMetricState(status, rnd.nextBoolean(), rnd.nextBoolean() ? at.plus(Duration.ofHours(1)) : null,
            rnd.nextInt(4), rnd.nextInt(3)));
      }
    }
    return new TicketChange.DeadlineChanged(null, rnd.nextBoolean() ? at.plus(Duration.ofHours(1)) : null, "random", sla);
  }

  private static TicketChange sla(int frMet, int frBreached, int nrMet, int nrBreached) {
    return new TicketChange.DeadlineChanged(null, null, "known", Map.of(
        SlaMetric.FIRST_RESPONSE, new SlaMetricState(frBreached > 0 ? SlaStatus.BREACHED : SlaStatus.MET, false, null, frMet, frBreached),
        SlaMetric.NEXT_RESPONSE, new SlaMetricState(SlaStatus.RUNNING, true, T0, nrMet, nrBreached)));
  }

  private static List<TicketVisibility> visibilities() {
    return List.of(
        TicketVisibility.everything(),
        new TicketVisibility(false, Set.of(AgentId.of("agent-a")), Set.of(TeamId.of("team-2")), Set.of(), Set.of(), Set.of()),
        new TicketVisibility(false, Set.of(), Set.of(), Set.of(2, 3), Set.of(CustomerId.of("cust-1")), Set.of(OrganizationId.of("org-0"))));
  }

  private void assertSameAsReference(MetricsQuery q, TicketVisibility v) {
    MetricsReport expected = new InMemoryMetricsStore(underTest.tickets()).compute(q, v);
    MetricsReport actual = underTest.metrics().compute(q, v);
    assertThat(actual).as("%s grouped by %s, visibility %s", q, q.groupBy(), v).isEqualTo(expected);
  }

  // ------------------------------------------------------------------ tests

  @Test
  @DisplayName("random tickets give the reference report for every grouping, range and visibility")
  void randomTicketsMatchReference() {
    Random rnd = Seeds.random("MetricsStoreContract.randomTicketsMatchReference");
    randomTickets(rnd, 80);
    List<Instant[]> ranges = List.of(
        new Instant[] {T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(60))},
        new Instant[] {T0.plus(Duration.ofDays(10)), T0.plus(Duration.ofDays(20))},
        new Instant[] {T0.plus(Duration.ofDays(3)).plusNanos(rnd.nextInt(1_000_000_000)), T0.plus(Duration.ofDays(33))});
    for (Instant[] r : ranges) {
      for (Dimension d : Dimension.values()) {
        for (TicketVisibility v : visibilities()) {
          assertSameAsReference(MetricsQuery.builder(r[0], r[1]).groupBy(d).build(), v);
        }
        assertSameAsReference(
            MetricsQuery.builder(r[0], r[1])
                .groupBy(d)
                .targets(Duration.ofHours(1 + rnd.nextInt(24)), Duration.ofDays(1 + rnd.nextInt(5)))
                .fcr(new FcrDefinition(rnd.nextInt(3), Duration.ofDays(rnd.nextInt(10)), rnd.nextBoolean()))
                .build(),
            TicketVisibility.everything());
      }
    }
  }

  @Test
  @DisplayName("business-time durations and targets match the reference")
  void businessCalendar() {
    Random rnd = Seeds.random("MetricsStoreContract.businessCalendar");
    randomTickets(rnd, 40);
    BusinessCalendar cal = BusinessCalendar.builder(ZoneId.of("Europe/Berlin")).weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).build();
    for (Dimension d : Dimension.values()) {
      assertSameAsReference(
          MetricsQuery.builder(T0, T0.plus(Duration.ofDays(45)))
              .groupBy(d)
              .businessCalendar(cal)
              .targets(Duration.ofHours(4), Duration.ofHours(16))
              .build(),
          visibilities().get(rnd.nextInt(3)));
    }
  }

  @Test
  @DisplayName("SLA compliance per metric sums the recorded cycles of the tickets resolved in the range")
  void slaCompliance() {
    CustomerId c = CustomerId.of("cust-1");
    Instant t = T0;
    // resolved in the range: first response met, next response 2 met and 1 breached
    Builder a = create(t, Channel.EMAIL, 1, null, AgentId.of("agent-a"), c, null);
    a.then(sla(1, 0, 2, 1), t.plus(Duration.ofHours(1)));
    a.then(new TicketChange.StateChanged(TicketState.NEW, TicketState.SOLVED), t.plus(Duration.ofHours(2)));
    a.store();
    // resolved in the range, another agent: first response breached
    Builder b = create(t, Channel.CHAT, 1, null, AgentId.of("agent-b"), c, null);
    b.then(sla(0, 1, 0, 0), t.plus(Duration.ofHours(1)));
    b.store();
    b = new Builder(b.ticket);
    b.then(new TicketChange.StateChanged(TicketState.NEW, TicketState.SOLVED), t.plus(Duration.ofHours(3)));
    b.store();
    // still open: not counted
    Builder open = create(t, Channel.EMAIL, 1, null, AgentId.of("agent-a"), c, null);
    open.then(sla(0, 1, 0, 5), t.plus(Duration.ofHours(1)));
    open.store();
    // resolved after the range: not counted
    Builder late = create(t, Channel.EMAIL, 1, null, AgentId.of("agent-a"), c, null);
    late.then(sla(0, 1, 0, 5), t.plus(Duration.ofHours(1)));
    late.then(new TicketChange.StateChanged(TicketState.NEW, TicketState.SOLVED), t.plus(Duration.ofDays(2)));
    late.store();
    MetricsQuery q = MetricsQuery.builder(t, t.plus(Duration.ofDays(1))).groupBy(Dimension.AGENT).build();
    MetricsReport r = underTest.metrics().compute(q, TicketVisibility.everything());
    assertThat(r.total().slaCompliance(SlaMetric.FIRST_RESPONSE)).isEqualTo(new SlaCompliance(1, 1));
    assertThat(r.total().slaCompliance(SlaMetric.NEXT_RESPONSE)).isEqualTo(new SlaCompliance(2, 1));
    assertThat(r.total().sla()).containsOnlyKeys(SlaMetric.FIRST_RESPONSE, SlaMetric.NEXT_RESPONSE);
    assertThat(r.row("agent-a").orElseThrow().slaCompliance(SlaMetric.FIRST_RESPONSE)).isEqualTo(new SlaCompliance(1, 0));
    assertThat(r.row("agent-b").orElseThrow().slaCompliance(SlaMetric.FIRST_RESPONSE)).isEqualTo(new SlaCompliance(0, 1));
    assertThat(r.row("agent-b").orElseThrow().sla()).containsOnlyKeys(SlaMetric.FIRST_RESPONSE);
    MetricsReport hidden = underTest.metrics().compute(q,
        new TicketVisibility(false, Set.of(AgentId.of("agent-b")), Set.of(), Set.of(), Set.of(), Set.of()));
    assertThat(hidden.total().slaCompliance(SlaMetric.FIRST_RESPONSE)).isEqualTo(new SlaCompliance(0, 1));
    assertThat(hidden.total().slaCompliance(SlaMetric.NEXT_RESPONSE)).isEqualTo(SlaCompliance.NONE);
    assertSameAsReference(q, TicketVisibility.everything());
    assertSameAsReference(MetricsQuery.builder(t, t.plus(Duration.ofDays(1))).groupBy(Dimension.TIER).build(), TicketVisibility.everything());
  }

  @Test
  @DisplayName("a small known case: counts, first response, resolution, FCR, reopen, backlog, CSAT, tier of creation")
  void knownCase() {
    CustomerId c = CustomerId.of("cust-1");
    Instant t = T0;
    // ticket 1: created at tier 1, answered after 1 h, solved after 2 h, rated 5 stars: FCR
    Builder a = create(t, Channel.EMAIL, 1, null, AgentId.of("agent-a"), c, null);
    a.then(new TicketChange.EntryAdded(reply(Author.Kind.AGENT, EntryKind.PUBLIC_REPLY, t.plus(Duration.ofHours(1)))), t.plus(Duration.ofHours(1)));
    a.then(new TicketChange.StateChanged(TicketState.NEW, TicketState.SOLVED), t.plus(Duration.ofHours(2)));
    a.then(csat(c, 5, false), t.plus(Duration.ofHours(3)));
    a.store();
    // ticket 2: created at tier 1, escalated to tier 2, still open (backlog of tier 2)
    Builder b = create(t, Channel.EMAIL, 1, null, null, c, null);
    b.then(new TicketChange.TierChanged(1, 2, null, TeamId.of("team-2"), null, null, "hard", false), t.plus(Duration.ofHours(1)));
    b.store();
    MetricsReport r = underTest.metrics().compute(MetricsQuery.builder(t, t.plus(Duration.ofDays(1))).build(), TicketVisibility.everything());
    MetricsRow tier1 = r.row("1").orElseThrow();
    assertThat(tier1.created()).isEqualTo(2);
    assertThat(tier1.escalated()).isEqualTo(1);
    assertThat(tier1.averageFirstResponse()).contains(Duration.ofHours(1));
    assertThat(tier1.resolved()).isEqualTo(1);
    assertThat(tier1.averageResolution()).contains(Duration.ofHours(2));
    assertThat(tier1.firstContactResolved()).isEqualTo(1);
    assertThat(tier1.csatAverage()).hasValue(5.0);
    MetricsRow tier2 = r.row("2").orElseThrow();
    assertThat(tier2.created()).isZero();
    assertThat(tier2.backlog()).isEqualTo(1);
    assertThat(r.total().created()).isEqualTo(2);
    assertThat(underTest.metrics().compute(MetricsQuery.builder(t, t.plus(Duration.ofDays(1))).build(), TicketVisibility.none()).rows()).isEmpty();
    assertSameAsReference(MetricsQuery.builder(t, t.plus(Duration.ofDays(1))).groupBy(Dimension.AGENT).build(), TicketVisibility.everything());
  }
}
