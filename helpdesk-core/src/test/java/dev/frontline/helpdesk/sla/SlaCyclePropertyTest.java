package dev.frontline.helpdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.sla.SlaEvent.AgentPublicReply;
import dev.frontline.helpdesk.sla.SlaEvent.Created;
import dev.frontline.helpdesk.sla.SlaEvent.CustomerMessage;
import dev.frontline.helpdesk.sla.SlaEvent.Solved;
import dev.frontline.helpdesk.sla.SlaEvent.StateChanged;
import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Property: on random timelines, the SLA clock's cycle outcomes (met and breached cycles, and the
 * latest cycle's status) equal those of an independent reference that steps through the timeline
 * minute by minute. All events fall on whole minutes and the calendar is always open, so a
 * minute-stepping count of working time is exact.
 */
class SlaCyclePropertyTest {
  private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

  /** Where a metric stands in the reference: counts and the latest cycle. */
  private record Outcome(int met, int breached, SlaStatus status) {}

  /** One metric's cycle bookkeeping in the reference simulation. */
  private static final class Tracker {
    final SlaMetric metric;
    final long target;
    int met;
    int breached;
    boolean open;
    boolean everOpened;
    long counted;
    long breachAt = -1; // minute at which the open cycle reached its target
    SlaStatus last = SlaStatus.INACTIVE;

    Tracker(SlaMetric metric, long target) {
      this.metric = metric;
      this.target = target;
    }

    void start() {
      open = true;
      everOpened = true;
      counted = 0;
      breachAt = -1;
    }

    /** Stops the open cycle at minute {@code m}: reaching the target exactly at the stop meets it. */
    void stop(long m) {
      if (!open) {
        return;
      }
      open = false;
      if (breachAt >= 0 && breachAt < m) {
        breached++;
        last = SlaStatus.BREACHED;
      } else {
        met++;
        last = SlaStatus.MET;
      }
    }

    void count(long m) {
      counted++;
      if (breachAt < 0 && counted >= target) {
        breachAt = m + 1;
      }
    }
  }

  private static boolean pausesResolution(TicketState s) {
    return s == TicketState.PENDING || s == TicketState.ON_HOLD;
  }

  /** The reference: replays minute by minute the rules documented on {@link SlaClock}. */
  private static Map<SlaMetric, Outcome> reference(Map<SlaMetric, Long> targets, List<SlaEvent> events, long nowMinute) {
    Map<SlaMetric, Tracker> tr = new EnumMap<>(SlaMetric.class);
    targets.forEach((m, t) -> tr.put(m, new Tracker(m, t)));
    TicketState state = TicketState.NEW;
    long inactiveSince = -1;
    boolean replied = false;
    int next = 0;
    for (long m = 0; m <= nowMinute; m++) {
      // several state changes in one minute (one instant): the last one holds, as on the SLA clock,
      // so a ticket that reopens and closes again within the instant was never active
      TicketState atMinuteStart = state;
      while (next < events.size() && minute(events.get(next).at()) == m) {
        SlaEvent e = events.get(next++);
        boolean deactivates = e instanceof Solved || (e instanceof StateChanged s && !s.to().isActive());
        for (Tracker t : tr.values()) {
          switch (t.metric) {
            case FIRST_RESPONSE -> {
              if (e instanceof Created) {
                t.start();
              } else if (e instanceof AgentPublicReply || deactivates) {
                t.stop(m);
              }
            }
            case NEXT_RESPONSE -> {
              if (e instanceof AgentPublicReply) {
                t.stop(m);
              } else if (e instanceof CustomerMessage && replied && !t.open) {
                t.start();
              } else if (deactivates) {
                t.stop(m);
              }
            }
            case PERIODIC_UPDATE -> {
              if (e instanceof AgentPublicReply) {
                t.stop(m);
                t.start();
              } else if (deactivates) {
                t.stop(m);
              }
            }
            case RESOLUTION -> {
              if (e instanceof Created) {
                t.start();
              }
            }
          }
        }
        if (e instanceof AgentPublicReply) {
          replied = true;
        }
        if (e instanceof Solved) {
          state = TicketState.SOLVED;
        } else if (e instanceof StateChanged s) {
          state = s.to();
        }
      }
      if (atMinuteStart.isActive() && !state.isActive()) {
        inactiveSince = m;
      }
      if (m == nowMinute) {
        break;
      }
      for (Tracker t : tr.values()) {
        boolean counts = state.isActive() && !(t.metric == SlaMetric.RESOLUTION && pausesResolution(state));
        if (t.open && counts) {
          t.count(m);
        }
      }
    }
    Map<SlaMetric, Outcome> out = new EnumMap<>(SlaMetric.class);
    for (Tracker t : tr.values()) {
      if (t.metric == SlaMetric.RESOLUTION && t.open && !state.isActive()) {
        t.stop(inactiveSince); // solved, closed or merged and not reopened: stopped when it became so
      }
      SlaStatus status;
      if (!t.everOpened) {
        status = SlaStatus.INACTIVE;
      } else if (!t.open) {
        status = t.last;
      } else if (t.breachAt >= 0 && t.breachAt <= nowMinute) {
        status = SlaStatus.BREACHED;
        t.breached++;
      } else {
        boolean paused = !state.isActive() || (t.metric == SlaMetric.RESOLUTION && pausesResolution(state));
        status = paused ? SlaStatus.PAUSED : SlaStatus.RUNNING;
      }
      out.put(t.metric, new Outcome(t.met, t.breached, status));
    }
    return out;
  }

