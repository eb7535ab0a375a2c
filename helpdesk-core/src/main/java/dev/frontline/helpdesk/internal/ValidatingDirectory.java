package dev.frontline.helpdesk.internal;

import dev.frontline.helpdesk.ConfigurationException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The directory as {@code Helpdesk.directory()} hands it out: reads pass through, saves are checked
 * before they are stored, so an inconsistent entry is refused with a {@link ConfigurationException}
 * and changes nothing. Saves in the natural order (roles, teams, tiers naming their default team,
 * agents) always pass the per-save rules; whether every team has a tier and the rules name existing
 * entries is the whole-configuration check, run after a tier is saved once tiers exist.
 */
public final class ValidatingDirectory implements DirectoryStore {
  private final DirectoryStore store;
  private final Supplier<List<String>> wholeCheck;

  /**
   * @param store the directory store
   * @param wholeCheck the whole-configuration problems as of now
   */
  public ValidatingDirectory(DirectoryStore store, Supplier<List<String>> wholeCheck) {
    this.store = Objects.requireNonNull(store);
    this.wholeCheck = Objects.requireNonNull(wholeCheck);
  }

  @Override
  public void saveAgent(Agent agent) {
    Objects.requireNonNull(agent, "agent");
    List<String> problems = new ArrayList<>();
    for (String role : agent.roles()) {
      if (store.findRole(role).isEmpty()) {
        problems.add("agent '" + agent.id().value() + "' has role '" + role + "', which was never saved: save the Role first");
      }
    }
    for (TeamId team : agent.teams().keySet()) {
      if (store.findTeam(team).isEmpty()) {
        problems.add("agent '" + agent.id().value() + "' is a member of team '" + team.value() + "', which does not exist: save the Team first");
      }
    }
    fail(problems);
    store.saveAgent(agent);
  }

  @Override
  public Optional<Agent> findAgent(AgentId id) {
    return store.findAgent(id);
  }

  @Override
  public List<Agent> agents() {
    return store.agents();
  }

  @Override
  public void saveTeam(Team team) {
    Objects.requireNonNull(team, "team");
    Optional<Team> old = store.findTeam(team.id());
    if (old.isPresent() && old.get().tier() != team.tier()) {
      for (SupportTier t : store.tiers()) {
        if (team.id().equals(t.defaultTeam())) {
          throw new ConfigurationException("team '" + team.id().value() + "' is the default team of tier " + t.level()
              + " and cannot move to tier " + team.tier() + ": give the tier another default team first");
        }
      }
    }
    store.saveTeam(team);
  }

  @Override
  public Optional<Team> findTeam(TeamId id) {
    return store.findTeam(id);
  }

  @Override
  public List<Team> teams() {
    return store.teams();
  }

  @Override
  public void saveTier(SupportTier tier) {
    Objects.requireNonNull(tier, "tier");
    TeamId d = tier.defaultTeam();
    if (d != null) {
      Optional<Team> t = store.findTeam(d);
      if (t.isEmpty()) {
        throw new ConfigurationException("tier " + tier.level() + " names default team '" + d.value()
            + "', which does not exist: save the Team first");
      }
      if (t.get().tier() != tier.level()) {
        throw new ConfigurationException("tier " + tier.level() + " names default team '" + d.value()
            + "', which is in tier " + t.get().tier());
      }
    }
    store.saveTier(tier);
  }

  @Override
  public List<SupportTier> tiers() {
    return store.tiers();
  }

  @Override
  public void saveRole(Role role) {
    store.saveRole(Objects.requireNonNull(role, "role"));
  }

  @Override
  public Optional<Role> findRole(String name) {
    return store.findRole(name);
  }

  @Override
  public void saveCustomer(Customer customer) {
    store.saveCustomer(customer);
  }

  @Override
  public Optional<Customer> findCustomer(CustomerId id) {
    return store.findCustomer(id);
  }

  @Override
  public Optional<Customer> findCustomerByEmail(String email) {
    return store.findCustomerByEmail(email);
  }

  @Override
  public void saveOrganization(Organization organization) {
    store.saveOrganization(organization);
  }

  @Override
  public Optional<Organization> findOrganization(OrganizationId id) {
    return store.findOrganization(id);
  }

  /** @return the problems of the whole configuration as of now (see {@code Helpdesk.checkConfiguration}) */
  public List<String> problems() {
    return wholeCheck.get();
  }

  private static void fail(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
  }
}
