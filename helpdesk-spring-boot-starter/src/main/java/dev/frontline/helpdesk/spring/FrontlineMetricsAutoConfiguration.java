package dev.frontline.helpdesk.spring;

import dev.frontline.helpdesk.micrometer.FrontlineMetrics;
import dev.frontline.helpdesk.spi.HelpdeskStores;
import dev.frontline.helpdesk.spi.KnowledgeSearch;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Meters for the auto-configured helpdesk when Micrometer and {@code helpdesk-micrometer} are on the
 * class path and the application has a {@link MeterRegistry} bean (Spring Boot's actuator makes
 * one): a {@link FrontlineMetrics} bean, its ticket listener and the timed knowledge search, both
 * handed to the helpdesk's builder by a {@link HelpdeskBuilderCustomizer}.
 */
@AutoConfiguration(
    after = FrontlineAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"
    })
@ConditionalOnClass({MeterRegistry.class, FrontlineMetrics.class})
@ConditionalOnBean({MeterRegistry.class, HelpdeskStores.class})
public class FrontlineMetricsAutoConfiguration {

  /** Created by Spring. */
  public FrontlineMetricsAutoConfiguration() {}

  /**
   * @param registry the application's meter registry
   * @return the helpdesk's meters
   */
  @Bean
  @ConditionalOnMissingBean
  public FrontlineMetrics frontlineMetrics(MeterRegistry registry) {
    return FrontlineMetrics.of(registry);
  }

  /**
   * Registers the counting listener and times the knowledge search.
   *
   * @param metrics the meters
   * @param stores the stores (the listener reads tickets from their ticket store)
   * @param knowledgeSearch the knowledge search, if any
   * @return the customizer
   */
  @Bean
  public HelpdeskBuilderCustomizer frontlineMetricsCustomizer(FrontlineMetrics metrics, HelpdeskStores stores,
      ObjectProvider<KnowledgeSearch> knowledgeSearch) {
    return builder -> {
      builder.listener(metrics.ticketListener(stores.ticketStore()));
      knowledgeSearch.ifUnique(s -> builder.knowledgeSearch(metrics.timed(s)));
    };
  }
}
