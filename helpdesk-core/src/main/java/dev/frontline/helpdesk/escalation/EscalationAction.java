package dev.frontline.helpdesk.escalation;

import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link EscalationRule} does when it fires. A rule's actions run in order, as the system
 * principal, in the same atomic update that records the fired step; each produces the ticket's
 * ordinary change events (tier changed, assigned, priority changed, tags changed, entry added), so
 * the audit trail shows them like an agent's. An action that would do nothing (move to a tier the
 * ticket is already at or above, lower the priority) is skipped; an action that cannot be applied
 * (an unknown team, or a team of another tier) is skipped and explained in an internal system entry.
 * Immutable and thread-safe.
 */
public sealed interface EscalationAction {

  /**
   * Moves the ticket up to a tier, like {@link dev.frontline.helpdesk.ticket.TicketService#escalate}
   * (with an automatic {@code TierChanged} and a system entry). Skipped if the ticket is already at
   * that tier or higher; rules never move tickets down.
   *
   * @param tier the target tier
   * @param team the receiving team, or null for the tier's default team
   * @return the action
   */
  static EscalationAction moveToTier(int tier, @Nullable TeamId team) {
    return new MoveToTier(tier, team);
  }

  /**
   * Assigns the ticket within its tier.
   *
   * @param team the team, or null to keep the current team
   * @param agent the assignee, or null to clear it
   * @return the action
   */
  static EscalationAction reassign(@Nullable TeamId team, @Nullable AgentId agent) {
    return new Reassign(team, agent);
  }

  /**
   * @param to the priority to raise to; skipped if the ticket's priority is already at least this
   * @return the action
   */
  static EscalationAction raisePriority(Priority to) {
    return new RaisePriority(to);
  }

  /**
   * Hands a {@link dev.frontline.helpdesk.spi.Notification} to the configured {@link
   * dev.frontline.helpdesk.spi.NotificationSink} after the step is stored.
   *
   * @param recipient who should get it (meaning up to the sink)
   * @param message the text
   * @return the action
   */
  static EscalationAction notification(String recipient, String message) {
    return new Notify(recipient, message);
  }

  /**
   * @param tag the tag to add
   * @return the action
   */
  static EscalationAction addTag(String tag) {
    return new AddTag(tag);
  }

  /**
   * @param text the internal note to add (never shown to customers)
   * @return the action
   */
  static EscalationAction addNote(String text) {
    return new AddNote(text);
  }

  /**
   * See {@link #moveToTier}.
   *
   * @param tier the target tier
   * @param team the receiving team or null
   */
  record MoveToTier(int tier, @Nullable TeamId team) implements EscalationAction {
    /** Validates. */
    public MoveToTier {
      Checks.require(tier >= 1 && tier <= Ticket.MAX_TIER, "tier must be between 1 and " + Ticket.MAX_TIER);
    }
  }

  /**
   * See {@link #reassign}.
   *
   * @param team the team or null
   * @param agent the agent or null
   */
  record Reassign(@Nullable TeamId team, @Nullable AgentId agent) implements EscalationAction {}

  /**
   * See {@link #raisePriority}.
   *
   * @param to the priority
   */
  record RaisePriority(Priority to) implements EscalationAction {
    /** Validates. */
    public RaisePriority {
      Checks.notNull(to, "priority");
    }
  }

  /**
   * See {@link #notification(String, String)}.
   *
   * @param recipient who
   * @param message what
   */
  record Notify(String recipient, String message) implements EscalationAction {
    /** Validates. */
    public Notify {
      Checks.line(recipient, "recipient", 200);
      Checks.text(message, "message", 4000);
    }
  }

  /**
   * See {@link #addTag}.
   *
   * @param tag the tag, lower-cased
   */
  record AddTag(String tag) implements EscalationAction {
    /** Validates and lower-cases. */
    public AddTag {
      tag = Checks.line(tag, "tag", 100).toLowerCase(Locale.ROOT);
    }
  }

  /**
   * See {@link #addNote}.
   *
   * @param text the note
   */
  record AddNote(String text) implements EscalationAction {
    /** Validates. */
    public AddNote {
      Checks.text(text, "note", 4000);
    }
  }
}
