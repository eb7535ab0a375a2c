package dev.frontline.helpdesk.spi.memory;

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
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Every store in this process's memory: for tests, demos and single-process tools. Nothing survives
 * a restart and nothing is shared with another process. {@link #create()} gives a fresh bundle;
 * {@link #builder()} replaces single stores (for example a store wrapped to inject faults in a test)
 * and keeps in-memory ones for the rest. Thread-safe.
 */
public final class InMemoryStores implements HelpdeskStores {
  private final TicketStore tickets;
  private final DirectoryStore directory;
  private final BlobStore blobs;
  private final RoutingLedger routing;
  private final AutomationDefinitionStore definitions;
  private final ArticleStore articles;
  private final KnowledgeStatsStore knowledgeStats;
  private final InteractionStore interactions;
  private final AssetDirectory assets;
  private final MetricsStore metrics;
  private final EmailThreadStore emailThreads;

  private InMemoryStores(Builder b) {
    this.tickets = b.tickets != null ? b.tickets : new InMemoryTicketStore();
    this.directory = b.directory != null ? b.directory : new InMemoryDirectoryStore();
    this.blobs = b.blobs != null ? b.blobs : new InMemoryBlobStore();
    this.routing = b.routing != null ? b.routing : new InMemoryRoutingLedger();
    this.definitions = b.definitions != null ? b.definitions : new InMemoryAutomationDefinitionStore();
    this.articles = b.articles != null ? b.articles : new InMemoryArticleStore();
    this.knowledgeStats = b.knowledgeStats != null ? b.knowledgeStats : new InMemoryKnowledgeStatsStore();
    this.interactions = b.interactions != null ? b.interactions : new InMemoryInteractionStore();
    this.assets = b.assets != null ? b.assets : new InMemoryAssetDirectory();
    this.metrics = b.metrics != null ? b.metrics : new InMemoryMetricsStore(tickets);
    this.emailThreads = b.emailThreads != null ? b.emailThreads : new InMemoryEmailThreadStore();
  }

  /** @return a bundle of new, empty in-memory stores */
  public static InMemoryStores create() {
    return new Builder().build();
  }

  /** @return a builder; every store not set is a new in-memory one */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public TicketStore ticketStore() {
    return tickets;
  }

  @Override
  public DirectoryStore directoryStore() {
    return directory;
  }

  @Override
  public BlobStore blobStore() {
    return blobs;
  }

  @Override
  public RoutingLedger routingLedger() {
    return routing;
  }

  @Override
  public AutomationDefinitionStore automationDefinitionStore() {
    return definitions;
  }

  @Override
  public ArticleStore articleStore() {
    return articles;
  }

  @Override
  public KnowledgeStatsStore knowledgeStatsStore() {
    return knowledgeStats;
  }

  @Override
  public InteractionStore interactionStore() {
    return interactions;
  }

  @Override
  public AssetDirectory assetDirectory() {
    return assets;
  }

  @Override
  public MetricsStore metricsStore() {
    return metrics;
  }

  @Override
  public EmailThreadStore emailThreadStore() {
    return emailThreads;
  }

  /**
   * Builds an {@link InMemoryStores}, replacing single stores. The in-memory metrics store reads
   * the ticket store, so it follows a replaced ticket store unless it is replaced too. Not
   * thread-safe.
   */
  public static final class Builder {
    private @Nullable TicketStore tickets;
    private @Nullable DirectoryStore directory;
    private @Nullable BlobStore blobs;
    private @Nullable RoutingLedger routing;
    private @Nullable AutomationDefinitionStore definitions;
    private @Nullable ArticleStore articles;
    private @Nullable KnowledgeStatsStore knowledgeStats;
    private @Nullable InteractionStore interactions;
    private @Nullable AssetDirectory assets;
    private @Nullable MetricsStore metrics;
    private @Nullable EmailThreadStore emailThreads;

    private Builder() {}

    /**
     * @param store the ticket store to use instead of a new in-memory one
     * @return this
     */
    public Builder ticketStore(TicketStore store) {
      tickets = Objects.requireNonNull(store, "ticketStore");
      return this;
    }

    /**
     * @param store the directory store to use instead of a new in-memory one
     * @return this
     */
    public Builder directoryStore(DirectoryStore store) {
      directory = Objects.requireNonNull(store, "directoryStore");
      return this;
    }

    /**
     * @param store the blob store to use instead of a new in-memory one
     * @return this
     */
    public Builder blobStore(BlobStore store) {
      blobs = Objects.requireNonNull(store, "blobStore");
      return this;
    }

    /**
     * @param store the routing ledger to use instead of a new in-memory one
     * @return this
     */
    public Builder routingLedger(RoutingLedger store) {
      routing = Objects.requireNonNull(store, "routingLedger");
      return this;
    }

    /**
     * @param store the definition store to use instead of a new in-memory one
     * @return this
     */
    public Builder automationDefinitionStore(AutomationDefinitionStore store) {
      definitions = Objects.requireNonNull(store, "automationDefinitionStore");
      return this;
    }

    /**
     * @param store the article store to use instead of a new in-memory one
     * @return this
     */
    public Builder articleStore(ArticleStore store) {
      articles = Objects.requireNonNull(store, "articleStore");
      return this;
    }

    /**
     * @param store the knowledge statistics store to use instead of a new in-memory one
     * @return this
     */
    public Builder knowledgeStatsStore(KnowledgeStatsStore store) {
      knowledgeStats = Objects.requireNonNull(store, "knowledgeStatsStore");
      return this;
    }

    /**
     * @param store the interaction store to use instead of a new in-memory one
     * @return this
     */
    public Builder interactionStore(InteractionStore store) {
      interactions = Objects.requireNonNull(store, "interactionStore");
      return this;
    }

    /**
     * @param store the asset directory to use instead of a new in-memory one
     * @return this
     */
    public Builder assetDirectory(AssetDirectory store) {
      assets = Objects.requireNonNull(store, "assetDirectory");
      return this;
    }

    /**
     * @param store the metrics store to use instead of an in-memory one over the ticket store
     * @return this
     */
    public Builder metricsStore(MetricsStore store) {
      metrics = Objects.requireNonNull(store, "metricsStore");
      return this;
    }

    /**
     * @param store the e-mail thread store to use instead of a new in-memory one
     * @return this
     */
    public Builder emailThreadStore(EmailThreadStore store) {
      emailThreads = Objects.requireNonNull(store, "emailThreadStore");
      return this;
    }

    /** @return the bundle */
    public InMemoryStores build() {
      return new InMemoryStores(this);
    }
  }
}
