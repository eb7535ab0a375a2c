package dev.frontline.helpdesk.spring;

import dev.frontline.helpdesk.jdbc.JdbcDialect;
import dev.frontline.helpdesk.ticket.TicketKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code frontline.*} configuration properties of the auto-configuration. Bound once at start
 * and validated while they are bound: a bad value (a malformed key prefix, a negative duration, an
 * unknown dialect) fails the start with the property's name and the reason. Immutable.
 *
 * @param enabled whether the auto-configuration builds a helpdesk at all
 * @param keyPrefix the ticket key prefix, 1-10 upper-case letters or digits starting with a letter
 *     ({@code HD} gives {@code HD-1042})
 * @param reopenWindow how long after solving a customer reply reopens the ticket; later replies open
 *     a follow-up ticket
 * @param autoCloseAfter how long a ticket stays solved before it is closed
 * @param jdbc the stores on the application's {@code DataSource}
 * @param search the Lucene search indexes
 * @param escalation the escalation runner
 * @param triggers the trigger engine
 */
@ConfigurationProperties("frontline")
public record FrontlineProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("HD") String keyPrefix,
    @DefaultValue("7d") Duration reopenWindow,
    @DefaultValue("4d") Duration autoCloseAfter,
    @DefaultValue Jdbc jdbc,
    @DefaultValue Search search,
    @DefaultValue Escalation escalation,
    @DefaultValue Triggers triggers) {

  /** Validates every value. */
  public FrontlineProperties {
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    if (!TicketKey.isValidPrefix(keyPrefix)) {
      throw new IllegalArgumentException(
          "frontline.key-prefix must be 1-10 upper-case letters or digits starting with a letter, was '" + keyPrefix + "'");
    }
    notNegative(reopenWindow, "frontline.reopen-window");
    notNegative(autoCloseAfter, "frontline.auto-close-after");
    Objects.requireNonNull(jdbc, "jdbc");
    Objects.requireNonNull(search, "search");
    Objects.requireNonNull(escalation, "escalation");
    Objects.requireNonNull(triggers, "triggers");
  }

  /** @return the defaults, as if no {@code frontline.*} property were set */
  public static FrontlineProperties defaults() {
    return new FrontlineProperties(true, "HD", Duration.ofDays(7), Duration.ofDays(4), Jdbc.defaults(), Search.defaults(),
        Escalation.defaults(), Triggers.defaults());
  }

  private static Duration notNegative(@Nullable Duration d, String name) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + d);
    }
    return d;
  }

  /**
   * {@code frontline.jdbc.*}: the stores ({@code JdbcStores}) on the application's {@code
   * DataSource}. Immutable.
   *
   * @param dialect the database's dialect; null (the default) detects it from the database's
   *     product name (PostgreSQL, MariaDB, MySQL, H2)
   * @param migrate whether to create or update Frontline's tables at start ({@code
   *     JdbcStores.migrate()}: idempotent, safe with several nodes starting at once); false when the
   *     host runs the scripts with its own Flyway ({@code classpath:db/frontline/<dialect>})
   * @param outbox whether ticket events are also written to the transactional outbox table
   */
  public record Jdbc(@Nullable JdbcDialect dialect, @DefaultValue("true") boolean migrate, boolean outbox) {
    /** @return the defaults: dialect detected, migrate at start, no outbox */
    public static Jdbc defaults() {
      return new Jdbc(null, true, false);
    }
  }

  /**
   * {@code frontline.search.*}: the Lucene knowledge search and the similar-ticket search.
   * Immutable.
   *
   * @param indexDir the folder of this node's indexes ({@code knowledge/} and {@code tickets/}
   *     inside it; one folder per application node, Lucene allows one writer); null (the default)
   *     keeps both indexes in memory, refilled from the database at every start
   * @param tickets whether to enable similar solved tickets ({@code Helpdesk.similarTickets()}) on a
   *     Lucene ticket index
   * @param refreshInterval how soon a change becomes searchable, 10 ms to 1 s
   * @param commitInterval how often changes are committed to the index folder, 100 ms to 10 min
   * @param catchUpInterval how often the knowledge index catches up with article changes made on
   *     other nodes (the store's change feed); zero switches the catch-up off
   */
  public record Search(
      @Nullable Path indexDir,
      @DefaultValue("true") boolean tickets,
      @DefaultValue("250ms") Duration refreshInterval,
      @DefaultValue("2s") Duration commitInterval,
      @DefaultValue("5s") Duration catchUpInterval) {
    /** Validates the intervals. */
    public Search {
      notNegative(catchUpInterval, "frontline.search.catch-up-interval");
      between(refreshInterval, Duration.ofMillis(10), Duration.ofSeconds(1), "frontline.search.refresh-interval");
      between(commitInterval, Duration.ofMillis(100), Duration.ofMinutes(10), "frontline.search.commit-interval");
    }

    /** @return the defaults: in memory, ticket search on, 250 ms refresh, 2 s commit, 5 s catch-up */
    public static Search defaults() {
      return new Search(null, true, Duration.ofMillis(250), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private static void between(@Nullable Duration d, Duration min, Duration max, String name) {
      if (d == null || d.compareTo(min) < 0 || d.compareTo(max) > 0) {
        throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + d);
      }
    }
  }

  /**
   * {@code frontline.escalation.*}: the escalation runner ({@code Helpdesk.escalation()}), which
   * applies the escalation rules and records SLA breaches. Immutable.
   *
   * @param interval how often the auto-configuration runs {@code escalation().runOnce()}; zero
   *     switches the schedule off (the host then runs it itself)
   * @param batchSize how many due tickets one run reads per page, 1 to 10000
   */
  public record Escalation(@DefaultValue("1m") Duration interval, @DefaultValue("200") int batchSize) {
    /** Validates the values. */
    public Escalation {
      notNegative(interval, "frontline.escalation.interval");
      if (batchSize < 1 || batchSize > 10_000) {
        throw new IllegalArgumentException("frontline.escalation.batch-size must be 1-10000, was " + batchSize);
      }
    }

    /** @return the defaults: every minute, 200 tickets a page */
    public static Escalation defaults() {
      return new Escalation(Duration.ofMinutes(1), 200);
    }
  }

  /**
   * {@code frontline.triggers.*}: the trigger engine. Immutable.
   *
   * @param maxDepth the deepest cascade of trigger-caused changes, 1 to 20
   */
  public record Triggers(@DefaultValue("5") int maxDepth) {
    /** Validates the depth. */
    public Triggers {
      if (maxDepth < 1 || maxDepth > 20) {
        throw new IllegalArgumentException("frontline.triggers.max-depth must be 1-20, was " + maxDepth);
      }
    }

    /** @return the default depth */
    public static Triggers defaults() {
      return new Triggers(5);
    }
  }
}
