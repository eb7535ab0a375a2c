package dev.frontline.helpdesk.internal;

import dev.frontline.helpdesk.IllegalTransitionException;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.ticket.FieldValue;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ticket commands' decisions as pure functions: a snapshot and a command in, the changes (or a
 * typed refusal) out, with no I/O, no clock and no rights; {@link DefaultTicketService} checks
 * rights, loads, and hands the changes to the {@link TicketWriter}. Testable on a snapshot alone.
 */
final class TicketDecisions {
  /** Most tags on one ticket. */
  static final int MAX_TAGS = 100;
  /** Most custom fields on one ticket. */
  static final int MAX_FIELDS = 200;

  private TicketDecisions() {}

  /**
   * @param t a snapshot
   * @throws IllegalTransitionException if the ticket is CLOSED or MERGED
   */
  static void requireNotFinal(Ticket t) {
    if (t.state().isFinal()) {
      throw new IllegalTransitionException("ticket " + t.key() + " is " + t.state() + " and cannot be changed");
    }
  }

  /**
   * @param t a snapshot
   * @param target the wanted state (not NEW or MERGED, which only creation and merging reach)
   * @return the state change
   * @throws IllegalTransitionException if the transition table does not allow it
   */
  static TicketChange.StateChanged transition(Ticket t, TicketState target) {
    if (target == TicketState.MERGED || target == TicketState.NEW) {
      throw new IllegalTransitionException("a ticket becomes " + target + " only by " + (target == TicketState.NEW ? "creation" : "merging"));
    }
    if (!t.state().canTransitionTo(target)) {
      throw new IllegalTransitionException("cannot move ticket " + t.key() + " from " + t.state() + " to " + target);
    }
    return new TicketChange.StateChanged(t.state(), target);
  }

  /**
   * The changes an update makes, only those that change something, in a fixed order: subject,
   * priority, type, tags, then fields by name (set, then removed).
   *
   * @param t a snapshot
   * @param u the update
   * @return the changes, empty if the update changes nothing
   * @throws IllegalTransitionException if the ticket is final
   * @throws ValidationException if the ticket would carry more than {@value #MAX_TAGS} tags or
   *     {@value #MAX_FIELDS} fields
   */
  static List<TicketChange> update(Ticket t, TicketUpdate u) {
    requireNotFinal(t);
    List<TicketChange> out = new ArrayList<>();
    if (u.subject() != null && !u.subject().equals(t.subject())) {
      out.add(new TicketChange.SubjectChanged(t.subject(), u.subject()));
    }
    if (u.priority() != null && u.priority() != t.priority()) {
      out.add(new TicketChange.PriorityChanged(t.priority(), u.priority()));
    }
    if (u.type() != null && u.type() != t.type()) {
      out.add(new TicketChange.TypeChanged(t.type(), u.type()));
    }
    Set<String> added = new TreeSet<>(u.addTags());
    added.removeAll(t.tags());
    Set<String> removed = new TreeSet<>(u.removeTags());
    removed.retainAll(t.tags());
    removed.removeAll(u.addTags());
    if (t.tags().size() + added.size() - removed.size() > MAX_TAGS) {
      throw new ValidationException("a ticket has at most " + MAX_TAGS + " tags");
    }
    if (!added.isEmpty() || !removed.isEmpty()) {
      out.add(new TicketChange.TagsChanged(added, removed));
    }
    Map<String, FieldValue> fields = new LinkedHashMap<>(t.fields());
    for (var e : new TreeMap<>(u.setFields()).entrySet()) {
      FieldValue before = fields.get(e.getKey());
      if (!e.getValue().equals(before)) {
        out.add(new TicketChange.FieldChanged(e.getKey(), before, e.getValue()));
        fields.put(e.getKey(), e.getValue());
      }
    }
    for (String f : new TreeSet<>(u.removeFields())) {
      if (fields.containsKey(f) && !u.setFields().containsKey(f)) {
        out.add(new TicketChange.FieldChanged(f, fields.remove(f), null));
      }
    }
    if (fields.size() > MAX_FIELDS) {
      throw new ValidationException("a ticket has at most " + MAX_FIELDS + " custom fields");
    }
    return out;
  }

