package dev.frontline.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.access.Role;
import dev.frontline.helpdesk.access.Roles;
import dev.frontline.helpdesk.access.Scope;
import dev.frontline.helpdesk.access.TeamAccess;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.SupportTier;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.escalation.EscalationAction;
import dev.frontline.helpdesk.escalation.EscalationRule;
import dev.frontline.helpdesk.escalation.EscalationTrigger;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import dev.frontline.helpdesk.knowledge.ArticleVisibility;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.routing.Availability;
import dev.frontline.helpdesk.routing.Capacity;
import dev.frontline.helpdesk.routing.LeastLoaded;
import dev.frontline.helpdesk.routing.RoutingPolicy;
import dev.frontline.helpdesk.routing.RoutingResult;
import dev.frontline.helpdesk.sla.BusinessCalendar;
import dev.frontline.helpdesk.sla.SlaConditions;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaPolicy;
import dev.frontline.helpdesk.spi.BlobStore;
import dev.frontline.helpdesk.spi.DirectoryStore;
import dev.frontline.helpdesk.spi.HelpdeskStores;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.spi.memory.InMemoryAgentAvailability;
import dev.frontline.helpdesk.spi.memory.InMemoryBlobStore;
import dev.frontline.helpdesk.spi.memory.InMemoryDirectoryStore;
import dev.frontline.helpdesk.spi.memory.InMemoryKnowledgeSearch;
import dev.frontline.helpdesk.spi.memory.InMemoryStores;
import dev.frontline.helpdesk.spi.memory.InMemoryTicketSearch;
import dev.frontline.helpdesk.spi.memory.InMemoryTicketStore;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link Helpdesk} as the one composition root: it builds every service on the store bundle,
 * registers their listeners itself, refuses services whose stores or capabilities are missing with
 * a message that says what to pass, and checks the configuration against the directory.
 */
class HelpdeskWiringTest {
  static final TeamId FRONT = TeamId.of("front");
  static final TeamId SECOND = TeamId.of("second");
  static final AgentId ALICE = AgentId.of("alice");
  static final CustomerId CAROL = CustomerId.of("carol");
  final Principal system = Principal.system("test");

  /** Only the three required stores: every optional one is missing. */
  record MinimalStores(TicketStore ticketStore, DirectoryStore directoryStore, BlobStore blobStore) implements HelpdeskStores {
    static MinimalStores create() {
      return new MinimalStores(new InMemoryTicketStore(), new InMemoryDirectoryStore(), new InMemoryBlobStore());
    }
  }

  static void seed(DirectoryStore dir) {
    Roles.defaults().forEach(dir::saveRole);
    dir.saveTeam(new Team(FRONT, "Front line", 1));
    dir.saveTeam(new Team(SECOND, "Second line", 2));
    dir.saveTier(new SupportTier(1, "Front line", FRONT));
    dir.saveTier(new SupportTier(2, "Second line", SECOND));
    dir.saveAgent(Agent.of(ALICE, "Alice", "alice@example.com", Set.of("agent"), Map.of(FRONT, TeamAccess.FULL)));
    dir.saveCustomer(Customer.of(CAROL, "Carol", "carol@example.com"));
  }

  Ticket ticket(Helpdesk h) {
    return h.tickets().create(system, NewTicket.builder("Printer", CAROL, Message.of("It jams")).team(FRONT).build());
  }

  @Nested
  @DisplayName("services and stores")
  class Services {
    @Test
    @DisplayName("with the in-memory bundle and every capability, the helpdesk hands out every service")
    void everyService() {
      InMemoryStores stores = InMemoryStores.create();
      seed(stores.directoryStore());
      Helpdesk h = Helpdesk.builder().stores(stores).knowledgeSearch(new InMemoryKnowledgeSearch())
          .ticketSearch(new InMemoryTicketSearch())
          .routing(RoutingPolicy.ofDefaults(), new LeastLoaded(), new InMemoryAgentAvailability()).build();
      assertThat(List.of(h.tickets(), h.sla(), h.escalation(), h.knowledge(), h.knowledgeIndexer(), h.similarTickets(), h.routing(),
          h.triggers(), h.automations(), h.macros(), h.interactions(), h.csat(), h.metrics(), h.assets(), h.access(), h.directory()))
          .doesNotContainNull();
      assertThat(h.tickets()).isSameAs(h.tickets());
      assertThat(h.knowledge()).isSameAs(h.knowledge());
    }

