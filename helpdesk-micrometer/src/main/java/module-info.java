/**
 * Micrometer meters for Frontline. Rule for module descriptors: see {@code dev.frontline.helpdesk}'s.
 * Micrometer 1.x is an automatic module; the e-mail module is optional ({@code requires static}):
 * only {@code EmailIntakeMetrics} uses it.
 */
module dev.frontline.helpdesk.micrometer {
  requires transitive dev.frontline.helpdesk;
  requires transitive micrometer.core;
  requires static dev.frontline.helpdesk.email;

  exports dev.frontline.helpdesk.micrometer;
  exports dev.frontline.helpdesk.micrometer.email;
}
