package dev.frontline.examples.quickstart;

import dev.frontline.helpdesk.Helpdesk;
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
import dev.frontline.helpdesk.escalation.EscalationAction;
import dev.frontline.helpdesk.escalation.EscalationRule;
import dev.frontline.helpdesk.escalation.EscalationTrigger;
import dev.frontline.helpdesk.feedback.CsatRating;
import dev.frontline.helpdesk.feedback.CsatService;
import dev.frontline.helpdesk.intake.Disposition;
import dev.frontline.helpdesk.intake.IdentityCheck;
import dev.frontline.helpdesk.intake.Interaction;
import dev.frontline.helpdesk.intake.InteractionService;
import dev.frontline.helpdesk.intake.NewInteraction;
import dev.frontline.helpdesk.jdbc.JdbcDialect;
import dev.frontline.helpdesk.jdbc.JdbcStores;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.KnowledgeIndexer;
import dev.frontline.helpdesk.knowledge.KnowledgeService;
import dev.frontline.helpdesk.knowledge.SearchHit;
import dev.frontline.helpdesk.lucene.LuceneKnowledgeSearch;
import dev.frontline.helpdesk.metrics.Dimension;
import dev.frontline.helpdesk.metrics.MetricsQuery;
import dev.frontline.helpdesk.metrics.MetricsReport;
import dev.frontline.helpdesk.metrics.MetricsRow;
import dev.frontline.helpdesk.metrics.SlaCompliance;
import dev.frontline.helpdesk.metrics.MetricsService;
import dev.frontline.helpdesk.routing.Availability;
import dev.frontline.helpdesk.routing.LeastLoaded;
import dev.frontline.helpdesk.routing.Router;
import dev.frontline.helpdesk.routing.RoutingPolicy;
import dev.frontline.helpdesk.routing.RoutingResult;
import dev.frontline.helpdesk.routing.SkillsAndLanguage;
import dev.frontline.helpdesk.sla.BusinessCalendar;
import dev.frontline.helpdesk.sla.SlaConditions;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaPolicy;
import dev.frontline.helpdesk.spi.ArticleStore;
import dev.frontline.helpdesk.spi.DirectoryStore;
import dev.frontline.helpdesk.spi.Notification;
import dev.frontline.helpdesk.spi.NotificationSink;
import dev.frontline.helpdesk.spi.memory.InMemoryAgentAvailability;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketState;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Walks through a ticket's life on Frontline, wired on the embedded defaults: an H2 database file
 * and a Lucene index folder under one data directory. A small multilingual demo (agents in tiers
 * 1-3, customers of two organizations, SLA policies on a Copenhagen business calendar, knowledge
 * articles in English, Danish and Hungarian), then: an e-mail and a phone call come in, the
 * knowledge base suggests articles in the customer's language, front line replies, an SLA breach
 * escalates to second line, the ticket is solved, the customers rate the support, and the metrics
 * show first-contact resolution and response times. Copy it as the starting point of your own
 * integration.
 */
public final class Quickstart {
  /** System property naming the data directory; default {@code data/quickstart} in the working directory. */
  public static final String DATA_DIR_PROPERTY = "frontline.quickstart.dir";
  /** Monday 23 November 2026, 09:00 in Copenhagen. */
  public static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

