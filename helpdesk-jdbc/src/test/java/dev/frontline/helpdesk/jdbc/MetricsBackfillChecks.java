package dev.frontline.helpdesk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.feedback.CsatRating;
import dev.frontline.helpdesk.metrics.Dimension;
import dev.frontline.helpdesk.metrics.MetricsQuery;
import dev.frontline.helpdesk.metrics.MetricsReport;
import dev.frontline.helpdesk.metrics.SlaCompliance;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaMetricState;
import dev.frontline.helpdesk.sla.SlaStatus;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.spi.memory.InMemoryMetricsStore;
import dev.frontline.helpdesk.testkit.TicketFixtures;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryId;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import dev.frontline.helpdesk.metrics.FcrDefinition;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Ticket rows written before schema V2 have no metrics columns (and rows written before V5 no SLA
 * cycle counts, rows written before V7 no inactive periods; V5 and V7 mark them like pre-V2 rows):
 * the metrics store fills them in from snapshot and history before reporting, and a ticket write on
 * such a row folds its whole history.
 */
abstract class MetricsBackfillChecks {
  /** @return the class's migrated database */
  protected abstract TestDatabase database();

  private static final Instant T0 = Instant.parse("2026-02-02T09:00:00Z");

  private static void makeLegacy(TestDatabase db) {
    TestDatabase.exec(db.dataSource(), "UPDATE frontline_tickets SET metrics_v = NULL, created_tier = NULL, escalation_count = NULL,"
        + " reopen_count = NULL, public_agent_replies = NULL, first_response_at_ns = NULL, resolved_at_ns = NULL,"
        + " first_solved_at_ns = NULL, first_reopen_at_ns = NULL");
    // as V5 leaves rows written before it: SLA cycle counts zero, metrics_v NULL
    TestDatabase.exec(db.dataSource(), "UPDATE frontline_tickets SET sla_fr_met = 0, sla_fr_breached = 0, sla_nr_met = 0,"
        + " sla_nr_breached = 0, sla_pu_met = 0, sla_pu_breached = 0, sla_res_met = 0, sla_res_breached = 0");
    TestDatabase.exec(db.dataSource(), "DELETE FROM frontline_ticket_csat");
    // as V7 leaves rows written before it: no inactive periods
    TestDatabase.exec(db.dataSource(), "DELETE FROM frontline_ticket_inactive");
  }

  private static Ticket solvedAndRated(TicketStore store, TicketFixtures f, Instant at) {
    TicketFixtures.Draft d = f.newTicket(at);
    Entry reply = new Entry(EntryId.of("r-" + at.toEpochMilli()), EntryKind.PUBLIC_REPLY, new Author(Author.Kind.AGENT, "agent:a"),
        Channel.EMAIL, "Try this", at.plusSeconds(600), List.of());
    d.then(new TicketChange.EntryAdded(reply), at.plusSeconds(600));
    d.then(new TicketChange.TierChanged(1, 2, null, null, null, null, "needs tier 2", false), at.plusSeconds(700));
    d.then(new TicketChange.StateChanged(TicketState.NEW, TicketState.SOLVED), at.plusSeconds(3600));
    d.then(new TicketChange.StateChanged(TicketState.SOLVED, TicketState.OPEN), at.plusSeconds(7200));
    d.then(new TicketChange.StateChanged(TicketState.OPEN, TicketState.SOLVED), at.plusSeconds(9000));
    d.then(new TicketChange.DeadlineChanged(null, null, "policy=standard", Map.of(
        SlaMetric.FIRST_RESPONSE, new SlaMetricState(SlaStatus.MET, false, null, 1, 0),
        SlaMetric.PERIODIC_UPDATE, new SlaMetricState(SlaStatus.MET, true, null, 2, 1),
        SlaMetric.RESOLUTION, new SlaMetricState(SlaStatus.BREACHED, true, null, 0, 1))), at.plusSeconds(9000));
    CsatRating r = CsatRating.stars(4);
    d.then(new TicketChange.Custom("csat", Map.of("customer", d.ticket().requester().value(), "scale", r.scale().name(),
        "rating", Integer.toString(r.value()))), at.plusSeconds(9500));
    store.create(d.ticket(), d.events());
    return d.ticket();
  }

