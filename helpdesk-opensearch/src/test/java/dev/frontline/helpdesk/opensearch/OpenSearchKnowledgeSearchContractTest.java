package dev.frontline.helpdesk.opensearch;

import dev.frontline.helpdesk.spi.KnowledgeSearch;
import dev.frontline.helpdesk.testkit.KnowledgeSearchContract;

class OpenSearchKnowledgeSearchContractTest extends KnowledgeSearchContract {
  @Override
  protected KnowledgeSearch newSearch() {
    return TestIndexes.knowledge();
  }

  @Override
  protected void makeSearchable(KnowledgeSearch s) {
    s.refresh();
  }
}
