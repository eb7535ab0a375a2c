package dev.frontline.helpdesk.testkit;

import dev.frontline.helpdesk.spi.KnowledgeSearch;
import dev.frontline.helpdesk.spi.memory.InMemoryKnowledgeSearch;

class InMemoryKnowledgeAccessTest extends KnowledgeAccessContract {
  @Override
  protected KnowledgeSearch newSearch() {
    return new InMemoryKnowledgeSearch();
  }
}
