package dev.frontline.helpdesk.testkit;

import dev.frontline.helpdesk.spi.AssetDirectory;
import dev.frontline.helpdesk.spi.AutomationDefinitionStore;
import dev.frontline.helpdesk.spi.EmailThreadStore;
import dev.frontline.helpdesk.spi.InteractionStore;
import dev.frontline.helpdesk.spi.RoutingLedger;
import dev.frontline.helpdesk.spi.memory.InMemoryAssetDirectory;
import dev.frontline.helpdesk.spi.memory.InMemoryAutomationDefinitionStore;
import dev.frontline.helpdesk.spi.memory.InMemoryEmailThreadStore;
import dev.frontline.helpdesk.spi.memory.InMemoryInteractionStore;
import dev.frontline.helpdesk.spi.memory.InMemoryMetricsStore;
import dev.frontline.helpdesk.spi.memory.InMemoryRoutingLedger;
import dev.frontline.helpdesk.spi.memory.InMemoryTicketStore;
import org.junit.jupiter.api.Nested;

/**
 * The in-memory metrics, intake, asset, e-mail thread and automation definition stores and routing
 * ledger pass their contracts.
 */
class InMemoryOpsStoresTest {
  @Nested
  class Metrics extends MetricsStoreContract {
    @Override
    protected Stores newStores() {
      InMemoryTicketStore tickets = new InMemoryTicketStore();
      return new Stores(tickets, new InMemoryMetricsStore(tickets));
    }
  }

  @Nested
  class Interactions extends InteractionStoreContract {
    @Override
    protected InteractionStore newStore() {
      return new InMemoryInteractionStore();
    }
  }

  @Nested
  class Assets extends AssetDirectoryContract {
    @Override
    protected AssetDirectory newDirectory() {
      return new InMemoryAssetDirectory();
    }
  }

  @Nested
  class EmailThreads extends EmailThreadStoreContract {
    @Override
    protected EmailThreadStore newStore() {
      return new InMemoryEmailThreadStore();
    }
  }

  @Nested
  class RoutingLedgers extends RoutingLedgerContract {
    @Override
    protected RoutingLedger newLedger() {
      return new InMemoryRoutingLedger();
    }
  }

  @Nested
  class AutomationDefinitions extends AutomationDefinitionStoreContract {
    @Override
    protected AutomationDefinitionStore newStore() {
      return new InMemoryAutomationDefinitionStore();
    }
  }
}
