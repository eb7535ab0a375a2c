package dev.frontline.helpdesk.spi.memory;

import dev.frontline.helpdesk.feedback.CsatResponse;
import dev.frontline.helpdesk.metrics.FcrDefinition;
import dev.frontline.helpdesk.metrics.MetricsQuery;
import dev.frontline.helpdesk.metrics.MetricsReport;
import dev.frontline.helpdesk.metrics.MetricsRow;
import dev.frontline.helpdesk.metrics.SlaCompliance;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaMetricState;
import dev.frontline.helpdesk.spi.MetricsStore;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketPage;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketSort;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The reference {@link MetricsStore}: reads every visible ticket snapshot page by page from a
 * {@link TicketStore} (and the history of the tickets resolved in the range or changed since its
 * start) and aggregates in memory.
 * Fine for tests and small embeds; database stores should aggregate in SQL. Thread-safe if the
 * ticket store is.
 *
 * <p>Definitions: a ticket is <em>resolved</em> at {@link Ticket#solvedAt()} (or {@link
 * Ticket#closedAt()} if it was closed without being solved; merged tickets are never resolved).
 * First response time is creation to {@link Ticket#firstResponseAt()}; resolution time is creation
 * to resolution; both in business time if the query has a calendar. Grouped by tier, a ticket's
 * creation-based figures (created, escalated, first response) count for the tier it was created
 * in, the others for its current tier, so a tier's escalation rate is the share of its tickets it
 * escalated. A resolved ticket counts as
 * resolved at first contact if it has exactly the defined number of public agent replies, was not
 * reopened within the defined time after it was first solved, and (if so defined) was never
 * escalated. SLA compliance per metric sums, over the tickets resolved in the range, the met and
 * breached cycles recorded in {@link Ticket#sla()} (each ticket against its own policy, as of its
 * resolution: all its cycles have ended then). The <em>backlog</em> is the tickets created before
 * the end of the range that were active (new, open, pending or on hold) at its end: a ticket is
 * inactive from the event that solves, closes or merges it until the event that reopens it, and
 * counts unless such a period started before the end and had not ended before it. A CSAT answer
 * ({@link CsatResponse}) counts by the time it was given, whatever the ticket's state now; a
 * malformed {@code csat} event is skipped.
 */
public final class InMemoryMetricsStore implements MetricsStore {
  private final TicketStore tickets;

  /** @param tickets the ticket store to read */
  public InMemoryMetricsStore(TicketStore tickets) {
    this.tickets = Objects.requireNonNull(tickets, "tickets");
  }

  @Override
  public MetricsReport compute(MetricsQuery q, TicketVisibility visibility) {
    Map<String, MetricsRow> rows = new TreeMap<>();
    if (!visibility.isNone()) {
      String cursor = null;
      do {
        TicketPage page = tickets.query(
            TicketQuery.builder().created(null, q.to()).sort(TicketSort.CREATED_ASC).limit(TicketQuery.MAX_LIMIT).after(cursor).build(),
            visibility);
        for (Ticket t : page.items()) {
          for (MetricsRow r : measure(t, q)) {
            String key = r.group();
            rows.merge(key, r, (a, b) -> a.plus(b, key));
          }
        }
        cursor = page.nextCursor();
      } while (cursor != null);
    }
    MetricsRow total = MetricsRow.empty("total");
    for (MetricsRow r : rows.values()) {
      total = total.plus(r, "total");
    }
    return new MetricsReport(q, new ArrayList<>(rows.values()), total);
  }

  private static String group(Ticket t, MetricsQuery q) {
    return switch (q.groupBy()) {
      case AGENT -> t.assignee() == null ? "unassigned" : t.assignee().value();
      case TEAM -> t.team() == null ? "none" : t.team().value();
      case TIER -> Integer.toString(t.tier());
      case CHANNEL -> t.channel().name();
    };
  }

  private static boolean in(@Nullable Instant i, MetricsQuery q) {
    return i != null && !i.isBefore(q.from()) && i.isBefore(q.to());
  }

  private static Duration between(Instant a, Instant b, MetricsQuery q) {
    if (q.calendar() != null) {
      return q.calendar().businessTimeBetween(a, b);
    }
    return b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO;
  }

  private static @Nullable Instant resolvedAt(Ticket t) {
    if (t.state() == TicketState.MERGED) {
      return null;
    }
    if (t.solvedAt() != null) {
      return t.solvedAt();
    }
    return t.state() == TicketState.CLOSED ? t.closedAt() : null;
  }

  /** The tier the ticket was created in (it differs from the current one after tier changes). */
  private int createdTier(Ticket t) {
    if (t.tier() == 1 && t.escalationCount() == 0) {
      return 1; // never left the front line: tiers only change by escalation or de-escalation from above
    }
    for (TicketEvent e : tickets.history(t.id())) {
      if (e.change() instanceof TicketChange.Created c) {
        return c.tier();
      }
    }
    return t.tier();
  }

  /**
   * The ticket's contributions: by tier, the creation-based figures (created, escalated, first
   * response) count for the tier the ticket was created in, so that "escalation rate per tier" is
   * the share of a tier's tickets that it escalated; everything else counts for the current tier.
   */
  private List<MetricsRow> measure(Ticket t, MetricsQuery q) {
    MetricsRow all = measureOne(t, q);
    if (all == null) {
      return List.of();
    }
    if (q.groupBy() != dev.frontline.helpdesk.metrics.Dimension.TIER || all.created() == 0) {
      return List.of(all);
    }
    String born = Integer.toString(createdTier(t));
    if (born.equals(all.group())) {
      return List.of(all);
    }
    MetricsRow createdPart = new MetricsRow(born, all.created(), all.escalated(), all.firstResponded(), all.firstResponseTotal(),
        all.firstResponseMet(), 0, Duration.ZERO, 0, 0, 0, 0, 0, 0, 0);
    MetricsRow rest = new MetricsRow(all.group(), 0, 0, 0, Duration.ZERO, 0, all.resolved(), all.resolutionTotal(),
        all.resolutionMet(), all.firstContactResolved(), all.reopened(), all.backlog(), all.csatResponses(), all.csatTotal(),
        all.csatSatisfied(), all.sla());
    return List.of(createdPart, rest);
  }

  private @Nullable MetricsRow measureOne(Ticket t, MetricsQuery q) {
    long created = 0;
    long escalated = 0;
    long firstResponded = 0;
    Duration frt = Duration.ZERO;
    long frMet = 0;
    if (in(t.createdAt(), q)) {
      created = 1;
      escalated = t.escalationCount() > 0 ? 1 : 0;
      if (t.firstResponseAt() != null) {
        firstResponded = 1;
        frt = between(t.createdAt(), t.firstResponseAt(), q);
        frMet = q.firstResponseTarget() != null && frt.compareTo(q.firstResponseTarget()) <= 0 ? 1 : 0;
      }
    }
    long resolved = 0;
    Duration rt = Duration.ZERO;
    long rMet = 0;
    long fcr = 0;
    long reopened = 0;
    Map<SlaMetric, SlaCompliance> sla = Map.of();
    Instant resolvedAt = resolvedAt(t);
    // the history is needed for first-contact resolution, and if the ticket changed since the start
    // of the range (a CSAT answer in the range; a state change since the end of the range); a
    // ticket last changed before the start has no event in the range and its state now is its
    // state at the end of the range
    List<TicketEvent> history = in(resolvedAt, q) || !t.updatedAt().isBefore(q.from()) ? tickets.history(t.id()) : null;
    if (in(resolvedAt, q)) {
      resolved = 1;
      sla = new EnumMap<>(SlaMetric.class);
      for (Map.Entry<SlaMetric, SlaMetricState> e : t.sla().entrySet()) {
        sla.put(e.getKey(), new SlaCompliance(e.getValue().met(), e.getValue().breached()));
      }
      rt = between(t.createdAt(), Objects.requireNonNull(resolvedAt), q);
      rMet = q.resolutionTarget() != null && rt.compareTo(q.resolutionTarget()) <= 0 ? 1 : 0;
      reopened = t.reopenCount() > 0 ? 1 : 0;
      fcr = firstContact(t, Objects.requireNonNull(history), q.fcr()) ? 1 : 0;
    }
    long backlog = (history == null ? t.state().isActive() : activeAt(history, q.to())) ? 1 : 0;
    long csatN = 0;
    long csatSum = 0;
    long csatOk = 0;
    if (history != null) {
      // answers count by the time they were given, whatever the ticket's state now
      for (TicketEvent e : history) {
        Optional<CsatResponse> r = csat(e);
        if (r.isPresent() && in(r.get().at(), q)) {
          csatN++;
          csatSum += r.get().rating().value();
          csatOk += r.get().rating().satisfied() ? 1 : 0;
        }
      }
    }
    if (created + resolved + backlog + csatN == 0) {
      return null;
    }
    return new MetricsRow(group(t, q), created, escalated, firstResponded, frt, frMet, resolved, rt, rMet, fcr, reopened,
        backlog, csatN, csatSum, csatOk, sla);
  }

  /** A CSAT answer, or empty for any other event and for a malformed {@code csat} event. */
  private static Optional<CsatResponse> csat(TicketEvent e) {
    try {
      return CsatResponse.from(e);
    } catch (RuntimeException malformed) {
      return Optional.empty(); // not a valid answer: never counted
    }
  }

  /**
   * Whether the ticket was active at {@code end}: no period in which it was inactive (from the
   * event that solved, closed or merged it to the event that reopened it) covers {@code end}, that
   * is, the last time before {@code end} it became inactive, if any, was followed by a reopen
   * before {@code end}. Periods follow the events in version order.
   */
  private static boolean activeAt(List<TicketEvent> history, Instant end) {
    boolean active = true; // created NEW
    Instant since = null;
    for (TicketEvent e : history) {
      TicketState next = null;
      if (e.change() instanceof TicketChange.StateChanged s) {
        next = s.to();
      } else if (e.change() instanceof TicketChange.MergedInto) {
        next = TicketState.MERGED;
      }
      if (next == null || next.isActive() == active) {
        continue;
      }
      if (active) {
        since = e.at(); // a period starts
      } else if (Objects.requireNonNull(since).isBefore(end) && !e.at().isBefore(end)) {
        return false; // the period from since to this reopen covers end
      }
      active = next.isActive();
    }
    return active || !Objects.requireNonNull(since).isBefore(end);
  }

  private static boolean firstContact(Ticket t, List<TicketEvent> history, FcrDefinition d) {
    if (t.publicAgentReplies() != d.publicAgentReplies() || (d.withoutEscalation() && t.escalationCount() > 0)) {
      return false;
    }
    Instant firstSolved = null;
    for (TicketEvent e : history) {
      if (e.change() instanceof TicketChange.StateChanged s) {
        if (s.to() == TicketState.SOLVED && firstSolved == null) {
          firstSolved = e.at();
        } else if (firstSolved != null && s.from() == TicketState.SOLVED && s.to() == TicketState.OPEN
            && !e.at().isAfter(firstSolved.plus(d.notReopenedWithin()))) {
          return false;
        }
      }
    }
    return true;
  }
}
