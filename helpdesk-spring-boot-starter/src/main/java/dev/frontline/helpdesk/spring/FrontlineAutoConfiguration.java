package dev.frontline.helpdesk.spring;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.access.AccessListener;
import dev.frontline.helpdesk.asset.AssetService;
import dev.frontline.helpdesk.automation.AutomationRunner;
import dev.frontline.helpdesk.automation.MacroService;
import dev.frontline.helpdesk.automation.TriggerEngine;
import dev.frontline.helpdesk.escalation.EscalationRule;
import dev.frontline.helpdesk.escalation.EscalationRunner;
import dev.frontline.helpdesk.feedback.CsatService;
import dev.frontline.helpdesk.intake.InteractionService;
import dev.frontline.helpdesk.jdbc.JdbcDialect;
import dev.frontline.helpdesk.jdbc.JdbcStores;
import dev.frontline.helpdesk.knowledge.KnowledgeIndexer;
import dev.frontline.helpdesk.knowledge.KnowledgeService;
import dev.frontline.helpdesk.lucene.AnalysisPack;
import dev.frontline.helpdesk.lucene.LuceneKnowledgeSearch;
import dev.frontline.helpdesk.lucene.LuceneTicketSearch;
import dev.frontline.helpdesk.metrics.MetricsService;
import dev.frontline.helpdesk.routing.Router;
import dev.frontline.helpdesk.search.SimilarTicketService;
import dev.frontline.helpdesk.sla.SlaPolicy;
import dev.frontline.helpdesk.sla.SlaService;
import dev.frontline.helpdesk.spi.DirectoryStore;
import dev.frontline.helpdesk.spi.HelpdeskStores;
import dev.frontline.helpdesk.spi.IdGenerator;
import dev.frontline.helpdesk.spi.KnowledgeSearch;
import dev.frontline.helpdesk.spi.NotificationSink;
import dev.frontline.helpdesk.spi.TicketSearch;
import dev.frontline.helpdesk.spring.internal.Dialects;
import dev.frontline.helpdesk.spring.internal.FrontlineScheduler;
import dev.frontline.helpdesk.ticket.TicketListener;
import dev.frontline.helpdesk.ticket.TicketService;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Builds Frontline on the application's {@link DataSource}: {@link JdbcStores} (dialect detected
 * or {@code frontline.jdbc.dialect}; schema migrated at start unless {@code
 * frontline.jdbc.migrate=false}), Lucene knowledge and ticket search (in {@code
 * frontline.search.index-dir}, or in memory), the {@link Helpdesk} and every service it hands out
 * as beans. Every bean backs off when the application defines one of the same type.
 *
 * <p>The helpdesk takes from the context: a {@link Clock} (default: system UTC), {@link SlaPolicy}
 * beans and {@link EscalationRule} beans (in the order of {@link
 * org.springframework.core.annotation.Order}: the first matching SLA policy applies), a {@link NotificationSink}, {@link
 * TicketListener} and {@link AccessListener} beans, an {@link IdGenerator}, and {@link
 * HelpdeskBuilderCustomizer}s for everything else. It runs the escalation sweep and the knowledge
 * index catch-up on a thread of its own ({@code frontline.escalation.interval}, {@code
 * frontline.search.catch-up-interval}).
 *
 * <p>Not active without a {@link DataSource} bean or with {@code frontline.enabled=false}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "frontline", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(FrontlineProperties.class)
public class FrontlineAutoConfiguration {
  private static final Logger log = LoggerFactory.getLogger(FrontlineAutoConfiguration.class);

  /** Created by Spring. */
  public FrontlineAutoConfiguration() {}

  /**
   * The stores on the application's data source; the schema is created or updated here unless
   * {@code frontline.jdbc.migrate=false}.
   *
   * @param dataSource the database
   * @param properties the configuration
   * @return the stores
   */
  @Bean
  @ConditionalOnMissingBean(HelpdeskStores.class)
  public JdbcStores frontlineStores(DataSource dataSource, FrontlineProperties properties) {
    JdbcDialect configured = properties.jdbc().dialect();
    JdbcDialect dialect = configured != null ? configured : Dialects.detect(dataSource);
    JdbcStores stores = JdbcStores.builder(dataSource, dialect).outbox(properties.jdbc().outbox()).build();
    if (properties.jdbc().migrate()) {
      stores.migrate();
    }
    return stores;
  }

