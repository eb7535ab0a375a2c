package dev.frontline.helpdesk.spring;

import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.search.TicketSearchAudience;
import dev.frontline.helpdesk.spi.KnowledgeSearch;
import dev.frontline.helpdesk.spi.TicketSearch;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The health of Frontline's database and search indexes, as the actuator's {@code frontline}
 * component: UP when a connection from the data source is valid and every search index answers,
 * DOWN otherwise (each index is probed with a one-hit query), with one detail per part ({@code database}, {@code knowledgeIndex}, {@code
 * ticketIndex}) saying which failed and why. Thread-safe.
 */
public final class FrontlineHealthIndicator implements HealthIndicator {
  private static final int VALIDATION_TIMEOUT_SECONDS = 2;

  private final DataSource dataSource;
  private final @Nullable KnowledgeSearch knowledgeSearch;
  private final @Nullable TicketSearch ticketSearch;
  private final @Nullable Path indexDir;

  /**
   * @param dataSource Frontline's database
   * @param knowledgeSearch the knowledge index, if any
   * @param ticketSearch the ticket index, if any
   * @param indexDir the index folder, or null if the indexes are in memory (reported as a detail)
   */
  public FrontlineHealthIndicator(DataSource dataSource, @Nullable KnowledgeSearch knowledgeSearch,
      @Nullable TicketSearch ticketSearch, @Nullable Path indexDir) {
    this.dataSource = java.util.Objects.requireNonNull(dataSource, "dataSource");
    this.knowledgeSearch = knowledgeSearch;
    this.ticketSearch = ticketSearch;
    this.indexDir = indexDir;
  }

  @Override
  public Health health() {
    Map<String, Object> details = new LinkedHashMap<>();
    boolean up = database(details);
    KnowledgeSearch ks = knowledgeSearch;
    if (ks != null) {
      up &= index("knowledgeIndex", () -> ks.suggest("health", null, SearchAudience.publicOnly(), 1), details);
    }
    TicketSearch ts = ticketSearch;
    if (ts != null) {
      up &= index("ticketIndex",
          () -> ts.similarSolved("health", null, TicketSearchAudience.publicOnly(TicketVisibility.everything()), null, 1), details);
    }
    details.put("indexLocation", indexDir == null ? "memory" : indexDir.toAbsolutePath().toString());
    return (up ? Health.up() : Health.down()).withDetails(details).build();
  }

  private boolean database(Map<String, Object> details) {
    try (Connection c = dataSource.getConnection()) {
      if (c.isValid(VALIDATION_TIMEOUT_SECONDS)) {
        details.put("database", "UP (" + c.getMetaData().getDatabaseProductName() + ")");
        return true;
      }
      details.put("database", "DOWN: connection not valid");
    } catch (SQLException | RuntimeException e) {
      details.put("database", "DOWN: " + e.getMessage());
    }
    return false;
  }

  private static boolean index(String name, Runnable probe, Map<String, Object> details) {
    try {
      probe.run();
      details.put(name, "UP");
      return true;
    } catch (RuntimeException e) {
      details.put(name, "DOWN: " + e.getMessage());
      return false;
    }
  }
}
