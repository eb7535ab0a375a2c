package dev.frontline.helpdesk.testkit;

import dev.frontline.helpdesk.spi.BlobStore;
import dev.frontline.helpdesk.spi.DirectoryStore;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.spi.memory.InMemoryBlobStore;
import dev.frontline.helpdesk.spi.memory.InMemoryDirectoryStore;
import dev.frontline.helpdesk.spi.memory.InMemoryTicketStore;
import org.junit.jupiter.api.Nested;

/** The in-memory reference stores pass the contract test kit. */
class InMemoryStoresTest {
  @Nested
  class Tickets extends TicketStoreContract {
    @Override
    protected TicketStore newStore() {
      return new InMemoryTicketStore();
    }
  }

  @Nested
  class Directory extends DirectoryStoreContract {
    @Override
    protected DirectoryStore newStore() {
      return new InMemoryDirectoryStore();
    }
  }

  @Nested
  class Blobs extends BlobStoreContract {
    @Override
    protected BlobStore newStore() {
      return new InMemoryBlobStore();
    }
  }

  @Nested
  class Audit extends AuditCasesContract {
    @Override
    protected dev.frontline.helpdesk.spi.HelpdeskStores newStores() {
      return dev.frontline.helpdesk.spi.memory.InMemoryStores.create();
    }
  }
}
