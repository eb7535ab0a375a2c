package dev.frontline.helpdesk.escalation;

import dev.frontline.helpdesk.automation.Rule;
import org.jspecify.annotations.Nullable;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.ticket.Priority;
import java.time.Duration;

/**
 * When an {@link EscalationRule} fires. Each trigger defines <em>occurrences</em>: a trigger that
 * describes a lasting condition (priority, VIP, reopens, tag, keyword) occurs once per ticket; a
 * trigger tied to an SLA cycle occurs once per cycle of its metric (so a second next-response cycle
 * can breach again); "no agent reply" occurs once per stretch without a reply; a manual escalation
 * occurs once per escalation an agent makes. The occurrence is the {@code step} recorded in {@link
 * dev.frontline.helpdesk.ticket.TicketChange.EscalationStepFired}, so each fires at most once per
 * ticket. Immutable and thread-safe.
 */
public sealed interface EscalationTrigger {
  /**
   * The condition on the ticket's current facts that this trigger stands for, for the triggers that
   * hold while a fact holds (priority, VIP, reopen count, tag, subject keyword); evaluated by the
   * same {@link Rule} evaluator as every other rule. Null for the triggers that are moments in time
   * (SLA warning and breach, no agent reply for a while, a manual escalation).
   *
   * @return the condition, or null
   */
  default @Nullable Rule condition() {
    return null;
  }


  /**
   * Fires when the warning threshold of the metric's open cycle is reached (also if the cycle has
   * breached meanwhile and the warning step has not fired yet). Not once the cycle has stopped.
   *
   * @param metric the metric
   * @return the trigger
   */
  static EscalationTrigger slaWarning(SlaMetric metric) {
    return new SlaWarning(metric);
  }

  /**
   * Fires when the metric's open cycle breaches. Not once the cycle has stopped (a late reply
   * before the runner saw the breach ends it).
   *
   * @param metric the metric
   * @return the trigger
   */
  static EscalationTrigger slaBreach(SlaMetric metric) {
    return new SlaBreach(metric, Duration.ZERO);
  }

  /**
   * Fires {@code delay} (wall-clock time) after the metric's open cycle breached, if the cycle is
   * still open then; e.g. breach + 4h escalates to tier 3.
   *
   * @param metric the metric
   * @param delay how long after the breach, not negative
   * @return the trigger
   */
  static EscalationTrigger slaBreach(SlaMetric metric, Duration delay) {
    return new SlaBreach(metric, delay);
  }

  /**
   * @param priority the lowest priority that fires
   * @return a trigger firing once when the ticket's priority is at least {@code priority}
   */
  static EscalationTrigger priorityAtLeast(Priority priority) {
    return new PriorityAtLeast(priority);
  }

  /** @return a trigger firing once for tickets of an organization marked VIP in the directory */
  static EscalationTrigger vipOrganization() {
    return new VipOrganization();
  }

  /**
   * @param times how many reopens, at least 1
   * @return a trigger firing once when the ticket has been reopened at least {@code times} times
   */
  static EscalationTrigger reopenedAtLeast(int times) {
    return new ReopenedAtLeast(times);
  }

  /**
   * @param tag a tag
   * @return a trigger firing once when the ticket carries the tag
   */
  static EscalationTrigger tagged(String tag) {
    return new Tagged(tag);
  }

  /**
   * @param keyword a word or phrase, matched case-insensitively
   * @return a trigger firing once when the ticket's subject contains it
   */
  static EscalationTrigger subjectContains(String keyword) {
    return new SubjectContains(keyword);
  }

  /**
   * Fires when a ticket waiting on support (NEW or OPEN) has had no public agent reply for {@code
   * d} of wall-clock time since the last public agent reply (or since creation if there is none).
   * Occurs again after each new agent reply.
   *
   * @param d the duration, positive
   * @return the trigger
   */
  static EscalationTrigger noAgentReplyFor(Duration d) {
    return new NoAgentReplyFor(d);
  }

  /**
   * Fires after each escalation an agent (not a rule) made through {@link
   * dev.frontline.helpdesk.ticket.TicketService#escalate}, with its reason in the history; use it to
   * notify the receiving tier's lead, tag the ticket, and so on.
   *
   * @return the trigger
   */
  static EscalationTrigger manualEscalation() {
    return new ManualEscalation();
  }

  /**
   * See {@link #slaWarning}.
   *
   * @param metric the metric
   */
  record SlaWarning(SlaMetric metric) implements EscalationTrigger {
    /** Validates. */
    public SlaWarning {
      Checks.notNull(metric, "metric");
    }
  }

  /**
   * See {@link #slaBreach(SlaMetric, Duration)}.
   *
   * @param metric the metric
   * @param delay how long after the breach
   */
  record SlaBreach(SlaMetric metric, Duration delay) implements EscalationTrigger {
    /** Validates. */
    public SlaBreach {
      Checks.notNull(metric, "metric");
      Checks.notNull(delay, "delay");
      Checks.require(!delay.isNegative(), "breach delay must not be negative, was " + delay);
    }
  }

  /**
   * See {@link #priorityAtLeast}.
   *
   * @param priority the lowest priority that fires
   */
  record PriorityAtLeast(Priority priority) implements EscalationTrigger {
    /** Validates. */
    public PriorityAtLeast {
      Checks.notNull(priority, "priority");
    }

    @Override
    public Rule condition() {
      return new Rule.PriorityAtLeast(priority);
    }
  }

  /** See {@link #vipOrganization}. */
  record VipOrganization() implements EscalationTrigger {
    @Override
    public Rule condition() {
      return new Rule.VipOrganization();
    }
  }

  /**
   * See {@link #reopenedAtLeast}.
   *
   * @param times how many reopens
   */
  record ReopenedAtLeast(int times) implements EscalationTrigger {
    /** Validates. */
    public ReopenedAtLeast {
      Checks.require(times >= 1, "reopen count must be at least 1, was " + times);
    }

    @Override
    public Rule condition() {
      return new Rule.ReopenedAtLeast(times);
    }
  }

  /**
   * See {@link #tagged}.
   *
   * @param tag the tag, lower-cased
   */
  record Tagged(String tag) implements EscalationTrigger {
    /** Validates and normalizes like ticket tags (a tag no ticket can carry is refused). */
    public Tagged {
      tag = dev.frontline.helpdesk.ticket.Tags.normalize(tag);
    }

    @Override
    public Rule condition() {
      return new Rule.HasTag(tag);
    }
  }

  /**
   * See {@link #subjectContains}.
   *
   * @param keyword the keyword
   */
  record SubjectContains(String keyword) implements EscalationTrigger {
    /** Validates. */
    public SubjectContains {
      Checks.line(keyword, "keyword", 200);
    }

    @Override
    public Rule condition() {
      return new Rule.SubjectContains(keyword);
    }
  }

  /**
   * See {@link #noAgentReplyFor}.
   *
   * @param duration how long without a reply
   */
  record NoAgentReplyFor(Duration duration) implements EscalationTrigger {
    /** Validates. */
    public NoAgentReplyFor {
      Checks.notNull(duration, "duration");
      Checks.require(!duration.isNegative() && !duration.isZero(), "duration must be positive, was " + duration);
    }
  }

  /** See {@link #manualEscalation}. */
  record ManualEscalation() implements EscalationTrigger {}
}
