package dev.frontline.helpdesk.jdbc.internal;

import dev.frontline.helpdesk.feedback.CsatResponse;
import dev.frontline.helpdesk.jdbc.internal.schema.Tables;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineTicketCsat;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineTicketInactive;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineTickets;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaMetricState;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;

/**
 * The denormalized metrics columns of one ticket row (schema V2), kept up to date on every ticket
 * write so that {@link JdbcMetricsStore} can aggregate in SQL: counters and times copied from the
 * snapshot, plus the few facts that only the history knows, folded incrementally from the events
 * (the tier the ticket was created in, the first time it was solved, the earliest reopen after
 * that), the met and breached cycles of each SLA metric (from {@link Ticket#sla()}, schema V5),
 * one {@code frontline_ticket_csat} row per CSAT answer, and one {@code frontline_ticket_inactive}
 * row per period in which the ticket was solved, closed or merged (schema V7, for the backlog at
 * the end of a past range). Not thread-safe (one per write).
 */
final class MetricsColumns {
  /**
   * The value of {@code metrics_v} for rows maintained by this code (2: with SLA cycle counts; 3:
   * with inactive periods).
   */
  static final int CURRENT = 3;

  private static final FrontlineTickets TICKETS = Tables.FRONTLINE_TICKETS;
  private static final FrontlineTicketCsat CSAT = Tables.FRONTLINE_TICKET_CSAT;
  private static final FrontlineTicketInactive INACTIVE = Tables.FRONTLINE_TICKET_INACTIVE;

  /** The met and breached count columns of each SLA metric (schema V5). */
  static final Map<SlaMetric, List<Field<Integer>>> SLA_COLUMNS = slaColumns();

  private static Map<SlaMetric, List<Field<Integer>>> slaColumns() {
    Map<SlaMetric, List<Field<Integer>>> m = new EnumMap<>(SlaMetric.class);
    m.put(SlaMetric.FIRST_RESPONSE, List.of(TICKETS.SLA_FR_MET, TICKETS.SLA_FR_BREACHED));
    m.put(SlaMetric.NEXT_RESPONSE, List.of(TICKETS.SLA_NR_MET, TICKETS.SLA_NR_BREACHED));
    m.put(SlaMetric.PERIODIC_UPDATE, List.of(TICKETS.SLA_PU_MET, TICKETS.SLA_PU_BREACHED));
    m.put(SlaMetric.RESOLUTION, List.of(TICKETS.SLA_RES_MET, TICKETS.SLA_RES_BREACHED));
    return Collections.unmodifiableMap(m);
  }

  /** One CSAT answer. */
  record Csat(long version, long atNs, int rating) {}

  /**
   * A period in which the ticket was not active: from the event {@code version} at {@code sinceNs}
   * to the reopen at {@code untilNs} (null while it lasts).
   */
  record Inactive(long version, long sinceNs, @Nullable Long untilNs) {}

  private @Nullable Integer createdTier;
  private @Nullable Long firstSolvedNs;
  private @Nullable Long firstReopenNs;
  /** Whether the ticket is active after the events folded so far. */
  private boolean active;
  private final List<Csat> newCsat = new ArrayList<>();
  private final List<Inactive> newInactive = new ArrayList<>();
  /** A reopen that ends the inactive period started by an earlier write, if any. */
  private @Nullable Long reopenedNs;

  /** For a new ticket (or the whole history of one): it starts active (NEW). */
  MetricsColumns() {
    active = true;
  }

  /** For the next events of a stored ticket, from its stored columns and current state. */
  MetricsColumns(@Nullable Integer createdTier, @Nullable Long firstSolvedNs, @Nullable Long firstReopenNs, TicketState state) {
    this.createdTier = createdTier;
    this.firstSolvedNs = firstSolvedNs;
    this.firstReopenNs = firstReopenNs;
    this.active = state.isActive();
  }

  /** Folds events in version order (as {@code InMemoryMetricsStore} reads the history). */
  MetricsColumns fold(List<TicketEvent> events) {
    for (TicketEvent e : events) {
      TicketChange c = e.change();
      long at = JdbcTicketStore.nanos(e.at());
      if (c instanceof TicketChange.Created created) {
        if (createdTier == null) {
          createdTier = created.tier();
        }
      } else if (c instanceof TicketChange.StateChanged s) {
        if (s.to() == TicketState.SOLVED && firstSolvedNs == null) {
          firstSolvedNs = at;
        } else if (firstSolvedNs != null && s.from() == TicketState.SOLVED && s.to() == TicketState.OPEN) {
          firstReopenNs = firstReopenNs == null ? at : Math.min(firstReopenNs, at);
        }
        moveTo(s.to().isActive(), e.version(), at);
      } else if (c instanceof TicketChange.MergedInto) {
        moveTo(false, e.version(), at);
      }
      Optional<CsatResponse> r;
      try {
        r = CsatResponse.from(e);
      } catch (RuntimeException malformed) {
        r = Optional.empty(); // not a valid answer: never counted, and must not block the write
      }
      r.ifPresent(x -> newCsat.add(new Csat(e.version(), JdbcTicketStore.nanos(x.at()), x.rating().value())));
    }
    return this;
  }

