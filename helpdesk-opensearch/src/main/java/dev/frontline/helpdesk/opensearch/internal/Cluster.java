package dev.frontline.helpdesk.opensearch.internal;

import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.opensearch.OpenSearchUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * The connection to the cluster and the translation of its failures into Frontline's exceptions:
 * no answer becomes {@link OpenSearchUnavailableException}, a refusal a {@link StorageException}
 * with OpenSearch's reason.
 */
public final class Cluster implements AutoCloseable {
  /** One call against the cluster. */
  @FunctionalInterface
  public interface Call<T> {
    /**
     * @return the result
     * @throws IOException when the cluster cannot be reached
     */
    T run() throws IOException;
  }

  private final List<URI> hosts;
  private final OpenSearchTransport transport;
  private final OpenSearchClient client;

  /**
   * @param hosts the nodes to talk to ({@code http://host:port})
   * @param connectTimeout how long to wait for a connection
   * @param responseTimeout how long to wait for an answer
   */
  public Cluster(List<URI> hosts, Duration connectTimeout, Duration responseTimeout) {
    this.hosts = List.copyOf(hosts);
    HttpHost[] http = hosts.stream()
        .map(u -> new HttpHost(u.getScheme() == null ? "http" : u.getScheme(), u.getHost(), u.getPort() < 0 ? 9200 : u.getPort()))
        .toArray(HttpHost[]::new);
    this.transport = ApacheHttpClient5TransportBuilder.builder(http)
        .setMapper(new JacksonJsonpMapper())
        .setConnectionConfigCallback(b -> b.setConnectTimeout(Timeout.of(connectTimeout)))
        .setRequestConfigCallback(b -> b.setResponseTimeout(Timeout.of(responseTimeout)))
        .build();
    this.client = new OpenSearchClient(transport);
  }

  /** @return the client */
  public OpenSearchClient client() {
    return client;
  }

  /**
   * Runs a call and translates its failure.
   *
   * @param what what is attempted, for the message
   * @param call the call
   * @param <T> its result
   * @return the result
   */
  public <T> T call(String what, Call<T> call) {
    try {
      return call.run();
    } catch (OpenSearchException e) {
      throw new StorageException("OpenSearch refused to " + what + ": " + e.getMessage(), e);
    } catch (IOException e) {
      if (status(e) > 0) {
        // the cluster answered, with an error status
        throw new StorageException("OpenSearch refused to " + what + ": " + e.getMessage(), e);
      }
      throw new OpenSearchUnavailableException(
          "OpenSearch at " + hosts + " is unreachable, could not " + what + ": " + e, e);
    }
  }

  /**
   * The HTTP status of a failure the cluster answered with.
   *
   * @param failure a failure of a call
   * @return the status, or 0 if the cluster did not answer
   */
  public static int status(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof OpenSearchException e) {
        return e.status();
      }
      if (t instanceof ResponseException e) {
        return e.status();
      }
    }
    return 0;
  }

  @Override
  public void close() {
    try {
      transport.close();
    } catch (IOException e) {
      throw new OpenSearchUnavailableException("closing the connection to OpenSearch at " + hosts + " failed", e);
    }
  }

}
