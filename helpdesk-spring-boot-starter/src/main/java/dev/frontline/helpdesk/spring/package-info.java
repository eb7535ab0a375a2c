/**
 * Spring Boot auto-configuration for Frontline: {@link
 * dev.frontline.helpdesk.spring.FrontlineAutoConfiguration} builds the {@link
 * dev.frontline.helpdesk.Helpdesk} and its services on the application's {@code DataSource},
 * configured by {@link dev.frontline.helpdesk.spring.FrontlineProperties} ({@code frontline.*}).
 */
@NullMarked
package dev.frontline.helpdesk.spring;

import org.jspecify.annotations.NullMarked;
