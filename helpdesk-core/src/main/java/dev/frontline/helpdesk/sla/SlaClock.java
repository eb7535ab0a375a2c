package dev.frontline.helpdesk.sla;

import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The SLA clock: a pure function from a policy, a ticket's timeline and an instant to where every
 * metric stands and when the next deadline is. Deterministic (it never reads a clock) and stateless,
 * so it can be re-run after every change and replayed; thread-safe.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li>Cycles: {@link SlaMetric#FIRST_RESPONSE} from creation to the first public agent reply;
 *       {@link SlaMetric#NEXT_RESPONSE}, after the first reply, from the first customer message not
 *       yet answered to the next public agent reply; {@link SlaMetric#PERIODIC_UPDATE} from each
 *       public agent reply to the next; {@link SlaMetric#RESOLUTION} from creation, never stopping
 *       but not counting while the ticket is solved, closed or merged. A change to a state that is
 *       not {@link TicketState#isActive() active} (solved, closed, merged) stops the open cycle of
 *       the other metrics.
 *   <li>Counting: only the target calendar's working time counts, and nothing while the ticket is
 *       in one of the target's pause states (or not active).
 *   <li>Breach: a cycle is breached when its counted time reaches the target while it is still open.
 *       A reply exactly at the due instant meets the target; at {@code now} exactly at the due
 *       instant an open cycle is breached. Warnings likewise.
 *   <li>Events after {@code now} are ignored, so a stored timeline can be evaluated as of any
 *       instant.
 *   <li>Projections ({@code due}, {@code warningAt} of running metrics) assume no further pauses.
 * </ul>
 */
public final class SlaClock {
  private SlaClock() {}

  /**
   * Evaluates a policy on a ticket's timeline.
   *
   * @param policy the policy that applies to the ticket
   * @param timeline the ticket's events
   * @param now the instant to evaluate at; not before the ticket's creation
   * @return the status of every metric the policy has a target for, and the next deadline
   * @throws dev.frontline.helpdesk.ValidationException if an argument is null or {@code now} is
   *     before creation
   */
  public static SlaReport evaluate(SlaPolicy policy, SlaTimeline timeline, Instant now) {
    Checks.notNull(policy, "policy");
    Checks.notNull(timeline, "timeline");
    Checks.notNull(now, "now");
    Checks.require(!now.isBefore(timeline.createdAt()), "now " + now + " is before the ticket was created at " + timeline.createdAt());
    List<SlaEvent> events = new ArrayList<>();
    for (SlaEvent e : timeline.events()) {
      if (!e.at().isAfter(now)) {
        events.add(e);
      }
    }
    States states = new States(events);
    Map<SlaMetric, SlaMetricStatus> result = new EnumMap<>(SlaMetric.class);
    Instant next = null;
    for (Map.Entry<SlaMetric, SlaTarget> entry : policy.targets().entrySet()) {
      SlaMetric metric = entry.getKey();
      SlaMetricStatus status = evaluate(metric, entry.getValue(), cycles(metric, events), states, now);
      result.put(metric, status);
      if (status.status() == SlaStatus.RUNNING) {
        next = earliest(next, status.due());
        if (status.warningAt() != null && status.warningAt().isAfter(now)) {
          next = earliest(next, status.warningAt());
        }
      }
    }
    return new SlaReport(policy.name(), now, result, next);
  }

  private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  /** A cycle of a metric: from start until stop (null: still open at now). */
  private record Cycle(Instant start, @Nullable Instant stop) {}

  private static List<Cycle> cycles(SlaMetric metric, List<SlaEvent> events) {
    List<Cycle> cycles = new ArrayList<>();
    Instant open = null;
    boolean replied = false;
    for (SlaEvent e : events) {
      boolean deactivates =
          e instanceof SlaEvent.Solved || (e instanceof SlaEvent.StateChanged s && !s.to().isActive());
      switch (metric) {
        case FIRST_RESPONSE -> {
          if (e instanceof SlaEvent.Created) {
            open = e.at();
          } else if (open != null && (e instanceof SlaEvent.AgentPublicReply || deactivates)) {
            cycles.add(new Cycle(open, e.at()));
            open = null;
          }
        }
        case NEXT_RESPONSE -> {
          if (e instanceof SlaEvent.AgentPublicReply) {
            if (open != null) {
              cycles.add(new Cycle(open, e.at()));
              open = null;
            }
            replied = true;
          } else if (e instanceof SlaEvent.CustomerMessage && replied && open == null) {
            open = e.at();
          } else if (deactivates && open != null) {
            cycles.add(new Cycle(open, e.at()));
            open = null;
          }
        }
        case PERIODIC_UPDATE -> {
          if (e instanceof SlaEvent.AgentPublicReply) {
            if (open != null) {
              cycles.add(new Cycle(open, e.at()));
            }
            open = e.at();
          } else if (deactivates && open != null) {
            cycles.add(new Cycle(open, e.at()));
            open = null;
          }
        }
        case RESOLUTION -> {
          if (e instanceof SlaEvent.Created) {
            open = e.at();
          }
        }
      }
    }
    if (open != null) {
      cycles.add(new Cycle(open, null));
    }
    return cycles;
  }

  /** What one cycle came to. */
  private record Outcome(
      Duration counted, @Nullable Instant breachAt, @Nullable Instant warnAt, List<SlaSegment> segments) {}

  private static Outcome walk(SlaTarget target, Cycle cycle, States states, Instant end) {
    Duration limit = target.target();
    Duration warnLimit = target.warning().elapsedAt(limit);
    BusinessCalendar cal = target.calendar();
    Duration counted = Duration.ZERO;
    Instant breachAt = null;
    Instant warnAt = null;
    List<SlaSegment> segments = new ArrayList<>();
    for (States.Piece p : states.pieces(cycle.start(), end)) {
      boolean paused = !p.state().isActive() || target.pausedIn().contains(p.state());
      Duration working = paused ? Duration.ZERO : cal.businessTimeBetween(p.from(), p.to());
      segments.add(new SlaSegment(p.from(), p.to(), p.state(), paused, working));
      if (paused) {
        continue;
      }
      Duration after = counted.plus(working);
      if (warnAt == null && after.compareTo(warnLimit) >= 0) {
        warnAt = cal.addBusinessTime(p.from(), warnLimit.minus(counted));
      }
      if (breachAt == null && after.compareTo(limit) >= 0) {
        breachAt = cal.addBusinessTime(p.from(), limit.minus(counted));
      }
      counted = after;
    }
    return new Outcome(counted, breachAt, warnAt, segments);
  }

  private static SlaMetricStatus evaluate(
      SlaMetric metric, SlaTarget target, List<Cycle> cycles, States states, Instant now) {
    if (cycles.isEmpty()) {
      return new SlaMetricStatus(
          metric, SlaStatus.INACTIVE, target.target(), Duration.ZERO, null, null, null, false, null, 0, 0, List.of());
    }
    int breaches = 0;
    int met = 0;
    SlaMetricStatus last = null;
    for (Cycle c : cycles) {
      last = evaluateCycle(metric, target, c, states, now);
      if (last.status() == SlaStatus.BREACHED) {
        breaches++;
      } else if (last.status() == SlaStatus.MET) {
        met++;
      }
    }
    last = Objects.requireNonNull(last); // a metric has at least one cycle
    return new SlaMetricStatus(
        last.metric(), last.status(), last.target(), last.elapsed(), last.startedAt(), last.due(),
        last.warningAt(), last.warned(), last.stoppedAt(), breaches, met, last.segments());
  }

  private static SlaMetricStatus evaluateCycle(SlaMetric metric, SlaTarget target, Cycle c, States states, Instant now) {
    Duration limit = target.target();
    Duration warnLimit = target.warning().elapsedAt(limit);
    BusinessCalendar cal = target.calendar();
    Instant stop = c.stop();
    if (metric == SlaMetric.RESOLUTION && stop == null && !states.at(now).isActive()) {
      // Solved (or closed, merged) and not reopened: the resolution clock stopped when it became so.
      stop = states.inactiveSince(now);
    }
    Instant end = stop != null ? stop : now;
    Outcome o = walk(target, c, states, end);
    SlaStatus status;
    Instant due;
    Instant warningAt = o.warnAt();
    boolean warned;
    if (stop != null) {
      // Stopped: reaching the target exactly at the stop still meets it.
      boolean breached = o.breachAt() != null && o.breachAt().isBefore(stop);
      status = breached ? SlaStatus.BREACHED : SlaStatus.MET;
      due = o.breachAt() != null ? o.breachAt() : cal.addBusinessTime(stop, limit.minus(o.counted()));
      warned = warningAt != null && warningAt.isBefore(stop);
    } else {
      TicketState state = states.at(now);
      boolean paused = !state.isActive() || target.pausedIn().contains(state);
      if (o.breachAt() != null) {
        status = SlaStatus.BREACHED;
        due = o.breachAt();
      } else if (paused) {
        status = SlaStatus.PAUSED;
        due = null;
      } else {
        status = SlaStatus.RUNNING;
        due = cal.addBusinessTime(now, limit.minus(o.counted()));
        if (warningAt == null) {
          warningAt = cal.addBusinessTime(now, warnLimit.minus(o.counted()));
        }
      }
      warned = warningAt != null && !warningAt.isAfter(now);
    }
    return new SlaMetricStatus(
        metric, status, limit, o.counted(), c.start(), due, warningAt, warned, stop, 0, 0, o.segments());
  }

  /** The ticket's state over time, from the timeline. */
  private static final class States {
    private final List<Instant> at = new ArrayList<>();
    private final List<TicketState> state = new ArrayList<>();

    States(List<SlaEvent> events) {
      for (SlaEvent e : events) {
        TicketState s = null;
        if (e instanceof SlaEvent.Created) {
          s = TicketState.NEW;
        } else if (e instanceof SlaEvent.StateChanged sc) {
          s = sc.to();
        } else if (e instanceof SlaEvent.Solved) {
          s = TicketState.SOLVED;
        }
        if (s != null) {
          if (!at.isEmpty() && at.get(at.size() - 1).equals(e.at())) {
            // Several changes at one instant: the last one holds.
            state.set(state.size() - 1, s);
          } else {
            at.add(e.at());
            state.add(s);
          }
        }
      }
    }

    TicketState at(Instant t) {
      TicketState s = state.get(0);
      for (int i = 0; i < at.size() && !at.get(i).isAfter(t); i++) {
        s = state.get(i);
      }
      return s;
    }

    /** Start of the run of inactive states that holds at {@code t}. */
    Instant inactiveSince(Instant t) {
      int i = 0;
      while (i + 1 < at.size() && !at.get(i + 1).isAfter(t)) {
        i++;
      }
      while (i > 0 && !state.get(i - 1).isActive()) {
        i--;
      }
      return at.get(i);
    }

    record Piece(Instant from, Instant to, TicketState state) {}

    /** The non-empty stretches of constant state within {@code [from, to)}. */
    List<Piece> pieces(Instant from, Instant to) {
      List<Piece> pieces = new ArrayList<>();
      for (int i = 0; i < at.size(); i++) {
        Instant a = at.get(i).isAfter(from) ? at.get(i) : from;
        Instant b = i + 1 < at.size() && at.get(i + 1).isBefore(to) ? at.get(i + 1) : to;
        if (a.isBefore(b)) {
          pieces.add(new Piece(a, b, state.get(i)));
        }
      }
      return pieces;
    }
  }
}
