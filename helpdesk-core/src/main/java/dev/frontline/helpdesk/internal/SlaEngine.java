package dev.frontline.helpdesk.internal;

import dev.frontline.helpdesk.automation.Rule;
import dev.frontline.helpdesk.automation.TicketFacts;
import dev.frontline.helpdesk.directory.Organization;
import dev.frontline.helpdesk.escalation.EscalationRule;
import dev.frontline.helpdesk.escalation.EscalationTrigger;
import dev.frontline.helpdesk.sla.SlaClock;
import dev.frontline.helpdesk.sla.SlaEvent;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaMetricStatus;
import dev.frontline.helpdesk.sla.SlaPolicy;
import dev.frontline.helpdesk.sla.SlaReport;
import dev.frontline.helpdesk.sla.SlaStatus;
import dev.frontline.helpdesk.sla.SlaTimeline;
import dev.frontline.helpdesk.spi.DirectoryStore;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Connects tickets to the SLA clock and to escalation rules: maps a ticket's history to an {@link
 * SlaTimeline}, picks the policy, evaluates it, and finds the escalation steps that are pending. As a
 * {@link DeadlineCalculator} it returns the earliest of the SLA's next warning or breach and the
 * instants at which pending escalation steps fire (so that time-based rules such as "breach + 4h"
 * or "no agent reply for 8h" make the ticket due in the store's deadline index). Thread-safe.
 */
public final class SlaEngine implements DeadlineCalculator {
  private final List<SlaPolicy> policies;
  private final java.util.function.Supplier<List<EscalationRule>> rules;
  private final DirectoryStore directory;
  private final Clock clock;

  /**
   * @param policies SLA policies, first match wins
   * @param rules escalation rules in order
   * @param directory for organizations' VIP flag
   * @param clock the clock deadlines are computed at
   */
  public SlaEngine(List<SlaPolicy> policies, List<EscalationRule> rules, DirectoryStore directory, Clock clock) {
    this(policies, () -> rules, directory, clock);
  }

  /**
   * @param policies SLA policies, first match wins
   * @param rules the escalation rules in force, in order (asked on every evaluation)
   * @param directory for organizations' VIP flag
   * @param clock the clock deadlines are computed at
   */
  public SlaEngine(List<SlaPolicy> policies, java.util.function.Supplier<List<EscalationRule>> rules, DirectoryStore directory,
      Clock clock) {
    this.policies = List.copyOf(policies);
    this.rules = rules;
    this.directory = directory;
    this.clock = clock;
  }

  /** @return the escalation rules in force, in order */
  public List<EscalationRule> rules() {
    return rules.get();
  }

  /**
   * An escalation step whose trigger holds (or will hold) for a ticket and that has not fired yet.
   *
   * @param rule the rule
   * @param step the occurrence key recorded as {@link TicketChange.EscalationStepFired#step()}
   * @param at when the trigger holds (the step fires at the first run at or after it)
   */
  public record Occurrence(EscalationRule rule, String step, Instant at) {}

  /**
   * @param t a ticket
   * @param now the evaluation instant
   * @return the facts SLA policies, escalation rules and their conditions are evaluated on (one
   *     directory read for the organization's VIP flag and plan)
   */
  public TicketFacts facts(Ticket t, Instant now) {
    return facts(directory, t, now);
  }

  /**
   * @param directory for the organization's VIP flag and plan
   * @param t a ticket
   * @param now the evaluation instant
   * @return the facts every rule is evaluated on (one directory read)
   */
  static TicketFacts facts(DirectoryStore directory, Ticket t, Instant now) {
    Organization org = t.organization() == null ? null : directory.findOrganization(t.organization()).orElse(null);
    return new TicketFacts(t, org != null && org.vip(), org == null ? null : org.plan(), now);
  }

  /**
   * @param t a ticket
   * @return the policy that applies, if any
   */
  public Optional<SlaPolicy> policy(Ticket t) {
    return policies.isEmpty() ? Optional.empty() : SlaPolicy.firstMatching(policies, facts(t, clock.instant()));
  }

  private Optional<SlaPolicy> policy(TicketFacts f) {
    return policies.isEmpty() ? Optional.empty() : SlaPolicy.firstMatching(policies, f);
  }

  /**
   * Maps stored events to the SLA clock's events: creation; the first conversation entry (the
   * request itself, even if an agent typed it in on the customer's behalf) and later public customer
   * messages; public agent replies (internal notes and system entries do not count); state changes;
   * a merge (as a change to MERGED). Entries copied in by a merge keep their old times and are not
   * counted again. Instants are made non-decreasing.
   *
   * @param history a ticket's events in version order, starting with Created
   * @return the timeline
   */
  public static SlaTimeline timeline(List<TicketEvent> history) {
    return timeline(history, -1);
  }

  /**
   * The timeline as seen by the tier a ticket entered at event index {@code start} (a {@code
   * TierChanged}): that instant counts as the ticket's creation and first customer message, in the
   * state the ticket had then; earlier events are not counted. Used for tier-specific policies
   * (OLAs), so that a tier is measured from when it received the ticket.
   *
   * @param history a ticket's events
   * @param start index of the tier entry event, or -1 for the whole history
   * @return the timeline
   */
  static SlaTimeline timeline(List<TicketEvent> history, int start) {
    List<SlaEvent> out = new ArrayList<>();
    Instant last = null;
    boolean firstEntry = true;
    TicketState state = TicketState.NEW;
    for (int i = 0; i < history.size(); i++) {
      TicketEvent e = history.get(i);
      Instant at = last == null || e.at().isAfter(last) ? e.at() : last;
      last = at;
      TicketChange c = e.change();
      if (c instanceof TicketChange.StateChanged sc0) {
        state = sc0.to();
      }
      if (i < start) {
        continue;
      }
      if (i == start) {
        out.add(new SlaEvent.Created(at));
        out.add(new SlaEvent.CustomerMessage(at));
        if (state != TicketState.NEW) {
          out.add(new SlaEvent.StateChanged(at, state));
        }
        firstEntry = false;
        continue;
      }
      if (c instanceof TicketChange.Created) {
        out.add(new SlaEvent.Created(at));
      } else if (c instanceof TicketChange.EntryAdded ea) {
        if (firstEntry) {
          firstEntry = false;
          out.add(new SlaEvent.CustomerMessage(at));
        } else if (ea.entry().kind() == EntryKind.PUBLIC_REPLY) {
          if (ea.entry().author().kind() == Author.Kind.AGENT) {
            out.add(new SlaEvent.AgentPublicReply(at));
          } else if (ea.entry().author().kind() == Author.Kind.CUSTOMER) {
            out.add(new SlaEvent.CustomerMessage(at));
          }
        }
      } else if (c instanceof TicketChange.StateChanged sc) {
        out.add(new SlaEvent.StateChanged(at, sc.to()));
      } else if (c instanceof TicketChange.MergedInto) {
        out.add(new SlaEvent.StateChanged(at, TicketState.MERGED));
      }
    }
    return new SlaTimeline(out);
  }

  /**
   * @param t the ticket
   * @param history its events
   * @param now the instant to evaluate at (moved up to the creation if before it)
   * @return the SLA report, or null if no policy applies
   */
  public @Nullable SlaReport report(Ticket t, List<TicketEvent> history, Instant now) {
    return report(facts(t, now), history, now);
  }

  private @Nullable SlaReport report(TicketFacts f, List<TicketEvent> history, Instant now) {
    Ticket t = f.ticket();
    Optional<SlaPolicy> p = policy(f);
    if (p.isEmpty() || history.isEmpty()) {
      return null;
    }
    int start = -1;
    if (!p.get().conditions().tiers().isEmpty()) {
      // a tier-specific policy (OLA) measures from when the ticket entered its current tier
      for (int i = history.size() - 1; i > 0; i--) {
        if (history.get(i).change() instanceof TicketChange.TierChanged tc && tc.toTier() == t.tier()) {
          start = i;
          break;
        }
      }
    }
    SlaTimeline tl = timeline(history, start);
    Instant at = now.isBefore(tl.createdAt()) ? tl.createdAt() : now;
    return SlaClock.evaluate(p.get(), tl, at);
  }

  /**
   * The escalation steps that have not fired for this ticket and whose trigger holds now or will
   * hold at a known instant if nothing changes. A condition that holds now without a known start
   * (priority, VIP, tag, ...) is dated at the ticket's current deadline if that has passed, else at
   * {@code now}, so that recomputing does not move it.
   *
   * @param t the ticket
   * @param history its events (fired steps are read from here)
   * @param report its SLA report, or null if no policy applies
   * @param now the evaluation instant
   * @return the pending occurrences, in rule order
   */
  public List<Occurrence> pending(Ticket t, List<TicketEvent> history, @Nullable SlaReport report, Instant now) {
    return pending(facts(t, now), history, report, now);
  }

  private List<Occurrence> pending(TicketFacts f, List<TicketEvent> history, @Nullable SlaReport report, Instant now) {
    Ticket t = f.ticket();
    List<EscalationRule> rules = this.rules.get();
    if (rules.isEmpty() || !t.state().isActive()) {
      return List.of();
    }
    Set<String> fired = new HashSet<>();
    for (TicketEvent e : history) {
      if (e.change() instanceof TicketChange.EscalationStepFired fs) {
        fired.add(fs.rule() + '\n' + fs.step());
      }
    }
    Instant held = t.nextDeadline() != null && !t.nextDeadline().isAfter(now) ? t.nextDeadline() : now;
    List<Occurrence> out = new ArrayList<>();
    for (EscalationRule rule : rules) {
      if (!rule.conditions().matches(f)) {
        continue;
      }
      List<Occurrence> occ = new ArrayList<>();
      EscalationTrigger tr = rule.trigger();
      Rule condition = tr.condition();
      if (condition != null) {
        // a trigger that holds while a fact holds: the same evaluator as every other rule
        if (condition.test(f)) {
          occ.add(new Occurrence(rule, "once", held));
        }
      } else if (tr instanceof EscalationTrigger.SlaWarning w) {
        SlaMetricStatus s = report == null ? null : report.status(w.metric());
        if (s != null && open(s) && s.warningAt() != null && (s.status() != SlaStatus.PAUSED || s.warned())) {
          occ.add(new Occurrence(rule, cycleKey(w.metric(), s), s.warningAt()));
        }
      } else if (tr instanceof EscalationTrigger.SlaBreach b) {
        SlaMetricStatus s = report == null ? null : report.status(b.metric());
        if (s != null && open(s) && s.due() != null && s.status() != SlaStatus.PAUSED) {
          occ.add(new Occurrence(rule, cycleKey(b.metric(), s), s.due().plus(b.delay())));
        }
      } else if (tr instanceof EscalationTrigger.NoAgentReplyFor n) {
        if (t.state() == TicketState.NEW || t.state() == TicketState.OPEN) {
          Instant since = t.lastAgentReplyAt() != null ? t.lastAgentReplyAt() : t.createdAt();
          occ.add(new Occurrence(rule, "since@" + since, since.plus(n.duration())));
        }
      } else if (tr instanceof EscalationTrigger.ManualEscalation) {
        for (TicketEvent e : history) {
          if (e.change() instanceof TicketChange.TierChanged tc && !tc.automatic() && tc.isEscalation()) {
            occ.add(new Occurrence(rule, "escalation@v" + e.version(), e.at()));
          }
        }
      }
      for (Occurrence o : occ) {
        if (!fired.contains(rule.name() + '\n' + o.step())) {
          out.add(o);
        }
      }
    }
    return out;
  }

  private static boolean open(SlaMetricStatus s) {
    return s.stoppedAt() == null && s.startedAt() != null
        && (s.status() == SlaStatus.RUNNING || s.status() == SlaStatus.PAUSED || s.status() == SlaStatus.BREACHED);
  }

  private static String cycleKey(SlaMetric m, SlaMetricStatus s) {
    return m.name().toLowerCase(Locale.ROOT) + "@" + s.startedAt();
  }

  @Override
  public Result compute(Ticket ticket, List<TicketEvent> history) {
    return compute(ticket, history, clock.instant());
  }

  /**
   * @param ticket the ticket (its {@code nextDeadline} is the one stored before this computation)
   * @param history its events
   * @param now the evaluation instant
   * @return the next deadline and its detail
   */
  public Result compute(Ticket ticket, List<TicketEvent> history, Instant now) {
    if (policies.isEmpty() && rules.get().isEmpty()) {
      // nothing to evaluate: no directory read on the commit path
      return new Result(null, "policy=none", java.util.Map.of());
    }
    TicketFacts f = facts(ticket, now);
    SlaReport r = report(f, history, now);
    Instant next = r == null ? null : r.nextDeadline();
    Occurrence first = null;
    for (Occurrence o : pending(f, history, r, now)) {
      if (next == null || o.at().isBefore(next)) {
        next = o.at();
        first = o;
      }
    }
    StringBuilder d = new StringBuilder();
    d.append("policy=").append(r == null ? "none" : r.policy());
    if (r != null) {
      for (SlaMetricStatus s : r.metrics().values()) {
        d.append(';').append(s.metric().name().toLowerCase(Locale.ROOT)).append('=')
            .append(s.status().name().toLowerCase(Locale.ROOT));
        if (s.due() != null) {
          d.append('@').append(s.due());
        }
      }
    }
    if (first != null) {
      d.append(";escalation=").append(first.rule().name()).append('@').append(first.at());
    }
    java.util.Map<SlaMetric, dev.frontline.helpdesk.sla.SlaMetricState> states = new java.util.EnumMap<>(SlaMetric.class);
    if (r != null) {
      for (SlaMetricStatus s : r.metrics().values()) {
        states.put(s.metric(), dev.frontline.helpdesk.sla.SlaMetricState.of(s));
      }
    }
    return new Result(next, d.toString(), states);
  }
}
