package dev.frontline.helpdesk.opensearch;

import dev.frontline.helpdesk.spi.TicketSearch;
import dev.frontline.helpdesk.testkit.TicketSearchContract;

/** The testkit's similar-ticket contract (SECURITY.md cases, randomized agreement) on OpenSearch. */
class OpenSearchTicketSearchContractTest extends TicketSearchContract {
  @Override
  protected TicketSearch newSearch() {
    return TestIndexes.tickets();
  }

  @Override
  protected void refresh(TicketSearch s) {
    s.refresh();
  }
}