  /**
   * The knowledge search on Lucene, refilled from the article store when the index is new and
   * caught up with the store's change feed at start. Closed (and committed) with the context.
   *
   * @param stores the stores (their article store is the source)
   * @param properties the configuration
   * @param packs analysis packs for further languages ({@link AnalysisPack} beans)
   * @return the search
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(KnowledgeSearch.class)
  public LuceneKnowledgeSearch frontlineKnowledgeSearch(
      HelpdeskStores stores, FrontlineProperties properties, ObjectProvider<AnalysisPack> packs) {
    FrontlineProperties.Search config = properties.search();
    Path dir = config.indexDir();
    LuceneKnowledgeSearch.Builder b = dir == null
        ? LuceneKnowledgeSearch.builder(new ByteBuffersDirectory())
        : LuceneKnowledgeSearch.builder(dir.resolve("knowledge"));
    packs.orderedStream().forEach(b::analysisPack);
    LuceneKnowledgeSearch search = b.refreshInterval(config.refreshInterval()).commitInterval(config.commitInterval())
        .source(stores.articleStore()).build();
    log.info("Frontline knowledge index {}{}", dir == null ? "in memory" : "in " + dir.resolve("knowledge").toAbsolutePath(),
        search.rebuilt() ? " (created)" : "");
    return search;
  }

  /**
   * The ticket search behind "similar solved tickets" on Lucene; the helpdesk fills it from the
   * ticket store at start and keeps it current. Off with {@code frontline.search.tickets=false}.
   *
   * @param properties the configuration
   * @return the search, closed with the context
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(TicketSearch.class)
  @ConditionalOnProperty(prefix = "frontline.search", name = "tickets", havingValue = "true", matchIfMissing = true)
  public LuceneTicketSearch frontlineTicketSearch(FrontlineProperties properties) {
    FrontlineProperties.Search config = properties.search();
    Path dir = config.indexDir();
    LuceneTicketSearch.Builder b = dir == null
        ? LuceneTicketSearch.builder(new ByteBuffersDirectory())
        : LuceneTicketSearch.builder(dir.resolve("tickets"));
    return b.refreshInterval(config.refreshInterval()).commitInterval(config.commitInterval()).build();
  }

  /**
   * The helpdesk, built from the stores, the search beans and what the application defines (see
   * the class description).
   *
   * @param stores the stores
   * @param properties the configuration
   * @param clock the clock, if the application has one
   * @param ids the id generator, if the application has one
   * @param slaPolicies SLA policies, in order of precedence
   * @param escalationRules escalation rules, in order
   * @param notificationSink where notifications go, if the application has a sink
   * @param listeners ticket listeners
   * @param accessListeners listeners for denied access
   * @param knowledgeSearch the knowledge search, if any
   * @param ticketSearch the ticket search, if any
   * @param customizers last adjustments of the builder
   * @return the helpdesk
   */
  @Bean
  @ConditionalOnMissingBean
  public Helpdesk helpdesk(HelpdeskStores stores, FrontlineProperties properties, ObjectProvider<Clock> clock,
      ObjectProvider<IdGenerator> ids, ObjectProvider<SlaPolicy> slaPolicies, ObjectProvider<EscalationRule> escalationRules,
      ObjectProvider<NotificationSink> notificationSink, ObjectProvider<TicketListener> listeners,
      ObjectProvider<AccessListener> accessListeners, ObjectProvider<KnowledgeSearch> knowledgeSearch,
      ObjectProvider<TicketSearch> ticketSearch, ObjectProvider<HelpdeskBuilderCustomizer> customizers) {
    Helpdesk.Builder b = Helpdesk.builder()
        .stores(stores)
        .clock(clock.getIfUnique(Clock::systemUTC))
        .keyPrefix(properties.keyPrefix())
        .reopenWindow(properties.reopenWindow())
        .autoCloseAfter(properties.autoCloseAfter())
        .escalationBatchSize(properties.escalation().batchSize())
        .triggerMaxDepth(properties.triggers().maxDepth())
        .slaPolicies(slaPolicies.orderedStream().toList())
        .escalationRules(escalationRules.orderedStream().toList());
    ids.ifUnique(b::ids);
    notificationSink.ifUnique(b::notificationSink);
    listeners.orderedStream().forEach(b::listener);
    accessListeners.orderedStream().forEach(b::accessListener);
    knowledgeSearch.ifUnique(b::knowledgeSearch);
    ticketSearch.ifUnique(b::ticketSearch);
    customizers.orderedStream().forEach(c -> c.customize(b));
    return b.build();
  }

  /**
   * Runs the escalation sweep and the knowledge index catch-up periodically; stopped with the
   * context.
   *
   * @param helpdesk the helpdesk
   * @param properties the intervals
   * @param knowledgeSearch whether there is a knowledge index to catch up
   * @return the scheduler
   */
  @Bean(initMethod = "start", destroyMethod = "close")
  @ConditionalOnMissingBean
  FrontlineScheduler frontlineScheduler(Helpdesk helpdesk, FrontlineProperties properties,
      ObjectProvider<KnowledgeSearch> knowledgeSearch) {
    return new FrontlineScheduler(helpdesk, properties.escalation().interval(),
        knowledgeSearch.getIfUnique() == null ? java.time.Duration.ZERO : properties.search().catchUpInterval());
  }

