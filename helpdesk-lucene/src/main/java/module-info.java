/**
 * Knowledge base and similar-ticket search on Apache Lucene. Rule for module descriptors: see
 * {@code dev.frontline.helpdesk}'s.
 */
module dev.frontline.helpdesk.lucene {
  // Not used by the library: the fuzz tests, compiled into this module, measure CPU time per input.
  requires static java.management;
  requires transitive dev.frontline.helpdesk;
  requires transitive org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;
  requires org.apache.lucene.analysis.stempel;
  requires org.apache.lucene.highlighter;
  requires org.slf4j;

  exports dev.frontline.helpdesk.lucene;
}
