package dev.frontline.helpdesk.sla;

import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.TicketType;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The facts about a ticket that decide which SLA policy applies. Immutable and thread-safe.
 *
 * @param priority the ticket's priority
 * @param organization the customer's organization, or null if none
 * @param channel where the ticket came in
 * @param type the ticket's type
 * @param tags the ticket's tags (an unmodifiable copy)
 * @param tier the support level handling it, 1 for the front line
 * @param plan the service plan of the ticket\'s organization, if any (see {@link dev.frontline.helpdesk.directory.Organization#plan()})
 */
public record SlaSubject(
    Priority priority,
    @Nullable OrganizationId organization,
    Channel channel,
    TicketType type,
    Set<String> tags,
    int tier,
    @Nullable String plan) {
  /** Validates and copies. */
  public SlaSubject {
    Checks.notNull(priority, "priority");
    Checks.notNull(channel, "channel");
    Checks.notNull(type, "type");
    tags = Set.copyOf(Checks.elements(tags, "tags", 1000));
    Checks.require(tier >= 1, "tier must be at least 1, was " + tier);
  }

  /**
   * Facts without a service plan.
   *
   * @param priority priority
   * @param organization organization
   * @param channel channel
   * @param type type
   * @param tags tags
   * @param tier tier
   */
  public SlaSubject(
      Priority priority, @Nullable OrganizationId organization, Channel channel, TicketType type, Set<String> tags, int tier) {
    this(priority, organization, channel, type, tags, tier, null);
  }
}
