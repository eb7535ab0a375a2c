package dev.frontline.helpdesk.directory;

import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.Ticket;

/**
 * A team of agents serving one support tier. Immutable.
 *
 * @param id the team id
 * @param name display name (untrusted text)
 * @param tier the tier it serves, 1 = front line
 */
public record Team(TeamId id, String name, int tier) {
  /** Validates. */
  public Team {
    Checks.notNull(id, "team id");
    Checks.line(name, "team name", 200);
    Checks.require(tier >= 1 && tier <= Ticket.MAX_TIER, "tier must be between 1 and " + Ticket.MAX_TIER);
  }
}