  @Test
  @DisplayName("rows from before V2 are filled in before a report, and a write on such a row folds its history")
  void legacyRows() {
    TestDatabase db = database();
    db.truncate();
    JdbcStores stores = JdbcStores.builder(db.dataSource(), db.dialect()).build();
    TicketStore tickets = stores.ticketStore();
    TicketFixtures f = new TicketFixtures();
    Ticket a = solvedAndRated(tickets, f, T0);
    solvedAndRated(tickets, f, T0.plus(Duration.ofHours(5)));
    TicketFixtures.Draft open = f.newTicket(T0.plus(Duration.ofHours(6)));
    tickets.create(open.ticket(), open.events());
    InMemoryMetricsStore reference = new InMemoryMetricsStore(tickets);
    List<MetricsQuery> queries = new ArrayList<>();
    for (Dimension d : Dimension.values()) {
      for (Duration window : List.of(Duration.ZERO, Duration.ofMinutes(30), Duration.ofDays(7))) {
        queries.add(MetricsQuery.builder(T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(2)))
            .groupBy(d).fcr(new FcrDefinition(1, window, false)).build());
      }
    }
    // ranges ending while the first ticket is solved (T0 + 1.5 h) and reopened (T0 + 2.25 h)
    MetricsQuery solved = MetricsQuery.builder(T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofMinutes(90))).build();
    MetricsQuery reopened = MetricsQuery.builder(T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofMinutes(135))).build();
    queries.add(solved);
    queries.add(reopened);
    List<MetricsReport> expected = queries.stream().map(q -> reference.compute(q, TicketVisibility.everything())).toList();
    assertThat(expected.get(0).total().csatResponses()).isEqualTo(2);
    assertThat(expected.get(0).total().backlog()).isEqualTo(1); // the open one
    assertThat(reference.compute(solved, TicketVisibility.everything()).total().backlog()).isZero();
    assertThat(reference.compute(reopened, TicketVisibility.everything()).total().backlog()).isEqualTo(1);
    assertThat(expected.get(0).total().slaCompliance(SlaMetric.PERIODIC_UPDATE)).isEqualTo(new SlaCompliance(4, 2));

    makeLegacy(db);
    assertThat(count(db, "SELECT COUNT(*) FROM frontline_tickets WHERE metrics_v IS NULL")).isEqualTo(3);
    for (int i = 0; i < queries.size(); i++) {
      assertThat(stores.metricsStore().compute(queries.get(i), TicketVisibility.everything())).isEqualTo(expected.get(i));
    }
    assertThat(count(db, "SELECT COUNT(*) FROM frontline_tickets WHERE metrics_v IS NULL")).isZero();
    assertThat(count(db, "SELECT COUNT(*) FROM frontline_ticket_csat")).isEqualTo(2);
    // two periods each for the solved, reopened and solved again tickets; the second one lasts
    assertThat(count(db, "SELECT COUNT(*) FROM frontline_ticket_inactive")).isEqualTo(4);
    assertThat(count(db, "SELECT COUNT(*) FROM frontline_ticket_inactive WHERE until_ns IS NULL")).isEqualTo(2);

    // a write on a legacy row folds the whole history, not only the new events
    makeLegacy(db);
    TicketFixtures.Draft change = f.change(tickets.find(a.id()).orElseThrow());
    change.then(new TicketChange.StateChanged(TicketState.SOLVED, TicketState.CLOSED), T0.plusSeconds(20_000));
    tickets.update(change.ticket(), change.baseVersion(), change.events());
    assertThat(count(db, "SELECT COUNT(*) FROM frontline_tickets WHERE metrics_v IS NULL")).isEqualTo(2);
    assertThat(count(db, "SELECT COUNT(*) FROM frontline_ticket_csat")).isEqualTo(1);
    assertThat(count(db, "SELECT COUNT(*) FROM frontline_ticket_inactive")).isEqualTo(2); // closing continues the second period
    assertThat(count(db, "SELECT COUNT(*) FROM frontline_tickets WHERE first_reopen_at_ns IS NOT NULL AND created_tier = 1")).isEqualTo(1);
    for (MetricsQuery q : queries) {
      assertThat(stores.metricsStore().compute(q, TicketVisibility.everything()))
          .isEqualTo(reference.compute(q, TicketVisibility.everything()));
    }
  }

  private static long count(TestDatabase db, String sql) {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
