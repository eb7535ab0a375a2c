package dev.frontline.helpdesk.directory;

import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.Ticket;
import org.jspecify.annotations.Nullable;

/**
 * A configured support level: tier 1 is the front line, higher tiers take what it cannot finish.
 * Immutable.
 *
 * @param level 1 to {@link Ticket#MAX_TIER}
 * @param name display name, e.g. "Second line"
 * @param defaultTeam the team tickets land in when escalated to this tier without a team
 */
public record SupportTier(int level, String name, @Nullable TeamId defaultTeam) {
  /** Validates. */
  public SupportTier {
    Checks.require(level >= 1 && level <= Ticket.MAX_TIER, "tier level must be between 1 and " + Ticket.MAX_TIER);
    Checks.line(name, "tier name", 200);
  }
}
