package dev.frontline.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The main flows and the safety rules of the web app, through Spring MVC with the real security filter chain. */
@SpringBootTest
@AutoConfigureMockMvc
class WebFlowsTest {
  private static final RequestPostProcessor CAROL = user("carol").roles("CUSTOMER");
  private static final RequestPostProcessor DAVE = user("dave").roles("CUSTOMER");
  private static final RequestPostProcessor ANNA = user("anna").roles("AGENT");
  private static final RequestPostProcessor BENCE = user("bence").roles("AGENT");
  private static final Principal SYSTEM = Principal.system("test");

  @Autowired MockMvc mvc;
  @Autowired Helpdesk helpdesk;

  /** Opens a ticket through the portal as the given customer and returns its id. */
  private TicketId open(RequestPostProcessor customer, String subject, String body) throws Exception {
    String location = mvc.perform(post("/portal/tickets").with(customer).with(csrf()).param("subject", subject).param("body", body))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrlPattern("/portal/tickets/*"))
        .andReturn().getResponse().getRedirectedUrl();
    return TicketId.of(location.substring(location.lastIndexOf('/') + 1));
  }

  private String page(RequestPostProcessor who, String url) throws Exception {
    return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  private static String withoutCsrfToken(String html) {
    return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
  }

  private static String unique(String s) {
    return s + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  @Nested
  @DisplayName("signing in")
  class SigningIn {
    @Test
    @DisplayName("the login page offers the demo users and the demo password signs in")
    void demoLogin() throws Exception {
      assertThat(mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
          .contains("Carol Nielsen").contains("Bence Kovács").contains("name=\"_csrf\"");
      mvc.perform(formLogin().user("carol").password("demo")).andExpect(authenticated().withUsername("carol")).andExpect(redirectedUrl("/"));
      mvc.perform(formLogin().user("carol").password("wrong")).andExpect(unauthenticated());
    }

    @Test
    @DisplayName("pages need a signed-in user, and each side only its own area")
    void areas() throws Exception {
      mvc.perform(get("/portal")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
      mvc.perform(get("/console").with(CAROL)).andExpect(status().isForbidden());
      mvc.perform(get("/portal").with(ANNA)).andExpect(status().isForbidden());
      mvc.perform(get("/").with(CAROL)).andExpect(redirectedUrl("/portal"));
      mvc.perform(get("/").with(ANNA)).andExpect(redirectedUrl("/console"));
    }

    @Test
    @DisplayName("a form post without the CSRF token is rejected and changes nothing")
    void csrfRequired() throws Exception {
      String subject = unique("No token");
      mvc.perform(post("/portal/tickets").with(CAROL).param("subject", subject).param("body", "x")).andExpect(status().isForbidden());
      assertThat(helpdesk.tickets().query(SYSTEM, TicketQuery.builder().limit(500).build()).items())
          .noneMatch(t -> t.subject().equals(subject));
    }
  }

  @Test
  @DisplayName("customer opens, agent replies and notes, escalates; the specialist sees it and solves it")
  void ticketLifecycle() throws Exception {
    String subject = unique("Invoice export fails");
    TicketId id = open(CAROL, subject, "The CSV export stops at 50%.");

    assertThat(page(CAROL, "/portal")).contains(subject);
    assertThat(page(CAROL, "/portal/tickets/" + id)).contains(subject).contains("The CSV export stops at 50%.");

    // Front line sees it in the tier-1 queue with "no SLA" (no SLA policy is configured).
    String queue = page(ANNA, "/console");
    assertThat(queue.substring(queue.indexOf("queue-tier-1"), queue.indexOf("queue-tier-2"))).contains(subject).contains("no SLA");
    assertThat(page(BENCE, "/console")).doesNotContain(subject);

    mvc.perform(post("/console/tickets/" + id + "/reply").with(ANNA).with(csrf()).param("body", "We are on it, Carol."))
        .andExpect(redirectedUrl("/console/tickets/" + id));
    mvc.perform(post("/console/tickets/" + id + "/note").with(ANNA).with(csrf()).param("body", "Looks like a timeout in the export job."))
        .andExpect(redirectedUrl("/console/tickets/" + id));

    assertThat(page(ANNA, "/console/tickets/" + id)).contains("We are on it, Carol.").contains("Looks like a timeout in the export job.");
    String customerView = page(CAROL, "/portal/tickets/" + id);
    assertThat(customerView).contains("We are on it, Carol.").contains("Anna Jensen").doesNotContain("timeout in the export job");

    // The customer replies.
    mvc.perform(post("/portal/tickets/" + id + "/replies").with(CAROL).with(csrf()).param("body", "Thanks, still failing."))
        .andExpect(redirectedUrl("/portal/tickets/" + id));

    // Escalate to tier 2 with the version the agent saw.
    Ticket before = helpdesk.tickets().get(SYSTEM, id);
    mvc.perform(post("/console/tickets/" + id + "/escalate").with(ANNA).with(csrf())
            .param("version", Long.toString(before.version())).param("tier", "2").param("reason", "Needs a database look"))
        .andExpect(redirectedUrl("/console"));
    Ticket escalated = helpdesk.tickets().get(SYSTEM, id);
    assertThat(escalated.tier()).isEqualTo(2);
    assertThat(escalated.team()).isEqualTo(DemoData.SECOND_LINE);

    assertThat(page(ANNA, "/console")).doesNotContain(subject);
    mvc.perform(get("/console/tickets/" + id).with(ANNA)).andExpect(status().isNotFound());
    String tier2 = page(BENCE, "/console");
    assertThat(tier2.substring(tier2.indexOf("queue-tier-2"))).contains(subject);
    assertThat(page(BENCE, "/console/tickets/" + id)).contains("Needs a database look").contains("Thanks, still failing.");

    mvc.perform(post("/console/tickets/" + id + "/solve").with(BENCE).with(csrf()).param("version", Long.toString(escalated.version())))
        .andExpect(redirectedUrl("/console/tickets/" + id));
    assertThat(helpdesk.tickets().get(SYSTEM, id).state()).isEqualTo(TicketState.SOLVED);
    assertThat(page(CAROL, "/portal/tickets/" + id)).contains("SOLVED");
  }

  @Test
  @DisplayName("a state change from a stale page is refused with 409 and changes nothing")
  void staleVersion() throws Exception {
    TicketId id = open(CAROL, unique("Stale"), "body");
    long version = helpdesk.tickets().get(SYSTEM, id).version();
    mvc.perform(post("/console/tickets/" + id + "/reply").with(ANNA).with(csrf()).param("body", "a reply moves the version"));
    mvc.perform(post("/console/tickets/" + id + "/solve").with(ANNA).with(csrf()).param("version", Long.toString(version)))
        .andExpect(status().isConflict());
    assertThat(helpdesk.tickets().get(SYSTEM, id).state()).isEqualTo(TicketState.OPEN);
  }

  @Nested
  @DisplayName("customers see only their own tickets")
  class CrossCustomer {
    @Test
    @DisplayName("customer B opening customer A's ticket URL gets 404 and sees nothing of it")
    void otherCustomersTicket() throws Exception {
      String subject = unique("Carol's private matter");
      TicketId id = open(CAROL, subject, "My account number is 4711.");
      Ticket t = helpdesk.tickets().get(SYSTEM, id);

      String body = mvc.perform(get("/portal/tickets/" + id).with(DAVE)).andExpect(status().isNotFound())
          .andReturn().getResponse().getContentAsString();
      assertThat(body).contains("Not found").doesNotContain(subject).doesNotContain("4711").doesNotContain(t.key().toString())
          .doesNotContain("Carol");
      // An unknown id looks exactly the same (but for the CSRF token, which is masked anew on every page).
      String unknown = mvc.perform(get("/portal/tickets/does-not-exist").with(DAVE)).andExpect(status().isNotFound())
          .andReturn().getResponse().getContentAsString();
      assertThat(withoutCsrfToken(unknown)).isEqualTo(withoutCsrfToken(body));

      // Replying to it is refused the same way and adds nothing.
      mvc.perform(post("/portal/tickets/" + id + "/replies").with(DAVE).with(csrf()).param("body", "hijack"))
          .andExpect(status().isNotFound());
      assertThat(helpdesk.tickets().conversation(SYSTEM, id)).extracting(Entry::body).doesNotContain("hijack");
      // And it is not in B's list.
      assertThat(page(DAVE, "/portal")).doesNotContain(subject);
    }

    @Test
    @DisplayName("identity comes from the session only: request parameters and headers cannot name another user")
    void identityFromSessionOnly() throws Exception {
      String subject = unique("Dave asks");
      String location = mvc.perform(post("/portal/tickets").with(DAVE).with(csrf())
              .header("X-User", "carol").header("X-Forwarded-User", "carol")
              .param("subject", subject).param("body", "hello")
              .param("requester", "carol").param("customer", "carol").param("priority", "URGENT").param("tier", "2"))
          .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
      Ticket t = helpdesk.tickets().get(SYSTEM, TicketId.of(location.substring(location.lastIndexOf('/') + 1)));
      assertThat(t.requester()).isEqualTo(CustomerId.of("dave"));
      assertThat(t.priority()).isEqualTo(Priority.NORMAL);
      assertThat(t.tier()).isEqualTo(1);
      // Carol's list with Dave's session is still Dave's list.
      assertThat(mvc.perform(get("/portal").param("requester", "carol").header("X-User", "carol").with(DAVE))
          .andReturn().getResponse().getContentAsString()).contains(subject);
    }
  }

  @Nested
  @DisplayName("user content is escaped")
  class Escaping {
    @Test
    @DisplayName("a script in subject and body renders as text in the portal and the console")
    void scriptIsText() throws Exception {
      String script = "<script>alert(1)</script>";
      TicketId id = open(CAROL, script, "<img src=x onerror=alert(2)>" + script);
      for (String html : List.of(page(CAROL, "/portal/tickets/" + id), page(CAROL, "/portal"),
          page(ANNA, "/console"), page(ANNA, "/console/tickets/" + id))) {
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script").doesNotContain("<img");
      }
    }

    @Test
    @DisplayName("every page forbids scripts through Content-Security-Policy")
    void csp() throws Exception {
      mvc.perform(get("/portal").with(CAROL))
          .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'none'")));
    }
  }

  @Test
  @DisplayName("the queue order is one of a fixed set; anything else is a 400")
  void queueOrder() throws Exception {
    mvc.perform(get("/console").param("order", "DEADLINE").with(ANNA)).andExpect(status().isOk());
    mvc.perform(get("/console").param("order", "subject; drop table").with(ANNA)).andExpect(status().isBadRequest());
  }

  @Test
  @DisplayName("an empty subject shows the form again with a message")
  void emptySubject() throws Exception {
    assertThat(mvc.perform(post("/portal/tickets").with(CAROL).with(csrf()).param("subject", " ").param("body", "x"))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
        .contains("Please fill in both a subject and a description.");
  }

  @Test
  @DisplayName("the knowledge-base page is a marked placeholder")
  void helpPlaceholder() throws Exception {
    assertThat(page(CAROL, "/portal/help")).contains("Placeholder");
  }

  @Test
  @DisplayName("SLA countdown text")
  void slaText() {
    Instant now = Instant.parse("2026-11-23T10:00:00Z");
    assertThat(Views.slaText(null, now)).isEqualTo("no SLA");
    assertThat(Views.slaText(now.plusSeconds(65 * 60), now)).isEqualTo("due in 1 h 05 min");
    assertThat(Views.slaText(now.plusSeconds(12 * 60), now)).isEqualTo("due in 12 min");
    assertThat(Views.slaText(now.minusSeconds(20 * 60), now)).isEqualTo("overdue by 20 min");
    assertThat(Views.slaText(now.plusSeconds(26 * 3600), now)).isEqualTo("due in 1 d 2 h");
    assertThat(EntryKind.PUBLIC_REPLY.isPublic()).isTrue();
  }
}
