package dev.frontline.helpdesk.routing;

import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.ticket.Ticket;
import java.util.List;
import java.util.Optional;

/**
 * Takes turns: the first candidate after the agent chosen last (by id), wrapping around. The turn
 * belongs to this instance: routers on several nodes sharing a ledger each take their own turns
 * (capacity is still shared and never exceeded); for balance across nodes use {@link LeastLoaded},
 * which decides from the shared loads. Thread-safe.
 */
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
