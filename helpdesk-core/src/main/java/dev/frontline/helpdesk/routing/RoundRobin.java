package dev.frontline.helpdesk.routing;

import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.ticket.Ticket;
import java.util.List;
import java.util.Optional;

/** Takes turns: the first candidate after the agent chosen last (by id), wrapping around. Thread-safe. */
public final class RoundRobin implements AssignmentStrategy {
  private String last = "";

  /** Creates the strategy. */
  public RoundRobin() {}

  @Override
  public synchronized Optional<Agent> choose(Ticket ticket, List<Candidate> candidates) {
    Agent chosen = candidates.get(0).agent();
    for (Candidate c : candidates) {
      if (c.agent().id().value().compareTo(last) > 0) {
        chosen = c.agent();
        break;
      }
    }
    last = chosen.id().value();
    return Optional.of(chosen);
  }
}
