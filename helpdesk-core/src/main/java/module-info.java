/**
 * Frontline core: the domain, its services, the storage and search SPIs and the in-memory
 * reference stores.
 *
 * <p>The rule for every Frontline module descriptor: export each API and SPI package; never export
 * a package with an {@code internal} segment, except with a qualified export ({@code exports …
 * to …}) naming only the Frontline modules that use it today. A new package is added here in the
 * same change that creates it; the build's public-surface test fails on a package with public types
 * that is neither exported nor {@code internal}.
 */
module dev.frontline.helpdesk {
  // Not used by the library: the fuzz tests, compiled into this module, measure CPU time per input.
  requires static java.management;
  requires transitive org.jspecify;
  requires org.slf4j;

  exports dev.frontline.helpdesk;
  exports dev.frontline.helpdesk.access;
  exports dev.frontline.helpdesk.asset;
  exports dev.frontline.helpdesk.automation;
  exports dev.frontline.helpdesk.directory;
  exports dev.frontline.helpdesk.escalation;
  exports dev.frontline.helpdesk.feedback;
  exports dev.frontline.helpdesk.intake;
  exports dev.frontline.helpdesk.knowledge;
  exports dev.frontline.helpdesk.metrics;
  exports dev.frontline.helpdesk.routing;
  exports dev.frontline.helpdesk.search;
  exports dev.frontline.helpdesk.sla;
  exports dev.frontline.helpdesk.spi;
  exports dev.frontline.helpdesk.spi.memory;
  exports dev.frontline.helpdesk.ticket;

  // Checks (argument validation) is shared with the storage and search adapter modules; not API.
  // Optional modules built on a helpdesk (e-mail intake) use only the exported packages.
  exports dev.frontline.helpdesk.internal to
      dev.frontline.helpdesk.jackson,
      dev.frontline.helpdesk.jdbc,
      dev.frontline.helpdesk.lucene;
}
