package dev.frontline.helpdesk.jdbc.internal;

import dev.frontline.helpdesk.jackson.format.DirectoryFormat;
import static dev.frontline.helpdesk.jdbc.internal.schema.Tables.FRONTLINE_AGENTS;
import static dev.frontline.helpdesk.jdbc.internal.schema.Tables.FRONTLINE_CUSTOMERS;
import static dev.frontline.helpdesk.jdbc.internal.schema.Tables.FRONTLINE_ORGANIZATIONS;
import static dev.frontline.helpdesk.jdbc.internal.schema.Tables.FRONTLINE_ROLES;
import static dev.frontline.helpdesk.jdbc.internal.schema.Tables.FRONTLINE_TEAMS;
import static dev.frontline.helpdesk.jdbc.internal.schema.Tables.FRONTLINE_TIERS;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jspecify.annotations.Nullable;

/**
 * {@link DirectoryStore} on jOOQ: one row per object with its key columns and a JSON payload.
 * Saves are "update, else insert" in one transaction, retried when two first inserts of the same id
 * race. Customer e-mails are unique through a unique index on the address lower-cased with {@link
 * Locale#ROOT} (the same normalisation as the reference). Thread-safe.
 */
public final class JdbcDirectoryStore implements DirectoryStore {
  private final Db db;

  /** @param db the database */
  public JdbcDirectoryStore(Db db) {
    this.db = db;
  }

  private <R extends Record, K> void save(
      Table<R> table, Field<K> key, K id, Map<Field<?>, Object> values, Consumer<DSLContext> precheck) {
    for (int attempt = 1; ; attempt++) {
      try {
        db.tx(
            tx -> {
              precheck.accept(tx);
              int n = tx.update(table).set(values).where(key.eq(id)).execute();
              if (n == 0 && !tx.fetchExists(table, key.eq(id))) {
                Map<Field<?>, Object> all = new LinkedHashMap<>();
                all.put(key, id);
                all.putAll(values);
                tx.insertInto(table).set(all).execute();
              }
              return null;
            });
        return;
      } catch (ConflictException e) {
        if (attempt >= 3 || !Db.isUniqueViolation(e)) {
          throw e;
        }
        // a concurrent first insert won; the next attempt updates its row (or reports the conflict)
      }
    }
  }

