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
import dev.frontline.helpdesk.spi.memory.InMemoryTicketStore;
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
import dev.frontline.helpdesk.ticket.TicketPage;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketSort;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketType;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
 * The contract every {@link MetricsStore} must pass. First, on a small week of tickets whose
 * figures are derived by hand (and written down as literals), it reports exactly those figures for
 * every metric and every grouping: with the default and other first-contact resolution definitions,
 * in wall-clock and in business time, with targets, SLA compliance per metric, the backlog at the
 * end of several ranges, CSAT, and the boundaries of the range. Second, on random tickets, it
 * reports exactly what the reference {@link InMemoryMetricsStore} reports over the tickets of the
 * paired {@link TicketStore} (copied once into memory), for every grouping, with and without a business calendar and targets, under
 * restricted visibility. Subclasses give a fresh, empty ticket store and the metrics store that
 * reads the same data.
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
  /** An in-memory copy of the stored tickets for the reference (null after a write). */
  private @Nullable InMemoryTicketStore copy;

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

    Builder agentReply(Instant at) {
      return then(new TicketChange.EntryAdded(reply(Author.Kind.AGENT, EntryKind.PUBLIC_REPLY, at)), at);
    }

    Builder move(TicketState to, Instant at) {
      return then(new TicketChange.StateChanged(ticket.state(), to), at);
    }

    /** Stores the events so far and continues with a separate update. */
    Builder storeAndContinue() {
      store();
      return new Builder(ticket);
    }

    void store() {
      copy = null;
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

  /**
   * @return an in-memory copy of every stored ticket and its history, read once from the store
   *     under test, so that the reference does not read each history again for every report
   */
  private TicketStore copy() {
    if (copy == null) {
      InMemoryTicketStore c = new InMemoryTicketStore();
      String cursor = null;
      do {
        TicketPage page = underTest.tickets().query(
            TicketQuery.builder().sort(TicketSort.CREATED_ASC).limit(TicketQuery.MAX_LIMIT).after(cursor).build(),
            TicketVisibility.everything());
        for (Ticket t : page.items()) {
          c.create(t, underTest.tickets().history(t.id()));
        }
        cursor = page.nextCursor();
      } while (cursor != null);
      copy = c;
    }
    return copy;
  }

  private void assertSameAsReference(MetricsQuery q, TicketVisibility v) {
    MetricsReport expected = new InMemoryMetricsStore(copy()).compute(q, v);
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
    assertThat(tier1.reopened()).isZero(); // ticket 1 was never reopened (reopens: see knownWeek)
    assertThat(tier1.csatAverage()).hasValue(5.0);
    MetricsRow tier2 = r.row("2").orElseThrow();
    assertThat(tier2.created()).isZero();
    assertThat(tier2.backlog()).isEqualTo(1);
    assertThat(r.total().created()).isEqualTo(2);
    assertThat(underTest.metrics().compute(MetricsQuery.builder(t, t.plus(Duration.ofDays(1))).build(), TicketVisibility.none()).rows()).isEmpty();
    assertSameAsReference(MetricsQuery.builder(t, t.plus(Duration.ofDays(1))).groupBy(Dimension.AGENT).build(), TicketVisibility.everything());
  }

  // ------------------------------------------------------------------ a week computed by hand

  /** Monday 2 March 2026, 00:00 UTC: the start of the hand-computed week (inclusive). */
  private static final Instant WEEK = Instant.parse("2026-03-02T00:00:00Z");
  /** Monday 9 March 2026, 00:00 UTC: its end (exclusive). */
  private static final Instant WEEK_END = Instant.parse("2026-03-09T00:00:00Z");
  private static final AgentId A = AgentId.of("agent-a");
  private static final AgentId B = AgentId.of("agent-b");
  private static final TeamId T1 = TeamId.of("team-1");
  private static final TeamId T2 = TeamId.of("team-2");
  /** Business hours of the week: 09:00-17:00 UTC on weekdays. */
  private static final BusinessCalendar NINE_TO_FIVE =
      BusinessCalendar.builder(ZoneOffset.UTC).weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).build();

  /** @return 2026-{@code monthDayTime}:00Z, for example {@code at("03-02T09:00")} */
  private static Instant at(String monthDayTime) {
    return Instant.parse("2026-" + monthDayTime + ":00Z");
  }

  private static Duration hours(long h) {
    return Duration.ofHours(h);
  }

  private static Duration minutes(long m) {
    return Duration.ofMinutes(m);
  }

  /** The recorded SLA cycle counts: metric, met, breached, metric, met, breached, ... */
  private static TicketChange slaCounts(Object... metricMetBreached) {
    Map<SlaMetric, SlaMetricState> m = new EnumMap<>(SlaMetric.class);
    for (int i = 0; i < metricMetBreached.length; i += 3) {
      int met = (Integer) metricMetBreached[i + 1];
      int breached = (Integer) metricMetBreached[i + 2];
      m.put((SlaMetric) metricMetBreached[i], new SlaMetricState(breached > 0 ? SlaStatus.BREACHED : SlaStatus.MET, false, null, met, breached));
    }
    return new TicketChange.DeadlineChanged(null, null, "known", m);
  }

  /** Expected SLA compliance: metric, met, breached, metric, met, breached, ... */
  private static Map<SlaMetric, SlaCompliance> compliance(Object... metricMetBreached) {
    Map<SlaMetric, SlaCompliance> m = new EnumMap<>(SlaMetric.class);
    for (int i = 0; i < metricMetBreached.length; i += 3) {
      m.put((SlaMetric) metricMetBreached[i], new SlaCompliance((Integer) metricMetBreached[i + 1], (Integer) metricMetBreached[i + 2]));
    }
    return m;
  }

  private static final SlaMetric FR = SlaMetric.FIRST_RESPONSE;
  private static final SlaMetric NR = SlaMetric.NEXT_RESPONSE;
  private static final SlaMetric PU = SlaMetric.PERIODIC_UPDATE;
  private static final SlaMetric RES = SlaMetric.RESOLUTION;

  /**
   * The hand-computed week, [Mon 2 March, Mon 9 March) UTC. Fourteen tickets K1-K14 of customer
   * cust-1; "FR" is the first response time, "RT" the resolution time, "biz" the same in business
   * hours (09:00-17:00 UTC, weekdays). Current values (agent, team, current tier, tier of creation,
   * channel) are listed per ticket; the figures of each group in the tests are sums of these lines.
   */
  private void week() {
    CustomerId c = CustomerId.of("cust-1");
    // K1 agent-a team-1 tier 1 EMAIL: created Mon 09:00, replied 10:00 (FR 1 h, biz 1 h), solved
    // 11:00 (RT 2 h, biz 2 h); one reply, never reopened: first contact; 5 stars Mon 12:00 (in the
    // range, satisfied); SLA first response met, resolution met
    Builder k1 = create(at("03-02T09:00"), Channel.EMAIL, 1, T1, A, c, null);
    k1.agentReply(at("03-02T10:00"));
    k1.then(slaCounts(FR, 1, 0, RES, 1, 0), at("03-02T11:00"));
    k1.move(TicketState.SOLVED, at("03-02T11:00"));
    k1.then(csat(c, 5, false), at("03-02T12:00"));
    k1.store();
    // K2 agent-a team-1 tier 1 CHAT: created Mon 09:00, replies 09:30 (FR 30 min) and 10:00, solved
    // 13:00 (RT 4 h, biz 4 h); two replies: first contact only when two replies are required; rated
    // bad (1) Mon 14:00; SLA first response met, next response 1 met and 1 breached, resolution
    // breached
    Builder k2 = create(at("03-02T09:00"), Channel.CHAT, 1, T1, A, c, null);
    k2.agentReply(at("03-02T09:30"));
    k2.agentReply(at("03-02T10:00"));
    k2.then(slaCounts(FR, 1, 0, NR, 1, 1, RES, 0, 1), at("03-02T13:00"));
    k2.move(TicketState.SOLVED, at("03-02T13:00"));
    k2.then(csat(c, 1, true), at("03-02T14:00"));
    k2.store();
    // K3 agent-b team-1 tier 1 EMAIL: created Tue 09:00, replied 09:15 (FR 15 min), first solved
    // 10:00, reopened Thu 10:00 (48 h after the first solve: within 7 days, not within 1 day),
    // solved again Thu 12:00 (RT 51 h; biz Tue 8 h + Wed 8 h + Thu 3 h = 19 h); reopened; first
    // contact only with a reopen window under 48 h; 3 stars exactly at the end of the week (not
    // counted); SLA first response met, periodic update 2 met, resolution breached
    Builder k3 = create(at("03-03T09:00"), Channel.EMAIL, 1, T1, B, c, null);
    k3.agentReply(at("03-03T09:15"));
    k3.move(TicketState.SOLVED, at("03-03T10:00"));
    k3 = k3.storeAndContinue();
    k3.move(TicketState.OPEN, at("03-05T10:00"));
    k3.then(slaCounts(FR, 1, 0, PU, 2, 0, RES, 0, 1), at("03-05T12:00"));
    k3.move(TicketState.SOLVED, at("03-05T12:00"));
    k3.then(csat(c, 3, false), WEEK_END);
    k3.store();
    // K4 agent-b team-2, created in tier 1, now tier 2, WEB: created Wed 09:00, replied 10:00 (FR 1
    // h), escalated to tier 2 at 11:00, solved 15:00 (RT 6 h, biz 6 h); one reply, not reopened:
    // first contact unless escalated tickets are excluded; SLA first response breached, resolution
    // met
    Builder k4 = create(at("03-04T09:00"), Channel.WEB, 1, T2, B, c, null);
    k4.agentReply(at("03-04T10:00"));
    k4.then(new TicketChange.TierChanged(1, 2, T2, T2, B, B, "specialist", false), at("03-04T11:00"));
    k4.then(slaCounts(FR, 0, 1, RES, 1, 0), at("03-04T15:00"));
    k4.move(TicketState.SOLVED, at("03-04T15:00"));
    k4.store();
    // K5 agent-a team-2 tier 1 PHONE, over a night and a weekend: created Fri 16:00, replied Fri
    // 20:00 (FR 4 h, biz 1 h: 16:00-17:00), solved Sun 20:00 (RT 52 h, biz 1 h); first contact; SLA
    // first response breached, periodic update breached, resolution met
    Builder k5 = create(at("03-06T16:00"), Channel.PHONE, 1, T2, A, c, null);
    k5.agentReply(at("03-06T20:00"));
    k5.then(slaCounts(FR, 0, 1, PU, 0, 1, RES, 1, 0), at("03-08T20:00"));
    k5.move(TicketState.SOLVED, at("03-08T20:00"));
    k5.store();
    // K6 unassigned, no team then team-2, created in tier 1, now tier 2, WEB: created Thu 09:00,
    // escalated 10:00, never answered, still open: backlog; SLA first response breached (not
    // resolved: not counted)
    Builder k6 = create(at("03-05T09:00"), Channel.WEB, 1, null, null, c, null);
    k6.then(new TicketChange.TierChanged(1, 2, null, T2, null, null, "specialist", false), at("03-05T10:00"));
    k6.then(slaCounts(FR, 0, 1), at("03-05T10:00"));
    k6.store();
    // K7 agent-a team-1 tier 2 EMAIL: created before the week (Sat 28 Feb 10:00) directly in tier
    // 2, no reply, solved Mon 10:00 (RT 48 h, biz 1 h: Mon 09:00-10:00); not created in the range;
    // first contact only when zero replies are required; SLA resolution breached
    Builder k7 = create(at("02-28T10:00"), Channel.EMAIL, 2, T1, A, c, null);
    k7.then(slaCounts(RES, 0, 1), at("03-02T10:00"));
    k7.move(TicketState.SOLVED, at("03-02T10:00"));
    k7.store();
    // K8 agent-b team-2 tier 1 CHAT: created exactly at the end of the week: counts nowhere
    Builder k8 = create(WEEK_END, Channel.CHAT, 1, T2, B, c, null);
    k8.agentReply(WEEK_END.plus(hours(1)));
    k8.move(TicketState.SOLVED, WEEK_END.plus(hours(2)));
    k8.then(csat(c, 5, false), WEEK_END.plus(hours(3)));
    k8.store();
    // K9 agent-a team-2 tier 1 EMAIL: created 1 ns before the week (not counted as created),
    // solved exactly at its end (not resolved in the range, and still active at its end: backlog);
    // SLA resolution met (not counted)
    Builder k9 = create(WEEK.minusNanos(1), Channel.EMAIL, 1, T2, A, c, null);
    k9.agentReply(at("03-02T01:00"));
    k9.then(slaCounts(RES, 1, 0), WEEK_END);
    k9.move(TicketState.SOLVED, WEEK_END);
    k9.store();
    // K10 agent-b team-1 tier 1 PHONE: created Sat 28 Feb, solved Sun 1 Mar 12:00 (before the
    // week), rated 4 stars exactly at the start of the week (counted, satisfied), reopened Mon
    // 09:00 and open since: backlog, and its rating still counts
    Builder k10 = create(at("02-28T09:00"), Channel.PHONE, 1, T1, B, c, null);
    k10.agentReply(at("02-28T09:30"));
    k10.move(TicketState.SOLVED, at("03-01T12:00"));
    k10.then(csat(c, 4, false), WEEK);
    k10 = k10.storeAndContinue();
    k10.move(TicketState.OPEN, at("03-02T09:00"));
    k10.store();
    // K11 agent-a team-2 tier 1 EMAIL: created Fri 09:00, replied 09:10 (FR 10 min), solved only
    // after the week (Tue 10 Mar): active at the end of the week, so backlog, though solved now;
    // SLA first response met (not resolved in the range: not counted)
    Builder k11 = create(at("03-06T09:00"), Channel.EMAIL, 1, T2, A, c, null);
    k11.agentReply(at("03-06T09:10"));
    k11.then(slaCounts(FR, 1, 0), at("03-06T09:10"));
    k11 = k11.storeAndContinue();
    k11.move(TicketState.SOLVED, at("03-10T10:00"));
    k11.store();
    // K12 unassigned team-2 tier 1 WEB: created exactly at the start of the week (counted), no
    // reply, solved Mon 12:00, rated 2 stars Mon 13:00 (counted, not satisfied), reopened exactly at
    // the end of the week: inactive at the end (not backlog, though open now), and not resolved
    // (a reopen clears the solve)
    Builder k12 = create(WEEK, Channel.WEB, 1, T2, null, c, null);
    k12.move(TicketState.SOLVED, at("03-02T12:00"));
    k12.then(csat(c, 2, false), at("03-02T13:00"));
    k12 = k12.storeAndContinue();
    k12.move(TicketState.OPEN, WEEK_END);
    k12.store();
    // K13 agent-b team-2 tier 2 CHAT: created Tue 09:00 directly in tier 2, merged 10:00: created,
    // never resolved, not backlog
    Builder k13 = create(at("03-03T09:00"), Channel.CHAT, 2, T2, B, c, null);
    k13.then(new TicketChange.MergedInto(TicketId.of("m1"), TicketState.NEW), at("03-03T10:00"));
    k13.store();
    // K14 unassigned, no team, tier 1 PHONE: created Wed 09:00, closed without a solve 12:00
    // (resolved then: RT 3 h, biz 3 h); no reply: first contact only when zero replies are
    // required; no SLA state
    Builder k14 = create(at("03-04T09:00"), Channel.PHONE, 1, null, null, c, null);
    k14.move(TicketState.CLOSED, at("03-04T12:00"));
    k14.store();
  }

  /**
   * A row of the week: {@code fr}, {@code rt} and the met counts are the wall-clock figures with
   * targets of 1 h (first response) and 4 h (resolution).
   */
  private static MetricsRow row(String group, long created, long escalated, long responded, Duration fr, long frMet, long resolved,
      Duration rt, long rMet, long fcr, long reopened, long backlog, long csatN, long csatSum, long csatOk,
      Map<SlaMetric, SlaCompliance> sla) {
    return new MetricsRow(group, created, escalated, responded, fr, frMet, resolved, rt, rMet, fcr, reopened, backlog, csatN, csatSum,
        csatOk, sla);
  }

  /** The same row with business-time durations and met counts. */
  private static MetricsRow business(MetricsRow r, Duration fr, long frMet, Duration rt, long rMet) {
    return new MetricsRow(r.group(), r.created(), r.escalated(), r.firstResponded(), fr, frMet, r.resolved(), rt, rMet,
        r.firstContactResolved(), r.reopened(), r.backlog(), r.csatResponses(), r.csatTotal(), r.csatSatisfied(), r.sla());
  }

  /**
   * The week's total: created K1-K6 and K11-K14 (10); escalated K4, K6; first responses K1 1 h, K2
   * 30 min, K3 15 min, K4 1 h, K5 4 h, K11 10 min (6, 6 h 55 min; within 1 h all but K5: 5);
   * resolved K1, K2, K3, K4, K5, K7, K14 (7; RT 2+4+51+6+52+48+3 = 166 h; within 4 h K1, K2, K14:
   * 3); first contact K1, K4, K5; reopened K3; backlog K6, K9, K10, K11; CSAT K1 5, K2 1, K10 4,
   * K12 2 (4 answers, sum 12, satisfied 2); SLA summed over the resolved tickets.
   */
  private static final MetricsRow WEEK_TOTAL = row("total", 10, 2, 6, minutes(415), 5, 7, hours(166), 3, 3, 1, 4, 4, 12, 2,
      compliance(FR, 3, 2, NR, 1, 1, PU, 2, 1, RES, 3, 3));

  /** By agent. agent-a: K1, K2, K5, K7, K9, K11; agent-b: K3, K4, K10, K13; unassigned: K6, K12, K14. */
  private static final List<MetricsRow> WEEK_BY_AGENT = List.of(
      // created K1, K2, K5, K11; FR 1 h + 30 min + 4 h + 10 min, within 1 h K1, K2, K11; resolved
      // K1, K2, K5, K7, RT 2+4+52+48 h, within 4 h K1, K2; first contact K1, K5; backlog K9, K11;
      // CSAT K1 5, K2 1; SLA FR K1 met, K2 met, K5 breached; NR K2; PU K5; RES K1, K5 met, K2, K7
      // breached
      row("agent-a", 4, 0, 4, minutes(340), 3, 4, hours(106), 2, 2, 0, 2, 2, 6, 1, compliance(FR, 2, 1, NR, 1, 1, PU, 0, 1, RES, 2, 2)),
      // created K3, K4, K13; escalated K4; FR 15 min + 1 h; resolved K3 51 h, K4 6 h, none within 4
      // h; first contact K4; reopened K3; backlog K10; CSAT K10 4; SLA FR K3 met, K4 breached; PU K3
      // 2 met; RES K4 met, K3 breached
      row("agent-b", 3, 1, 2, minutes(75), 2, 2, hours(57), 0, 1, 1, 1, 1, 4, 1, compliance(FR, 1, 1, PU, 2, 0, RES, 1, 1)),
      // created K6, K12, K14; escalated K6; no reply; resolved K14 3 h (within 4 h), not first
      // contact (no reply); backlog K6; CSAT K12 2; no SLA cycles
      row("unassigned", 3, 1, 0, Duration.ZERO, 0, 1, hours(3), 1, 0, 0, 1, 1, 2, 0, Map.of()));

  /** By team. none: K14; team-1: K1, K2, K3, K7, K10; team-2: K4, K5, K6, K9, K11, K12, K13. */
  private static final List<MetricsRow> WEEK_BY_TEAM = List.of(
      // K14: created, closed after 3 h
      row("none", 1, 0, 0, Duration.ZERO, 0, 1, hours(3), 1, 0, 0, 0, 0, 0, 0, Map.of()),
      // created K1, K2, K3; FR 1 h + 30 min + 15 min, all within 1 h; resolved K1, K2, K3, K7, RT
      // 2+4+51+48 h, within 4 h K1, K2; first contact K1; reopened K3; backlog K10; CSAT K1 5, K2 1,
      // K10 4; SLA FR K1, K2, K3 met; NR K2; PU K3; RES K1 met, K2, K3, K7 breached
      row("team-1", 3, 0, 3, minutes(105), 3, 4, hours(105), 2, 1, 1, 1, 3, 10, 2, compliance(FR, 3, 0, NR, 1, 1, PU, 2, 0, RES, 1, 3)),
      // created K4, K5, K6, K11, K12, K13; escalated K4, K6; FR K4 1 h, K5 4 h, K11 10 min, within 1
      // h K4, K11; resolved K4 6 h, K5 52 h, none within 4 h; first contact K4, K5; backlog K6, K9,
      // K11; CSAT K12 2; SLA FR K4, K5 breached; PU K5 breached; RES K4, K5 met
      row("team-2", 6, 2, 3, minutes(310), 2, 2, hours(58), 0, 2, 0, 3, 1, 2, 0, compliance(FR, 0, 2, PU, 0, 1, RES, 2, 0)));

  /**
   * By tier: created, escalated and first responses by the tier of creation (1: K1-K6, K11, K12,
   * K14; 2: K13), everything else by the current tier (1: K1, K2, K3, K5, K9-K12, K14; 2: K4, K6,
   * K7, K13).
   */
  private static final List<MetricsRow> WEEK_BY_TIER = List.of(
      // created 9, escalated K4, K6 (rate 2/9); all six first responses; resolved K1, K2, K3, K5,
      // K14, RT 2+4+51+52+3 h, within 4 h K1, K2, K14; first contact K1, K5; reopened K3; backlog
      // K9, K10, K11; all four CSAT answers; SLA FR K1, K2, K3 met, K5 breached; NR K2; PU K3 2 met,
      // K5 breached; RES K1, K5 met, K2, K3 breached
      row("1", 9, 2, 6, minutes(415), 5, 5, hours(112), 3, 2, 1, 3, 4, 12, 2, compliance(FR, 3, 1, NR, 1, 1, PU, 2, 1, RES, 2, 2)),
      // created K13, not escalated (rate 0); resolved K4 6 h, K7 48 h; first contact K4; backlog K6;
      // SLA FR K4 breached; RES K4 met, K7 breached
      row("2", 1, 0, 0, Duration.ZERO, 0, 2, hours(54), 0, 1, 0, 1, 0, 0, 0, compliance(FR, 0, 1, RES, 1, 1)));

  /** By channel. CHAT: K2, K8, K13; EMAIL: K1, K3, K7, K9, K11; PHONE: K5, K10, K14; WEB: K4, K6, K12. */
  private static final List<MetricsRow> WEEK_BY_CHANNEL = List.of(
      // created K2, K13; FR K2 30 min; resolved K2 4 h (within 4 h); CSAT K2 1; SLA of K2
      row("CHAT", 2, 0, 1, minutes(30), 1, 1, hours(4), 1, 0, 0, 0, 1, 1, 0, compliance(FR, 1, 0, NR, 1, 1, RES, 0, 1)),
      // created K1, K3, K11; FR 1 h + 15 min + 10 min; resolved K1 2 h, K3 51 h, K7 48 h; first
      // contact K1; reopened K3; backlog K9, K11; CSAT K1 5; SLA FR K1, K3 met; PU K3; RES K1 met,
      // K3, K7 breached
      row("EMAIL", 3, 0, 3, minutes(85), 3, 3, hours(101), 1, 1, 1, 2, 1, 5, 1, compliance(FR, 2, 0, PU, 2, 0, RES, 1, 2)),
      // created K5, K14; FR K5 4 h (not within 1 h); resolved K5 52 h, K14 3 h (within 4 h); first
      // contact K5; backlog K10; CSAT K10 4; SLA of K5
      row("PHONE", 2, 0, 1, hours(4), 0, 2, hours(55), 1, 1, 0, 1, 1, 4, 1, compliance(FR, 0, 1, PU, 0, 1, RES, 1, 0)),
      // created K4, K6, K12; escalated K4, K6; FR K4 1 h; resolved K4 6 h; first contact K4; backlog
      // K6; CSAT K12 2; SLA of K4
      row("WEB", 3, 2, 1, hours(1), 1, 1, hours(6), 0, 1, 0, 1, 1, 2, 0, compliance(FR, 0, 1, RES, 1, 0)));

  private MetricsReport weekReport(MetricsQuery.Builder b) {
    return underTest.metrics().compute(b.build(), TicketVisibility.everything());
  }

  private static MetricsQuery.Builder weekQuery(Dimension d) {
    return MetricsQuery.builder(WEEK, WEEK_END).groupBy(d).targets(hours(1), hours(4));
  }

  @Test
  @DisplayName("a week computed by hand: every figure of every group, for each grouping, in wall-clock time")
  void knownWeek() {
    week();
    Map<Dimension, List<MetricsRow>> expected = Map.of(
        Dimension.AGENT, WEEK_BY_AGENT, Dimension.TEAM, WEEK_BY_TEAM, Dimension.TIER, WEEK_BY_TIER, Dimension.CHANNEL, WEEK_BY_CHANNEL);
    for (Dimension d : Dimension.values()) {
      MetricsReport r = weekReport(weekQuery(d));
      assertThat(r.rows()).as("rows by %s", d).containsExactlyElementsOf(expected.get(d));
      assertThat(r.total()).as("total by %s", d).isEqualTo(WEEK_TOTAL);
    }
    // the derived rates of the hand-computed counts
    MetricsReport byTier = weekReport(weekQuery(Dimension.TIER));
    assertThat(byTier.row("1").orElseThrow().escalationRate().getAsDouble()).isEqualTo(2.0 / 9);
    assertThat(byTier.row("2").orElseThrow().escalationRate().getAsDouble()).isZero();
    assertThat(byTier.total().reopenRate().getAsDouble()).isEqualTo(1.0 / 7);
    assertThat(byTier.total().firstContactResolutionRate().getAsDouble()).isEqualTo(3.0 / 7);
    assertThat(byTier.total().csatAverage().getAsDouble()).isEqualTo(3.0);
    assertThat(byTier.total().csatSatisfiedRate().getAsDouble()).isEqualTo(0.5);
    assertThat(byTier.total().averageFirstResponse()).contains(minutes(415).dividedBy(6));
    assertThat(byTier.total().averageResolution()).contains(hours(166).dividedBy(7));
  }

  @Test
  @DisplayName("a week computed by hand: first response and resolution in business hours, over nights and a weekend")
  void knownWeekInBusinessHours() {
    week();
    // business FR: K1 1 h, K2 30 min, K3 15 min, K4 1 h, K5 1 h (Fri 16:00-17:00), K11 10 min: all
    // within 1 h; business RT: K1 2 h, K2 4 h, K3 19 h, K4 6 h, K5 1 h (Fri 16:00-17:00), K7 1 h
    // (Mon 09:00-10:00), K14 3 h: within 4 h all but K3 and K4
    Map<Dimension, List<MetricsRow>> expected = Map.of(
        Dimension.AGENT, List.of(
            business(WEEK_BY_AGENT.get(0), minutes(160), 4, hours(8), 4), // FR K1, K2, K5, K11; RT K1, K2, K5, K7
            business(WEEK_BY_AGENT.get(1), minutes(75), 2, hours(25), 0), // FR K3, K4; RT K3 19 h, K4 6 h
            business(WEEK_BY_AGENT.get(2), Duration.ZERO, 0, hours(3), 1)), // RT K14
        Dimension.TEAM, List.of(
            business(WEEK_BY_TEAM.get(0), Duration.ZERO, 0, hours(3), 1), // RT K14
            business(WEEK_BY_TEAM.get(1), minutes(105), 3, hours(26), 3), // FR K1, K2, K3; RT K1, K2, K3, K7
            business(WEEK_BY_TEAM.get(2), minutes(130), 3, hours(7), 1)), // FR K4, K5, K11; RT K4, K5
        Dimension.TIER, List.of(
            business(WEEK_BY_TIER.get(0), minutes(235), 6, hours(29), 4), // all FR; RT K1, K2, K3, K5, K14
            business(WEEK_BY_TIER.get(1), Duration.ZERO, 0, hours(7), 1)), // RT K4, K7
        Dimension.CHANNEL, List.of(
            business(WEEK_BY_CHANNEL.get(0), minutes(30), 1, hours(4), 1), // K2
            business(WEEK_BY_CHANNEL.get(1), minutes(85), 3, hours(22), 2), // FR K1, K3, K11; RT K1, K3, K7
            business(WEEK_BY_CHANNEL.get(2), hours(1), 1, hours(4), 2), // FR K5; RT K5, K14
            business(WEEK_BY_CHANNEL.get(3), hours(1), 1, hours(6), 0))); // K4
    for (Dimension d : Dimension.values()) {
      MetricsReport r = weekReport(weekQuery(d).businessCalendar(NINE_TO_FIVE));
      assertThat(r.rows()).as("rows by %s", d).containsExactlyElementsOf(expected.get(d));
      assertThat(r.total()).as("total by %s", d).isEqualTo(business(WEEK_TOTAL, minutes(235), 6, hours(36), 5));
    }
  }

  @Test
  @DisplayName("a week computed by hand: first-contact resolution under each definition, for each grouping")
  void knownWeekFirstContact() {
    week();
    // first contact per resolved ticket (K1, K2, K3, K4, K5, K7, K14) and definition:
    //   default (1 reply, not reopened within 7 days, escalation allowed): K1, K4, K5
    //   reopen window 1 day: also K3 (reopened 48 h after its first solve)
    //   without escalation: K1, K5 (K4 was escalated)
    //   2 replies: K2;  0 replies: K7, K14
    FcrDefinition oneDay = new FcrDefinition(1, Duration.ofDays(1), false);
    FcrDefinition noEscalation = new FcrDefinition(1, Duration.ofDays(7), true);
    FcrDefinition twoReplies = new FcrDefinition(2, Duration.ofDays(7), false);
    FcrDefinition noReply = new FcrDefinition(0, Duration.ofDays(7), false);
    List<FcrDefinition> defs = List.of(FcrDefinition.ofDefaults(), oneDay, noEscalation, twoReplies, noReply);
    // per grouping: the groups, and per definition the first-contact count of each group
    assertFirstContact(Dimension.AGENT, defs, List.of("agent-a", "agent-b", "unassigned"),
        new long[][] {{2, 1, 0}, {2, 2, 0}, {2, 0, 0}, {1, 0, 0}, {1, 0, 1}}); // a: K1, K2, K5, K7; b: K3, K4; unassigned: K14
    assertFirstContact(Dimension.TEAM, defs, List.of("none", "team-1", "team-2"),
        new long[][] {{0, 1, 2}, {0, 2, 2}, {0, 1, 1}, {0, 1, 0}, {1, 1, 0}}); // none: K14; team-1: K1, K2, K3, K7; team-2: K4, K5
    assertFirstContact(Dimension.TIER, defs, List.of("1", "2"),
        new long[][] {{2, 1}, {3, 1}, {2, 0}, {1, 0}, {1, 1}}); // 1: K1, K2, K3, K5, K14; 2: K4, K7
    assertFirstContact(Dimension.CHANNEL, defs, List.of("CHAT", "EMAIL", "PHONE", "WEB"),
        new long[][] {{0, 1, 1, 1}, {0, 2, 1, 1}, {0, 1, 1, 0}, {1, 0, 0, 0}, {0, 1, 1, 0}}); // K2; K1, K3, K7; K5, K14; K4
  }

  private void assertFirstContact(Dimension d, List<FcrDefinition> defs, List<String> groups, long[][] expected) {
    long[] totals = {3, 4, 2, 1, 2};
    for (int i = 0; i < defs.size(); i++) {
      MetricsReport r = weekReport(weekQuery(d).fcr(defs.get(i)));
      assertThat(r.rows()).extracting(MetricsRow::group).containsExactlyElementsOf(groups);
      for (int g = 0; g < groups.size(); g++) {
        assertThat(r.row(groups.get(g)).orElseThrow().firstContactResolved())
            .as("first contact of %s by %s under %s", groups.get(g), d, defs.get(i))
            .isEqualTo(expected[i][g]);
      }
      assertThat(r.total().firstContactResolved()).as("total under %s", defs.get(i)).isEqualTo(totals[i]);
      assertThat(r.total().resolved()).isEqualTo(7);
    }
  }

  @Test
  @DisplayName("a week computed by hand: the backlog is the one at the end of the range, not the current one")
  void knownWeekBacklogAtTheEnd() {
    week();
    // at Wed 4 Mar 00:00: of the tickets created before (K1, K2, K3, K7, K9, K10, K12, K13), K9
    // (agent-a, solved only at the end of the week) and K10 (agent-b, reopened Mon 09:00) are
    // active; K3 is solved (Tue 10:00) until its reopen on Thu; K12 solved Mon 12:00; K13 merged
    MetricsReport wed = weekReport(MetricsQuery.builder(WEEK, at("03-04T00:00")).groupBy(Dimension.AGENT));
    assertThat(wed.total().backlog()).isEqualTo(2);
    assertThat(wed.row("agent-a").orElseThrow().backlog()).isEqualTo(1);
    assertThat(wed.row("agent-b").orElseThrow().backlog()).isEqualTo(1);
    // at Thu 5 Mar 12:00: also K3 (agent-b: reopened Thu 10:00; its second solve at 12:00 is not
    // before the end) and K6 (unassigned, open); K4 solved and K14 closed on Wednesday
    MetricsReport thu = weekReport(MetricsQuery.builder(WEEK, at("03-05T12:00")).groupBy(Dimension.AGENT));
    assertThat(thu.total().backlog()).isEqualTo(4);
    assertThat(thu.row("agent-a").orElseThrow().backlog()).isEqualTo(1);
    assertThat(thu.row("agent-b").orElseThrow().backlog()).isEqualTo(2);
    assertThat(thu.row("unassigned").orElseThrow().backlog()).isEqualTo(1);
    // a range ending before any ticket: no rows
    assertThat(weekReport(MetricsQuery.builder(at("02-01T00:00"), at("02-02T00:00"))).rows()).isEmpty();
    // after the week: K6, K10 still open, K12 reopened at the end of the week, K8 created then and
    // solved; K9 and K11 solved by now
    MetricsReport now = weekReport(MetricsQuery.builder(at("03-20T00:00"), at("03-21T00:00")).groupBy(Dimension.AGENT));
    assertThat(now.total().backlog()).isEqualTo(3);
    assertThat(now.row("unassigned").orElseThrow().backlog()).isEqualTo(2);
    assertThat(now.row("agent-b").orElseThrow().backlog()).isEqualTo(1);
  }

  @Test
  @DisplayName("a CSAT answer counts by the time it was given, also on a ticket reopened since; malformed answers are skipped")
  void csatIsAFactAtItsTime() {
    CustomerId c = CustomerId.of("cust-1");
    // rated 5 stars, then reopened and still open: the answer counts
    Builder a = create(at("03-02T09:00"), Channel.EMAIL, 1, null, A, c, null);
    a.move(TicketState.SOLVED, at("03-02T10:00"));
    a.then(csat(c, 5, false), at("03-02T11:00"));
    a = a.storeAndContinue();
    a.move(TicketState.OPEN, at("03-02T12:00"));
    a.store();
    // rated bad, then merged: the answer counts
    Builder b = create(at("03-02T09:00"), Channel.EMAIL, 1, null, B, c, null);
    b.move(TicketState.SOLVED, at("03-02T10:00"));
    b.then(csat(c, 1, true), at("03-02T11:00"));
    b.then(new TicketChange.MergedInto(TicketId.of("m1"), TicketState.SOLVED), at("03-02T12:00"));
    b.store();
    // malformed csat events (no rating, a rating that is no number, a rating off the scale) are
    // skipped; the valid 4-star answer after them counts
    Builder m = create(at("03-02T09:00"), Channel.EMAIL, 1, null, A, c, null);
    m.move(TicketState.SOLVED, at("03-02T10:00"));
    m.then(new TicketChange.Custom("csat", Map.of("customer", c.value(), "scale", "FIVE_POINT")), at("03-02T11:00"));
    m.then(new TicketChange.Custom("csat", Map.of("customer", c.value(), "scale", "FIVE_POINT", "rating", "great")), at("03-02T11:01"));
    m = m.storeAndContinue();
    m.then(new TicketChange.Custom("csat", Map.of("customer", c.value(), "scale", "STARS", "rating", "9")), at("03-02T11:02"));
    m.then(csat(c, 4, false), at("03-02T11:03"));
    m.store();
    MetricsReport r = weekReport(MetricsQuery.builder(WEEK, WEEK_END).groupBy(Dimension.AGENT));
    assertThat(r.total().csatResponses()).isEqualTo(3);
    assertThat(r.total().csatTotal()).isEqualTo(10);
    assertThat(r.total().csatSatisfied()).isEqualTo(2);
    assertThat(r.row("agent-a").orElseThrow().csatResponses()).isEqualTo(2); // 5 and 4
    assertThat(r.row("agent-a").orElseThrow().csatTotal()).isEqualTo(9);
    assertThat(r.row("agent-b").orElseThrow().csatResponses()).isEqualTo(1); // bad
    assertThat(r.row("agent-b").orElseThrow().csatSatisfied()).isZero();
    assertThat(r.total().backlog()).isEqualTo(1); // the reopened one
    // a range after the answers has none of them
    assertThat(weekReport(MetricsQuery.builder(at("03-02T11:04"), WEEK_END)).total().csatResponses()).isZero();
  }
}
