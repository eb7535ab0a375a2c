package dev.frontline.helpdesk.jackson.format;

import static dev.frontline.helpdesk.jackson.internal.Json.en;
import static dev.frontline.helpdesk.jackson.internal.Json.list;
import static dev.frontline.helpdesk.jackson.internal.Json.opt;
import static dev.frontline.helpdesk.jackson.internal.Json.optStr;
import static dev.frontline.helpdesk.jackson.internal.Json.put;
import static dev.frontline.helpdesk.jackson.internal.Json.req;
import static dev.frontline.helpdesk.jackson.internal.Json.str;
import static dev.frontline.helpdesk.jackson.internal.Json.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Role;
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
import dev.frontline.helpdesk.jackson.internal.Json;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The stored format of the directory: {@link Agent}s, {@link Team}s, {@link SupportTier}s, {@link
 * Role}s, {@link Customer}s and {@link Organization}s, one document each. Sets are written sorted
 * (permissions in declaration order), locales as BCP 47 language tags, enums as their names.
 *
 * <pre>{@code
 * {"v":1,"id":"t1","name":"Front line","tier":1}
 * }</pre>
 *
 * <p>Documents carry their format version ({@code "v"}); see the package documentation for the
 * compatibility rules. Reading fails with a {@link dev.frontline.helpdesk.StorageException} on
 * anything that is not a valid document (a {@link FormatVersionException} for an unknown version).
 * Stateless and thread-safe.
 */
public final class DirectoryFormat {
  /** The format version this release writes, and the newest it reads. */
  public static final int VERSION = Documents.CURRENT;

  private DirectoryFormat() {}

  /**
   * @param agent an agent
   * @return its stored document
   */
  public static String writeAgent(Agent agent) {
    ObjectNode n = Documents.document();
    put(n, "id", agent.id().value());
    put(n, "name", agent.name());
    put(n, "email", agent.email());
    n.set("roles", strings(new TreeSet<>(agent.roles())));
    ObjectNode teams = n.putObject("teams");
    new TreeMap<>(agent.teams()).forEach((k, v) -> teams.put(k.value(), v.name()));
    n.set("skills", strings(new TreeSet<>(agent.skills())));
    ArrayNode langs = n.putArray("languages");
    agent.languages().stream().map(Locale::toLanguageTag).sorted().forEach(langs::add);
    n.put("active", agent.active());
    return Json.text(n);
  }

  /**
   * @param json a stored agent document of any version this release reads
   * @return the agent
   * @throws FormatVersionException if the document is of a newer version
   */
  public static Agent readAgent(String json) {
    return Documents.read(json, "agent", n -> {
      Map<TeamId, TeamAccess> teams = new HashMap<>();
      req(n, "teams").properties()
          .forEach(e -> teams.put(new TeamId(e.getKey()), TeamAccess.valueOf(e.getValue().asText())));
      return new Agent(
          new AgentId(str(n, "id")),
          str(n, "name"),
          str(n, "email"),
          Set.copyOf(list(n, "roles", JsonNode::asText)),
          teams,
          Set.copyOf(list(n, "skills", JsonNode::asText)),
          Set.copyOf(list(n, "languages", l -> Locale.forLanguageTag(l.asText()))),
          req(n, "active").asBoolean());
    });
  }

  /**
   * @param team a team
   * @return its stored document
   */
  public static String writeTeam(Team team) {
    ObjectNode n = Documents.document();
    put(n, "id", team.id().value());
    put(n, "name", team.name());
    n.put("tier", team.tier());
    return Json.text(n);
  }

  /**
   * @param json a stored team document of any version this release reads
   * @return the team
   * @throws FormatVersionException if the document is of a newer version
   */
  public static Team readTeam(String json) {
    return Documents.read(json, "team", n -> new Team(new TeamId(str(n, "id")), str(n, "name"), req(n, "tier").asInt()));
  }

  /**
   * @param tier a support tier
   * @return its stored document
   */
  public static String writeTier(SupportTier tier) {
    ObjectNode n = Documents.document();
    n.put("level", tier.level());
    put(n, "name", tier.name());
    put(n, "defaultTeam", tier.defaultTeam() == null ? null : tier.defaultTeam().value());
    return Json.text(n);
  }

  /**
   * @param json a stored support tier document of any version this release reads
   * @return the support tier
   * @throws FormatVersionException if the document is of a newer version
   */
  public static SupportTier readTier(String json) {
    return Documents.read(
        json, "tier", n -> new SupportTier(req(n, "level").asInt(), str(n, "name"), opt(n, "defaultTeam", TeamId::new)));
  }

  /**
   * @param role a role
   * @return its stored document
   */
  public static String writeRole(Role role) {
    ObjectNode n = Documents.document();
    put(n, "name", role.name());
    ArrayNode perms = n.putArray("permissions");
    (role.permissions().isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(role.permissions()))
        .forEach(p -> perms.add(p.name()));
    put(n, "scope", role.scope());
    return Json.text(n);
  }

  /**
   * @param json a stored role document of any version this release reads
   * @return the role
   * @throws FormatVersionException if the document is of a newer version
   */
  public static Role readRole(String json) {
    return Documents.read(
        json,
        "role",
        n -> new Role(
            str(n, "name"),
            Set.copyOf(list(n, "permissions", p -> Permission.valueOf(p.asText()))),
            en(Scope.class, n, "scope")));
  }

  /**
   * @param customer a customer
   * @return its stored document
   */
  public static String writeCustomer(Customer customer) {
    ObjectNode n = Documents.document();
    put(n, "id", customer.id().value());
    put(n, "name", customer.name());
    put(n, "email", customer.email());
    put(n, "organization", customer.organization() == null ? null : customer.organization().value());
    n.put("seesOrganizationTickets", customer.seesOrganizationTickets());
    if (customer.locale() != null) {
      put(n, "locale", customer.locale().toLanguageTag());
    }
    return Json.text(n);
  }

  /**
   * @param json a stored customer document of any version this release reads
   * @return the customer
   * @throws FormatVersionException if the document is of a newer version
   */
  public static Customer readCustomer(String json) {
    return Documents.read(
        json,
        "customer",
        n -> new Customer(
            new CustomerId(str(n, "id")),
            str(n, "name"),
            optStr(n, "email"),
            opt(n, "organization", OrganizationId::new),
            req(n, "seesOrganizationTickets").asBoolean(),
            opt(n, "locale", Locale::forLanguageTag)));
  }

  /**
   * @param organization an organization
   * @return its stored document
   */
  public static String writeOrganization(Organization organization) {
    ObjectNode n = Documents.document();
    put(n, "id", organization.id().value());
    put(n, "name", organization.name());
    n.put("sharesTickets", organization.sharesTickets());
    n.put("vip", organization.vip());
    put(n, "plan", organization.plan());
    return Json.text(n);
  }

  /**
   * @param json a stored organization document of any version this release reads
   * @return the organization
   * @throws FormatVersionException if the document is of a newer version
   */
  public static Organization readOrganization(String json) {
    return Documents.read(
        json,
        "organization",
        n -> new Organization(
            new OrganizationId(str(n, "id")),
            str(n, "name"),
            req(n, "sharesTickets").asBoolean(),
            req(n, "vip").asBoolean(),
            str(n, "plan")));
  }
}
