package dev.frontline.helpdesk.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OpenSearchNodeTest {
  @Test
  @DisplayName("the test node runs with the analysis-common module: the built-in language analyzers stem")
  void languageAnalyzers() throws Exception {
    OpenSearchNode node = OpenSearchNode.shared();
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(node.url() + "/_analyze"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"analyzer\":\"danish\",\"text\":\"printerne\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("\"token\":\"print");
  }
}