  private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH).withZone(COPENHAGEN);

  static final TeamId FRONT_LINE = TeamId.of("front-line");
  static final TeamId SECOND_LINE = TeamId.of("second-line");
  static final TeamId ENGINEERING = TeamId.of("engineering");
  static final OrganizationId ACME = OrganizationId.of("acme");
  static final OrganizationId DUNA = OrganizationId.of("duna");
  static final CustomerId CAROL = CustomerId.of("carol");
  static final CustomerId ZSOFIA = CustomerId.of("zsofia");

  private final PrintStream out;

  /**
   * What the walk-through produced, for tests.
   *
   * @param email the e-mail ticket (escalated, solved, rated)
   * @param phone the phone ticket (solved at first contact, rated)
   * @param emailSuggestions the articles suggested for the e-mail ticket
   * @param phoneSuggestions the articles suggested for the phone ticket
   * @param notifications what the escalation rules sent
   * @param metrics the report by channel
   */
  public record Result(Ticket email, Ticket phone, List<SearchHit> emailSuggestions, List<SearchHit> phoneSuggestions,
      List<Notification> notifications, MetricsReport metrics) {}

  /** @param out where the walk-through is printed */
  public Quickstart(PrintStream out) {
    this.out = out;
  }

  /**
   * Runs the walk-through in {@code data/quickstart} (or the directory named by the system property
   * {@value #DATA_DIR_PROPERTY}).
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Path dir = Path.of(System.getProperty(DATA_DIR_PROPERTY, "data/quickstart"));
    new Quickstart(System.out).run(dir, new DemoClock(START));
  }

  /**
   * Runs the walk-through. The data directory is emptied first, so every run starts from scratch.
   *
   * @param dataDir where the H2 database and the Lucene index are kept
   * @param clock the clock the helpdesk reads; the walk-through moves it forward
   * @return what happened
   */
  public Result run(Path dataDir, DemoClock clock) {
    // jOOQ prints a banner and tips on first use; the walk-through is easier to read without them.
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    Path dir = dataDir.toAbsolutePath().normalize();
    deleteRecursively(dir);

    // 1. Storage: an H2 database file (tickets, directory, attachments) and a Lucene index folder.
    //    JdbcStores.migrate() creates or updates the schema; it is safe on every start.
    SimpleDataSource dataSource = new SimpleDataSource("jdbc:h2:file:" + dir.resolve("db/frontline"), "sa", "");
    // H2 closes a file database with its last connection; one connection held for the whole run
    // keeps it open (a connection pool does the same in an application).
    Connection keepOpen = open(dataSource);
    JdbcStores stores = JdbcStores.builder(dataSource, JdbcDialect.H2).build();
    int scripts = stores.migrate();
    // Articles in the database too. The Lucene index on disk is the search index; with
    // source(store) it catches up with (or is refilled from) the store whenever it opens.
    ArticleStore articles = stores.articleStore();
    LuceneKnowledgeSearch search = LuceneKnowledgeSearch.builder(dir.resolve("kb-index")).source(articles).build();
    say("Data in %s: H2 database (%d schema script(s) applied), Lucene index", dir, scripts);

    List<Notification> notifications = new ArrayList<>();
    NotificationSink sink = n -> {
      notifications.add(n);
      say("  [notify %s] %s: %s", n.recipient(), n.ticketKey(), n.body());
    };

    // 2. SLA policies on a business calendar, and the escalation rules that act on them.
    BusinessCalendar copenhagen = BusinessCalendar.builder(COPENHAGEN)
        .weekdays(LocalTime.of(8, 0), LocalTime.of(17, 0))
        .yearlyHoliday(MonthDay.of(12, 24)).yearlyHoliday(MonthDay.of(12, 25)).yearlyHoliday(MonthDay.of(12, 26))
        .holiday(LocalDate.of(2026, 4, 2))
        .build();
    SlaPolicy premium = SlaPolicy.builder("premium")
        .conditions(SlaConditions.any().withOrganizations(Set.of(ACME)))
        .target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(1), copenhagen)
        .target(SlaMetric.NEXT_RESPONSE, Duration.ofHours(1), copenhagen)
        .target(SlaMetric.RESOLUTION, Duration.ofHours(8), copenhagen)
        .build();
    SlaPolicy standard = SlaPolicy.builder("standard")
        .target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(4), copenhagen)
        .target(SlaMetric.NEXT_RESPONSE, Duration.ofHours(4), copenhagen)
        .target(SlaMetric.RESOLUTION, Duration.ofDays(3), copenhagen)
        .build();
    List<EscalationRule> rules = new ArrayList<>();
    for (SlaMetric m : List.of(SlaMetric.FIRST_RESPONSE, SlaMetric.NEXT_RESPONSE)) {
      String name = m.name().toLowerCase(Locale.ROOT).replace('_', '-');
      rules.add(EscalationRule.builder(name + "-warning").when(EscalationTrigger.slaWarning(m))
          .then(EscalationAction.notification("team:front-line", name.replace('-', ' ') + " due soon")).build());
      rules.add(EscalationRule.builder(name + "-breach").when(EscalationTrigger.slaBreach(m))
          .then(EscalationAction.moveToTier(2, null),
              EscalationAction.raisePriority(Priority.HIGH),
              EscalationAction.notification("team:second-line", name.replace('-', ' ') + " breached; moved to you"))
          .build());
      rules.add(EscalationRule.builder(name + "-breach-4h").when(EscalationTrigger.slaBreach(m, Duration.ofHours(4)))
          .then(EscalationAction.moveToTier(3, null),
              EscalationAction.notification("team:engineering", name.replace('-', ' ') + " breached 4 h ago"))
          .build());
    }

    // 3. The helpdesk: the one place where everything is wired. It builds every service on the
    //    store bundle and registers their listeners itself. Routing: agents who speak the ticket's
    //    language (stamped from the customer's locale), least loaded first, within per-channel
    //    capacity; loads and the held queue live in the database, so routers on several nodes share
    //    them. Presence usually comes from the host's chat or phone system.
    InMemoryAgentAvailability presence = new InMemoryAgentAvailability();
    Helpdesk helpdesk = Helpdesk.builder().stores(stores)
        .clock(clock)
        .keyPrefix("HD")
        .slaPolicies(List.of(premium, standard))
        .escalationRules(rules)
        .notificationSink(sink)
        .knowledgeSearch(search)
        .routing(RoutingPolicy.ofDefaults(), new SkillsAndLanguage(Set.of("billing", "accounts"), new LeastLoaded()), presence)
        .build();
    KnowledgeService kb = helpdesk.knowledge();
    KnowledgeIndexer indexer = helpdesk.knowledgeIndexer();
    InteractionService interactions = helpdesk.interactions();
    CsatService csat = helpdesk.csat();
    // reports are computed in SQL over the ticket tables
    MetricsService metrics = helpdesk.metrics();
    Router router = helpdesk.routing();

    try {
      // 4. The demo directory and knowledge base.
      seedDirectory(helpdesk.directory());
      helpdesk.checkConfiguration(); // rules, tiers, teams and agents agree
      Principal editor = Principal.system("demo-import");
      for (Article a : DemoArticles.all()) {
        kb.save(editor, a, kb.find(editor, a.id()).map(Article::revision).orElse(0L));
      }
      indexer.catchUp();
      search.refresh();
      say("Directory: tiers 1-3 (Front line, Second line, Engineering), 5 agents, 2 customers; %d articles in en, da, hu",
          DemoArticles.all().size());
      router.setAvailability(AgentId.of("anna"), Availability.ONLINE);
      router.setAvailability(AgentId.of("mate"), Availability.ONLINE);

      Principal carol = Principal.customer(CAROL);
      Principal zsofia = Principal.customer(ZSOFIA);
      Principal anna = Principal.agent(AgentId.of("anna"));
      Principal mate = Principal.agent(AgentId.of("mate"));
      Principal bence = Principal.agent(AgentId.of("bence"));
      Principal sofie = Principal.agent(AgentId.of("sofie"));

      // 5. Intake by e-mail: Carol (Acme, premium plan) writes in Danish.
      say("");
      say("%s  E-mail from Carol Nielsen (Acme A/S):", time(clock));
      Ticket email = helpdesk.tickets().create(carol, NewTicket.builder("Eksport af fakturaer stopper ved 50 %", CAROL,
          Message.of("Når jeg eksporterer vores fakturaer til CSV, stopper eksporten ved 50 %. Hvad gør jeg?", Channel.EMAIL)).build());
      say("  -> %s \"%s\", %s, tier %d, SLA policy %s", email.key(), email.subject(), email.state(), email.tier(),
          helpdesk.sla().status(anna, email.id()).policy());
      RoutingResult routed = router.route(email.id());
      email = helpdesk.tickets().get(anna, email.id());
      say("  -> routed (language %s): %s to %s", SkillsAndLanguage.requiredLanguage(email), routed.outcome(), routed.agent());

      // 6. Knowledge-base suggestions in the ticket's language (shown to the customer and the agent).
      List<SearchHit> emailSuggestions = suggest(kb, carol,
          email.subject() + "\n" + helpdesk.tickets().conversation(carol, email.id()).get(0).body(), languageOf(helpdesk, CAROL));

      // 7. Front line replies with the article: first response in time.
      clock.advance(Duration.ofMinutes(20));
      say("%s  Anna (tier 1) replies with the article", time(clock));
      email = helpdesk.tickets().reply(anna, email.id(), email.version(), Message.of(
          "Hej Carol, prøv venligst med et kortere datointerval, se \"" + emailSuggestions.get(0).title() + "\"."));
      clock.advance(Duration.ofMinutes(25));
      say("%s  Carol answers: it still stops", time(clock));
      email = helpdesk.tickets().reply(carol, email.id(), Ticket.ANY_VERSION,
          Message.of("Jeg har prøvet med tre måneder, men den stopper stadig ved 50 %.", Channel.EMAIL));

      // 8. Nobody answers: the escalation runner (run it every minute in production) warns, then escalates.
      clock.advance(Duration.ofMinutes(50));
      say("%s  Escalation run (next response 75%% elapsed):", time(clock));
      helpdesk.escalation().runOnce();
      clock.advance(Duration.ofMinutes(15));
      say("%s  Escalation run (next response overdue):", time(clock));
      helpdesk.escalation().runOnce();
      email = helpdesk.tickets().get(bence, email.id());
      say("  -> %s now tier %d, team %s, priority %s; Anna still sees it: %s", email.key(), email.tier(), email.team(),
          email.priority(), helpdesk.tickets().find(anna, email.id()).isPresent());

      // 9. Second line fixes it and solves; Carol rates the support.
      clock.advance(Duration.ofMinutes(10));
      say("%s  Bence (tier 2) finds a timeout in the export job, fixes it and solves", time(clock));
      email = helpdesk.tickets().reply(bence, email.id(), Ticket.ANY_VERSION,
          Message.of("Hej Carol, eksportjobbet fik en timeout; det er rettet nu, og eksporten kører igennem."));
      email = helpdesk.tickets().transition(bence, email.id(), email.version(), TicketState.SOLVED);
      clock.advance(Duration.ofMinutes(30));
      csat.answer(carol, email.id(), CsatRating.stars(4), "Det virker nu, tak!");
      say("%s  Carol rates it 4/5", time(clock));

      // 10. A phone call, solved at first contact: Zsófia (Duna Kft., standard plan) speaks Hungarian.
      say("");
      clock.advance(Duration.ofMinutes(15));
      say("%s  Phone call from Zsófia Tóth (Duna Kft.), taken by Máté (tier 1):", time(clock));
      Instant callStart = clock.instant();
      // While on the call, Máté looks up the caller's problem in her language.
      String problem = "Elfelejtettem a jelszavamat, nem tudok bejelentkezni.";
      List<SearchHit> phoneSuggestions = suggest(kb, zsofia, problem, languageOf(helpdesk, ZSOFIA));
      clock.advance(Duration.ofMinutes(6));
      // He walks her through the article and records the call as resolved: a ticket, solved at once.
      Interaction call = interactions.record(mate, NewInteraction.newTicket(Channel.PHONE, ZSOFIA, callStart, clock.instant(),
          IdentityCheck.VERIFIED, Disposition.RESOLVED, "Elfelejtett jelszó",
          "Az ügyfél elfelejtette a jelszavát. Telefonon végigmentünk a lépéseken: \""
              + phoneSuggestions.get(0).title() + "\". Sikerült bejelentkeznie."));
      Ticket phone = helpdesk.tickets().get(mate, Objects.requireNonNull(call.ticket()));
      say("  -> %s \"%s\", channel %s, %s, SLA policy %s", phone.key(), phone.subject(), phone.channel(), phone.state(),
          helpdesk.sla().status(mate, phone.id()).policy());
      clock.advance(Duration.ofMinutes(5));
      csat.answer(zsofia, phone.id(), CsatRating.stars(5), null);
      say("%s  Zsófia rates it 5/5", time(clock));

      // 11. Metrics for the day, in business hours, by channel (the supervisor holds REPORTS_VIEW).
      say("");
      Instant day = START.minus(Duration.ofHours(1));
      MetricsReport report = metrics.report(sofie, MetricsQuery.builder(day, day.plus(Duration.ofDays(1)))
          .groupBy(Dimension.CHANNEL).businessCalendar(copenhagen).targets(Duration.ofHours(1), Duration.ofHours(8)).build());
      say("Metrics for Monday (business hours), as Sofie (supervisor):");
      say("  %-8s %7s %9s %14s %15s %9s %6s %8s", "channel", "tickets", "FCR", "1st response", "resolution", "escalated", "CSAT",
          "SLA met");
      for (MetricsRow r : report.rows()) {
        say("  %s", row(r));
      }
      say("  %s", row(report.total()));
      say("");
      say("Audit trail of %s: %d events; SLA: %s", email.key(), helpdesk.tickets().history(bence, email.id()).size(),
          helpdesk.sla().status(bence, email.id()).explain().lines().findFirst().orElse(""));
      return new Result(helpdesk.tickets().get(bence, email.id()), helpdesk.tickets().get(mate, phone.id()),
          emailSuggestions, phoneSuggestions, List.copyOf(notifications), report);
    } finally {
      search.close();
      try {
        keepOpen.close();
      } catch (SQLException e) {
        say("closing the database: %s", e.getMessage());
      }
    }
  }

  /**
   * Articles for a ticket's text in its language. The best hit and those scoring at least half as
   * well: weaker ones share only a common word with the text and would be noise for the customer.
   */
  private List<SearchHit> suggest(KnowledgeService kb, Principal customer, String text, Locale language) {
    List<SearchHit> hits = kb.articlesForText(customer, text, language, 3);
    double best = hits.isEmpty() ? 0 : hits.get(0).score();
    List<SearchHit> shown = hits.stream().filter(h -> h.score() >= best / 2).toList();
    say("  Suggested articles (%s):", language.getDisplayLanguage(Locale.ENGLISH));
    for (SearchHit h : shown) {
      say("    - %s [%s]", h.title(), h.locale().toLanguageTag());
    }
    return shown;
  }

  /** The customer's language from the directory (English if not known). */
  private static Locale languageOf(Helpdesk helpdesk, CustomerId customer) {
    return helpdesk.directory().findCustomer(customer).map(Customer::locale).orElse(Locale.ENGLISH);
  }

  private static String row(MetricsRow r) {
    // SLA compliance against each ticket's own policy, all metrics together: met cycles per cycle
    SlaCompliance sla = SlaCompliance.NONE;
    for (SlaMetric m : SlaMetric.values()) {
      sla = sla.plus(r.slaCompliance(m));
    }
    return String.format(Locale.ROOT, "%-8s %7d %9s %14s %15s %9s %6s %8s", r.group().toLowerCase(Locale.ROOT), r.created(),
        percent(r.firstContactResolutionRate()), r.averageFirstResponse().map(Quickstart::minutes).orElse("-"),
        r.averageResolution().map(Quickstart::minutes).orElse("-"), percent(r.escalationRate()),
        r.csatAverage().isPresent() ? String.format(Locale.ROOT, "%.1f", r.csatAverage().getAsDouble()) : "-",
        percent(sla.rate()));
  }

  private static String percent(OptionalDouble d) {
    return d.isPresent() ? String.format(Locale.ROOT, "%.0f %%", d.getAsDouble() * 100) : "-";
  }

  private static String minutes(Duration d) {
    return d.toMinutes() + " min";
  }

  private static String time(DemoClock clock) {
    return TIME.format(clock.instant());
  }

  private void say(String format, Object... args) {
    out.println(String.format(Locale.ROOT, format, args));
  }

  /** Tiers 1-3 with a team each, five agents, two organizations with a customer each. Saving replaces by id. */
  static void seedDirectory(DirectoryStore directory) {
    Roles.defaults().forEach(directory::saveRole);
    directory.saveTeam(new Team(FRONT_LINE, "Front line", 1));
    directory.saveTeam(new Team(SECOND_LINE, "Second line", 2));
    directory.saveTeam(new Team(ENGINEERING, "Engineering", 3));
    directory.saveTier(new SupportTier(1, "Front line", FRONT_LINE));
    directory.saveTier(new SupportTier(2, "Second line", SECOND_LINE));
    directory.saveTier(new SupportTier(3, "Engineering", ENGINEERING));
    Locale en = Locale.ENGLISH;
    Locale da = DemoArticles.DANISH;
    Locale hu = DemoArticles.HUNGARIAN;
    directory.saveAgent(new Agent(AgentId.of("anna"), "Anna Jensen", "anna@example.com", Set.of(Roles.AGENT.name()),
        Map.of(FRONT_LINE, TeamAccess.FULL), Set.of("billing"), Set.of(en, da), true));
    directory.saveAgent(new Agent(AgentId.of("mate"), "Máté Szabó", "mate@example.com", Set.of(Roles.AGENT.name()),
        Map.of(FRONT_LINE, TeamAccess.FULL), Set.of("accounts"), Set.of(en, hu), true));
    directory.saveAgent(new Agent(AgentId.of("bence"), "Bence Kovács", "bence@example.com", Set.of(Roles.SPECIALIST.name()),
        Map.of(SECOND_LINE, TeamAccess.FULL), Set.of("database"), Set.of(en, hu), true));
    directory.saveAgent(new Agent(AgentId.of("freja"), "Freja Holm", "freja@example.com", Set.of(Roles.SPECIALIST.name()),
        Map.of(ENGINEERING, TeamAccess.FULL), Set.of("platform"), Set.of(en, da), true));
    directory.saveAgent(new Agent(AgentId.of("sofie"), "Sofie Lund", "sofie@example.com", Set.of(Roles.SUPERVISOR.name()),
        Map.of(FRONT_LINE, TeamAccess.FULL, SECOND_LINE, TeamAccess.FULL, ENGINEERING, TeamAccess.FULL), Set.of(), Set.of(en, da), true));
    directory.saveOrganization(new Organization(ACME, "Acme A/S", false, false, "premium"));
    directory.saveOrganization(new Organization(DUNA, "Duna Kft.", false, false, "standard"));
    directory.saveCustomer(new Customer(CAROL, "Carol Nielsen", "carol@acme.example", ACME, false, da));
    directory.saveCustomer(new Customer(ZSOFIA, "Zsófia Tóth", "zsofia@duna.example", DUNA, false, hu));
  }

  private static Connection open(SimpleDataSource dataSource) {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the H2 database", e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot empty " + dir, e);
    }
  }
}
