package dev.frontline.helpdesk.spring;

import dev.frontline.helpdesk.Helpdesk;

/**
 * Adjusts the {@link Helpdesk.Builder} of the auto-configured helpdesk before it is built, for the
 * settings that have no bean or property of their own: routing, knowledge permissions, the ticket
 * language of the similar-ticket index, the id generator. Every bean of this type is applied, in
 * the order of {@link org.springframework.core.annotation.Order}, after the auto-configuration's own
 * settings, so a customizer may also replace those.
 *
 * <pre>{@code
 * HelpdeskBuilderCustomizer routing(AgentAvailability availability) { // a @Bean method
 *   return builder -> builder.routing(RoutingPolicy.ofDefaults(), new RoundRobin(), availability);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface HelpdeskBuilderCustomizer {
  /** @param builder the builder, with the auto-configuration's settings applied */
  void customize(Helpdesk.Builder builder);
}
