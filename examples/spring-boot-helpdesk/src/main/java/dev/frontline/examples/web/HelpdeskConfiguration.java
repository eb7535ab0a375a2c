package dev.frontline.examples.web;

import dev.frontline.helpdesk.Helpdesk;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
   * Where Frontline keeps its data. In-memory for now; to keep data across restarts, replace this
   * one bean with the JDBC stores of {@code helpdesk-jdbc} on your {@code DataSource} (see the
   * README).
   *
   * @return the stores
   */
  @Bean
  @ConditionalOnMissingBean
  public HelpdeskStores helpdeskStores() {
    return HelpdeskStores.inMemory();
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
   * @return the helpdesk, built explicitly: nothing is discovered from the classpath
   */
  @Bean
  public Helpdesk helpdesk(HelpdeskStores stores, Clock clock) {
    return Helpdesk.builder()
        .ticketStore(stores.tickets())
        .directoryStore(stores.directory())
        .blobStore(stores.blobs())
        .clock(clock)
        .keyPrefix("HD")
        // Listeners run after each change is stored: the place for an outbox, mails, websockets.
        .listener(events -> events.forEach(e -> log.info("{} v{} {} by {}",
            e.ticketId(), e.version(), e.change().getClass().getSimpleName(), e.actor().id())))
        // Denied attempts (someone opening a ticket they may not see) are worth an audit log.
        .accessListener(denial -> log.warn("access denied: {}", denial))
        .build();
  }

  /**
   * Writes the demo directory at startup; switch it off with {@code frontline.demo-data=false}.
   *
   * @param helpdesk the helpdesk
   * @return the runner
   */
  @Bean
  @ConditionalOnProperty(name = "frontline.demo-data", havingValue = "true", matchIfMissing = true)
  public ApplicationRunner demoData(Helpdesk helpdesk) {
    return args -> DemoData.seed(helpdesk.directory());
  }
}
