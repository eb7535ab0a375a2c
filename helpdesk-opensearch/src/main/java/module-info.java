/**
 * Knowledge base search and similar solved tickets on an OpenSearch cluster. Rule for module
 * descriptors: see {@code dev.frontline.helpdesk}'s.
 *
 * <p>The OpenSearch Java client has no module descriptor: it is the automatic module {@code
 * opensearch.java} (named after its jar), which reads every resolved module but declares no
 * dependencies. What it needs at run time and nothing else requires is required here, so that a
 * host on the module path resolves it ({@code OpenSearchModulePathTest} in helpdesk-module-tests).
 */
module dev.frontline.helpdesk.opensearch {
  // Not used by the library: the tests, compiled into this module, talk to their node over HTTP.
  requires static java.net.http;
  requires transitive dev.frontline.helpdesk;
  requires opensearch.java;
  // the client logs through Commons Logging (not used by this module's own code)
  requires org.apache.commons.logging;
  requires jakarta.json;
  requires com.fasterxml.jackson.databind;
  requires org.apache.httpcomponents.client5.httpclient5;
  requires org.apache.httpcomponents.core5.httpcore5;
  requires org.slf4j;

  exports dev.frontline.helpdesk.opensearch;
}
