package dev.frontline.examples.web;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.access.AccessListener;
import dev.frontline.helpdesk.knowledge.KnowledgeService;
import dev.frontline.helpdesk.spi.KnowledgeSearch;
import dev.frontline.helpdesk.spi.NotificationSink;
import dev.frontline.helpdesk.ticket.TicketListener;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What this application adds to Frontline's Spring Boot starter ({@code helpdesk-spring-boot-starter}),
 * which builds the {@link Helpdesk}, its stores ({@code JdbcStores}, schema migrated at start), the
 * Lucene knowledge index ({@code frontline.search.index-dir}; or OpenSearch, see {@link
 * OpenSearchConfiguration}) and every service as beans: the
 * database connection pool, the clock, listeners for stored changes and denied access, where
 * notifications go, and the demo data. The SLA policy and escalation rule are in {@link
 * SlaConfiguration}. Controllers use {@code helpdesk.tickets()} and always pass the signed-in
 * user's principal ({@link CurrentUser}).
 */
@Configuration(proxyBeanMethods = false)
public class HelpdeskConfiguration {
  private static final Logger log = LoggerFactory.getLogger(HelpdeskConfiguration.class);

  /**
   * The connection pool, from this application's {@code frontline.datasource.*}: an H2 database
   * file by default, the local PostgreSQL with the {@code postgres} profile ({@code
   * application-postgres.properties}). An application that already has a {@code DataSource} bean
   * (e.g. from {@code spring-boot-starter-jdbc} and {@code spring.datasource.*}) uses that one
   * instead; the starter builds Frontline on whichever there is.
   *
   * @param url the JDBC URL
   * @param username the user
   * @param password the password
   * @return the pool, closed with the context
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(DataSource.class)
  public HikariDataSource dataSource(@Value("${frontline.datasource.url}") String url,
      @Value("${frontline.datasource.username:}") String username, @Value("${frontline.datasource.password:}") String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(username);
    config.setPassword(password);
    config.setMaximumPoolSize(10);
    config.setPoolName("frontline");
    return new HikariDataSource(config);
  }

  /**
   * The clock Frontline reads (SLA deadlines, reopen window, timestamps); the starter uses this
   * bean, so tests can replace it.
   *
   * @return the system clock in UTC
   */
  @Bean
  @ConditionalOnMissingBean
  public Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Runs after each change is stored: the place for an outbox, mails, websockets. The starter
   * registers every {@link TicketListener} bean with the helpdesk.
   *
   * @return a listener that logs each stored event
   */
  @Bean
  public TicketListener changeLog() {
    return events -> events.forEach(e -> log.info("{} v{} {} by {}",
        e.ticketId(), e.version(), e.change().getClass().getSimpleName(), e.actor().id()));
  }

  /**
   * Denied attempts (someone opening a ticket they may not see) are worth an audit log.
   *
   * @return a listener that logs each denial
   */
  @Bean
  public AccessListener deniedAccessLog() {
    return denial -> log.warn("access denied: {}", denial);
  }

  /**
   * Where escalation rules, triggers and macros send their notifications (e-mail, chat, a pager in
   * a real application).
   *
   * @return a sink that logs each notification
   */
  @Bean
  public NotificationSink notifications() {
    return n -> log.info("notify {} about {}: {}", n.recipient(), n.ticketKey(), n.body());
  }

  /**
   * Writes the demo directory and the demo articles at startup; switch it off with {@code
   * frontline.demo-data=false}.
   *
   * @param helpdesk the helpdesk
   * @param knowledge the knowledge base
   * @param search the search index (Lucene or OpenSearch)
   * @return the runner
   */
  @Bean
  @ConditionalOnProperty(name = "frontline.demo-data", havingValue = "true", matchIfMissing = true)
  public ApplicationRunner demoData(Helpdesk helpdesk, KnowledgeService knowledge, KnowledgeSearch search) {
    return args -> {
      DemoData.seed(helpdesk.directory());
      helpdesk.checkConfiguration(); // tiers, teams, roles and agents agree with the SLA policy and escalation rule
      DemoData.seedArticles(knowledge);
      search.refresh(); // searchable now rather than within the refresh interval
    };
  }
}
