package dev.frontline.helpdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.SafeLine;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.access.Roles;
import dev.frontline.helpdesk.access.TeamAccess;
import dev.frontline.helpdesk.asset.Asset;
import dev.frontline.helpdesk.asset.AssetId;
import dev.frontline.helpdesk.asset.AssetService;
import dev.frontline.helpdesk.asset.AssetStatus;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.Organization;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.directory.SupportTier;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.spi.AssetDirectory;
import dev.frontline.helpdesk.spi.BlobStore;
import dev.frontline.helpdesk.spi.DirectoryStore;
import dev.frontline.helpdesk.spi.HelpdeskStores;
import dev.frontline.helpdesk.spi.IdGenerator;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Service-level cases of an outside audit, run against the stores under test: merges of customers
 * without an organization, existence probes through ticket creation, the organization-sharing grid
 * for assets, and the one definition of a safe single line. Each case covers the family of the
 * flaw, not only the reported input.
 */
public abstract class AuditCasesContract {
  private static final TeamId TEAM = TeamId.of("audit-t1");
  private static final OrganizationId SHARING = OrganizationId.of("audit-sharing");
  private static final OrganizationId CLOSED = OrganizationId.of("audit-closed");

  private final Principal system = Principal.system("audit");
  private HelpdeskStores stores;
  private Helpdesk helpdesk;
  private String run;

  /** Subclasses need no-arg constructors. */
  protected AuditCasesContract() {}

  /**
   * @return stores to test; they may hold data of earlier tests (every test uses its own ids)
   */
  protected abstract HelpdeskStores newStores();

  /** The one place that builds the helpdesk under test from the stores. */
  private Helpdesk newHelpdesk(HelpdeskStores s) {
    return Helpdesk.builder()
        .stores(s)
        .clock(Clock.fixed(Instant.parse("2026-04-01T08:00:00Z"), ZoneOffset.UTC))
        .ids(IdGenerator.secureRandom())
        .build();
  }

  @BeforeEach
  void wire() {
    stores = newStores();
    helpdesk = newHelpdesk(stores);
    run = UUID.randomUUID().toString().substring(0, 8);
    DirectoryStore d = stores.directoryStore();
    d.saveTier(new SupportTier(1, "First line", TEAM));
    d.saveTeam(new Team(TEAM, "Audit team", 1));
    Roles.defaults().forEach(d::saveRole);
    d.saveOrganization(new Organization(SHARING, "Sharing", true, false, "standard"));
    d.saveOrganization(new Organization(CLOSED, "Closed", false, false, "standard"));
  }

  private CustomerId customer(String name, @Nullable OrganizationId org) {
    CustomerId id = CustomerId.of(name + "-" + run);
    stores.directoryStore().saveCustomer(new Customer(id, name, name + "-" + run + "@example.com", org, true, null));
    return id;
  }

  private Principal agent(String name, Set<String> roles, boolean active) {
    AgentId id = AgentId.of(name + "-" + run);
    stores.directoryStore().saveAgent(new Agent(id, name, name + "-" + run + "@example.com", roles, Map.of(TEAM, TeamAccess.FULL), Set.of(), Set.of(), active));
    return Principal.agent(id);
  }

  private Ticket open(CustomerId requester, String text) {
    return helpdesk.tickets().create(system, NewTicket.builder("About " + text, requester, new Message(text, Channel.WEB, List.of())).build());
  }

  private List<String> bodies(Principal p, Ticket t) {
    return helpdesk.tickets().conversation(p, t.id()).stream().map(Entry::body).toList();
  }

  // ------------------------------------------------------------------ merges

