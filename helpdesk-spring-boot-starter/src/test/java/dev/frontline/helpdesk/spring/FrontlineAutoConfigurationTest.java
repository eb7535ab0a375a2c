package dev.frontline.helpdesk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.asset.AssetService;
import dev.frontline.helpdesk.automation.AutomationRunner;
import dev.frontline.helpdesk.automation.MacroService;
import dev.frontline.helpdesk.automation.TriggerEngine;
import dev.frontline.helpdesk.escalation.EscalationAction;
import dev.frontline.helpdesk.escalation.EscalationRule;
import dev.frontline.helpdesk.escalation.EscalationRunner;
import dev.frontline.helpdesk.escalation.EscalationTrigger;
import dev.frontline.helpdesk.feedback.CsatService;
import dev.frontline.helpdesk.intake.InteractionService;
import dev.frontline.helpdesk.jdbc.JdbcDialect;
import dev.frontline.helpdesk.jdbc.JdbcStores;
import dev.frontline.helpdesk.knowledge.KnowledgeIndexer;
import dev.frontline.helpdesk.knowledge.KnowledgeService;
import dev.frontline.helpdesk.lucene.LuceneKnowledgeSearch;
import dev.frontline.helpdesk.lucene.LuceneTicketSearch;
import dev.frontline.helpdesk.metrics.MetricsService;
import dev.frontline.helpdesk.micrometer.FrontlineMetrics;
import dev.frontline.helpdesk.routing.Router;
import dev.frontline.helpdesk.search.SimilarTicketService;
import dev.frontline.helpdesk.sla.BusinessCalendar;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaPolicy;
import dev.frontline.helpdesk.sla.SlaService;
import dev.frontline.helpdesk.spi.DirectoryStore;
import dev.frontline.helpdesk.spi.HelpdeskStores;
import dev.frontline.helpdesk.spi.KnowledgeSearch;
import dev.frontline.helpdesk.spi.TicketSearch;
import dev.frontline.helpdesk.spi.memory.InMemoryKnowledgeSearch;
import dev.frontline.helpdesk.spi.memory.InMemoryStores;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketListener;
import dev.frontline.helpdesk.ticket.TicketService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