  /** Starts or ends an inactive period when the ticket's state changes between active and not. */
  private void moveTo(boolean nowActive, long version, long at) {
    if (active && !nowActive) {
      newInactive.add(new Inactive(version, at, null));
    } else if (!active && nowActive) {
      int last = newInactive.size() - 1;
      if (last >= 0 && newInactive.get(last).untilNs() == null) {
        Inactive p = newInactive.get(last);
        newInactive.set(last, new Inactive(p.version(), p.sinceNs(), at));
      } else {
        reopenedNs = at; // the period started by an earlier write
      }
    }
    active = nowActive;
  }

  /** Adds the metrics columns for snapshot {@code t} to a row. */
  void putInto(Map<Field<?>, Object> m, Ticket t) {
    m.put(TICKETS.METRICS_V, CURRENT);
    m.put(TICKETS.CREATED_TIER, createdTier);
    m.put(TICKETS.ESCALATION_COUNT, t.escalationCount());
    m.put(TICKETS.REOPEN_COUNT, t.reopenCount());
    m.put(TICKETS.PUBLIC_AGENT_REPLIES, t.publicAgentReplies());
    m.put(TICKETS.FIRST_RESPONSE_AT_NS, ns(t.firstResponseAt()));
    m.put(TICKETS.RESOLVED_AT_NS, ns(resolvedAt(t)));
    m.put(TICKETS.FIRST_SOLVED_AT_NS, firstSolvedNs);
    m.put(TICKETS.FIRST_REOPEN_AT_NS, firstReopenNs);
    for (Map.Entry<SlaMetric, List<Field<Integer>>> e : SLA_COLUMNS.entrySet()) {
      SlaMetricState st = t.sla().get(e.getKey());
      m.put(e.getValue().get(0), st == null ? 0 : st.met());
      m.put(e.getValue().get(1), st == null ? 0 : st.breached());
    }
  }

  /** Inserts the CSAT rows of the folded events. */
  void insertCsat(DSLContext tx, String ticketId) {
    if (newCsat.isEmpty()) {
      return;
    }
    var insert = tx.insertInto(CSAT, CSAT.TICKET_ID, CSAT.VERSION, CSAT.AT_NS, CSAT.RATING);
    for (Csat c : newCsat) {
      insert = insert.values(ticketId, c.version(), c.atNs(), c.rating());
    }
    insert.execute();
  }

  /** Ends the open inactive period of an earlier write if reopened, and inserts the new periods. */
  void writeInactive(DSLContext tx, String ticketId) {
    if (reopenedNs != null) {
      tx.update(INACTIVE)
          .set(INACTIVE.UNTIL_NS, reopenedNs)
          .where(INACTIVE.TICKET_ID.eq(ticketId).and(INACTIVE.UNTIL_NS.isNull()))
          .execute();
    }
    if (newInactive.isEmpty()) {
      return;
    }
    var insert = tx.insertInto(INACTIVE, INACTIVE.TICKET_ID, INACTIVE.VERSION, INACTIVE.SINCE_NS, INACTIVE.UNTIL_NS);
    for (Inactive p : newInactive) {
      insert = insert.values(ticketId, p.version(), p.sinceNs(), p.untilNs());
    }
    insert.execute();
  }

  /** Deletes a ticket's CSAT and inactive-period rows (before its whole history is folded again). */
  static void deleteDerivedRows(DSLContext tx, String ticketId) {
    tx.deleteFrom(CSAT).where(CSAT.TICKET_ID.eq(ticketId)).execute();
    tx.deleteFrom(INACTIVE).where(INACTIVE.TICKET_ID.eq(ticketId)).execute();
  }

  private static @Nullable Long ns(@Nullable Instant i) {
    return i == null ? null : JdbcTicketStore.nanos(i);
  }

  /** As {@code InMemoryMetricsStore}: solved time, else closed time if closed; never for merged. */
  static @Nullable Instant resolvedAt(Ticket t) {
    if (t.state() == TicketState.MERGED) {
      return null;
    }
    if (t.solvedAt() != null) {
      return t.solvedAt();
    }
    return t.state() == TicketState.CLOSED ? t.closedAt() : null;
  }
}