    @Test
    @DisplayName("no store bundle is a build error that says what to pass")
    void noStores() {
      assertThatThrownBy(() -> Helpdesk.builder().build()).isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("stores(").hasMessageContaining("InMemoryStores");
    }

    @Test
    @DisplayName("a service whose store the bundle lacks is refused at first use, naming the store; the others work")
    void missingStoreAtFirstUse() {
      MinimalStores stores = MinimalStores.create();
      seed(stores.directoryStore());
      Helpdesk h = Helpdesk.builder().stores(stores).build();
      assertThat(ticket(h).state()).isEqualTo(TicketState.NEW);
      assertThatThrownBy(h::metrics).isInstanceOf(ConfigurationException.class).hasMessageContaining("metricsStore()");
      assertThatThrownBy(h::interactions).isInstanceOf(ConfigurationException.class).hasMessageContaining("interactionStore()");
      assertThatThrownBy(h::assets).isInstanceOf(ConfigurationException.class).hasMessageContaining("assetDirectory()");
      assertThatThrownBy(h::triggers).isInstanceOf(ConfigurationException.class).hasMessageContaining("automationDefinitionStore()");
      assertThatThrownBy(h::automations).isInstanceOf(ConfigurationException.class).hasMessageContaining("automationDefinitionStore()");
      assertThatThrownBy(h::macros).isInstanceOf(ConfigurationException.class).hasMessageContaining("automationDefinitionStore()");
      // asked again, the same answer: nothing fell back to an in-memory store meanwhile
      assertThatThrownBy(h::metrics).isInstanceOf(ConfigurationException.class).hasMessageContaining("metricsStore()");
      assertThat(h.csat()).isNotNull();
    }

    @Test
    @DisplayName("capabilities that were not configured are refused with the builder method to call")
    void capabilityNotConfigured() {
      Helpdesk h = Helpdesk.builder().stores(InMemoryStores.create()).build();
      assertThatThrownBy(h::knowledge).isInstanceOf(ConfigurationException.class).hasMessageContaining("knowledgeSearch(");
      assertThatThrownBy(h::knowledgeIndexer).isInstanceOf(ConfigurationException.class).hasMessageContaining("knowledgeSearch(");
      assertThatThrownBy(h::similarTickets).isInstanceOf(ConfigurationException.class).hasMessageContaining("ticketSearch(");
      assertThatThrownBy(h::routing).isInstanceOf(ConfigurationException.class).hasMessageContaining("routing(");
    }

    @Test
    @DisplayName("an explicitly configured capability whose store is missing fails the build, naming the store")
    void configuredButStoreMissing() {
      assertThatThrownBy(() -> Helpdesk.builder().stores(MinimalStores.create()).knowledgeSearch(new InMemoryKnowledgeSearch()).build())
          .isInstanceOf(ConfigurationException.class).hasMessageContaining("articleStore()");
      assertThatThrownBy(() -> Helpdesk.builder().stores(MinimalStores.create())
          .routing(RoutingPolicy.ofDefaults(), new LeastLoaded(), new InMemoryAgentAvailability()).build())
          .isInstanceOf(ConfigurationException.class).hasMessageContaining("routingLedger()");
    }
  }

  @Nested
  @DisplayName("listeners are wired by the helpdesk")
  class Listeners {
    @Test
    @DisplayName("the router hears every change made through the helpdesk's services: solving frees capacity")
    void routerListens() {
      InMemoryStores stores = InMemoryStores.create();
      seed(stores.directoryStore());
      InMemoryAgentAvailability presence = new InMemoryAgentAvailability();
      presence.set(ALICE, Availability.ONLINE);
      Helpdesk h = Helpdesk.builder().stores(stores)
          .routing(RoutingPolicy.builder().defaultCapacity(Capacity.of(2)).build(), new LeastLoaded(), presence).build();
      Ticket first = ticket(h);
      Ticket second = ticket(h);
      assertThat(h.routing().route(first.id()).outcome()).isEqualTo(RoutingResult.Outcome.ASSIGNED);
      assertThat(h.routing().route(second.id()).outcome()).isEqualTo(RoutingResult.Outcome.HELD);
      Ticket t = h.tickets().get(system, first.id());
      h.tickets().transition(system, t.id(), t.version(), TicketState.SOLVED);
      assertThat(h.tickets().get(system, second.id()).assignee()).isEqualTo(ALICE);
    }

