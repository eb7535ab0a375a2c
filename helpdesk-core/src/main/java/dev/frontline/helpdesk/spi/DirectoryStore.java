package dev.frontline.helpdesk.spi;

import dev.frontline.helpdesk.access.Role;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.Organization;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.directory.SupportTier;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import java.util.List;
import java.util.Optional;

/**
 * Stores agents, teams, tiers, roles, customers and organizations. Implementations must be
 * thread-safe. Saving replaces the stored value with the same id. Lookups by e-mail compare
 * case-insensitively.
 */
public interface DirectoryStore {
  /** @param agent the agent to create or replace */
  void saveAgent(Agent agent);

  /**
   * @param id an agent id
   * @return the agent, if stored
   */
  Optional<Agent> findAgent(AgentId id);

  /** @return all agents, ordered by id */
  List<Agent> agents();

  /** @param team the team to create or replace */
  void saveTeam(Team team);

  /**
   * @param id a team id
   * @return the team, if stored
   */
  Optional<Team> findTeam(TeamId id);

  /** @return all teams, ordered by id */
  List<Team> teams();

  /** @param tier the tier to create or replace (by level) */
  void saveTier(SupportTier tier);

  /** @return all tiers, ordered by level */
  List<SupportTier> tiers();

  /** @param role the role to create or replace (by name) */
  void saveRole(Role role);

  /**
   * @param name a role name
   * @return the role, if stored
   */
  Optional<Role> findRole(String name);

  /**
   * Creates or replaces a customer.
   *
   * @param customer the customer
   * @throws dev.frontline.helpdesk.ConflictException if another customer has the same e-mail; the
   *     message does not reveal who
   */
  void saveCustomer(Customer customer);

  /**
   * @param id a customer id
   * @return the customer, if stored
   */
  Optional<Customer> findCustomer(CustomerId id);

  /**
   * @param email an e-mail address (case-insensitive)
   * @return the customer with that address, if any
   */
  Optional<Customer> findCustomerByEmail(String email);

  /** @param organization the organization to create or replace */
  void saveOrganization(Organization organization);

  /**
   * @param id an organization id
   * @return the organization, if stored
   */
  Optional<Organization> findOrganization(OrganizationId id);
}
