package dev.frontline.helpdesk.routing;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.spi.AgentAvailability;
import dev.frontline.helpdesk.spi.RoutingLedger;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketService;
import java.util.List;

/**
 * Assigns tickets to agents with an {@link AssignmentStrategy}, within each agent's {@link
 * Capacity}, and holds the tickets nobody has room for in a queue that is served fairly (higher
 * priority first, then longest waiting first) as capacity frees up. A held ticket that fits nowhere
 * yet is overtaken by later ones that fit for at most {@link RoutingPolicy#overtakeLimit()}; then
 * its agents keep their freed room for it.
 *
 * <p>Only active, {@link Availability#ONLINE online} agents who are members of a team serving the
 * ticket's tier (of the ticket's team, if it has one) are candidates. Assignments go through {@link
 * TicketService#assign} as the system principal {@code system:router}, so they are validated and
 * audited like any other. The router listens to ticket events ({@link Helpdesk} registers it when
 * routing is configured with {@link Helpdesk.Builder#routing}): tickets that are solved, closed,
 * merged, moved to another tier or unassigned free their agent's capacity, and assignments made by
 * people count against it.
 *
 * <p>Loads and the held queue live in the store bundle's {@link RoutingLedger}. With an in-memory
 * ledger they belong to this process: route from one node. Routers on several nodes that share a
 * ledger (e.g. the JDBC one) and the same {@link RoutingPolicy} work as one: the capacity check and the
 * reservation are one atomic step of the ledger, so no agent goes over capacity, and whichever
 * node frees capacity serves the common held queue.
 *
 * <p>Thread-safe: within a router, choices are made one at a time; the assignment itself is stored
 * outside the lock, and a failed assignment gives the reservation back.
 */
public interface Router {
  /**
   * Routes a ticket: it joins the held queue behind tickets that waited longer (or have a higher
   * priority), and the queue is served as far as capacity allows.
   *
   * @param id the ticket
   * @return what happened to it
   * @throws dev.frontline.helpdesk.NotFoundException if there is no such ticket
   */
  RoutingResult route(TicketId id);

  /**
   * Serves the held queue in order as far as capacity allows. Called after every release; call it
   * also when agents come online or capacities grow (with a shared ledger, on any one node).
   *
   * @return how many tickets were assigned
   */
  int drain();

  /**
   * Records an agent's presence in the router's {@link AgentAvailability} and, when the agent
   * comes {@link Availability#ONLINE online}, serves the held queue at once. Agents who go away or
   * offline keep the tickets they have and receive no new ones.
   *
   * @param agent an agent
   * @param status their new availability
   * @return how many held tickets were assigned as a result
   */
  int setAvailability(AgentId agent, Availability status);

  /**
   * @param agent an agent
   * @return the load units of the agent's open tickets known to the ledger
   */
  int load(AgentId agent);

  /** @return the held tickets in the order they will be served */
  List<TicketId> held();
}
