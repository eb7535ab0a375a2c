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
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import dev.frontline.helpdesk.knowledge.KnowledgeService;
import dev.frontline.helpdesk.lucene.LuceneKnowledgeSearch;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
  @Autowired KnowledgeService knowledge;
  @Autowired LuceneKnowledgeSearch knowledgeSearch;

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

    // Front line sees it in the tier-1 queue with its SLA countdown: the standard policy
    // (SlaConfiguration, picked up by the starter) gives every ticket a first-response deadline.
    assertThat(helpdesk.tickets().get(SYSTEM, id).nextDeadline()).as("SLA deadline").isNotNull();
    String queue = page(ANNA, "/console");
    String tier1 = queue.substring(queue.indexOf("queue-tier-1"), queue.indexOf("queue-tier-2"));
    String row = tier1.substring(tier1.indexOf(subject));
    row = row.substring(0, row.indexOf("</tr>"));
    assertThat(row).contains("due in").doesNotContain("no SLA").doesNotContain("overdue");
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
    @DisplayName("every page allows only the app's own script files through Content-Security-Policy")
    void csp() throws Exception {
      mvc.perform(get("/portal").with(CAROL))
          .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")))
          .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe-inline"))));
      // the one script is a static file, readable without signing in (the login page does not use it)
      assertThat(mvc.perform(get("/js/kb-suggest.js")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
          .contains("textContent").doesNotContain("innerHTML");
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

  @Nested
  @DisplayName("help articles")
  class Knowledge {
    @Test
    @DisplayName("a Danish query finds the Danish article first, with the matches highlighted")
    void danishQuery() throws Exception {
      String html = page(CAROL, "/portal/help?q=" + java.net.URLEncoder.encode("nulstil adgangskode", java.nio.charset.StandardCharsets.UTF_8));
      int first = html.indexOf("class=\"kb-title\"");
      assertThat(first).isPositive();
      assertThat(html.substring(first, html.indexOf("</a>", first))).contains("Nulstil din adgangskode").contains("password-da");
      assertThat(html).contains("<mark>").contains("list=\"kb-suggestions\"").contains("<datalist id=\"kb-suggestions\">");
    }

    @Test
    @DisplayName("the language filter keeps results in one language")
    void languageFilter() throws Exception {
      String html = page(CAROL, "/portal/help?lang=hu&q=csv");
      assertThat(html).contains("Számlák exportálása CSV-fájlba").doesNotContain("Export invoices to CSV").doesNotContain("Eksportér fakturaer");
      assertThat(page(CAROL, "/portal/help?q=csv")).contains("Számlák exportálása CSV-fájlba").contains("Export invoices to CSV")
          .contains("Eksportér fakturaer til CSV");
    }

    @Test
    @DisplayName("the article page shows the article as text; unknown or malformed ids are 404")
    void articlePage() throws Exception {
      assertThat(page(CAROL, "/portal/help/articles/export-hu")).contains("Számlák exportálása CSV-fájlba").contains("12 hónapra");
      mvc.perform(get("/portal/help/articles/nope").with(CAROL)).andExpect(status().isNotFound());
      mvc.perform(get("/portal/help/articles/a b<c").with(CAROL)).andExpect(status().isNotFound());
    }

    @Test
    @DisplayName("suggestions while typing: titles as JSON, optionally in one language")
    void suggestions() throws Exception {
      String json = mvc.perform(get("/portal/help/suggest").param("q", "nulst").with(CAROL)).andExpect(status().isOk())
          .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/json")))
          .andReturn().getResponse().getContentAsString();
      assertThat(json).contains("\"title\":\"Nulstil din adgangskode\"").contains("\"url\":\"/portal/help/articles/password-da\"");
      assertThat(mvc.perform(get("/portal/help/suggest").param("q", "jelsz").param("lang", "hu").with(CAROL))
          .andReturn().getResponse().getContentAsString()).contains("Elfelejtett jelszó visszaállítása");
      assertThat(mvc.perform(get("/portal/help/suggest").param("q", "eksport").param("lang", "hu").with(CAROL))
          .andReturn().getResponse().getContentAsString()).isEqualTo("[]");
      assertThat(mvc.perform(get("/portal/help/suggest").param("q", " ").with(CAROL)).andReturn().getResponse().getContentAsString())
          .isEqualTo("[]");
      mvc.perform(get("/portal/help/suggest").param("q", "nulst")).andExpect(status().is3xxRedirection()); // not signed in
    }

    @Test
    @DisplayName("articles for a ticket being written (new-ticket page)")
    void related() throws Exception {
      String json = mvc.perform(get("/portal/help/related").param("text", "Jeg kan ikke huske min adgangskode").with(CAROL))
          .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
      assertThat(json).startsWith("[{\"title\":\"Nulstil din adgangskode\"");
      assertThat(page(CAROL, "/portal/tickets/new")).contains("data-related-url=\"/portal/help/related\"").contains("id=\"related-articles\"")
          .contains("<script src=\"/js/kb-suggest.js\" defer>");
    }

    @Test
    @DisplayName("markup in an article's title and body is shown as text in results, snippets, suggestions and the article page")
    void articleMarkupIsText() throws Exception {
      String script = "<script>alert(1)</script>";
      knowledge.save(SYSTEM, Article.builder(ArticleId.of("xss-test"), Locale.ENGLISH, script + " Zanzibar quokka")
          .body("<img src=x onerror=alert(2)> The zanzibar quokka & friends <b>bold</b>").status(ArticleStatus.PUBLISHED).build(), 0);
      knowledgeSearch.refresh();
      String html = page(CAROL, "/portal/help?q=zanzibar+quokka");
      assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; Zanzibar quokka")
          .contains("&lt;img src=x onerror=alert(2)&gt;").contains("&lt;b&gt;bold&lt;/b&gt;").contains("&amp; friends")
          .doesNotContain("<script>alert").doesNotContain("<img").doesNotContain("<b>bold");
      assertThat(html).containsPattern("<mark>[Zz]anzibar</mark>");
      String article = page(CAROL, "/portal/help/articles/xss-test");
      assertThat(article).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script").doesNotContain("<img");
      // JSON is data: served as application/json with nosniff, and the script sets it as text only
      mvc.perform(get("/portal/help/suggest").param("q", "zanzib").with(CAROL))
          .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/json")))
          .andExpect(header().string("X-Content-Type-Options", "nosniff"))
          .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[0].title").value(script + " Zanzibar quokka"));
    }

    @Test
    @DisplayName("snippet parts: only <b> markers become highlights, character references are decoded to text")
    void snippetParts() {
      assertThat(Snippets.parse("a &lt;i&gt; <b>match</b> &#x27;q&#39; &amp; &#229; &bogus; <b>end"))
          .containsExactly(new Snippets.Part("a <i> ", false), new Snippets.Part("match", true),
              new Snippets.Part(" 'q' & å &bogus; ", false), new Snippets.Part("end", true));
      assertThat(Snippets.parse("")).isEmpty();
    }
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
