package dev.frontline.helpdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.ConflictException;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Role;
import dev.frontline.helpdesk.access.Roles;
import dev.frontline.helpdesk.access.Scope;
import dev.frontline.helpdesk.access.TeamAccess;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The contract every {@link DirectoryStore} must pass. */
public abstract class DirectoryStoreContract {
  /** The store under test. */
  protected DirectoryStore store;

  /** Subclasses need no-arg constructors. */
  protected DirectoryStoreContract() {}

  /** @return a new, empty store */
  protected abstract DirectoryStore newStore();

  @BeforeEach
  void fresh() {
    store = newStore();
  }

  @Nested
  @DisplayName("agents, teams, tiers and roles")
  class Staff {
    @Test
    @DisplayName("values read back equal and saving again replaces them")
    void roundTrip() {
      Agent a = new Agent(AgentId.of("a1"), "Åse Ølgaard", "ase@example.com", Set.of("agent", "team-lead"),
          Map.of(TeamId.of("t1"), TeamAccess.FULL, TeamId.of("t2"), TeamAccess.OVERVIEW), Set.of("billing"),
          Set.of(Locale.forLanguageTag("da"), Locale.ENGLISH), true);
      store.saveAgent(a);
      assertThat(store.findAgent(a.id())).contains(a);
      Agent b = new Agent(a.id(), a.name(), a.email(), Set.of("agent"), Map.of(), Set.of(), Set.of(), false);
      store.saveAgent(b);
      assertThat(store.findAgent(a.id())).contains(b);
      store.saveAgent(Agent.of(AgentId.of("a0"), "Zed", "z@example.com", Set.of(), Map.of()));
      assertThat(store.agents()).extracting(Agent::id).containsExactly(AgentId.of("a0"), AgentId.of("a1"));
      assertThat(store.findAgent(AgentId.of("nobody"))).isEmpty();

      Team t = new Team(TeamId.of("t2"), "Second line", 2);
      store.saveTeam(t);
      store.saveTeam(new Team(TeamId.of("t1"), "Front line", 1));
      assertThat(store.findTeam(t.id())).contains(t);
      assertThat(store.teams()).extracting(Team::id).containsExactly(TeamId.of("t1"), TeamId.of("t2"));

      store.saveTier(new SupportTier(2, "Second line", TeamId.of("t2")));
      store.saveTier(new SupportTier(1, "Front line", null));
      assertThat(store.tiers()).extracting(SupportTier::level).containsExactly(1, 2);
      assertThat(store.tiers().get(1).defaultTeam()).isEqualTo(TeamId.of("t2"));

      for (Role r : Roles.defaults()) {
        store.saveRole(r);
        assertThat(store.findRole(r.name())).contains(r);
      }
      store.saveRole(Role.of("agent", Scope.OWN, Permission.TICKET_READ));
      assertThat(store.findRole("agent")).contains(Role.of("agent", Scope.OWN, Permission.TICKET_READ));
      assertThat(store.findRole("none")).isEmpty();
    }
  }

  @Nested
  @DisplayName("customers and organizations")
  class Customers {
    @Test
    @DisplayName("customers are found by id and by e-mail, case-insensitively")
    void lookup() {
      Customer c = new Customer(CustomerId.of("c1"), "Kovács Éva", "Eva@Example.com", OrganizationId.of("o1"), true);
      store.saveCustomer(c);
      assertThat(store.findCustomer(c.id())).contains(c);
      assertThat(store.findCustomerByEmail("eva@example.COM")).contains(c);
      assertThat(store.findCustomerByEmail("other@example.com")).isEmpty();
      store.saveCustomer(Customer.of(CustomerId.of("c2"), "No mail", null));
      assertThat(store.findCustomer(CustomerId.of("c2"))).isPresent();
      Customer withLocale = Customer.of(CustomerId.of("c3"), "Nagy Anna", null).withLocale(java.util.Locale.forLanguageTag("hu-HU"));
      store.saveCustomer(withLocale);
      assertThat(store.findCustomer(withLocale.id())).contains(withLocale);
      assertThat(store.findCustomer(CustomerId.of("c2")).orElseThrow().locale()).isNull();
    }

    @Test
    @DisplayName("an e-mail taken by another customer is a conflict that changes nothing")
    void uniqueEmail() {
      store.saveCustomer(Customer.of(CustomerId.of("c1"), "One", "one@example.com"));
      Customer two = Customer.of(CustomerId.of("c2"), "Two", "two@example.com");
      store.saveCustomer(two);
      assertThatThrownBy(() -> store.saveCustomer(Customer.of(CustomerId.of("c2"), "Two", "ONE@example.com")))
          .isInstanceOf(ConflictException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("c1").doesNotContain("One"));
      assertThat(store.findCustomer(CustomerId.of("c2"))).contains(two);
      assertThat(store.findCustomerByEmail("one@example.com")).map(Customer::id).contains(CustomerId.of("c1"));
    }

    @Test
    @DisplayName("changing a customer's e-mail frees the old address")
    void changeEmail() {
      store.saveCustomer(Customer.of(CustomerId.of("c1"), "One", "old@example.com"));
      store.saveCustomer(Customer.of(CustomerId.of("c1"), "One", "new@example.com"));
      assertThat(store.findCustomerByEmail("old@example.com")).isEmpty();
      store.saveCustomer(Customer.of(CustomerId.of("c2"), "Two", "old@example.com"));
      assertThat(store.findCustomerByEmail("old@example.com")).map(Customer::id).contains(CustomerId.of("c2"));
    }

    @Test
    @DisplayName("organizations read back equal")
    void organizations() {
      Organization o = new Organization(OrganizationId.of("o1"), "Acme A/S", true, true, "premium");
      store.saveOrganization(o);
      assertThat(store.findOrganization(o.id())).contains(o);
      assertThat(store.findOrganization(OrganizationId.of("o2"))).isEmpty();
    }
  }
}
