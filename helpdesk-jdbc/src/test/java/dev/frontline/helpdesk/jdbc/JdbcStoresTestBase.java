package dev.frontline.helpdesk.jdbc;

import dev.frontline.helpdesk.spi.ArticleStore;
import dev.frontline.helpdesk.spi.AssetDirectory;
import dev.frontline.helpdesk.spi.AutomationDefinitionStore;
import dev.frontline.helpdesk.spi.BlobStore;
import dev.frontline.helpdesk.spi.DirectoryStore;
import dev.frontline.helpdesk.spi.EmailThreadStore;
import dev.frontline.helpdesk.spi.InteractionStore;
import dev.frontline.helpdesk.spi.KnowledgeStatsStore;
import dev.frontline.helpdesk.spi.RoutingLedger;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.testkit.ArticleStoreContract;
import dev.frontline.helpdesk.testkit.AssetDirectoryContract;
import dev.frontline.helpdesk.testkit.AuditCasesContract;
import dev.frontline.helpdesk.testkit.AutomationDefinitionStoreContract;
import dev.frontline.helpdesk.testkit.BlobStoreContract;
import dev.frontline.helpdesk.testkit.DirectoryStoreContract;
import dev.frontline.helpdesk.testkit.EmailThreadStoreContract;
import dev.frontline.helpdesk.testkit.InteractionStoreContract;
import dev.frontline.helpdesk.testkit.KnowledgeStatsStoreContract;
import dev.frontline.helpdesk.testkit.MetricsStoreContract;
import dev.frontline.helpdesk.testkit.RoutingLedgerContract;
import dev.frontline.helpdesk.testkit.TicketStoreContract;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

/**
 * Runs every contract of the test kit and the JDBC checks on one database; each subclass names the
 * database. One instance per class (so the database is started once), shared by the nested classes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcStoresTestBase {
  private TestDatabase database;
  private JdbcStores stores;
  private String skipped;

  /** @return how this class gets its database (may abort the class when a server is unreachable) */
  protected abstract Supplier<TestDatabase> factory();

  @BeforeAll
  void start() {
    try {
      database = factory().get();
    } catch (TestAbortedException e) {
      skipped = e.getMessage(); // every test then reports itself as skipped, with this reason
      return;
    }
    stores = JdbcStores.builder(database.dataSource(), database.dialect()).build();
    stores.migrate();
  }

  /** The class's database; aborts (skips) the test if the server is not reachable. */
  private TestDatabase db() {
    if (database == null) {
      Assumptions.abort(skipped);
    }
    return database;
  }

  @AfterAll
  void stop() {
    if (database != null) {
      database.close();
    }
  }

  @Nested
  @DisplayName("ticket store contract")
  class Tickets extends TicketStoreContract {
    @Override
    protected TicketStore newStore() {
      db().truncate();
      return stores.ticketStore();
    }

    @Override
    protected int threads() {
      return 8;
    }
  }

  @Nested
  @DisplayName("directory store contract")
  class Directory extends DirectoryStoreContract {
    @Override
    protected DirectoryStore newStore() {
      db().truncate();
      return stores.directoryStore();
    }
  }

  @Nested
  @DisplayName("blob store contract")
  class Blobs extends BlobStoreContract {
    @Override
    protected BlobStore newStore() {
      db().truncate();
      return stores.blobStore();
    }
  }

  @Nested
  @DisplayName("JDBC checks")
  class Checks extends JdbcChecks {
    @Override
    protected TestDatabase database() {
      return db();
    }

    @Override
    protected Supplier<TestDatabase> factory() {
      return JdbcStoresTestBase.this.factory();
    }
  }

  @Nested
  @DisplayName("storage errors a user can act on")
  class StorageErrors extends StorageErrorChecks {
    @Override
    protected TestDatabase database() {
      return db();
    }

    @Override
    protected Supplier<TestDatabase> factory() {
      return JdbcStoresTestBase.this.factory();
    }
  }

  @Nested
  @DisplayName("escalation claims")
  class Claims extends ClaimChecks {
    @Override
    protected TestDatabase database() {
      return db();
    }
  }

  @Nested
  @DisplayName("transactional outbox")
  class Outbox extends OutboxChecks {
    @Override
    protected TestDatabase database() {
      return db();
    }
  }

  @Nested
  @DisplayName("article store contract")
  class Articles extends ArticleStoreContract {
    @Override
    protected ArticleStore newStore() {
      db().truncate();
      return stores.articleStore();
    }
  }

  @Nested
  @DisplayName("article change feed under out-of-order commits")
  class ArticleFeed extends ArticleFeedChecks {
    @Override
    protected TestDatabase database() {
      return db();
    }
  }

  @Nested
  @DisplayName("metrics store contract (SQL aggregates against the in-memory reference)")
  class Metrics extends MetricsStoreContract {
    @Override
    protected Stores newStores() {
      db().truncate();
      return new Stores(stores.ticketStore(), stores.metricsStore());
    }
  }

  @Nested
  @DisplayName("interaction store contract")
  class Interactions extends InteractionStoreContract {
    @Override
    protected InteractionStore newStore() {
      db().truncate();
      return stores.interactionStore();
    }
  }

  @Nested
  @DisplayName("audit cases through the services")
  class Audit extends AuditCasesContract {
    @Override
    protected dev.frontline.helpdesk.spi.HelpdeskStores newStores() {
      db().truncate();
      return stores;
    }
  }

  @Nested
  @DisplayName("asset directory contract")
  class Assets extends AssetDirectoryContract {
    @Override
    protected AssetDirectory newDirectory() {
      db().truncate();
      return stores.assetDirectory();
    }
  }

  @Nested
  @DisplayName("metrics columns of rows written before schema V2")
  class MetricsBackfill extends MetricsBackfillChecks {
    @Override
    protected TestDatabase database() {
      return db();
    }
  }

  @Nested
  @DisplayName("stored documents of earlier releases (no format version)")
  class StoredDocuments extends StoredDocumentsChecks {
    @Override
    protected TestDatabase database() {
      return db();
    }
  }

  @Nested
  @DisplayName("knowledge stats store contract")
  class KnowledgeStats extends KnowledgeStatsStoreContract {
    @Override
    protected KnowledgeStatsStore newStore() {
      db().truncate();
      return stores.knowledgeStatsStore();
    }
  }

  @Nested
  @DisplayName("e-mail thread store contract")
  class EmailThreads extends EmailThreadStoreContract {
    @Override
    protected EmailThreadStore newStore() {
      db().truncate();
      return stores.emailThreadStore();
    }
  }

  @Nested
  @DisplayName("routing ledger contract")
  class RoutingLedgers extends RoutingLedgerContract {
    @Override
    protected RoutingLedger newLedger() {
      db().truncate();
      return stores.routingLedger();
    }
  }

  @Nested
  @DisplayName("automation definition store contract")
  class AutomationDefinitions extends AutomationDefinitionStoreContract {
    @Override
    protected AutomationDefinitionStore newStore() {
      db().truncate();
      return stores.automationDefinitionStore();
    }
  }
}