  @Test
  @DisplayName("merges: customers without an organization, or of different ones, are never merged; nothing changes")
  void mergeGuard() {
    CustomerId lone1 = customer("lone1", null);
    CustomerId lone2 = customer("lone2", null);
    CustomerId shareA = customer("sharea", SHARING);
    CustomerId shareB = customer("shareb", SHARING);
    CustomerId closedA = customer("closeda", CLOSED);
    Principal supervisor = agent("sup", Set.of("supervisor"), true);
    List<CustomerId[]> forbidden = List.of(
        new CustomerId[] {lone1, lone2}, new CustomerId[] {lone1, shareA}, new CustomerId[] {shareA, lone1},
        new CustomerId[] {shareA, closedA}, new CustomerId[] {closedA, shareA});
    for (Principal p : List.of(system, supervisor)) {
      for (CustomerId[] pair : forbidden) {
        Ticket s = open(pair[0], "source of " + pair[0].value());
        Ticket t = open(pair[1], "target of " + pair[1].value());
        assertThatThrownBy(() -> helpdesk.tickets().merge(p, s.id(), s.version(), t.id()))
            .as("%s merging %s into %s", p.describe(), pair[0].value(), pair[1].value())
            .isInstanceOf(ValidationException.class);
        assertThat(helpdesk.tickets().get(system, s.id()).version()).isEqualTo(s.version());
        assertThat(helpdesk.tickets().get(system, t.id()).version()).isEqualTo(t.version());
        assertThat(bodies(Principal.customer(pair[1]), t)).containsExactly("target of " + pair[1].value());
      }
    }
    // the same requester (with or without an organization) and colleagues of one organization merge
    for (CustomerId[] pair : List.of(new CustomerId[] {lone1, lone1}, new CustomerId[] {shareA, shareB}, new CustomerId[] {closedA, closedA})) {
      Ticket s = open(pair[0], "first");
      Ticket t = open(pair[1], "second");
      Ticket merged = helpdesk.tickets().merge(system, s.id(), s.version(), t.id());
      assertThat(bodies(system, merged)).contains("first", "second");
    }
  }

  // ------------------------------------------------------------------ creation probes

  @Test
  @DisplayName("creation: a caller without the right to create gets the same answer for a known and an unknown requester, and nothing is created")
  void creationDoesNotRevealCustomers() {
    CustomerId known = customer("known", null);
    CustomerId unknown = CustomerId.of("nobody-" + run);
    List<Principal> callers = new ArrayList<>(List.of(
        Principal.agent(AgentId.of("ghost-" + run)),
        agent("inactive", Set.of("agent"), false),
        agent("norole", Set.of(), true),
        agent("observer", Set.of("observer"), true),
        agent("kbeditor", Set.of("knowledge-editor"), true),
        Principal.anonymous(),
        Principal.customer(customer("other", null)),
        Principal.customer(CustomerId.of("unknown-customer-" + run))));
    long before = helpdesk.tickets().count(system, TicketQuery.builder().build());
    for (Principal p : callers) {
      for (TeamId team : new TeamId[] {null, TEAM}) {
        Throwable forKnown = catchThrowable(() -> helpdesk.tickets().create(p, command(known, team)));
        Throwable forUnknown = catchThrowable(() -> helpdesk.tickets().create(p, command(unknown, team)));
        assertThat(forKnown).as("%s, team %s", p.describe(), team).isInstanceOf(AccessDeniedException.class);
        assertThat(forUnknown).as("%s, team %s", p.describe(), team).isInstanceOf(AccessDeniedException.class);
        assertThat(forKnown.getMessage()).isEqualTo(forUnknown.getMessage());
      }
    }
    assertThat(helpdesk.tickets().count(system, TicketQuery.builder().build())).isEqualTo(before);
    // an agent who may create still can
    Principal creator = agent("creator", Set.of("agent"), true);
    assertThat(helpdesk.tickets().create(creator, command(known, TEAM)).requester()).isEqualTo(known);
  }

  private static NewTicket command(CustomerId requester, @Nullable TeamId team) {
    return NewTicket.builder("Probe", requester, new Message("probe", Channel.WEB, List.of())).team(team).build();
  }

  // ------------------------------------------------------------------ asset sharing grid