  /**
   * @param helpdesk the helpdesk
   * @return its ticket service
   */
  @Bean
  @ConditionalOnMissingBean
  public TicketService frontlineTicketService(Helpdesk helpdesk) {
    return helpdesk.tickets();
  }

  /**
   * @param helpdesk the helpdesk
   * @return its SLA read API
   */
  @Bean
  @ConditionalOnMissingBean
  public SlaService frontlineSlaService(Helpdesk helpdesk) {
    return helpdesk.sla();
  }

  /**
   * @param helpdesk the helpdesk
   * @return its escalation runner (scheduled by the auto-configuration)
   */
  @Bean
  @ConditionalOnMissingBean
  public EscalationRunner frontlineEscalationRunner(Helpdesk helpdesk) {
    return helpdesk.escalation();
  }

  /**
   * Only with a knowledge search bean.
   *
   * @param helpdesk the helpdesk
   * @return its knowledge base
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(KnowledgeSearch.class)
  public KnowledgeService frontlineKnowledgeService(Helpdesk helpdesk) {
    return helpdesk.knowledge();
  }

  /**
   * Only with a knowledge search bean.
   *
   * @param helpdesk the helpdesk
   * @return the follower of the article store's change feed
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(KnowledgeSearch.class)
  public KnowledgeIndexer frontlineKnowledgeIndexer(Helpdesk helpdesk) {
    return helpdesk.knowledgeIndexer();
  }

  /**
   * Only with a ticket search bean.
   *
   * @param helpdesk the helpdesk
   * @return similar solved tickets
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(TicketSearch.class)
  public SimilarTicketService frontlineSimilarTicketService(Helpdesk helpdesk) {
    return helpdesk.similarTickets();
  }

  /**
   * The router, created when first used: it needs routing configured through a {@link
   * HelpdeskBuilderCustomizer} ({@code builder.routing(...)}), and fails with that advice otherwise.
   *
   * @param helpdesk the helpdesk
   * @return the router (created when first injected or looked up)
   */
  @Bean
  @Lazy
  @ConditionalOnMissingBean
  public Router frontlineRouter(Helpdesk helpdesk) {
    return helpdesk.routing();
  }

  /**
   * @param helpdesk the helpdesk
   * @return its trigger engine
   */
  @Bean
  @ConditionalOnMissingBean
  public TriggerEngine frontlineTriggerEngine(Helpdesk helpdesk) {
    return helpdesk.triggers();
  }

  /**
   * @param helpdesk the helpdesk
   * @return its time-based automations
   */
  @Bean
  @ConditionalOnMissingBean
  public AutomationRunner frontlineAutomationRunner(Helpdesk helpdesk) {
    return helpdesk.automations();
  }

  /**
   * @param helpdesk the helpdesk
   * @return its macros
   */
  @Bean
  @ConditionalOnMissingBean
  public MacroService frontlineMacroService(Helpdesk helpdesk) {
    return helpdesk.macros();
  }

  /**
   * @param helpdesk the helpdesk
   * @return its phone, chat and in-person interactions
   */
  @Bean
  @ConditionalOnMissingBean
  public InteractionService frontlineInteractionService(Helpdesk helpdesk) {
    return helpdesk.interactions();
  }

  /**
   * @param helpdesk the helpdesk
   * @return its CSAT surveys
   */
  @Bean
  @ConditionalOnMissingBean
  public CsatService frontlineCsatService(Helpdesk helpdesk) {
    return helpdesk.csat();
  }

  /**
   * @param helpdesk the helpdesk
   * @return its reports
   */
  @Bean
  @ConditionalOnMissingBean
  public MetricsService frontlineMetricsService(Helpdesk helpdesk) {
    return helpdesk.metrics();
  }

  /**
   * @param helpdesk the helpdesk
   * @return its administration of stored macros, triggers, automations and escalation rules
   */
  @Bean
  @ConditionalOnMissingBean
  public dev.frontline.helpdesk.automation.DefinitionService frontlineDefinitionService(Helpdesk helpdesk) {
    return helpdesk.definitions();
  }

  /**
   * @param helpdesk the helpdesk
   * @return its customer assets
   */
  @Bean
  @ConditionalOnMissingBean
  public AssetService frontlineAssetService(Helpdesk helpdesk) {
    return helpdesk.assets();
  }

  /**
   * @param helpdesk the helpdesk
   * @return its access control
   */
  @Bean
  @ConditionalOnMissingBean
  public AccessControl frontlineAccessControl(Helpdesk helpdesk) {
    return helpdesk.access();
  }

  /**
   * The validating directory: writes are checked against the helpdesk's configuration (tiers,
   * teams, roles, agents and the rules that name them).
   *
   * @param helpdesk the helpdesk
   * @return its directory
   */
  @Bean
  @ConditionalOnMissingBean(DirectoryStore.class)
  public DirectoryStore frontlineDirectory(Helpdesk helpdesk) {
    return helpdesk.directory();
  }
}
