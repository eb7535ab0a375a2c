package dev.frontline.helpdesk.jdbc;

import dev.frontline.helpdesk.jdbc.internal.Db;
import dev.frontline.helpdesk.jdbc.internal.JdbcArticleStore;
import dev.frontline.helpdesk.jdbc.internal.JdbcAssetDirectory;
import dev.frontline.helpdesk.jdbc.internal.JdbcAutomationDefinitionStore;
import dev.frontline.helpdesk.jdbc.internal.JdbcInteractionStore;
import dev.frontline.helpdesk.jdbc.internal.JdbcKnowledgeStatsStore;
import dev.frontline.helpdesk.jdbc.internal.JdbcMetricsStore;
import dev.frontline.helpdesk.jdbc.internal.JdbcBlobStore;
import dev.frontline.helpdesk.jdbc.internal.JdbcDirectoryStore;
import dev.frontline.helpdesk.jdbc.internal.JdbcEmailThreadStore;
import dev.frontline.helpdesk.jdbc.internal.JdbcRoutingLedger;
import dev.frontline.helpdesk.jdbc.internal.JdbcTicketStore;
import dev.frontline.helpdesk.jdbc.internal.Migrator;
import dev.frontline.helpdesk.spi.ArticleStore;
import dev.frontline.helpdesk.spi.AssetDirectory;
import dev.frontline.helpdesk.spi.AutomationDefinitionStore;
import dev.frontline.helpdesk.spi.BlobStore;
import dev.frontline.helpdesk.spi.DirectoryStore;
import dev.frontline.helpdesk.spi.EmailThreadStore;
import dev.frontline.helpdesk.spi.HelpdeskStores;
import dev.frontline.helpdesk.spi.InteractionStore;
import dev.frontline.helpdesk.spi.KnowledgeStatsStore;
import dev.frontline.helpdesk.spi.MetricsStore;
import dev.frontline.helpdesk.spi.RoutingLedger;
import dev.frontline.helpdesk.spi.TicketStore;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The JDBC implementations of Frontline's storage SPIs, on one {@link DataSource}. Build with
 * {@link #builder(DataSource, JdbcDialect)}, apply the schema with {@link #migrate()} (or let the
 * host's Flyway run {@code classpath:db/frontline/<dialect>} with its own history table), then
 * hand the bundle to {@code Helpdesk.builder().stores(...)}.
 *
 * <pre>{@code
 * JdbcStores stores = JdbcStores.builder(dataSource, JdbcDialect.POSTGRES).build();
 * stores.migrate();
 * Helpdesk helpdesk = Helpdesk.builder().stores(stores).build();
 * }</pre>
 *
 * <p>Every store call borrows a connection from the data source for one statement or one
 * transaction and returns it before the call returns; nothing is kept open between calls, so any
 * connection pool works. Several application nodes may share one database: writes use optimistic
 * locking ({@code UPDATE ... WHERE id = ? AND version = ?}) and unique constraints, never
 * in-memory state. Database failures surface as {@link dev.frontline.helpdesk.StorageException},
 * unique violations as {@link dev.frontline.helpdesk.ConflictException}; no {@code SQLException}
 * or jOOQ exception escapes. Instances are immutable and thread-safe.
 */
public final class JdbcStores implements HelpdeskStores {
  private final Db db;
  private final TicketStore ticketStore;
  private final DirectoryStore directoryStore;
  private final BlobStore blobStore;
  private final ArticleStore articleStore;
  private final MetricsStore metricsStore;
  private final InteractionStore interactionStore;
  private final AssetDirectory assetDirectory;
  private final KnowledgeStatsStore knowledgeStatsStore;
  private final EmailThreadStore emailThreadStore;
  private final RoutingLedger routingLedger;
  private final AutomationDefinitionStore automationDefinitionStore;

  private JdbcStores(Builder b) {
    this.db = new Db(b.dataSource, b.dialect);
    this.ticketStore = new JdbcTicketStore(db, b.outbox);
    this.directoryStore = new JdbcDirectoryStore(db);
    this.blobStore = new JdbcBlobStore(db);
    this.articleStore = new JdbcArticleStore(db);
    this.metricsStore = new JdbcMetricsStore(db);
    this.interactionStore = new JdbcInteractionStore(db);
    this.assetDirectory = new JdbcAssetDirectory(db);
    this.knowledgeStatsStore = new JdbcKnowledgeStatsStore(db);
    this.emailThreadStore = new JdbcEmailThreadStore(db);
    this.routingLedger = new JdbcRoutingLedger(db);
    this.automationDefinitionStore = new JdbcAutomationDefinitionStore(db);
  }

  /**
   * Starts a builder.
   *
   * @param dataSource where connections come from (typically a pool)
   * @param dialect which database it is
   * @return the builder
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(DataSource dataSource, JdbcDialect dialect) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"), Objects.requireNonNull(dialect, "dialect"));
  }

  /**
   * Applies the pending schema scripts of the dialect, recording them in {@code
   * frontline_schema_history}. Safe to call on every start, from several nodes at once: it takes a
   * database lock ({@code pg_advisory_xact_lock} on PostgreSQL, {@code GET_LOCK} on MariaDB/MySQL;
   * on H2 runs are serialized within the JVM) and applies each script once. Calling it on a current
   * schema changes nothing.
   *
   * @param dataSource the database
   * @param dialect its dialect
   * @return the number of scripts applied (0 if the schema was current)
   * @throws dev.frontline.helpdesk.StorageException if a script fails or an applied script was
   *     changed
   */
  public static int migrate(DataSource dataSource, JdbcDialect dialect) {
    return new Migrator(new Db(Objects.requireNonNull(dataSource), Objects.requireNonNull(dialect))).migrate();
  }

  /**
   * Applies the pending schema scripts; see {@link #migrate(DataSource, JdbcDialect)}.
   *
   * @return the number of scripts applied
   */
  public int migrate() {
    return new Migrator(db).migrate();
  }

  /** @return the dialect these stores were built for */
  public JdbcDialect dialect() {
    return db.dialect();
  }

  /** @return the ticket store (thread-safe, shared) */
  @Override
  public TicketStore ticketStore() {
    return ticketStore;
  }

  /** @return the directory store (thread-safe, shared) */
  @Override
  public DirectoryStore directoryStore() {
    return directoryStore;
  }

  /**
   * A claim helper for escalation steps, for one application node.
   *
   * @param owner a name for this node, unique among the nodes (e.g. host name and process id)
   * @param lease how long a claim stays valid without {@link JdbcEscalationClaims#renew}
   * @return the helper
   * @throws dev.frontline.helpdesk.ValidationException if the owner is blank or the lease not positive
   */
  public JdbcEscalationClaims escalationClaims(String owner, Duration lease) {
    return new JdbcEscalationClaims(db, owner, lease);
  }

  /**
   * The consumer side of the transactional outbox (see {@link Builder#outbox(boolean)}).
   *
   * @return the outbox reader
   */
  public JdbcOutbox outbox() {
    return new JdbcOutbox(db);
  }

  /** @return the blob store (thread-safe, shared) */
  @Override
  public BlobStore blobStore() {
    return blobStore;
  }

  /**
   * Knowledge articles with revisions and a change feed (schema V2). The feed's sequence numbers
   * may become visible out of order; follow it with a reader that re-reads a trailing window, such
   * as the core's {@code KnowledgeIndexer} or {@link ArticleChangeFollower}.
   *
   * @return the article store (thread-safe, shared)
   */
  @Override
  public ArticleStore articleStore() {
    return articleStore;
  }

  /**
   * Metrics reports aggregated in SQL over the ticket table (schema V2), with the same results as
   * {@code InMemoryMetricsStore} over {@link #ticketStore()}.
   *
   * @return the metrics store (thread-safe, shared)
   */
  @Override
  public MetricsStore metricsStore() {
    return metricsStore;
  }

  /** @return the interaction store (schema V2; thread-safe, shared) */
  @Override
  public InteractionStore interactionStore() {
    return interactionStore;
  }

  /** @return the asset directory (schema V2; thread-safe, shared) */
  @Override
  public AssetDirectory assetDirectory() {
    return assetDirectory;
  }

  /**
   * Votes, views and linked/solved tickets of knowledge articles (schema V3): a unique key on
   * (article, voter) keeps one vote per voter, replaced atomically; linked and solved tickets are
   * unique per article; views are a counter.
   *
   * @return the knowledge stats store (thread-safe, shared)
   */
  @Override
  public KnowledgeStatsStore knowledgeStatsStore() {
    return knowledgeStatsStore;
  }

  /**
   * E-mail threading for {@code EmailIntake} (schema V4): received and referenced Message-IDs,
   * unique per id (the first record wins, also across nodes), and the participants of each ticket.
   *
   * @return the e-mail thread store (thread-safe, shared)
   */
  @Override
  public EmailThreadStore emailThreadStore() {
    return emailThreadStore;
  }

  /**
   * The routing ledger for {@code Router} (schema V6): agents' slots and the held queue in tables,
   * so that routers on several nodes sharing this database never put an agent over capacity and
   * serve one held queue. A reservation locks the agent's row ({@code SELECT ... FOR UPDATE}),
   * checks the agent's load and adds the slot in one transaction; reservations for different agents
   * do not wait for each other.
   *
   * @return the routing ledger (thread-safe, shared)
   */
  @Override
  public RoutingLedger routingLedger() {
    return routingLedger;
  }

  /**
   * Definitions of macros, triggers and automations (schema V8), for {@code MacroService}, {@code
   * TriggerEngine} and {@code AutomationRunner}: one row per definition with its JSON ({@code
   * AutomationDefinitionJson}) and a store-wide change counter. A save or delete locks the counter
   * row ({@code SELECT ... FOR UPDATE}), checks the expected revision and writes in one
   * transaction, so of several nodes saving one definition with the same expected revision exactly
   * one wins; services sharing this database cache the definitions and re-read them when the
   * counter moved. A stored row that cannot be read (e.g. written by a newer version in a newer
   * format) fails with {@link dev.frontline.helpdesk.StorageException}.
   *
   * @return the automation definition store (thread-safe, shared)
   */
  @Override
  public AutomationDefinitionStore automationDefinitionStore() {
    return automationDefinitionStore;
  }

  /** Configures {@link JdbcStores}. Not thread-safe; {@link #build()} may be called repeatedly. */
  public static final class Builder {
    private final DataSource dataSource;
    private final JdbcDialect dialect;
    private boolean outbox;

    private Builder(DataSource dataSource, JdbcDialect dialect) {
      this.dataSource = dataSource;
      this.dialect = dialect;
    }

    /**
     * Writes every ticket event also into the transactional outbox table {@code frontline_outbox},
     * in the same transaction as the event, for {@link JdbcStores#outbox()} consumers. Off by
     * default: without consumers the table would only grow.
     *
     * @param enabled whether to write the outbox
     * @return this
     */
    public Builder outbox(boolean enabled) {
      this.outbox = enabled;
      return this;
    }

    /** @return the stores; the schema is not touched (call {@link JdbcStores#migrate()}) */
    public JdbcStores build() {
      return new JdbcStores(this);
    }
  }
}
