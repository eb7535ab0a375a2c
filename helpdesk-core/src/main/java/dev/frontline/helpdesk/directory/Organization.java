package dev.frontline.helpdesk.directory;

import dev.frontline.helpdesk.internal.Checks;

/**
 * A customer organization. Immutable.
 *
 * @param id the organization id
 * @param name display name (untrusted text)
 * @param sharesTickets whether members flagged {@link Customer#seesOrganizationTickets()} may read
 *     each other's tickets
 * @param vip whether the organization gets VIP treatment in SLA and escalation rules
 * @param plan the service plan name (used by SLA policy conditions), e.g. {@code standard}
 */
public record Organization(OrganizationId id, String name, boolean sharesTickets, boolean vip, String plan) {
  /** Validates. */
  public Organization {
    Checks.notNull(id, "organization id");
    Checks.line(name, "organization name", 200);
    Checks.identifier(plan, "plan");
  }
}
