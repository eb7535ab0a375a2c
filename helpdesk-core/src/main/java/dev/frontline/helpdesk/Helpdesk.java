package dev.frontline.helpdesk;

import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.access.AccessListener;
import dev.frontline.helpdesk.access.internal.DefaultAccessControl;
import dev.frontline.helpdesk.asset.AssetService;
import dev.frontline.helpdesk.asset.internal.DefaultAssetService;
import dev.frontline.helpdesk.automation.AutomationRunner;
import dev.frontline.helpdesk.automation.MacroService;
import dev.frontline.helpdesk.automation.TriggerEngine;
import dev.frontline.helpdesk.automation.internal.DefaultAutomationRunner;
import dev.frontline.helpdesk.automation.internal.DefaultMacroService;
import dev.frontline.helpdesk.automation.internal.DefaultTriggerEngine;
import dev.frontline.helpdesk.escalation.EscalationRule;
import dev.frontline.helpdesk.escalation.EscalationRunner;
import dev.frontline.helpdesk.feedback.CsatService;
import dev.frontline.helpdesk.feedback.internal.DefaultCsatService;
import dev.frontline.helpdesk.intake.InteractionService;
import dev.frontline.helpdesk.intake.internal.DefaultInteractionService;
import dev.frontline.helpdesk.automation.DefinitionService;
import dev.frontline.helpdesk.automation.internal.DefaultDefinitionService;
import dev.frontline.helpdesk.internal.ConfigurationCheck;
import dev.frontline.helpdesk.internal.DeadlineCalculator;
import dev.frontline.helpdesk.internal.DefaultEscalationRunner;
import dev.frontline.helpdesk.internal.DefaultSlaService;
import dev.frontline.helpdesk.internal.DefaultTicketService;
import dev.frontline.helpdesk.internal.EscalationRules;
import dev.frontline.helpdesk.internal.Kernel;
import dev.frontline.helpdesk.internal.ListenerChain;
import dev.frontline.helpdesk.internal.SlaEngine;
import dev.frontline.helpdesk.internal.ValidatingDirectory;
import dev.frontline.helpdesk.knowledge.KnowledgeIndexer;
import dev.frontline.helpdesk.knowledge.KnowledgePermissions;
import dev.frontline.helpdesk.knowledge.KnowledgeService;
import dev.frontline.helpdesk.knowledge.internal.DefaultKnowledgeService;
import dev.frontline.helpdesk.metrics.MetricsService;
import dev.frontline.helpdesk.metrics.internal.DefaultMetricsService;
import dev.frontline.helpdesk.routing.AssignmentStrategy;
import dev.frontline.helpdesk.routing.Router;
import dev.frontline.helpdesk.routing.RoutingPolicy;
import dev.frontline.helpdesk.routing.internal.DefaultRouter;
import dev.frontline.helpdesk.search.SimilarTicketService;
import dev.frontline.helpdesk.search.TicketSearchIndexer;
import dev.frontline.helpdesk.search.internal.DefaultSimilarTicketService;
import dev.frontline.helpdesk.sla.SlaPolicy;
import dev.frontline.helpdesk.sla.SlaService;
import dev.frontline.helpdesk.spi.AgentAvailability;
import dev.frontline.helpdesk.spi.DirectoryStore;
import dev.frontline.helpdesk.spi.HelpdeskStores;
import dev.frontline.helpdesk.spi.IdGenerator;
import dev.frontline.helpdesk.spi.KnowledgeSearch;
import dev.frontline.helpdesk.spi.NotificationSink;
import dev.frontline.helpdesk.spi.TicketSearch;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketListener;
import dev.frontline.helpdesk.ticket.TicketService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A configured helpdesk: the one composition root and the entry point to every service. Build one
 * per application with {@link #builder()}, passing a store bundle ({@code JdbcStores} for a
 * database, {@link dev.frontline.helpdesk.spi.memory.InMemoryStores} for tests and demos) and the
 * optional capabilities (knowledge search, ticket search, routing, notifications); nothing is
 * discovered from the class path. The helpdesk builds every service, wires their listeners itself
 * and hands them out; hosts never construct services. Several instances (also in several
 * processes) may share the same stores. Thread-safe.
 *
 * <pre>{@code
 * Helpdesk helpdesk = Helpdesk.builder()
 *     .stores(JdbcStores.builder(dataSource, JdbcDialect.POSTGRES).build())
 *     .knowledgeSearch(LuceneKnowledgeSearch.builder(indexDir).build())   // optional
 *     .slaPolicies(List.of(vipPolicy, defaultPolicy))                      // optional: first match wins
 *     .escalationRules(List.of(warnLead, breachToTier2))                   // optional
 *     .routing(RoutingPolicy.ofDefaults(), new RoundRobin(), availability) // optional
 *     .notificationSink(mailer)                                            // optional
 *     .build();
 * Ticket t = helpdesk.tickets().create(principal, NewTicket.builder(...).build());
 * scheduler.scheduleAtFixedRate(() -> helpdesk.escalation().runOnce(), 1, 1, MINUTES);
 * }</pre>
 *
 * <p>A service whose store the bundle lacks, or whose capability was not configured, is refused
 * with a {@link ConfigurationException} that says what to pass: at {@link Builder#build()} when the
 * host configured it explicitly, otherwise when it is first asked for. Nothing falls back to an
 * in-memory store on its own.
 */
public final class Helpdesk {
  private final Kernel kernel;
  private final DirectoryStore directory;
  private final Clock clock;
  private final List<SlaPolicy> slaPolicies;
  private final EscalationRules escalationRules;
  private final @Nullable RoutingPolicy routingPolicy;
  private final SlaService sla;
  private final EscalationRunner escalation;
  private final Service<KnowledgeService> knowledge;
  private final Service<KnowledgeIndexer> knowledgeIndexer;
  private final Service<SimilarTicketService> similarTickets;
  private final Service<Router> routing;
  private final Service<TriggerEngine> triggers;
  private final Service<AutomationRunner> automations;
  private final Service<MacroService> macros;
  private final Service<InteractionService> interactions;
  private final Service<CsatService> csat;
  private final Service<MetricsService> metrics;
  private final Service<AssetService> assets;
  private final Service<DefinitionService> definitions;

  private Helpdesk(Builder b, HelpdeskStores stores) {
    this.clock = b.clock;
    this.slaPolicies = b.slaPolicies;
    this.routingPolicy = b.routingPolicy;
    DirectoryStore rawDirectory = stores.directoryStore();
    AccessControl access = new DefaultAccessControl(rawDirectory, clock, b.accessListeners);
    ListenerChain listeners = new ListenerChain();
    b.listeners.forEach(listeners::add);
    this.escalationRules = new EscalationRules(b.escalationRules, stores::automationDefinitionStore, rawDirectory, access);
    SlaEngine engine = new SlaEngine(b.slaPolicies, escalationRules, rawDirectory, clock);
    DeadlineCalculator deadlines = b.slaPolicies.isEmpty() && escalationRules.get().isEmpty() && !escalationRules.storable()
        ? DeadlineCalculator.NONE : engine;
    DefaultTicketService tickets =
        new DefaultTicketService(
            stores.ticketStore(), rawDirectory, stores.blobStore(), access, clock, b.ids, List.of(listeners), b.keyPrefix,
            b.reopenWindow, b.autoCloseAfter, deadlines);
    this.kernel = new Kernel(stores, clock, b.ids, access, tickets);
    this.directory = new ValidatingDirectory(rawDirectory, this::configurationProblems);
    this.sla = new DefaultSlaService(stores.ticketStore(), access, engine, clock);
    this.escalation =
        new DefaultEscalationRunner(stores.ticketStore(), rawDirectory, tickets, engine, b.notificationSink, clock, b.ids, b.escalationBatchSize,
            escalationRules);

    // services on optional stores and capabilities: built now when everything they need is there,
    // otherwise refused with the reason at first use (or at build() when configured explicitly)
    KnowledgeSearch ks = b.knowledgeSearch;
    this.knowledge = Service.of("the knowledge base", () -> {
      if (ks == null) {
        throw new ConfigurationException(
            "the knowledge base needs a search index: pass Helpdesk.builder().knowledgeSearch(...)"
                + " (LuceneKnowledgeSearch, or InMemoryKnowledgeSearch for tests)");
      }
      return new DefaultKnowledgeService(
          kernel, stores.articleStore(), ks, stores.knowledgeStatsStore(), b.knowledgePermissions.apply(access));
    }, ks != null);
    this.knowledgeIndexer = Service.of("the knowledge indexer", () -> {
      if (ks == null) {
        throw new ConfigurationException("the knowledge indexer needs a search index: pass Helpdesk.builder().knowledgeSearch(...)");
      }
      return new KnowledgeIndexer(stores.articleStore(), ks);
    }, ks != null);
    TicketSearch ts = b.ticketSearch;
    this.similarTickets = Service.of("similar tickets", () -> {
      if (ts == null) {
        throw new ConfigurationException(
            "similar tickets need a ticket search index: pass Helpdesk.builder().ticketSearch(...)"
                + " (LuceneTicketSearch, or InMemoryTicketSearch for tests)");
      }
      TicketSearchIndexer indexer = new TicketSearchIndexer(stores.ticketStore(), ts, b.ticketLocale);
      listeners.add(indexer);
      indexer.rebuild();
      return new DefaultSimilarTicketService(kernel, ts);
    }, ts != null);
    RoutingPolicy rp = b.routingPolicy;
    this.routing = Service.of("the router", () -> {
      if (rp == null || b.routingStrategy == null || b.availability == null) {
        throw new ConfigurationException(
            "the router is not configured: pass Helpdesk.builder().routing(policy, strategy, availability)");
      }
      DefaultRouter r = new DefaultRouter(kernel, b.routingStrategy, b.availability, rp, stores.routingLedger());
      r.loadAssignments();
      listeners.add(r);
      return r;
    }, rp != null);
    this.triggers = Service.of("triggers", () -> {
      DefaultTriggerEngine e = new DefaultTriggerEngine(kernel, b.notificationSink, b.triggerMaxDepth, stores.automationDefinitionStore());
      listeners.add(e);
      return e;
    }, null);
    this.automations = Service.of("automations",
        () -> new DefaultAutomationRunner(kernel, b.notificationSink, stores.automationDefinitionStore()), false);
    this.macros = Service.of("macros", () -> new DefaultMacroService(kernel, b.notificationSink, stores.automationDefinitionStore()), false);
    this.interactions = Service.of("interactions", () -> new DefaultInteractionService(kernel, stores.interactionStore()), false);
    this.csat = Service.of("CSAT", () -> new DefaultCsatService(kernel), false);
    this.metrics = Service.of("metrics", () -> new DefaultMetricsService(access, stores.metricsStore()), false);
    this.assets = Service.of("assets", () -> new DefaultAssetService(kernel, stores.assetDirectory()), false);
    this.definitions = Service.of("definitions", () -> new DefaultDefinitionService(
        access, triggers::get, automations::get, macros::get, escalation, stores::automationDefinitionStore), false);
    listeners.freeze();
    Kernel.register(this, kernel);
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the ticket service */
  public TicketService tickets() {
    return kernel.tickets();
  }

  /** @return the SLA read API (agents only) */
  public SlaService sla() {
    return sla;
  }

  /**
   * @return the escalation runner over this helpdesk's store and rules; call {@link
   *     EscalationRunner#runOnce()} periodically (thread-safe; several may run at once)
   */
  public EscalationRunner escalation() {
    return escalation;
  }

  /**
   * @return the knowledge base, with the access control of this helpdesk (roles and teams decide
   *     who reads, writes and publishes)
   * @throws ConfigurationException if no knowledge search was given or the store bundle has no
   *     article or statistics store
   */
  public KnowledgeService knowledge() {
    return knowledge.get();
  }

  /**
   * @return the follower that brings this node's knowledge search up to date with the article
   *     store's change feed (changes saved on other nodes); call {@link KnowledgeIndexer#catchUp()}
   *     periodically when the search does not follow the store by itself
   * @throws ConfigurationException as {@link #knowledge()}
   */
  public KnowledgeIndexer knowledgeIndexer() {
    return knowledgeIndexer.get();
  }

  /**
   * @return "similar solved tickets" for agents, over the ticket search given to the builder, which
   *     this helpdesk keeps current
   * @throws ConfigurationException if no ticket search was given
   */
  public SimilarTicketService similarTickets() {
    return similarTickets.get();
  }

  /**
   * @return the router (assignment to agents within capacity, held queue)
   * @throws ConfigurationException if routing was not configured with {@link Builder#routing}
   */
  public Router routing() {
    return routing.get();
  }

  /**
   * @return the trigger engine (rules run after every change), which this helpdesk registered as a
   *     listener at build
   * @throws ConfigurationException if the store bundle has no automation definition store
   */
  public TriggerEngine triggers() {
    return triggers.get();
  }

  /**
   * @return time-based automations; call {@link AutomationRunner#runDue()} periodically
   * @throws ConfigurationException if the store bundle has no automation definition store
   */
  public AutomationRunner automations() {
    return automations.get();
  }

  /**
   * @return the one administration service for stored definitions of every kind (macros, triggers,
   *     automations, escalation rules)
   */
  public DefinitionService definitions() {
    return definitions.get();
  }

  /**
   * @return macros (named sets of actions agents apply to a ticket)
   * @throws ConfigurationException if the store bundle has no automation definition store
   */
  public MacroService macros() {
    return macros.get();
  }

  /**
   * @return phone, chat and in-person interactions
   * @throws ConfigurationException if the store bundle has no interaction store
   */
  public InteractionService interactions() {
    return interactions.get();
  }

  /** @return customer satisfaction surveys */
  public CsatService csat() {
    return csat.get();
  }

  /**
   * @return reports (first-contact resolution, response times, SLA compliance, backlog, CSAT)
   * @throws ConfigurationException if the store bundle has no metrics store
   */
  public MetricsService metrics() {
    return metrics.get();
  }

  /**
   * @return customer assets and their links to tickets
   * @throws ConfigurationException if the store bundle has no asset directory
   */
  public AssetService assets() {
    return assets.get();
  }

  /** @return the access control used by every service (for hosts that want to ask it directly) */
  public AccessControl access() {
    return kernel.access();
  }

  /**
   * The directory: agents, teams, tiers, roles, customers and organizations. Writes are the host's
   * administration (no principal is checked) and are validated against the rest of the
   * configuration: a team must name an existing tier, a tier's default team must be one of its
   * teams, an agent's roles and teams must exist, and the helpdesk's escalation rules and routing
   * policy must still name existing teams, tiers and agents afterwards. Save tiers, then teams, then
   * roles and agents.
   *
   * @return the validating directory
   */
  public DirectoryStore directory() {
    return directory;
  }

  /**
   * Checks the whole configuration against the directory as it is now: every team names an existing
   * tier, tiers' default teams belong to them, agents' roles and teams exist, escalation rules and
   * SLA policies name existing tiers and teams, the routing policy names existing agents, and every
   * SLA policy has a target. Call it after seeding a new directory; {@link Builder#build()} runs it
   * already when the directory has tiers.
   *
   * @throws ConfigurationException listing every problem found
   */
  public void checkConfiguration() {
    List<String> problems = configurationProblems();
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
  }

  private List<String> configurationProblems() {
    return ConfigurationCheck.problems(kernel.directory(), slaPolicies, escalationRules.get(), routingPolicy);
  }

  /** @return the clock */
  public Clock clock() {
    return clock;
  }

  /** A service built on first use; a configuration problem is reported on every use. */
  private static final class Service<T> {
    private final String name;
    private final Supplier<T> factory;
    private volatile @Nullable T value;

    private Service(String name, Supplier<T> factory) {
      this.name = name;
      this.factory = factory;
    }

    /**
     * @param eager true: build now, a configuration problem fails the build; false: build on first
     *     use; null: build now if possible, otherwise report the problem on every use
     */
    static <T> Service<T> of(String name, Supplier<T> factory, @Nullable Boolean eager) {
      Service<T> s = new Service<>(name, factory);
      if (eager == null) {
        try {
          s.get();
        } catch (ConfigurationException e) {
          // reported again, with the same message, when the service is asked for
        }
      } else if (eager) {
        s.get();
      }
      return s;
    }

    T get() {
      T v = value;
      if (v == null) {
        synchronized (this) {
          v = value;
          if (v == null) {
            v = Objects.requireNonNull(factory.get(), name);
            value = v;
          }
        }
      }
      return v;
    }
  }

  /**
   * Builds {@link Helpdesk} instances. The store bundle is required; everything else is optional.
   * Setters validate at once and throw {@link IllegalArgumentException} or {@link
   * NullPointerException}. Not thread-safe.
   */
  public static final class Builder {
    private @Nullable HelpdeskStores stores;
    private Clock clock = Clock.systemUTC();
    private IdGenerator ids = IdGenerator.secureRandom();
    private final List<TicketListener> listeners = new ArrayList<>();
    private final List<AccessListener> accessListeners = new ArrayList<>();
    private String keyPrefix = "HD";
    private Duration reopenWindow = Duration.ofDays(7);
    private Duration autoCloseAfter = Duration.ofDays(4);
    private List<SlaPolicy> slaPolicies = List.of();
    private List<EscalationRule> escalationRules = List.of();
    private NotificationSink notificationSink = NotificationSink.NONE;
    private int escalationBatchSize = 200;
    private @Nullable KnowledgeSearch knowledgeSearch;
    private Function<AccessControl, KnowledgePermissions> knowledgePermissions = KnowledgePermissions::fromAccessControl;
    private @Nullable TicketSearch ticketSearch;
    private Function<Ticket, Locale> ticketLocale = t -> Locale.ENGLISH;
    private @Nullable RoutingPolicy routingPolicy;
    private @Nullable AssignmentStrategy routingStrategy;
    private @Nullable AgentAvailability availability;
    private int triggerMaxDepth = TriggerEngine.DEFAULT_MAX_DEPTH;

    private Builder() {}

    /**
     * @param bundle every store the helpdesk keeps its data in (required)
     * @return this
     */
    public Builder stores(HelpdeskStores bundle) {
      stores = Objects.requireNonNull(bundle, "stores");
      return this;
    }

    /**
     * @param c the clock every service reads (default: system UTC)
     * @return this
     */
    public Builder clock(Clock c) {
      clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /**
     * @param g the id generator (default: 128 random bits from SecureRandom)
     * @return this
     */
    public Builder ids(IdGenerator g) {
      ids = Objects.requireNonNull(g, "ids");
      return this;
    }

    /**
     * @param l receives the events of every stored change, before the services' own listeners
     * @return this
     */
    public Builder listener(TicketListener l) {
      listeners.add(Objects.requireNonNull(l, "listener"));
      return this;
    }

    /**
     * @param l receives every denied attempt
     * @return this
     */
    public Builder accessListener(AccessListener l) {
      accessListeners.add(Objects.requireNonNull(l, "accessListener"));
      return this;
    }

    /**
     * @param prefix ticket key prefix, e.g. {@code HD} for {@code HD-1042}
     * @return this
     * @throws IllegalArgumentException if not 1-10 upper-case letters/digits starting with a letter
     */
    public Builder keyPrefix(String prefix) {
      if (!TicketKey.isValidPrefix(prefix)) {
        throw new IllegalArgumentException("key prefix must be 1-10 upper-case letters or digits starting with a letter");
      }
      keyPrefix = prefix;
      return this;
    }

    /**
     * @param window how long after solving a customer reply reopens the ticket (default 7 days);
     *     later replies open a follow-up ticket
     * @return this
     */
    public Builder reopenWindow(Duration window) {
      if (Objects.requireNonNull(window, "reopenWindow").isNegative()) {
        throw new IllegalArgumentException("reopen window must not be negative");
      }
      reopenWindow = window;
      return this;
    }

    /**
     * @param after how long a ticket stays SOLVED before {@link TicketService#closeSolvedTickets}
     *     closes it (default 4 days)
     * @return this
     */
    public Builder autoCloseAfter(Duration after) {
      if (Objects.requireNonNull(after, "autoCloseAfter").isNegative()) {
        throw new IllegalArgumentException("auto-close period must not be negative");
      }
      autoCloseAfter = after;
      return this;
    }

    /**
     * Sets the SLA policies. The first policy whose conditions match a ticket applies, so put the
     * most specific first and a default (matching every ticket) last; tickets no policy matches have
     * no SLA. After every change the ticket's next deadline (earliest pending warning or breach,
     * or escalation step) is recomputed and stored.
     *
     * @param policies the policies in order of precedence (default none)
     * @return this
     * @throws IllegalArgumentException if two policies share a name
     */
    public Builder slaPolicies(List<SlaPolicy> policies) {
      List<SlaPolicy> copy = List.copyOf(Objects.requireNonNull(policies, "slaPolicies"));
      var names = new HashSet<String>();
      for (SlaPolicy p : copy) {
        if (!names.add(p.name())) {
          throw new IllegalArgumentException("duplicate SLA policy name: " + p.name());
        }
      }
      slaPolicies = copy;
      return this;
    }

    /**
     * Sets the escalation rules run by {@link Helpdesk#escalation()}, in order.
     *
     * @param rules the rules (default none)
     * @return this
     * @throws IllegalArgumentException if two rules share a name
     */
    public Builder escalationRules(List<EscalationRule> rules) {
      List<EscalationRule> copy = List.copyOf(Objects.requireNonNull(rules, "escalationRules"));
      var names = new HashSet<String>();
      for (EscalationRule r : copy) {
        if (!names.add(r.name())) {
          throw new IllegalArgumentException("duplicate escalation rule name: " + r.name());
        }
      }
      escalationRules = copy;
      return this;
    }

    /**
     * @param sink receives the notifications escalation rules, triggers, automations and macros send
     *     (default: dropped)
     * @return this
     */
    public Builder notificationSink(NotificationSink sink) {
      notificationSink = Objects.requireNonNull(sink, "notificationSink");
      return this;
    }

    /**
     * @param size how many due tickets the escalation runner reads per page (default 200)
     * @return this
     * @throws IllegalArgumentException if not 1-10000
     */
    public Builder escalationBatchSize(int size) {
      if (size < 1 || size > 10_000) {
        throw new IllegalArgumentException("escalation batch size must be 1-10000, was " + size);
      }
      escalationBatchSize = size;
      return this;
    }

    /**
     * Enables the knowledge base ({@link Helpdesk#knowledge()}) on this search index; the store
     * bundle must then have an article store and a statistics store.
     *
     * @param search the index (for example {@code LuceneKnowledgeSearch})
     * @return this
     */
    public Builder knowledgeSearch(KnowledgeSearch search) {
      knowledgeSearch = Objects.requireNonNull(search, "knowledgeSearch");
      return this;
    }

    /**
     * Replaces the knowledge base's rights. The default is {@link
     * KnowledgePermissions#fromAccessControl}: roles and teams decide, as for tickets. Use {@link
     * KnowledgePermissions#builder} for per-category editors.
     *
     * @param factory builds the rights from this helpdesk's access control
     * @return this
     */
    public Builder knowledgePermissions(Function<AccessControl, KnowledgePermissions> factory) {
      knowledgePermissions = Objects.requireNonNull(factory, "knowledgePermissions");
      return this;
    }

    /**
     * Enables "similar solved tickets" ({@link Helpdesk#similarTickets()}) on this index, analysing
     * every ticket in English; the helpdesk indexes the store's solved tickets at build and keeps
     * the index current.
     *
     * @param search the index (for example {@code LuceneTicketSearch})
     * @return this
     */
    public Builder ticketSearch(TicketSearch search) {
      return ticketSearch(search, t -> Locale.ENGLISH);
    }

    /**
     * As {@link #ticketSearch(TicketSearch)}, with each ticket's language.
     *
     * @param search the index
     * @param locale the language of a ticket's text
     * @return this
     */
    public Builder ticketSearch(TicketSearch search, Function<Ticket, Locale> locale) {
      ticketSearch = Objects.requireNonNull(search, "ticketSearch");
      ticketLocale = Objects.requireNonNull(locale, "locale");
      return this;
    }

    /**
     * Enables the router ({@link Helpdesk#routing()}); its loads and held queue live in the store
     * bundle's routing ledger (shared by every node on a shared store).
     *
     * @param policy weights and capacities (the same on every node sharing the ledger)
     * @param strategy chooses among candidates
     * @param availability agents' presence
     * @return this
     */
    public Builder routing(RoutingPolicy policy, AssignmentStrategy strategy, AgentAvailability availability) {
      routingPolicy = Objects.requireNonNull(policy, "policy");
      routingStrategy = Objects.requireNonNull(strategy, "strategy");
      this.availability = Objects.requireNonNull(availability, "availability");
      return this;
    }

    /**
     * @param depth the deepest cascade of trigger-caused changes, 1 to 20 (default {@value
     *     TriggerEngine#DEFAULT_MAX_DEPTH})
     * @return this
     * @throws IllegalArgumentException if out of range
     */
    public Builder triggerMaxDepth(int depth) {
      if (depth < 1 || depth > 20) {
        throw new IllegalArgumentException("max depth must be between 1 and 20, was " + depth);
      }
      triggerMaxDepth = depth;
      return this;
    }

    /**
     * Builds the helpdesk and every service whose stores are there; explicitly configured services
     * (knowledge search, ticket search, routing) must find their stores. When the directory already
     * has tiers, the configuration is checked against it as by {@link #checkConfiguration()}.
     *
     * @return the helpdesk
     * @throws ConfigurationException if no store bundle was given, a configured service lacks a
     *     store, or the configuration contradicts the directory (every problem is listed)
     */
    public Helpdesk build() {
      HelpdeskStores s = stores;
      if (s == null) {
        throw new ConfigurationException(
            "no stores: pass Helpdesk.builder().stores(...) — JdbcStores for a database, InMemoryStores for tests");
      }
      List<String> problems = ConfigurationCheck.staticProblems(slaPolicies, escalationRules);
      if (!problems.isEmpty()) {
        throw new ConfigurationException(problems);
      }
      Helpdesk h = new Helpdesk(this, s);
      if (!s.directoryStore().tiers().isEmpty()) {
        h.checkConfiguration();
      }
      return h;
    }
  }
}
