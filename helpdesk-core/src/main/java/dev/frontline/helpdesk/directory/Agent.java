package dev.frontline.helpdesk.directory;

import dev.frontline.helpdesk.access.TeamAccess;
import dev.frontline.helpdesk.internal.Checks;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A support agent. Immutable.
 *
 * @param id the agent id
 * @param name display name (single line; untrusted text, escape when rendering)
 * @param email e-mail address
 * @param roles names of the agent's roles
 * @param teams the agent's teams with the access level in each
 * @param skills skill tags used by routing
 * @param languages languages the agent handles
 * @param active whether the agent can sign in and receive work
 */
public record Agent(
    AgentId id,
    String name,
    String email,
    Set<String> roles,
    Map<TeamId, TeamAccess> teams,
    Set<String> skills,
    Set<Locale> languages,
    boolean active) {
  /** Validates and copies. */
  public Agent {
    Checks.notNull(id, "agent id");
    Checks.line(name, "agent name", 200);
    Checks.line(email, "agent e-mail", 254);
    roles = Set.copyOf(Checks.elements(roles, "roles", 50));
    roles.forEach(r -> Checks.identifier(r, "role name"));
    teams = Map.copyOf(Checks.notNull(teams, "teams"));
    skills = Set.copyOf(Checks.elements(skills, "skills", 100));
    languages = Set.copyOf(Checks.elements(languages, "languages", 50));
  }

  /**
   * A minimal active agent.
   *
   * @param id id
   * @param name name
   * @param email e-mail
   * @param roles role names
   * @param teams team access
   * @return the agent
   */
  public static Agent of(AgentId id, String name, String email, Set<String> roles, Map<TeamId, TeamAccess> teams) {
    return new Agent(id, name, email, roles, teams, Set.of(), Set.of(), true);
  }
}
