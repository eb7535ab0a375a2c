package dev.frontline.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.opensearch.OpenSearchKnowledgeSearch;
import dev.frontline.helpdesk.opensearch.OpenSearchNode;
import dev.frontline.helpdesk.opensearch.OpenSearchTicketSearch;
import dev.frontline.helpdesk.search.SimilarTicket;
import dev.frontline.helpdesk.spi.KnowledgeSearch;
import dev.frontline.helpdesk.spi.TicketSearch;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketState;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The application with {@code frontline.search.backend=opensearch}, on a real OpenSearch node that
 * the test starts (helpdesk-opensearch's test node; skipped with a message when it cannot start,
 * unless {@code FRONTLINE_REQUIRE_OPENSEARCH=true}), in indexes of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class OpenSearchBackendTest {
  private static final RequestPostProcessor CAROL = user("carol").roles("CUSTOMER");
  private static final Principal SYSTEM = Principal.system("test");
  private static String url = "";

  @Autowired MockMvc mvc;
  @Autowired Helpdesk helpdesk;
  @Autowired KnowledgeSearch knowledgeSearch;
  @Autowired TicketSearch ticketSearch;

  @BeforeAll
  static void node() {
    url = OpenSearchNode.shared().url();
  }

  @DynamicPropertySource
  static void search(DynamicPropertyRegistry registry) {
    registry.add("frontline.search.backend", () -> "opensearch");
    registry.add("frontline.search.opensearch.urls", () -> url);
    registry.add("frontline.search.opensearch.index-prefix", () -> "web-" + UUID.randomUUID().toString().substring(0, 8));
    registry.add("frontline.search.opensearch.replicas", () -> "0");
  }

  private String page(String path) throws Exception {
    return mvc.perform(get(path).with(CAROL)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  @Test
  @DisplayName("the configuration switches both searches to OpenSearch; the portal's help search answers from it")
  void helpSearch() throws Exception {
    assertThat(knowledgeSearch).isInstanceOf(OpenSearchKnowledgeSearch.class);
    assertThat(ticketSearch).isInstanceOf(OpenSearchTicketSearch.class);
    String html = page("/portal/help?q=" + URLEncoder.encode("nulstil adgangskode", StandardCharsets.UTF_8));
    int first = html.indexOf("class=\"kb-title\"");
    assertThat(first).isPositive();
    assertThat(html.substring(first, html.indexOf("</a>", first))).contains("Nulstil din adgangskode");
    assertThat(html).contains("<mark>");
    assertThat(page("/portal/help?lang=hu&q=csv")).contains("Számlák exportálása CSV-fájlba").doesNotContain("Export invoices to CSV");
    assertThat(page("/portal/help/suggest?q=expo")).contains("Export invoices to CSV");
  }

  @Test
  @DisplayName("similar solved tickets come from the OpenSearch ticket index")
  void similarTickets() {
    Ticket t = helpdesk.tickets().create(SYSTEM, NewTicket.builder("Scanner offline", CustomerId.of("carol"),
        Message.of("The zebrascanner in room 4 is offline")).build());
    helpdesk.tickets().transition(SYSTEM, t.id(), t.version(), TicketState.SOLVED);
    assertThat(helpdesk.similarTickets().similarSolved(SYSTEM, "zebrascanner offline", null, 10))
        .extracting(SimilarTicket::ticketId).containsExactly(t.id());
  }
}
