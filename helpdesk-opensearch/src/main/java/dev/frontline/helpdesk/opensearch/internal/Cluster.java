package dev.frontline.helpdesk.opensearch.internal;

import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.opensearch.OpenSearchUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicInteger;
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
 *
 * <p>One client per node: a call goes to the node that answered last and, when a node cannot be
 * reached (refused or timed-out connection), on to the next one, so a cluster with a node down
 * keeps answering. The call fails as unavailable only when no node answers. (The Java client's own
 * multi-node transport does not move on to the next node for every kind of connection failure.)
 */
public final class Cluster implements AutoCloseable {
  /** One call against the cluster. */
  @FunctionalInterface
  public interface Call<T> {
    /**
     * @param client the client of the node to ask
     * @return the result
     * @throws IOException when the node cannot be reached
     */
    T run(OpenSearchClient client) throws IOException;
  }

  private final List<URI> hosts;
  private final List<OpenSearchTransport> transports = new ArrayList<>();
  private final List<OpenSearchClient> clients = new ArrayList<>();
  private final AtomicInteger preferred = new AtomicInteger();

  /**
   * @param hosts the nodes to talk to ({@code http://host:port})
   * @param connectTimeout how long to wait for a connection
   * @param responseTimeout how long to wait for an answer
   */
  public Cluster(List<URI> hosts, Duration connectTimeout, Duration responseTimeout) {
    this.hosts = List.copyOf(hosts);
    for (URI u : hosts) {
      HttpHost http = new HttpHost(u.getScheme() == null ? "http" : u.getScheme(), u.getHost(), u.getPort() < 0 ? 9200 : u.getPort());
      OpenSearchTransport transport = ApacheHttpClient5TransportBuilder.builder(http)
          .setMapper(new JacksonJsonpMapper())
          .setConnectionConfigCallback(b -> b.setConnectTimeout(Timeout.of(connectTimeout)))
          .setRequestConfigCallback(b -> b.setResponseTimeout(Timeout.of(responseTimeout)))
          .build();
      transports.add(transport);
      clients.add(new OpenSearchClient(transport));
    }
  }

  /**
   * Runs a call on the node that answered last, on the next nodes while nodes cannot be reached,
   * and translates its failure.
   *
   * @param what what is attempted, for the message
   * @param call the call
   * @param <T> its result
   * @return the result
   */
  public <T> T call(String what, Call<T> call) {
    int first = preferred.get();
    IOException unreachable = null;
    for (int i = 0; i < clients.size(); i++) {
      int node = (first + i) % clients.size();
      try {
        T result = call.run(clients.get(node));
        if (node != first) {
          preferred.set(node);
        }
        return result;
      } catch (OpenSearchException e) {
        throw new StorageException("OpenSearch refused to " + what + ": " + e.getMessage(), e);
      } catch (IOException e) {
        if (status(e) > 0) {
          // the cluster answered, with an error status
          throw new StorageException("OpenSearch refused to " + what + ": " + e.getMessage(), e);
        }
        if (unreachable != null) {
          e.addSuppressed(unreachable);
        }
        unreachable = e;
      }
    }
    throw new OpenSearchUnavailableException(
        "OpenSearch at " + hosts + " is unreachable, could not " + what + ": " + unreachable, java.util.Objects.requireNonNull(unreachable));
  }

  /**
   * Makes an index's changes searchable now. A copy on a node that has just left the cluster
   * cannot be refreshed (searches no longer go to it); that is no failure while some copy was
   * refreshed.
   *
   * @param index the index or alias
   */
  public void refresh(String index) {
    try {
      call("refresh " + index, client -> client.indices().refresh(r -> r.index(index)));
    } catch (StorageException e) {
      if (!(e instanceof OpenSearchUnavailableException) && status(e) == 503) {
        Matcher m = SUCCESSFUL.matcher(String.valueOf(e.getMessage()));
        if (m.find() && Integer.parseInt(m.group(1)) > 0) {
          return;
        }
      }
      throw e;
    }
  }

  private static final Pattern SUCCESSFUL = Pattern.compile("\"successful\":(\\d+)");

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
    IOException failure = null;
    for (OpenSearchTransport t : transports) {
      try {
        t.close();
      } catch (IOException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw new OpenSearchUnavailableException("closing the connection to OpenSearch at " + hosts + " failed", failure);
    }
  }

}
