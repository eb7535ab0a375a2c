package dev.frontline.helpdesk.opensearch;

import dev.frontline.helpdesk.StorageException;
import java.io.Serial;

/**
 * The OpenSearch cluster could not be reached (refused or timed-out connection, no node answering).
 * The call changed nothing in the index; it may be retried once the cluster is back.
 */
public final class OpenSearchUnavailableException extends StorageException {
  @Serial private static final long serialVersionUID = 1L;

  /**
   * @param message what was attempted and where
   * @param cause the underlying failure
   */
  public OpenSearchUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