  /** What a public reply does to a ticket. */
  enum ReplyOutcome {
    /** The reply is added; the state stays. */
    APPEND,
    /** The reply is added and the ticket (re)opens. */
    APPEND_AND_OPEN,
    /** A customer wrote to a closed ticket, or to a solved one after the reopen window: a follow-up ticket. */
    FOLLOW_UP
  }

  /**
   * @param t a snapshot
   * @param author who replies
   * @param now the instant of the reply
   * @param reopenWindow how long after solving a customer's reply reopens the ticket
   * @return what the reply does
   * @throws IllegalTransitionException if the ticket takes no replies (closed to staff, merged)
   */
  static ReplyOutcome reply(Ticket t, Principal author, Instant now, Duration reopenWindow) {
    boolean customer = author instanceof Principal.Customer;
    Instant solvedAt = t.solvedAt();
    if (customer && (t.state() == TicketState.CLOSED
        || t.state() == TicketState.SOLVED && solvedAt != null && now.isAfter(solvedAt.plus(reopenWindow)))) {
      return ReplyOutcome.FOLLOW_UP;
    }
    if (t.state() == TicketState.CLOSED || t.state() == TicketState.MERGED) {
      throw new IllegalTransitionException("ticket " + t.key() + " is " + t.state() + " and takes no replies");
    }
    if (customer && (t.state() == TicketState.SOLVED || t.state() == TicketState.PENDING)) {
      return ReplyOutcome.APPEND_AND_OPEN;
    }
    if (author instanceof Principal.Agent && t.state() == TicketState.NEW) {
      return ReplyOutcome.APPEND_AND_OPEN;
    }
    return ReplyOutcome.APPEND;
  }

  /**
   * Checks a tier move.
   *
   * @param t a snapshot
   * @param toTier the target tier
   * @param up true to escalate (the tier must rise), false to hand back (it must fall)
   * @throws IllegalTransitionException if the ticket is final
   * @throws ValidationException if the direction is wrong
   */
  static void moveTier(Ticket t, int toTier, boolean up) {
    requireNotFinal(t);
    if (up ? toTier <= t.tier() : toTier >= t.tier()) {
      throw new ValidationException(
          (up ? "escalation" : "de-escalation") + " from tier " + t.tier() + " must go " + (up ? "up" : "down") + ", not to tier " + toTier);
    }
  }

  /**
   * Checks a merge of {@code s} into {@code t}.
   *
   * @param s the source snapshot
   * @param t the target snapshot
   * @throws IllegalTransitionException if the target is final or the source cannot become MERGED
   * @throws ValidationException if the tickets share neither requester nor organization
   */
  static void merge(Ticket s, Ticket t) {
    if (t.state().isFinal()) {
      throw new IllegalTransitionException("cannot merge into ticket " + t.key() + ", it is " + t.state());
    }
    if (!s.state().canTransitionTo(TicketState.MERGED)) {
      // the transition table is the rule: a SOLVED ticket must be reopened before it is merged
      throw new IllegalTransitionException("cannot merge ticket " + s.key() + " from " + s.state());
    }
    if (!s.requester().equals(t.requester()) && (s.organization() == null || !s.organization().equals(t.organization()))) {
      // two customers without an organization have nothing in common: null never equals null here
      throw new ValidationException("tickets of different customers and organizations cannot be merged");
    }
  }

  /**
   * @param t a snapshot
   * @param team the new team, or null
   * @param assignee the new assignee, or null
   * @return the assignment change, if it changes anything
   * @throws IllegalTransitionException if the ticket is final
   */
  static Optional<TicketChange> assign(Ticket t, dev.frontline.helpdesk.directory.@org.jspecify.annotations.Nullable TeamId team,
      dev.frontline.helpdesk.directory.@org.jspecify.annotations.Nullable AgentId assignee) {
    requireNotFinal(t);
    if (java.util.Objects.equals(team, t.team()) && java.util.Objects.equals(assignee, t.assignee())) {
      return Optional.empty();
    }
    return Optional.of(new TicketChange.Assigned(t.team(), team, t.assignee(), assignee));
  }
}
