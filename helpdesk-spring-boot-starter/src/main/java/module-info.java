/**
 * Spring Boot auto-configuration for Frontline. Rule for module descriptors: see {@code
 * dev.frontline.helpdesk}'s. Spring Boot 3 and Micrometer 1.x are automatic modules (named in their
 * manifests); the actuator and Micrometer are optional ({@code requires static}): the configurations
 * that use them are only loaded when they are present.
 */
module dev.frontline.helpdesk.spring {
  requires transitive dev.frontline.helpdesk;
  requires transitive dev.frontline.helpdesk.jdbc;
  requires transitive dev.frontline.helpdesk.lucene;
  requires transitive spring.boot.autoconfigure;
  requires transitive spring.boot;
  requires transitive spring.context;
  requires transitive spring.beans;
  requires spring.core;
  requires java.sql;
  requires org.slf4j;
  requires static spring.boot.actuator;
  requires static micrometer.core;
  requires static dev.frontline.helpdesk.micrometer;

  exports dev.frontline.helpdesk.spring;

  // Spring reads the configuration classes (one bean method is package-private) and binds the
  // properties records reflectively.
  opens dev.frontline.helpdesk.spring to spring.core, spring.beans, spring.context, spring.boot;
}