  private static long minute(Instant i) {
    return Duration.between(START, i).toMinutes();
  }

  @Test
  @DisplayName("met and breached cycles and the latest status agree with a minute-stepping reference")
  void cycleOutcomes() {
    long seed = Long.getLong("frontline.seed", System.nanoTime());
    System.out.println("SlaCyclePropertyTest seed: " + seed + " (rerun with -Dfrontline.seed=" + seed + ")");
    Random rnd = new Random(seed);
    for (int run = 0; run < 400; run++) {
      Map<SlaMetric, Long> targets = new EnumMap<>(SlaMetric.class);
      SlaPolicy.Builder p = SlaPolicy.builder("random");
      for (SlaMetric m : SlaMetric.values()) {
        long minutes = 5 + rnd.nextInt(240);
        targets.put(m, minutes);
        p.target(m, Duration.ofMinutes(minutes), BusinessCalendar.always());
      }
      List<SlaEvent> events = new ArrayList<>();
      events.add(new Created(START));
      long m = 0;
      for (int k = rnd.nextInt(25); k > 0; k--) {
        m += rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(180); // sometimes several events in the same minute
        Instant at = START.plus(Duration.ofMinutes(m));
        events.add(switch (rnd.nextInt(8)) {
          case 0, 1 -> new CustomerMessage(at);
          case 2, 3 -> new AgentPublicReply(at);
          case 4 -> new Solved(at);
          default -> new StateChanged(at, TicketState.values()[rnd.nextInt(TicketState.values().length)]);
        });
      }
      long now = m + rnd.nextInt(400);
      SlaReport r = SlaClock.evaluate(p.build(), new SlaTimeline(events), START.plus(Duration.ofMinutes(now)));
      Map<SlaMetric, Outcome> expected = reference(targets, events, now);
      for (SlaMetric metric : SlaMetric.values()) {
        SlaMetricStatus s = r.status(metric);
        Outcome want = expected.get(metric);
        assertThat(new Outcome(s.met(), s.breaches(), s.status()))
            .as("run %d, %s, events %s, now +%d min (seed %d)", run, metric, events, now, seed)
            .isEqualTo(want);
        SlaMetricState stored = SlaMetricState.of(s);
        assertThat(stored.met() + stored.breached()).isEqualTo(want.met() + want.breached());
      }
    }
  }
}