  @Test
  @DisplayName("assets: a customer sees the organization's shared assets exactly when they see its tickets, by every entry point")
  void assetSharingGrid() {
    AssetService assets = helpdesk.assets();
    for (OrganizationId org : List.of(SHARING, CLOSED)) {
      for (boolean seesOrg : List.of(true, false)) {
        CustomerId c = CustomerId.of("asset-" + org.value() + "-" + seesOrg + "-" + run);
        stores.directoryStore().saveCustomer(new Customer(c, "Asset owner", c.value() + "@example.com", org, seesOrg, null));
        AssetId own = AssetId.of("own-" + c.value());
        AssetId shared = AssetId.of("shared-" + c.value());
        stores.assetDirectory().save(new Asset(own, "Laptop", "laptop", "S-1", AssetStatus.ACTIVE, c, org));
        stores.assetDirectory().save(new Asset(shared, "Printer", "printer", "S-2", AssetStatus.ACTIVE, null, org));
        Ticket t = open(c, "asset ticket");
        assets.link(system, t.id(), own);
        assets.link(system, t.id(), shared);
        boolean expected = seesOrg && org.equals(SHARING);
        Principal me = Principal.customer(c);
        List<AssetId> byCustomer = assets.customerAssets(me, c).stream().map(Asset::id).toList();
        List<AssetId> byTicket = assets.ticketAssets(me, t.id()).stream().map(Asset::id).toList();
        String as = org.value() + ", sees organization tickets: " + seesOrg;
        if (expected) {
          assertThat(byCustomer).as(as).containsExactlyInAnyOrder(own, shared);
          assertThat(byTicket).as(as).containsExactlyInAnyOrder(own, shared);
        } else {
          assertThat(byCustomer).as(as).containsExactly(own);
          assertThat(byTicket).as(as).containsExactly(own);
        }
        // the system and agents are not customers: they see both
        assertThat(assets.ticketAssets(system, t.id())).extracting(Asset::id).containsExactlyInAnyOrder(own, shared);
      }
    }
  }

  // ------------------------------------------------------------------ safe single lines

  /** Characters that must never be in a single-line value. */
  protected static final List<Character> UNSAFE = List.of(
      '\u0000', '\t', '\n', '\u000b', '\f', '\r', '\u001b', '\u001f', '\u007f', '\u0080', '\u0085', '\u008d', '\u009b', '\u009f',
      '\u2028', '\u2029');

  @Test
  @DisplayName("single lines: subjects and names with any control or line-separator character are rejected, nothing is stored")
  void unsafeLines() {
    CustomerId c = customer("liner", null);
    long before = helpdesk.tickets().count(system, TicketQuery.builder().build());
    Ticket ok = open(c, "fine");
    for (char u : UNSAFE) {
      assertThat(SafeLine.isSafe(u)).as("U+%04X", (int) u).isFalse();
      String bad = "Printer" + u + "Bcc: x@evil.example";
      assertThatThrownBy(() -> helpdesk.tickets().create(system, NewTicket.builder(bad, c, new Message("x", Channel.WEB, List.of())).build()))
          .as("U+%04X", (int) u).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> new Customer(CustomerId.of("x-" + run), bad, null, null, false, null))
          .as("U+%04X", (int) u).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> helpdesk.tickets().split(system, ok.id(), bodiesEntry(ok), bad, null))
          .as("U+%04X", (int) u).isInstanceOf(ValidationException.class);
    }
    assertThat(helpdesk.tickets().count(system, TicketQuery.builder().build())).isEqualTo(before + 1);
    // every other character of the Basic Multilingual Plane is fine, so Unicode text stays welcome
    for (char ch = 0x20; ch < 0xffff; ch++) {
      boolean expected = !(ch >= 0x7f && ch <= 0x9f) && ch != '\u2028' && ch != '\u2029';
      assertThat(SafeLine.isSafe(ch)).as("U+%04X", (int) ch).isEqualTo(expected);
    }
    assertThat(open(c, "x").subject()).isEqualTo("About x");
    assertThat(helpdesk.tickets().create(system, NewTicket.builder("Grüße – 印刷機 ✓", c, new Message("x", Channel.WEB, List.of())).build()).subject())
        .isEqualTo("Grüße – 印刷機 ✓");
  }

  private dev.frontline.helpdesk.ticket.EntryId bodiesEntry(Ticket t) {
    return helpdesk.tickets().conversation(system, t.id()).get(0).id();
  }
}
