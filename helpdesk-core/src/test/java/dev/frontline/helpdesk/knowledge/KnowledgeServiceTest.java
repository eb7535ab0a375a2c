package dev.frontline.helpdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.spi.memory.InMemoryArticleStore;
import dev.frontline.helpdesk.spi.memory.InMemoryKnowledgeSearch;
import dev.frontline.helpdesk.spi.memory.InMemoryKnowledgeStatsStore;
import dev.frontline.helpdesk.ticket.TicketId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.access.Roles;
import dev.frontline.helpdesk.access.TeamAccess;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.SupportTier;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.spi.memory.InMemoryStores;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import java.util.Map;
import java.util.Set;

class KnowledgeServiceTest {
  private static final TeamId TEAM = TeamId.of("front");
  private final InMemoryArticleStore store = new InMemoryArticleStore();
  private final InMemoryKnowledgeSearch search = new InMemoryKnowledgeSearch();
  private final InMemoryKnowledgeStatsStore stats = new InMemoryKnowledgeStatsStore();
  private final InMemoryStores stores = InMemoryStores.builder().articleStore(store).knowledgeStatsStore(stats).build();
  private final Helpdesk helpdesk = helpdesk();
  private final KnowledgeService service = helpdesk.knowledge();
  private final Principal agent = Principal.agent(AgentId.of("alice"));
  private final Principal customer = Principal.customer(CustomerId.of("bob"));

  /** A knowledge editor (alice) in a front-line team and a customer (bob), on the shared stores. */
  private Helpdesk helpdesk() {
    if (stores.directoryStore().tiers().isEmpty()) {
      stores.directoryStore().saveTeam(new Team(TEAM, "Front", 1));
      stores.directoryStore().saveTier(new SupportTier(1, "Front", TEAM));
      stores.directoryStore().saveRole(Roles.KNOWLEDGE_EDITOR);
      stores.directoryStore().saveAgent(Agent.of(AgentId.of("alice"), "Alice", "alice@example.com", Set.of(Roles.KNOWLEDGE_EDITOR.name()),
          Map.of(TEAM, TeamAccess.FULL)));
      stores.directoryStore().saveCustomer(Customer.of(CustomerId.of("bob"), "Bob", "bob@example.com"));
    }
    return Helpdesk.builder().stores(stores).knowledgeSearch(search)
        .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).build();
  }

  private Article publish(String title, ArticleVisibility v) {
    return service.save(agent, Article.builder(Locale.ENGLISH, title).body(title + " body")
        .status(ArticleStatus.PUBLISHED).visibility(v).build(), 0);
  }

  @Test
  @DisplayName("writes need an agent; the service stamps author and time")
  void writes() {
    Article a = Article.builder(Locale.ENGLISH, "T").build();
    assertThatThrownBy(() -> service.save(customer, a, 0)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> service.save(Principal.anonymous(), a, 0)).isInstanceOf(AccessDeniedException.class);
    Article saved = service.save(agent, a, 0);
    assertThat(saved.author()).isEqualTo("agent:alice");
    assertThat(saved.updatedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(service.revisions(agent, a.id())).hasSize(1);
  }

  @Test
  @DisplayName("customers and anonymous visitors read published public articles only; others look missing")
  void reads() {
    Article pub = publish("Public guide", ArticleVisibility.PUBLIC);
    Article internal = publish("Internal guide", ArticleVisibility.INTERNAL);
    Article draft = service.save(agent, Article.builder(Locale.ENGLISH, "Draft guide").build(), 0);
    for (Principal p : new Principal[] {customer, Principal.anonymous()}) {
      assertThat(service.find(p, pub.id())).isPresent();
      assertThat(service.find(p, internal.id())).isEmpty();
      assertThat(service.find(p, draft.id())).isEmpty();
      assertThatThrownBy(() -> service.get(p, internal.id())).isInstanceOf(NotFoundException.class);
      assertThat(service.search(p, KnowledgeQuery.builder("guide").build()).total()).isEqualTo(1);
    }
    assertThat(service.find(agent, internal.id())).isPresent();
    // knowledge editors also find drafts
    assertThat(service.search(agent, KnowledgeQuery.builder("guide").build()).total()).isEqualTo(3);
  }

  @Test
  @DisplayName("one helpful vote per principal per article; views are counted")
  void feedback() {
    Article a = publish("Guide", ArticleVisibility.PUBLIC);
    service.feedback(customer, a.id(), true);
    service.feedback(customer, a.id(), false);
    service.feedback(agent, a.id(), true);
    assertThatThrownBy(() -> service.feedback(Principal.anonymous(), a.id(), true)).isInstanceOf(AccessDeniedException.class);
    service.get(customer, a.id());
    service.get(customer, a.id());
    assertThat(service.stats(agent, a.id())).isEqualTo(new ArticleStats(2, 1, 1));
    Article internal = publish("Secret", ArticleVisibility.INTERNAL);
    assertThatThrownBy(() -> service.feedback(customer, internal.id(), true)).isInstanceOf(NotFoundException.class);
  }

  @Test
  @DisplayName("counts live in the stats store: a new service on the same store sees them; ticket links count once")
  void statsStore() {
    KnowledgeService first = service;
    TicketId t1 = helpdesk.tickets().create(Principal.system("test"),
        NewTicket.builder("Printer", CustomerId.of("bob"), Message.of("It jams")).team(TEAM).build()).id();
    Article a = first.save(agent, Article.builder(Locale.ENGLISH, "Guide").body("b")
        .status(ArticleStatus.PUBLISHED).visibility(ArticleVisibility.PUBLIC).build(), 0);
    first.feedback(customer, a.id(), true);
    first.get(customer, a.id());
    first.linkedToTicket(agent, a.id(), t1);
    first.linkedToTicket(agent, a.id(), t1);
    first.solvedTicket(agent, a.id(), t1);
    assertThatThrownBy(() -> first.linkedToTicket(Principal.anonymous(), a.id(), t1))
        .isInstanceOf(AccessDeniedException.class);
    KnowledgeService restarted = helpdesk().knowledge();
    restarted.feedback(customer, a.id(), false);
    assertThat(restarted.stats(agent, a.id())).isEqualTo(new ArticleStats(1, 0, 1, 1, 1));
    restarted.delete(agent, a.id(), 1);
    assertThat(stats.stats(a.id())).isEqualTo(ArticleStats.empty());
  }

  @Test
  @DisplayName("the indexer follows the change feed, including deletions, and replays harmlessly")
  void indexer() {
    InMemoryKnowledgeSearch fresh = new InMemoryKnowledgeSearch();
    Article a = publish("Alpha", ArticleVisibility.PUBLIC);
    Article b = publish("Beta", ArticleVisibility.PUBLIC);
    service.delete(agent, b.id(), 1);
    KnowledgeIndexer indexer = new KnowledgeIndexer(store, fresh);
    assertThat(indexer.catchUp()).isEqualTo(3);
    assertThat(fresh.appliedSequence()).isEqualTo(3);
    assertThat(fresh.search(KnowledgeQuery.builder("alpha beta").build(), SearchAudience.publicOnly()).hits())
        .extracting(SearchHit::articleId).containsExactly(a.id());
    indexer.catchUp();
    assertThat(fresh.search(KnowledgeQuery.builder("alpha").build(), SearchAudience.publicOnly()).total()).isEqualTo(1);
  }
}
