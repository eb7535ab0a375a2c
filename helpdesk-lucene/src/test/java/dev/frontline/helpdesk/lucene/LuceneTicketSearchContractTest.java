package dev.frontline.helpdesk.lucene;

import dev.frontline.helpdesk.spi.TicketSearch;
import dev.frontline.helpdesk.testkit.TicketSearchContract;
import org.apache.lucene.store.ByteBuffersDirectory;

class LuceneTicketSearchContractTest extends TicketSearchContract {
  @Override
  protected TicketSearch newSearch() {
    return LuceneTicketSearch.builder(new ByteBuffersDirectory()).build();
  }

  @Override
  protected void refresh(TicketSearch s) {
    ((LuceneTicketSearch) s).refresh();
  }
}
