package dev.frontline.helpdesk.spring;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.spi.KnowledgeSearch;
import dev.frontline.helpdesk.spi.TicketSearch;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link FrontlineHealthIndicator} (the actuator's {@code frontline} health component)
 * when Spring Boot's actuator is on the class path and the helpdesk was auto-configured.
 */
@AutoConfiguration(after = FrontlineAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean({Helpdesk.class, DataSource.class})
public class FrontlineHealthAutoConfiguration {

  /** Created by Spring. */
  public FrontlineHealthAutoConfiguration() {}

  /**
   * @param dataSource the database
   * @param knowledgeSearch the knowledge index, if any
   * @param ticketSearch the ticket index, if any
   * @param properties where the indexes are
   * @return the health indicator
   */
  @Bean
  @ConditionalOnMissingBean(name = "frontlineHealthIndicator")
  public FrontlineHealthIndicator frontlineHealthIndicator(DataSource dataSource, ObjectProvider<KnowledgeSearch> knowledgeSearch,
      ObjectProvider<TicketSearch> ticketSearch, ObjectProvider<FrontlineProperties> properties) {
    FrontlineProperties p = properties.getIfAvailable(FrontlineProperties::defaults);
    return new FrontlineHealthIndicator(dataSource, knowledgeSearch.getIfUnique(), ticketSearch.getIfUnique(), p.search().indexDir());
  }
}
