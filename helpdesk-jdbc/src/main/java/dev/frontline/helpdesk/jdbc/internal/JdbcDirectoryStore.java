package dev.frontline.helpdesk.jdbc.internal;

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
import dev.frontline.helpdesk.jdbc.internal.Tables.Directory;
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

  private <K> void save(
      Table<Record> table, Field<K> key, K id, Map<Field<?>, Object> values, Consumer<DSLContext> precheck) {
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

  private static Map<Field<?>, Object> values(Object... kv) {
    Map<Field<?>, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((Field<?>) kv[i], kv[i + 1]);
    }
    return m;
  }

  private <K, T> Optional<T> find(Table<Record> table, Field<K> key, K id, Function<String, T> reader) {
    return db.call(
        () ->
            db.dsl()
                .select(Directory.PAYLOAD)
                .from(table)
                .where(key.eq(id))
                .fetchOptional(Directory.PAYLOAD)
                .map(reader));
  }

  private <K, T> List<T> all(Table<Record> table, Field<K> orderBy, Function<String, T> reader) {
    return db.call(
        () ->
            db.dsl()
                .select(Directory.PAYLOAD)
                .from(table)
                .orderBy(orderBy.asc())
                .fetch(Directory.PAYLOAD)
                .stream()
                .map(reader)
                .toList());
  }

  private static void none(DSLContext tx) {}

  @Override
  public void saveAgent(Agent agent) {
    Objects.requireNonNull(agent, "agent");
    save(
        Directory.AGENTS,
        Directory.ID,
        agent.id().value(),
        values(Directory.EMAIL, agent.email(), Directory.ACTIVE, agent.active(), Directory.PAYLOAD, JsonCodec.agent(agent)),
        JdbcDirectoryStore::none);
  }

  @Override
  public Optional<Agent> findAgent(AgentId id) {
    Objects.requireNonNull(id, "id");
    return find(Directory.AGENTS, Directory.ID, id.value(), JsonCodec::agent);
  }

  @Override
  public List<Agent> agents() {
    return all(Directory.AGENTS, Directory.ID, JsonCodec::agent);
  }

  @Override
  public void saveTeam(Team team) {
    Objects.requireNonNull(team, "team");
    save(
        Directory.TEAMS,
        Directory.ID,
        team.id().value(),
        values(Directory.TIER, team.tier(), Directory.PAYLOAD, JsonCodec.team(team)),
        JdbcDirectoryStore::none);
  }

  @Override
  public Optional<Team> findTeam(TeamId id) {
    Objects.requireNonNull(id, "id");
    return find(Directory.TEAMS, Directory.ID, id.value(), JsonCodec::team);
  }

  @Override
  public List<Team> teams() {
    return all(Directory.TEAMS, Directory.ID, JsonCodec::team);
  }

  @Override
  public void saveTier(SupportTier tier) {
    Objects.requireNonNull(tier, "tier");
    save(
        Directory.TIERS,
        Directory.TIER_LEVEL,
        tier.level(),
        values(Directory.PAYLOAD, JsonCodec.tier(tier)),
        JdbcDirectoryStore::none);
  }

  @Override
  public List<SupportTier> tiers() {
    return all(Directory.TIERS, Directory.TIER_LEVEL, JsonCodec::tier);
  }

  @Override
  public void saveRole(Role role) {
    Objects.requireNonNull(role, "role");
    save(
        Directory.ROLES,
        Directory.NAME,
        role.name(),
        values(Directory.PAYLOAD, JsonCodec.role(role)),
        JdbcDirectoryStore::none);
  }

  @Override
  public Optional<Role> findRole(String name) {
    Objects.requireNonNull(name, "name");
    return find(Directory.ROLES, Directory.NAME, name, JsonCodec::role);
  }

  @Override
  public void saveCustomer(Customer customer) {
    Objects.requireNonNull(customer, "customer");
    String email = customer.email() == null ? null : customer.email().toLowerCase(Locale.ROOT);
    String id = customer.id().value();
    save(
        Directory.CUSTOMERS,
        Directory.ID,
        id,
        values(
            Directory.EMAIL_LOWER,
            email,
            Directory.ORGANIZATION,
            customer.organization() == null ? null : customer.organization().value(),
            Directory.PAYLOAD,
            JsonCodec.customer(customer)),
        tx -> {
          if (email != null
              && tx.fetchExists(Directory.CUSTOMERS, Directory.EMAIL_LOWER.eq(email).and(Directory.ID.ne(id)))) {
            throw new ConflictException("the e-mail address is already in use");
          }
        });
  }

  @Override
  public Optional<Customer> findCustomer(CustomerId id) {
    Objects.requireNonNull(id, "id");
    return find(Directory.CUSTOMERS, Directory.ID, id.value(), JsonCodec::customer);
  }

  @Override
  public Optional<Customer> findCustomerByEmail(String email) {
    Objects.requireNonNull(email, "email");
    return find(Directory.CUSTOMERS, Directory.EMAIL_LOWER, email.toLowerCase(Locale.ROOT), JsonCodec::customer);
  }

  @Override
  public void saveOrganization(Organization organization) {
    Objects.requireNonNull(organization, "organization");
    save(
        Directory.ORGANIZATIONS,
        Directory.ID,
        organization.id().value(),
        values(Directory.PAYLOAD, JsonCodec.organization(organization)),
        JdbcDirectoryStore::none);
  }

  @Override
  public Optional<Organization> findOrganization(OrganizationId id) {
    Objects.requireNonNull(id, "id");
    return find(Directory.ORGANIZATIONS, Directory.ID, id.value(), JsonCodec::organization);
  }
}
