/**
 * Frontline values as JSON with Jackson 2. Rule for module descriptors: see
 * {@code dev.frontline.helpdesk}'s.
 */
module dev.frontline.helpdesk.jackson {
  // Not used by the library: the fuzz tests, compiled into this module, measure CPU time per input.
  requires static java.management;
  requires transitive dev.frontline.helpdesk;
  requires transitive com.fasterxml.jackson.databind;

  exports dev.frontline.helpdesk.jackson;
  exports dev.frontline.helpdesk.jackson.format;
}
