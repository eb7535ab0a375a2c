package dev.frontline.helpdesk.ticket;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The lifecycle states of a ticket. Legal transitions are data ({@link #canTransitionTo}); the
 * ticket service throws {@link dev.frontline.helpdesk.IllegalTransitionException} for any other.
 */
public enum TicketState {
  /** Created, nobody has worked on it yet. */
  NEW,
  /** Being worked on by support. */
  OPEN,
  /** Waiting on the customer. */
  PENDING,
  /** Waiting on a third party (vendor, another department). */
  ON_HOLD,
  /** Support considers it solved; a customer reply within the reopen window reopens it. */
  SOLVED,
  /** Final: further customer messages open a linked follow-up ticket. */
  CLOSED,
  /** Final: merged into another ticket, which receives all follow-ups. */
  MERGED;

  private static final Map<TicketState, Set<TicketState>> TRANSITIONS =
      Map.of(
          NEW, EnumSet.of(OPEN, PENDING, ON_HOLD, SOLVED, CLOSED, MERGED),
          OPEN, EnumSet.of(PENDING, ON_HOLD, SOLVED, CLOSED, MERGED),
          PENDING, EnumSet.of(OPEN, ON_HOLD, SOLVED, CLOSED, MERGED),
          ON_HOLD, EnumSet.of(OPEN, PENDING, SOLVED, CLOSED, MERGED),
          SOLVED, EnumSet.of(OPEN, CLOSED),
          CLOSED, EnumSet.noneOf(TicketState.class),
          MERGED, EnumSet.noneOf(TicketState.class));

  /**
   * @param target the state to move to
   * @return whether the transition table allows moving from this state to {@code target}
   */
  public boolean canTransitionTo(TicketState target) {
    return Objects.requireNonNull(TRANSITIONS.get(this)).contains(target);
  }

  /** @return the states reachable from this one in one step (a copy) */
  public Set<TicketState> successors() {
    Set<TicketState> s = Objects.requireNonNull(TRANSITIONS.get(this));
    return s.isEmpty() ? EnumSet.noneOf(TicketState.class) : EnumSet.copyOf(s);
  }

  /** @return whether no transition leaves this state */
  public boolean isFinal() {
    return Objects.requireNonNull(TRANSITIONS.get(this)).isEmpty();
  }

  /** @return whether the ticket still needs work (NEW, OPEN, PENDING or ON_HOLD) */
  public boolean isActive() {
    return this == NEW || this == OPEN || this == PENDING || this == ON_HOLD;
  }
}
