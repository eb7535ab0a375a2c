package dev.frontline.helpdesk.sla;

import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Instant;

/**
 * Something that happened to a ticket and matters to its SLA clock. Simple values, so that a
 * timeline can be built from stored ticket events or by hand in a test. Immutable and thread-safe.
 */
public sealed interface SlaEvent {
  /** @return when it happened */
  Instant at();

  /**
   * The ticket was created, in state {@link TicketState#NEW}.
   *
   * @param at when
   */
  record Created(Instant at) implements SlaEvent {
    /** Validates. */
    public Created {
      Checks.notNull(at, "at");
    }
  }

  /**
   * The customer wrote a message.
   *
   * @param at when
   */
  record CustomerMessage(Instant at) implements SlaEvent {
    /** Validates. */
    public CustomerMessage {
      Checks.notNull(at, "at");
    }
  }

  /**
   * An agent replied publicly (internal notes do not count).
   *
   * @param at when
   */
  record AgentPublicReply(Instant at) implements SlaEvent {
    /** Validates. */
    public AgentPublicReply {
      Checks.notNull(at, "at");
    }
  }

  /**
   * The ticket's state changed.
   *
   * @param at when
   * @param to the new state
   */
  record StateChanged(Instant at, TicketState to) implements SlaEvent {
    /** Validates. */
    public StateChanged {
      Checks.notNull(at, "at");
      Checks.notNull(to, "to");
    }
  }

  /**
   * The ticket was solved; the same as a change to {@link TicketState#SOLVED}.
   *
   * @param at when
   */
  record Solved(Instant at) implements SlaEvent {
    /** Validates. */
    public Solved {
      Checks.notNull(at, "at");
    }
  }
}
