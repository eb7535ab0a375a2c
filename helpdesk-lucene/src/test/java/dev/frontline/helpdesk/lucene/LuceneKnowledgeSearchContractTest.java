package dev.frontline.helpdesk.lucene;

import dev.frontline.helpdesk.spi.KnowledgeSearch;
import dev.frontline.helpdesk.testkit.KnowledgeSearchContract;
import org.apache.lucene.store.ByteBuffersDirectory;

class LuceneKnowledgeSearchContractTest extends KnowledgeSearchContract {
  @Override
  protected KnowledgeSearch newSearch() {
    return LuceneKnowledgeSearch.builder(new ByteBuffersDirectory()).build();
  }

  @Override
  protected void makeSearchable(KnowledgeSearch s) {
    ((LuceneKnowledgeSearch) s).refresh();
  }
}