    @Test
    @DisplayName("the ticket search follows the store: a solved ticket becomes a similar-ticket hit without host code")
    void ticketSearchFollows() {
      InMemoryStores stores = InMemoryStores.create();
      seed(stores.directoryStore());
      stores.directoryStore().saveRole(new Role("reader", Set.of(dev.frontline.helpdesk.access.Permission.TICKET_READ,
          dev.frontline.helpdesk.access.Permission.TICKET_READ_INTERNAL), Scope.ALL));
      stores.directoryStore().saveAgent(Agent.of(AgentId.of("rita"), "Rita", "rita@example.com", Set.of("reader"), Map.of()));
      Helpdesk h = Helpdesk.builder().stores(stores).ticketSearch(new InMemoryTicketSearch()).build();
      Ticket t = ticket(h);
      h.tickets().transition(system, t.id(), t.version(), TicketState.SOLVED);
      assertThat(h.similarTickets().similarSolved(Principal.agent(AgentId.of("rita")), "printer jams", Locale.ENGLISH, 5))
          .extracting(s -> s.ticketId()).contains(t.id());
    }
  }

  @Nested
  @DisplayName("configuration is checked")
  class Checked {
    @Test
    @DisplayName("escalation rules and SLA policies naming unknown tiers or teams fail the build, every problem listed")
    void rulesAgainstDirectory() {
      InMemoryStores stores = InMemoryStores.create();
      seed(stores.directoryStore());
      EscalationRule typo = EscalationRule.builder("breach").when(EscalationTrigger.slaBreach(SlaMetric.FIRST_RESPONSE))
          .then(EscalationAction.moveToTier(2, TeamId.of("secnod"))).build();
      EscalationRule noTier = EscalationRule.builder("to-three").when(EscalationTrigger.slaBreach(SlaMetric.RESOLUTION))
          .then(EscalationAction.moveToTier(3, null)).build();
      SlaPolicy tierFive = SlaPolicy.builder("tier-five").conditions(SlaConditions.any().withTiers(Set.of(5)))
          .target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(1), BusinessCalendar.always()).build();
      assertThatThrownBy(() -> Helpdesk.builder().stores(stores).escalationRules(List.of(typo, noTier)).slaPolicies(List.of(tierFive)).build())
          .isInstanceOfSatisfying(ConfigurationException.class, e -> {
            assertThat(e.problems()).hasSize(3);
            assertThat(e.getMessage()).contains("'secnod'", "tier 3", "tier 5");
          });
    }

    @Test
    @DisplayName("a routing policy naming an unknown agent fails the build")
    void routingAgainstDirectory() {
      InMemoryStores stores = InMemoryStores.create();
      seed(stores.directoryStore());
      RoutingPolicy p = RoutingPolicy.builder().capacity(AgentId.of("alcie"), Capacity.of(5)).build();
      assertThatThrownBy(() -> Helpdesk.builder().stores(stores).routing(p, new LeastLoaded(), new InMemoryAgentAvailability()).build())
          .isInstanceOf(ConfigurationException.class).hasMessageContaining("'alcie'");
    }

    @Test
    @DisplayName("an empty directory builds; checkConfiguration after seeding finds teams without a tier and a missing tier list")
    void afterSeeding() {
      InMemoryStores stores = InMemoryStores.create();
      Helpdesk h = Helpdesk.builder().stores(stores).build();
      h.checkConfiguration();
      h.directory().saveTeam(new Team(FRONT, "Front line", 1));
      assertThatThrownBy(h::checkConfiguration).isInstanceOf(ConfigurationException.class).hasMessageContaining("no support tiers");
      h.directory().saveTier(new SupportTier(1, "Front line", FRONT));
      h.directory().saveTeam(new Team(SECOND, "Second line", 2));
      assertThatThrownBy(h::checkConfiguration).isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("team 'second' is in tier 2, which does not exist");
      h.directory().saveTier(new SupportTier(2, "Second line", SECOND));
      h.checkConfiguration();
    }