  private static Map<Field<?>, Object> values(@Nullable Object... kv) { // null: SQL NULL
    Map<Field<?>, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((Field<?>) kv[i], kv[i + 1]);
    }
    return m;
  }

  private <R extends Record, K, T> Optional<T> find(
      Table<R> table, Field<K> key, K id, Field<String> payload, Function<String, T> reader) {
    return db.call(
        () -> db.dsl().select(payload).from(table).where(key.eq(id)).fetchOptional(payload).map(reader));
  }

  private <R extends Record, K, T> List<T> all(
      Table<R> table, Field<K> orderBy, Field<String> payload, Function<String, T> reader) {
    return db.call(
        () -> db.dsl().select(payload).from(table).orderBy(orderBy.asc()).fetch(payload).stream().map(reader).toList());
  }

  private static void none(DSLContext tx) {}

  @Override
  public void saveAgent(Agent agent) {
    Objects.requireNonNull(agent, "agent");
    save(
        FRONTLINE_AGENTS,
        FRONTLINE_AGENTS.ID,
        agent.id().value(),
        values(FRONTLINE_AGENTS.EMAIL, agent.email(), FRONTLINE_AGENTS.ACTIVE, agent.active(), FRONTLINE_AGENTS.PAYLOAD, DirectoryFormat.writeAgent(agent)),
        JdbcDirectoryStore::none);
  }

  @Override
  public Optional<Agent> findAgent(AgentId id) {
    Objects.requireNonNull(id, "id");
    return find(FRONTLINE_AGENTS, FRONTLINE_AGENTS.ID, id.value(), FRONTLINE_AGENTS.PAYLOAD, DirectoryFormat::readAgent);
  }

  @Override
  public List<Agent> agents() {
    return all(FRONTLINE_AGENTS, FRONTLINE_AGENTS.ID, FRONTLINE_AGENTS.PAYLOAD, DirectoryFormat::readAgent);
  }

  @Override
  public void saveTeam(Team team) {
    Objects.requireNonNull(team, "team");
    save(
        FRONTLINE_TEAMS,
        FRONTLINE_TEAMS.ID,
        team.id().value(),
        values(FRONTLINE_TEAMS.TIER, team.tier(), FRONTLINE_TEAMS.PAYLOAD, DirectoryFormat.writeTeam(team)),
        JdbcDirectoryStore::none);
  }

  @Override
  public Optional<Team> findTeam(TeamId id) {
    Objects.requireNonNull(id, "id");
    return find(FRONTLINE_TEAMS, FRONTLINE_TEAMS.ID, id.value(), FRONTLINE_TEAMS.PAYLOAD, DirectoryFormat::readTeam);
  }

  @Override
  public List<Team> teams() {
    return all(FRONTLINE_TEAMS, FRONTLINE_TEAMS.ID, FRONTLINE_TEAMS.PAYLOAD, DirectoryFormat::readTeam);
  }

  @Override
  public void saveTier(SupportTier tier) {
    Objects.requireNonNull(tier, "tier");
    save(
        FRONTLINE_TIERS,
        FRONTLINE_TIERS.TIER_LEVEL,
        tier.level(),
        values(FRONTLINE_TIERS.PAYLOAD, DirectoryFormat.writeTier(tier)),
        JdbcDirectoryStore::none);
  }

  @Override
  public List<SupportTier> tiers() {
    return all(FRONTLINE_TIERS, FRONTLINE_TIERS.TIER_LEVEL, FRONTLINE_TIERS.PAYLOAD, DirectoryFormat::readTier);
  }

  @Override
  public void saveRole(Role role) {
    Objects.requireNonNull(role, "role");
    save(
        FRONTLINE_ROLES,
        FRONTLINE_ROLES.NAME,
        role.name(),
        values(FRONTLINE_ROLES.PAYLOAD, DirectoryFormat.writeRole(role)),
        JdbcDirectoryStore::none);
  }

  @Override
  public Optional<Role> findRole(String name) {
    Objects.requireNonNull(name, "name");
    return find(FRONTLINE_ROLES, FRONTLINE_ROLES.NAME, name, FRONTLINE_ROLES.PAYLOAD, DirectoryFormat::readRole);
  }

  @Override
  public void saveCustomer(Customer customer) {
    Objects.requireNonNull(customer, "customer");
    String email = customer.email() == null ? null : customer.email().toLowerCase(Locale.ROOT);
    String id = customer.id().value();
    save(
        FRONTLINE_CUSTOMERS,
        FRONTLINE_CUSTOMERS.ID,
        id,
        values(
            FRONTLINE_CUSTOMERS.EMAIL_LOWER,
            email,
            FRONTLINE_CUSTOMERS.ORGANIZATION,
            customer.organization() == null ? null : customer.organization().value(),
            FRONTLINE_CUSTOMERS.PAYLOAD,
            DirectoryFormat.writeCustomer(customer)),
        tx -> {
          if (email != null
              && tx.fetchExists(FRONTLINE_CUSTOMERS, FRONTLINE_CUSTOMERS.EMAIL_LOWER.eq(email).and(FRONTLINE_CUSTOMERS.ID.ne(id)))) {
            throw new ConflictException("the e-mail address is already in use");
          }
        });
  }

  @Override
  public Optional<Customer> findCustomer(CustomerId id) {
    Objects.requireNonNull(id, "id");
    return find(FRONTLINE_CUSTOMERS, FRONTLINE_CUSTOMERS.ID, id.value(), FRONTLINE_CUSTOMERS.PAYLOAD, DirectoryFormat::readCustomer);
  }

  @Override
  public Optional<Customer> findCustomerByEmail(String email) {
    Objects.requireNonNull(email, "email");
    return find(FRONTLINE_CUSTOMERS, FRONTLINE_CUSTOMERS.EMAIL_LOWER, email.toLowerCase(Locale.ROOT), FRONTLINE_CUSTOMERS.PAYLOAD, DirectoryFormat::readCustomer);
  }

  @Override
  public void saveOrganization(Organization organization) {
    Objects.requireNonNull(organization, "organization");
    save(
        FRONTLINE_ORGANIZATIONS,
        FRONTLINE_ORGANIZATIONS.ID,
        organization.id().value(),
        values(FRONTLINE_ORGANIZATIONS.PAYLOAD, DirectoryFormat.writeOrganization(organization)),
        JdbcDirectoryStore::none);
  }

  @Override
  public Optional<Organization> findOrganization(OrganizationId id) {
    Objects.requireNonNull(id, "id");
    return find(FRONTLINE_ORGANIZATIONS, FRONTLINE_ORGANIZATIONS.ID, id.value(), FRONTLINE_ORGANIZATIONS.PAYLOAD, DirectoryFormat::readOrganization);
  }
}
