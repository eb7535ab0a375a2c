/**
 * Every Frontline storage SPI on jOOQ over JDBC. Rule for module descriptors: see
 * {@code dev.frontline.helpdesk}'s.
 */
module dev.frontline.helpdesk.jdbc {
  requires transitive dev.frontline.helpdesk;
  requires transitive java.sql;
  requires dev.frontline.helpdesk.jackson;
  requires org.jooq;
  requires org.slf4j;

  exports dev.frontline.helpdesk.jdbc;

  // jOOQ instantiates the generated table records reflectively.
  opens dev.frontline.helpdesk.jdbc.internal.schema.tables.records to org.jooq;
}
