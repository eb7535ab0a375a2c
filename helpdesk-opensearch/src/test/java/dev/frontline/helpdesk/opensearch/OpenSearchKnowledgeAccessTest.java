package dev.frontline.helpdesk.opensearch;

import dev.frontline.helpdesk.spi.KnowledgeSearch;
import dev.frontline.helpdesk.testkit.KnowledgeAccessContract;

/** The security table's knowledge cases against OpenSearch. */
class OpenSearchKnowledgeAccessTest extends KnowledgeAccessContract {
  @Override
  protected KnowledgeSearch newSearch() {
    return TestIndexes.knowledge();
  }

  @Override
  protected void makeSearchable(KnowledgeSearch s) {
    s.refresh();
  }

  @Override
  protected boolean correctsTypos() {
    return true;
  }
}
