package dev.frontline.helpdesk.testkit;

import dev.frontline.helpdesk.spi.TicketSearch;
import dev.frontline.helpdesk.spi.memory.InMemoryTicketSearch;

class InMemoryTicketSearchContractTest extends TicketSearchContract {
  @Override
  protected TicketSearch newSearch() {
    return new InMemoryTicketSearch();
  }
}
