package dev.frontline.helpdesk.spi.memory;

import dev.frontline.helpdesk.ConflictException;
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
import dev.frontline.helpdesk.spi.DirectoryStore;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The reference {@link DirectoryStore}: thread-safe maps; customer e-mails are unique. */
public final class InMemoryDirectoryStore implements DirectoryStore {
  private final ConcurrentSkipListMap<AgentId, Agent> agents = new ConcurrentSkipListMap<>();
  private final ConcurrentSkipListMap<TeamId, Team> teams = new ConcurrentSkipListMap<>();
  private final ConcurrentSkipListMap<Integer, SupportTier> tiers = new ConcurrentSkipListMap<>();
  private final ConcurrentSkipListMap<String, Role> roles = new ConcurrentSkipListMap<>();
  private final ConcurrentSkipListMap<CustomerId, Customer> customers = new ConcurrentSkipListMap<>();
  private final ConcurrentSkipListMap<String, CustomerId> customerEmails = new ConcurrentSkipListMap<>();
  private final ConcurrentSkipListMap<OrganizationId, Organization> organizations = new ConcurrentSkipListMap<>();

  /** Creates an empty directory. */
  public InMemoryDirectoryStore() {}

  @Override
  public void saveAgent(Agent agent) {
    agents.put(agent.id(), agent);
  }

  @Override
  public Optional<Agent> findAgent(AgentId id) {
    return Optional.ofNullable(agents.get(id));
  }

  @Override
  public List<Agent> agents() {
    return List.copyOf(agents.values());
  }

  @Override
  public void saveTeam(Team team) {
    teams.put(team.id(), team);
  }

  @Override
  public Optional<Team> findTeam(TeamId id) {
    return Optional.ofNullable(teams.get(id));
  }

  @Override
  public List<Team> teams() {
    return List.copyOf(teams.values());
  }

  @Override
  public void saveTier(SupportTier tier) {
    tiers.put(tier.level(), tier);
  }

  @Override
  public List<SupportTier> tiers() {
    return List.copyOf(tiers.values());
  }

  @Override
  public void saveRole(Role role) {
    roles.put(role.name(), role);
  }

  @Override
  public Optional<Role> findRole(String name) {
    return Optional.ofNullable(roles.get(name));
  }

  @Override
  public synchronized void saveCustomer(Customer customer) {
    Customer old = customers.get(customer.id());
    String email = customer.email() == null ? null : customer.email().toLowerCase(Locale.ROOT);
    if (email != null) {
      CustomerId owner = customerEmails.get(email);
      if (owner != null && !owner.equals(customer.id())) {
        throw new ConflictException("the e-mail address is already in use");
      }
    }
    if (old != null && old.email() != null) {
      customerEmails.remove(old.email().toLowerCase(Locale.ROOT));
    }
    if (email != null) {
      customerEmails.put(email, customer.id());
    }
    customers.put(customer.id(), customer);
  }

  @Override
  public Optional<Customer> findCustomer(CustomerId id) {
    return Optional.ofNullable(customers.get(id));
  }

  @Override
  public Optional<Customer> findCustomerByEmail(String email) {
    Objects.requireNonNull(email, "email");
    CustomerId id = customerEmails.get(email.toLowerCase(Locale.ROOT));
    return id == null ? Optional.empty() : findCustomer(id);
  }

  @Override
  public void saveOrganization(Organization organization) {
    organizations.put(organization.id(), organization);
  }

  @Override
  public Optional<Organization> findOrganization(OrganizationId id) {
    return Optional.ofNullable(organizations.get(id));
  }
}
