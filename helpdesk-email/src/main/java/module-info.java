/**
 * E-mail intake for Frontline. Rule for module descriptors: see {@code dev.frontline.helpdesk}'s.
 */
module dev.frontline.helpdesk.email {
  // Not used by the library: the fuzz tests, compiled into this module, measure CPU time per input.
  requires static java.management;
  requires transitive dev.frontline.helpdesk;
  // Apache James mime4j 0.8 has no module descriptor and no Automatic-Module-Name: these are the
  // names derived from its jar files.
  requires apache.mime4j.core;
  requires apache.mime4j.dom;

  exports dev.frontline.helpdesk.email;
}
