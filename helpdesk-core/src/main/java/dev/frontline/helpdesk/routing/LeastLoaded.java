package dev.frontline.helpdesk.routing;

import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.ticket.Ticket;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The candidate with the lowest share of their capacity in use (weighted by channel), then the
 * fewest tickets, then the lowest id. Stateless and thread-safe.
 */
public final class LeastLoaded implements AssignmentStrategy {
  private static final Comparator<Candidate> ORDER =
      Comparator.comparingDouble(Candidate::utilisation).thenComparingInt(Candidate::tickets).thenComparing(c -> c.agent().id());

  /** Creates the strategy. */
  public LeastLoaded() {}

  @Override
  public Optional<Agent> choose(Ticket ticket, List<Candidate> candidates) {
    return candidates.stream().min(ORDER).map(Candidate::agent);
  }
}