@DisplayName("Frontline's Spring Boot auto-configuration")
class FrontlineAutoConfigurationTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(FrontlineAutoConfiguration.class, FrontlineHealthAutoConfiguration.class,
          FrontlineMetricsAutoConfiguration.class))
      // the schedule is tested by the example application; here runs are started by hand
      .withPropertyValues("frontline.escalation.interval=0");

  @Configuration(proxyBeanMethods = false)
  static class H2 {
    @Bean
    DataSource dataSource() {
      return TestDirectory.h2();
    }
  }

  /** A data source that can be switched off, for the health indicator. */
  @Configuration(proxyBeanMethods = false)
  static class SwitchableH2 {
    static final AtomicBoolean DOWN = new AtomicBoolean();

    @Bean
    DataSource dataSource() {
      DataSource h2 = TestDirectory.h2();
      return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
          (proxy, method, args) -> {
            if (DOWN.get() && method.getName().equals("getConnection")) {
              throw new SQLException("database switched off by the test");
            }
            try {
              return method.invoke(h2, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }
  }

  private static Ticket open(Helpdesk helpdesk, String subject) {
    TestDirectory.seed(helpdesk.directory());
    return helpdesk.tickets().create(Principal.customer(TestDirectory.CAROL),
        NewTicket.builder(subject, TestDirectory.CAROL, Message.of("It does not work")).build());
  }

  @Nested
  @DisplayName("with a DataSource")
  class WithDataSource {
    @Test
    @DisplayName("builds the stores, the search indexes, the helpdesk and every service as beans")
    void everyBean() {
      runner.withUserConfiguration(H2.class).run(context -> {
        assertThat(context).hasNotFailed();
        for (Class<?> type : List.of(Helpdesk.class, JdbcStores.class, LuceneKnowledgeSearch.class, LuceneTicketSearch.class,
            TicketService.class, SlaService.class, EscalationRunner.class, KnowledgeService.class, KnowledgeIndexer.class,
            SimilarTicketService.class, TriggerEngine.class, AutomationRunner.class, MacroService.class,
            InteractionService.class, CsatService.class, MetricsService.class, AssetService.class, AccessControl.class,
            dev.frontline.helpdesk.automation.DefinitionService.class,
            DirectoryStore.class, FrontlineHealthIndicator.class)) {
          assertThat(context).as(type.getSimpleName()).hasSingleBean(type);
        }
        assertThat(context.getBeanNamesForType(Router.class)).as("the router, created on first use").hasSize(1);
        assertThat(context.getBean(JdbcStores.class).dialect()).as("detected").isEqualTo(JdbcDialect.H2);
        Helpdesk helpdesk = context.getBean(Helpdesk.class);
        assertThat(context.getBean(TicketService.class)).isSameAs(helpdesk.tickets());
        assertThat(context.getBean(KnowledgeService.class)).isSameAs(helpdesk.knowledge());
        assertThat(helpdesk.clock().getZone()).isEqualTo(ZoneOffset.UTC);

        // the schema was migrated: tickets are stored in the database
        Ticket t = open(helpdesk, "Printer on fire");
        assertThat(t.key().toString()).startsWith("HD-");
        try (Connection c = context.getBean(DataSource.class).getConnection();
            var rs = c.createStatement().executeQuery("SELECT count(*) FROM frontline_tickets")) {
          rs.next();
          assertThat(rs.getLong(1)).isEqualTo(1);
        }
        assertThat(t.nextDeadline()).as("no SLA policy bean, no SLA").isNull();
      });
    }

    @Test
    @DisplayName("closes the search indexes with the context")
    void closesSearch() {
      AtomicBoolean failed = new AtomicBoolean();
      runner.withUserConfiguration(H2.class).run(context -> {
        LuceneKnowledgeSearch search = context.getBean(LuceneKnowledgeSearch.class);
        context.close();
        try {
          search.suggest("printer", null, dev.frontline.helpdesk.knowledge.SearchAudience.everything(), 1);
        } catch (RuntimeException e) {
          failed.set(true);
        }
      });
      assertThat(failed).as("the index was closed").isTrue();
    }
  }

  @Test
  @DisplayName("backs off without a DataSource")
  void noDataSource() {
    runner.run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).doesNotHaveBean(Helpdesk.class);
      assertThat(context).doesNotHaveBean(HelpdeskStores.class);
      assertThat(context).doesNotHaveBean(FrontlineHealthIndicator.class);
    });
  }

  @Test
  @DisplayName("backs off with frontline.enabled=false")
  void disabled() {
    runner.withUserConfiguration(H2.class).withPropertyValues("frontline.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Helpdesk.class));
  }

  @Configuration(proxyBeanMethods = false)
  static class HostBeans {
    static final List<TicketEvent> SEEN = new CopyOnWriteArrayList<>();

    @Bean
    HelpdeskStores stores() {
      return InMemoryStores.create();
    }

    @Bean
    KnowledgeSearch knowledgeSearch() {
      return new InMemoryKnowledgeSearch();
    }

    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    @Order(2)
    SlaPolicy standard() {
      return SlaPolicy.builder("standard").target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(4), BusinessCalendar.always()).build();
    }

    @Bean
    @Order(1)
    SlaPolicy urgent() {
      return SlaPolicy.builder("urgent")
          .conditions(dev.frontline.helpdesk.sla.SlaConditions.any().withTags(java.util.Set.of("urgent")))
          .target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(1), BusinessCalendar.always()).build();
    }

    @Bean
    EscalationRule breachToSecondLine() {
      return EscalationRule.builder("breach").when(EscalationTrigger.slaBreach(SlaMetric.FIRST_RESPONSE))
          .then(EscalationAction.moveToTier(2, null)).build();
    }

    @Bean
    TicketListener recorder() {
      return SEEN::addAll;
    }

    @Bean
    HelpdeskBuilderCustomizer prefix() {
      return b -> b.keyPrefix("ACME");
    }
  }

  @Test
  @DisplayName("uses the application's stores, search, clock, SLA policies, escalation rules, listeners and customizers")
  void hostBeans() {
    runner.withUserConfiguration(H2.class, HostBeans.class).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).doesNotHaveBean(JdbcStores.class).doesNotHaveBean(LuceneKnowledgeSearch.class);
      assertThat(context).getBean(HelpdeskStores.class).isInstanceOf(InMemoryStores.class);
      Helpdesk helpdesk = context.getBean(Helpdesk.class);
      assertThat(helpdesk.clock().instant()).isEqualTo(NOW);

      Ticket t = open(helpdesk, "Printer on fire");
      assertThat(t.key().toString()).startsWith("ACME-");
      assertThat(t.sla().get(SlaMetric.FIRST_RESPONSE).due()).as("the standard policy: 4 h").isEqualTo(NOW.plus(Duration.ofHours(4)));
      assertThat(HostBeans.SEEN).extracting(TicketEvent::ticketId).contains(t.id());
      assertThat(helpdesk.escalation().runOnce()).as("nothing due yet").isZero();
      // @Order decides which policy applies first
      Ticket urgent = helpdesk.tickets().create(Principal.system("integration"),
          NewTicket.builder("Server down", TestDirectory.CAROL, Message.of("All down")).tags("urgent").build());
      assertThat(urgent.sla().get(SlaMetric.FIRST_RESPONSE).due()).as("the urgent policy: 1 h")
          .isEqualTo(NOW.plus(Duration.ofHours(1)));
    });
  }

  @Test
  @DisplayName("an application's Helpdesk bean replaces the auto-configured one")
  void hostHelpdesk() {
    Helpdesk own = Helpdesk.builder().stores(InMemoryStores.create()).knowledgeSearch(new InMemoryKnowledgeSearch())
        .ticketSearch(new dev.frontline.helpdesk.spi.memory.InMemoryTicketSearch()).build();
    runner.withUserConfiguration(H2.class).withBean(Helpdesk.class, () -> own).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).getBean(Helpdesk.class).isSameAs(own);
      assertThat(context).getBean(TicketService.class).isSameAs(own.tickets());
    });
  }

  @Nested
  @DisplayName("properties")
  class Properties {
    @Test
    @DisplayName("bind: key prefix, dialect, no migration, index folder, no ticket search, intervals")
    void bind(@TempDir Path dir) {
      runner.withUserConfiguration(H2.class)
          .withPropertyValues("frontline.key-prefix=ACME", "frontline.jdbc.dialect=h2", "frontline.search.index-dir=" + dir,
              "frontline.search.tickets=false", "frontline.reopen-window=2d", "frontline.escalation.batch-size=50",
              "frontline.search.refresh-interval=100ms")
          .run(context -> {
            assertThat(context).hasNotFailed();
            FrontlineProperties p = context.getBean(FrontlineProperties.class);
            assertThat(p.keyPrefix()).isEqualTo("ACME");
            assertThat(p.jdbc().dialect()).isEqualTo(JdbcDialect.H2);
            assertThat(p.reopenWindow()).isEqualTo(Duration.ofDays(2));
            assertThat(p.escalation().batchSize()).isEqualTo(50);
            assertThat(p.search().refreshInterval()).isEqualTo(Duration.ofMillis(100));
            assertThat(p.jdbc().migrate()).as("default").isTrue();
            assertThat(context).doesNotHaveBean(LuceneTicketSearch.class).doesNotHaveBean(SimilarTicketService.class);
            assertThat(dir.resolve("knowledge")).isDirectory();
            assertThat(open(context.getBean(Helpdesk.class), "Printer").key().toString()).startsWith("ACME-");
          });
    }

    @Test
    @DisplayName("frontline.jdbc.migrate=false leaves the schema to the host: on an empty database the start fails saying so")
    void noMigration() {
      runner.withUserConfiguration(H2.class).withPropertyValues("frontline.jdbc.migrate=false").run(context -> {
        assertThat(context).hasFailed();
        assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("not found");
        assertThat(context.getStartupFailure()).hasStackTraceContaining("apply the schema with JdbcStores.migrate()");
      });
      // the host migrated the schema itself (here: before the context starts)
      DataSource migrated = TestDirectory.h2();
      JdbcStores.migrate(migrated, JdbcDialect.H2);
      runner.withBean(DataSource.class, () -> migrated).withPropertyValues("frontline.jdbc.migrate=false")
          .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Helpdesk.class));
    }

    @Test
    @DisplayName("the defaults: detected dialect, migration, in-memory indexes, ticket search")
    void defaults() {
      runner.withUserConfiguration(H2.class).run(context -> {
        FrontlineProperties p = context.getBean(FrontlineProperties.class);
        FrontlineProperties d = FrontlineProperties.defaults();
        assertThat(p.enabled()).isTrue();
        assertThat(p.keyPrefix()).isEqualTo("HD");
        assertThat(p.reopenWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(p.autoCloseAfter()).isEqualTo(Duration.ofDays(4));
        assertThat(p.jdbc()).isEqualTo(d.jdbc());
        assertThat(p.search()).isEqualTo(d.search());
        assertThat(p.triggers()).isEqualTo(d.triggers());
        assertThat(p.escalation().batchSize()).isEqualTo(200);
        assertThat(d.escalation().interval()).isEqualTo(Duration.ofMinutes(1));
      });
    }

    private void failsWith(String property, String... messageParts) {
      runner.withUserConfiguration(H2.class).withPropertyValues(property).run(context -> {
        assertThat(context).hasFailed();
        StringBuilder messages = new StringBuilder();
        for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
          messages.append(t.getMessage()).append('\n');
        }
        assertThat(messages.toString()).contains(messageParts);
      });
    }

    @Test
    @DisplayName("a bad key prefix fails the start, naming the property")
    void badKeyPrefix() {
      failsWith("frontline.key-prefix=hd-1", "frontline", "frontline.key-prefix must be 1-10 upper-case letters");
    }

    @Test
    @DisplayName("an unknown dialect fails the start, naming the property")
    void badDialect() {
      failsWith("frontline.jdbc.dialect=ORACLE", "frontline.jdbc.dialect", "ORACLE");
    }

    @Test
    @DisplayName("out-of-range numbers and durations fail the start, naming the property")
    void badNumbers() {
      failsWith("frontline.escalation.batch-size=0", "frontline.escalation.batch-size must be 1-10000, was 0");
      failsWith("frontline.reopen-window=-1d", "frontline.reopen-window must not be negative");
      failsWith("frontline.search.refresh-interval=5s", "frontline.search.refresh-interval must be between");
      failsWith("frontline.triggers.max-depth=50", "frontline.triggers.max-depth must be 1-20, was 50");
    }

    @Test
    @DisplayName("a database Frontline does not support fails the start with the advice to set the dialect")
    void unsupportedDatabase() {
      assertThat(dev.frontline.helpdesk.spring.internal.Dialects.fromProductName("Oracle")).isNull();
      assertThat(dev.frontline.helpdesk.spring.internal.Dialects.fromProductName("PostgreSQL")).isEqualTo(JdbcDialect.POSTGRES);
      assertThat(dev.frontline.helpdesk.spring.internal.Dialects.fromProductName("MariaDB")).isEqualTo(JdbcDialect.MARIADB);
      assertThat(dev.frontline.helpdesk.spring.internal.Dialects.fromProductName("MySQL")).isEqualTo(JdbcDialect.MYSQL);
    }
  }

  @Nested
  @DisplayName("health")
  class HealthIndicators {
    @Test
    @DisplayName("UP with the database and both indexes answering; DOWN when the database fails or an index is closed")
    void upAndDown() {
      SwitchableH2.DOWN.set(false);
      runner.withUserConfiguration(SwitchableH2.class).run(context -> {
        HealthIndicator indicator = context.getBean("frontlineHealthIndicator", HealthIndicator.class);
        Health up = indicator.health();
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(up.getDetails()).containsEntry("database", "UP (H2)").containsEntry("knowledgeIndex", "UP")
            .containsEntry("ticketIndex", "UP").containsEntry("indexLocation", "memory");

        SwitchableH2.DOWN.set(true);
        Health down = indicator.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) down.getDetails().get("database")).startsWith("DOWN").contains("switched off");
        assertThat(down.getDetails()).containsEntry("knowledgeIndex", "UP");
        SwitchableH2.DOWN.set(false);

        context.getBean(LuceneTicketSearch.class).close();
        Health indexDown = indicator.health();
        assertThat(indexDown.getStatus()).isEqualTo(Status.DOWN);
        assertThat(indexDown.getDetails()).containsEntry("database", "UP (H2)");
        assertThat((String) indexDown.getDetails().get("ticketIndex")).startsWith("DOWN");
      });
    }

    @Test
    @DisplayName("not configured without Spring Boot's actuator on the class path")
    void noActuator() {
      runner.withUserConfiguration(H2.class).withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(context -> {
        assertThat(context).hasNotFailed().hasSingleBean(Helpdesk.class).doesNotHaveBean(FrontlineHealthIndicator.class);
      });
    }
  }

  @Nested
  @DisplayName("metrics")
  class Metrics {
    @Test
    @DisplayName("with a MeterRegistry bean: tickets are counted and knowledge searches timed")
    void meters() {
      runner.withUserConfiguration(H2.class).withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
        assertThat(context).hasNotFailed().hasSingleBean(FrontlineMetrics.class);
        MeterRegistry registry = context.getBean(MeterRegistry.class);
        Helpdesk helpdesk = context.getBean(Helpdesk.class);
        open(helpdesk, "Printer on fire");
        assertThat(registry.find(FrontlineMetrics.TICKETS_CREATED).counter()).isNotNull()
            .satisfies(c -> assertThat(c.count()).isEqualTo(1));
        context.getBean(KnowledgeService.class).search(Principal.agent(TestDirectory.ANNA),
            dev.frontline.helpdesk.knowledge.KnowledgeQuery.builder("printer").build());
        assertThat(registry.find(FrontlineMetrics.KNOWLEDGE_SEARCH).tag("operation", "search").timer()).isNotNull()
            .satisfies(t -> assertThat(t.count()).isEqualTo(1));
      });
    }

    @Test
    @DisplayName("not configured without a MeterRegistry bean or without helpdesk-micrometer")
    void noRegistry() {
      runner.withUserConfiguration(H2.class)
          .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(FrontlineMetrics.class));
      runner.withUserConfiguration(H2.class).withBean(MeterRegistry.class, SimpleMeterRegistry::new)
          .withClassLoader(new FilteredClassLoader(FrontlineMetrics.class))
          .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Helpdesk.class).doesNotHaveBean(FrontlineMetrics.class));
    }
  }
}
