/**
 * Knowledge base search on an OpenSearch cluster. Rule for module descriptors: see {@code
 * dev.frontline.helpdesk}'s.
 */
module dev.frontline.helpdesk.opensearch {
  // Not used by the library: the tests, compiled into this module, talk to their node over HTTP.
  requires static java.net.http;
  requires transitive dev.frontline.helpdesk;
  requires opensearch.java;
  requires jakarta.json;
  requires com.fasterxml.jackson.databind;
  requires org.apache.httpcomponents.client5.httpclient5;
  requires org.apache.httpcomponents.core5.httpcore5;
  requires org.slf4j;

  exports dev.frontline.helpdesk.opensearch;
}
