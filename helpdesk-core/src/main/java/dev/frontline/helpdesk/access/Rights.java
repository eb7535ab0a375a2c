package dev.frontline.helpdesk.access;

import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.directory.TeamId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a principal may do, resolved once from the directory by {@link AccessControl#rightsOf}: the
 * agent with its roles and the tiers of its teams, or the customer with the organization whose
 * tickets it sees. Every decision of {@link AccessControl} is a pure function of a {@code Rights}
 * value and its target, so a service call resolves the caller's rights once and decides as often as
 * it needs without reading the directory again. A value describes the directory at the moment it
 * was resolved; resolve again for the next call.
 *
 * <p>Deny by default: an unknown or inactive agent, an unknown customer and the anonymous principal
 * get rights that allow nothing with tickets.
 *
 * @param principal whose rights these are
 * @param agent the active agent, or null (not an agent, unknown or inactive)
 * @param roles the agent's roles that exist in the directory (empty for everyone else)
 * @param tiers the tiers of the agent's teams
 * @param customer the known customer, or null
 * @param sharedOrganization the organization whose shared tickets the customer sees, or null
 */
public record Rights(
    Principal principal,
    @Nullable Agent agent,
    List<Role> roles,
    Set<Integer> tiers,
    @Nullable Customer customer,
    @Nullable OrganizationId sharedOrganization) {
  /** Validates and copies. */
  public Rights {
    Objects.requireNonNull(principal, "principal");
    roles = List.copyOf(roles);
    tiers = Set.copyOf(tiers);
  }

  /**
   * @param principal the principal
   * @return rights that allow nothing (or everything, for the system principal)
   */
  public static Rights none(Principal principal) {
    return new Rights(principal, null, List.of(), Set.of(), null, null);
  }

  /** @return whether these are the system principal's rights (everything) */
  public boolean isSystem() {
    return principal instanceof Principal.System;
  }

  /** @return whether these are staff rights: the system principal's or an active agent's */
  public boolean isStaff() {
    return isSystem() || agent != null;
  }

  /** @return the active agent's teams with its access level in each; empty for everyone else */
  public Map<TeamId, TeamAccess> teams() {
    return agent == null ? Map.of() : agent.teams();
  }
}