    @Test
    @DisplayName("directory saves that would be inconsistent are refused and change nothing")
    void directorySaves() {
      InMemoryStores stores = InMemoryStores.create();
      Helpdesk h = Helpdesk.builder().stores(stores).build();
      Consumer<Runnable> refused = r -> assertThatThrownBy(r::run).isInstanceOf(ConfigurationException.class);
      h.directory().saveTeam(new Team(FRONT, "Front line", 1));
      refused.accept(() -> h.directory().saveTier(new SupportTier(1, "Front line", TeamId.of("nope"))));
      refused.accept(() -> h.directory().saveTier(new SupportTier(2, "Second line", FRONT)));
      assertThat(h.directory().tiers()).isEmpty();
      h.directory().saveTier(new SupportTier(1, "Front line", FRONT));
      // a role never saved: the classic mistake that leaves an agent with an empty queue
      assertThatThrownBy(() -> h.directory().saveAgent(Agent.of(ALICE, "Alice", "a@example.com", Set.of("agent"), Map.of(FRONT, TeamAccess.FULL))))
          .isInstanceOf(ConfigurationException.class).hasMessageContaining("role 'agent'").hasMessageContaining("never saved");
      refused.accept(() -> h.directory().saveAgent(Agent.of(ALICE, "Alice", "a@example.com", Set.of(), Map.of(TeamId.of("frnot"), TeamAccess.FULL))));
      assertThat(h.directory().findAgent(ALICE)).isEmpty();
      Roles.defaults().forEach(h.directory()::saveRole);
      h.directory().saveAgent(Agent.of(ALICE, "Alice", "a@example.com", Set.of("agent"), Map.of(FRONT, TeamAccess.FULL)));
      assertThat(h.directory().findAgent(ALICE)).isPresent();
      refused.accept(() -> h.directory().saveTeam(new Team(FRONT, "Front line", 2)));
      assertThat(h.directory().findTeam(FRONT).orElseThrow().tier()).isEqualTo(1);
    }

    @Test
    @DisplayName("an SLA policy without targets is refused at build")
    void policyWithoutTargets() {
      SlaPolicy empty = SlaPolicy.builder("empty").build();
      assertThatThrownBy(() -> Helpdesk.builder().stores(InMemoryStores.create()).slaPolicies(List.of(empty)).build())
          .isInstanceOf(ConfigurationException.class).hasMessageContaining("'empty' has no targets");
    }
  }

  @Test
  @DisplayName("the knowledge base checks roles by default: an agent without knowledge rights cannot publish")
  void knowledgeUsesAccessControl() {
    InMemoryStores stores = InMemoryStores.create();
    seed(stores.directoryStore());
    stores.directoryStore().saveRole(Roles.KNOWLEDGE_EDITOR);
    AgentId editor = AgentId.of("ed");
    stores.directoryStore().saveAgent(Agent.of(editor, "Ed", "ed@example.com", Set.of(Roles.KNOWLEDGE_EDITOR.name()), Map.of(FRONT, TeamAccess.FULL)));
    Helpdesk h = Helpdesk.builder().stores(stores).knowledgeSearch(new InMemoryKnowledgeSearch()).build();
    Article a = Article.builder(Locale.ENGLISH, "Printer jams").body("Open the tray").status(ArticleStatus.PUBLISHED)
        .visibility(ArticleVisibility.PUBLIC).build();
    assertThatThrownBy(() -> h.knowledge().save(Principal.agent(ALICE), a, 0)).isInstanceOf(AccessDeniedException.class);
    assertThat(h.knowledge().search(Principal.customer(CAROL), KnowledgeQuery.builder("printer").build()).total()).isZero();
    h.knowledge().save(Principal.agent(editor), a, 0);
    assertThat(h.knowledge().search(Principal.customer(CAROL), KnowledgeQuery.builder("printer").build()).total()).isEqualTo(1);
  }
}
