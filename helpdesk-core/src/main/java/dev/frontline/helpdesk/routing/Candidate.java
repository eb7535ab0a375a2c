package dev.frontline.helpdesk.routing;

import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.internal.Checks;

/**
 * An agent who could take a ticket right now: active, online, in a team of the ticket's tier, with
 * room for the ticket's weight. Immutable.
 *
 * @param agent the agent
 * @param load load units in use
 * @param capacity the agent's capacity
 * @param tickets number of open tickets tracked for the agent
 */
public record Candidate(Agent agent, int load, Capacity capacity, int tickets) {
  /** Validates. */
  public Candidate {
    Checks.notNull(agent, "agent");
    Checks.notNull(capacity, "capacity");
  }

  /** @return the share of the capacity in use, 0 to 1 */
  public double utilisation() {
    return (double) load / capacity.units();
  }
}
