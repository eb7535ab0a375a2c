package dev.frontline.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.access.Roles;
import dev.frontline.helpdesk.access.TeamAccess;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.SupportTier;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.jdbc.JdbcDialect;
import dev.frontline.helpdesk.jdbc.JdbcStores;
import dev.frontline.helpdesk.lucene.LuceneKnowledgeSearch;
import dev.frontline.helpdesk.lucene.LuceneTicketSearch;
import dev.frontline.helpdesk.routing.Availability;
import dev.frontline.helpdesk.routing.LeastLoaded;
import dev.frontline.helpdesk.routing.RoutingPolicy;
import dev.frontline.helpdesk.search.SimilarTicket;
import dev.frontline.helpdesk.spi.DirectoryStore;
import dev.frontline.helpdesk.spi.memory.InMemoryAgentAvailability;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketPage;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketState;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Getting started", line for line, so that it keeps working. */
class GettingStartedTest {
  @TempDir Path data;

  @Test
  @DisplayName("the README's getting-started code creates a ticket, queues it for an agent and finds it by search")
  void gettingStarted() throws Exception {
    SimpleDataSource dataSource = new SimpleDataSource("jdbc:h2:mem:getting-started;DB_CLOSE_DELAY=-1", "sa", "");
    Connection keepOpen = dataSource.getConnection(); // the in-memory database lives while a connection is open
    try (LuceneKnowledgeSearch kbIndex = LuceneKnowledgeSearch.builder(data.resolve("kb-index")).build();
        LuceneTicketSearch ticketIndex = LuceneTicketSearch.builder(data.resolve("ticket-index")).build()) {
      // --- README: Getting started ---
      JdbcStores stores = JdbcStores.builder(dataSource, JdbcDialect.H2).build();
      stores.migrate();                                   // creates or updates the schema
      InMemoryAgentAvailability presence = new InMemoryAgentAvailability(); // fed by your chat/phone presence
      Helpdesk helpdesk = Helpdesk.builder()
          .stores(stores)
          .knowledgeSearch(kbIndex)                       // LuceneKnowledgeSearch.builder(dir).source(stores.articleStore()).build()
          .ticketSearch(ticketIndex)                      // LuceneTicketSearch.builder(dir).build()
          .routing(RoutingPolicy.ofDefaults(), new LeastLoaded(), presence)
          .build();

      // The directory: roles, then teams and the tiers that own them, then agents and customers.
      DirectoryStore directory = helpdesk.directory();
      Roles.defaults().forEach(directory::saveRole);
      TeamId front = TeamId.of("front");
      directory.saveTeam(new Team(front, "Front line", 1));
      directory.saveTier(new SupportTier(1, "Front line", front));
      AgentId alice = AgentId.of("alice");
      directory.saveAgent(Agent.of(alice, "Alice", "alice@example.com", Set.of("agent"), Map.of(front, TeamAccess.FULL)));
      CustomerId carol = CustomerId.of("carol");
      directory.saveCustomer(Customer.of(carol, "Carol", "carol@example.com"));
      helpdesk.checkConfiguration();                      // a typo in a team or role fails here, not later

      Ticket ticket = helpdesk.tickets().create(Principal.customer(carol),
          NewTicket.builder("Export fails", carol, Message.of("The CSV export stops at 50%.")).build());
      presence.set(alice, Availability.ONLINE);
      helpdesk.routing().route(ticket.id());              // assigned to Alice, within her capacity
      TicketPage queue = helpdesk.tickets().query(Principal.agent(alice), TicketQuery.builder().assignee(alice).build());
      Ticket mine = queue.items().get(0);
      helpdesk.tickets().transition(Principal.agent(alice), mine.id(), mine.version(), TicketState.SOLVED);
      List<SimilarTicket> found = helpdesk.similarTickets().similarSolved(Principal.agent(alice), "csv export", Locale.ENGLISH, 5);
      // --- end ---

      assertThat(queue.items()).extracting(Ticket::id).containsExactly(ticket.id());
      assertThat(mine.assignee()).isEqualTo(alice);
      assertThat(found).extracting(SimilarTicket::ticketId).containsExactly(ticket.id());
    } finally {
      keepOpen.close();
    }
  }
}
