package dev.frontline.helpdesk.routing;

import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.ticket.Ticket;
import java.util.List;
import java.util.Optional;

/**
 * Chooses who gets a ticket among the agents who could take it. The {@link Router} has already
 * filtered by availability, tier and capacity and calls strategies one at a time under its lock,
 * but implementations must still be thread-safe (they may be shared between routers).
 */
@FunctionalInterface
public interface AssignmentStrategy {
  /**
   * @param ticket the ticket
   * @param candidates agents with room for it, ordered by id; never empty
   * @return the chosen agent (one of the candidates), or empty to hold the ticket
   */
  Optional<Agent> choose(Ticket ticket, List<Candidate> candidates);
}
