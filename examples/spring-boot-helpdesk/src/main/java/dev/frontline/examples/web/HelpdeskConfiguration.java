package dev.frontline.examples.web;

import com.zaxxer.hikari.HikariConfig;
import dev.frontline.helpdesk.lucene.LuceneKnowledgeSearch;
import dev.frontline.helpdesk.spi.HelpdeskStores;
import com.zaxxer.hikari.HikariDataSource;
import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.jdbc.JdbcDialect;
import dev.frontline.helpdesk.jdbc.JdbcStores;
import dev.frontline.helpdesk.knowledge.KnowledgeService;
import dev.frontline.helpdesk.lucene.LuceneKnowledgeSearch;
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
 * Wires Frontline into the Spring context: one {@link Helpdesk} bean built explicitly from one
 * {@link HelpdeskStores} bean and a {@link Clock} bean. Controllers use {@code helpdesk.tickets()}
 * and always pass the signed-in user's principal ({@link CurrentUser}).
 */
@Configuration(proxyBeanMethods = false)
public class HelpdeskConfiguration {
  private static final Logger log = LoggerFactory.getLogger(HelpdeskConfiguration.class);

  /**
   * The connection pool, from {@code frontline.datasource.*}: an H2 database file by default, the
   * local PostgreSQL with the {@code postgres} profile ({@code application-postgres.properties}).
   * An application that already has a {@code DataSource} bean (e.g. from {@code
   * spring-boot-starter-jdbc}) uses that one instead.
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
   * Where Frontline keeps tickets, the directory, attachments and knowledge articles: the JDBC stores of {@code
   * helpdesk-jdbc}. The schema is created or updated at start ({@code migrate()} is idempotent and
   * safe with several nodes starting at once). For a throw-away demo without a database, return
   * {@code InMemoryStores.create()} instead.
   *
   * @param dataSource the database
   * @param dialect {@code H2}, {@code POSTGRES}, {@code MARIADB} or {@code MYSQL} ({@code frontline.jdbc.dialect})
   * @return the stores
   */
  @Bean
  @ConditionalOnMissingBean
  public HelpdeskStores helpdeskStores(DataSource dataSource, @Value("${frontline.jdbc.dialect:H2}") JdbcDialect dialect) {
    JdbcStores jdbc = JdbcStores.builder(dataSource, dialect).build();
    jdbc.migrate(); // logs one INFO line itself
    return jdbc;
  }

  /**
   * The clock Frontline reads (SLA deadlines, reopen window, timestamps); a bean so that tests can
   * replace it.
   *
   * @return the system clock in UTC
   */
  @Bean
  @ConditionalOnMissingBean
  public Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * @param stores the stores
   * @param clock the clock
   * @param search the knowledge search index of this node
   * @return the helpdesk, built explicitly: nothing is discovered from the classpath; every service
   *     ({@code tickets()}, {@code knowledge()}, ...) comes from it
   */
  @Bean
  public Helpdesk helpdesk(HelpdeskStores stores, Clock clock, LuceneKnowledgeSearch search) {
    return Helpdesk.builder().stores(stores)
        .clock(clock)
        .knowledgeSearch(search)
        .keyPrefix("HD")
        // Listeners run after each change is stored: the place for an outbox, mails, websockets.
        .listener(events -> events.forEach(e -> log.info("{} v{} {} by {}",
            e.ticketId(), e.version(), e.change().getClass().getSimpleName(), e.actor().id())))
        // Denied attempts (someone opening a ticket they may not see) are worth an audit log.
        .accessListener(denial -> log.warn("access denied: {}", denial))
        .build();
  }

  /**
   * Writes the demo directory and the demo articles at startup; switch it off with {@code
   * frontline.demo-data=false}.
   *
   * @param helpdesk the helpdesk
   * @param knowledge the knowledge base
   * @param search the search index
   * @return the runner
   */
  @Bean
  @ConditionalOnProperty(name = "frontline.demo-data", havingValue = "true", matchIfMissing = true)
  public ApplicationRunner demoData(Helpdesk helpdesk, KnowledgeService knowledge, LuceneKnowledgeSearch search) {
    return args -> {
      DemoData.seed(helpdesk.directory());
      helpdesk.checkConfiguration(); // tiers, teams, roles and agents agree
      DemoData.seedArticles(knowledge);
      search.refresh(); // searchable now rather than within the refresh interval (250 ms)
    };
  }
}
