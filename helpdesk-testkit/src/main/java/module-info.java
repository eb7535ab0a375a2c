/**
 * Frontline's contract test kit: abstract JUnit 5 test classes every storage implementation must
 * pass. Rule for module descriptors: see {@code dev.frontline.helpdesk}'s.
 */
module dev.frontline.helpdesk.testkit {
  requires transitive dev.frontline.helpdesk;
  requires transitive org.junit.jupiter.api;
  requires transitive org.junit.jupiter.params;
  requires transitive org.assertj.core;

  exports dev.frontline.helpdesk.testkit;

  // JUnit discovers and invokes the contracts' test methods (inherited by the host's subclasses)
  // reflectively.
  opens dev.frontline.helpdesk.testkit to org.junit.platform.commons;
}
