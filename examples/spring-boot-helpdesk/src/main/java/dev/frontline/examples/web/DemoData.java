package dev.frontline.examples.web;

import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.access.Roles;
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
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.KnowledgeService;
import dev.frontline.helpdesk.spi.DirectoryStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The demo directory: two support tiers with a team each, a front-line agent, a second-line
 * specialist and two customers of different organizations. {@link #USERS} is the list the demo
 * login offers. Replace both with your own directory and identity provider.
 */
public final class DemoData {
  /** The front-line team (tier 1). */
  public static final TeamId FRONT_LINE = TeamId.of("front-line");
  /** The second-line team (tier 2). */
  public static final TeamId SECOND_LINE = TeamId.of("second-line");

  /**
   * A user of the demo login.
   *
   * @param username the login name; also the agent or customer id in the directory
   * @param label what the login page shows
   * @param agent whether the user is an agent (else a customer)
   */
  public record DemoUser(String username, String label, boolean agent) {}

  /** The users of the demo login, all with the password {@code demo}. */
  public static final List<DemoUser> USERS = List.of(
      new DemoUser("carol", "Carol Nielsen — customer at Acme", false),
      new DemoUser("dave", "Dave Smith — customer at Globex", false),
      new DemoUser("anna", "Anna Jensen — agent, front line (tier 1)", true),
      new DemoUser("bence", "Bence Kovács — specialist, second line (tier 2)", true));

  private DemoData() {}

  /**
   * Writes the demo knowledge base (see {@link DemoArticles}); saving again replaces by id.
   *
   * @param knowledge the knowledge base
   */
  public static void seedArticles(KnowledgeService knowledge) {
    Principal editor = Principal.system("demo-data");
    for (Article a : DemoArticles.all()) {
      knowledge.save(editor, a, knowledge.find(editor, a.id()).map(Article::revision).orElse(0L));
    }
  }

  /**
   * Writes the demo directory. Saving replaces by id, so running it again changes nothing.
   *
   * @param directory the directory store
   */
  public static void seed(DirectoryStore directory) {
    Roles.defaults().forEach(directory::saveRole);
    directory.saveTeam(new Team(FRONT_LINE, "Front line", 1));
    directory.saveTeam(new Team(SECOND_LINE, "Second line", 2));
    directory.saveTier(new SupportTier(1, "Front line", FRONT_LINE));
    directory.saveTier(new SupportTier(2, "Second line", SECOND_LINE));
    directory.saveAgent(new Agent(AgentId.of("anna"), "Anna Jensen", "anna@example.com", Set.of(Roles.AGENT.name()),
        Map.of(FRONT_LINE, TeamAccess.FULL), Set.of("billing"), Set.of(Locale.ENGLISH), true));
    directory.saveAgent(new Agent(AgentId.of("bence"), "Bence Kovács", "bence@example.com", Set.of(Roles.SPECIALIST.name()),
        Map.of(SECOND_LINE, TeamAccess.FULL), Set.of("database"), Set.of(Locale.ENGLISH), true));
    OrganizationId acme = OrganizationId.of("acme");
    OrganizationId globex = OrganizationId.of("globex");
    directory.saveOrganization(new Organization(acme, "Acme A/S", false, false, "standard"));
    directory.saveOrganization(new Organization(globex, "Globex Ltd", false, false, "standard"));
    directory.saveCustomer(new Customer(CustomerId.of("carol"), "Carol Nielsen", "carol@acme.example", acme, false));
    directory.saveCustomer(new Customer(CustomerId.of("dave"), "Dave Smith", "dave@globex.example", globex, false));
  }
}
