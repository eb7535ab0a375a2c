package dev.frontline.examples.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot web application that embeds Frontline: a customer portal ({@code /portal}) and an
 * agent console ({@code /console}), rendered on the server with Thymeleaf. Start it with {@link
 * #main} and open http://localhost:8080.
 */
// helpdesk-jdbc brings jOOQ, which is Frontline's internal SQL layer, not an application DSLContext:
// Spring Boot's jOOQ auto-configuration (which also needs spring-tx) is switched off.
@SpringBootApplication(excludeName = "org.springframework.boot.autoconfigure.jooq.JooqAutoConfiguration")
public class HelpdeskWebApplication {

  /**
   * Starts the application.
   *
   * @param args Spring Boot arguments, e.g. {@code --server.port=9090}
   */
  public static void main(String[] args) {
    SpringApplication.run(HelpdeskWebApplication.class, args);
  }
}
