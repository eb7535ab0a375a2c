package dev.frontline.helpdesk.lucene;

import dev.frontline.helpdesk.spi.KnowledgeSearch;
import dev.frontline.helpdesk.testkit.KnowledgeAccessContract;
import org.apache.lucene.store.ByteBuffersDirectory;

/** The security table's knowledge cases against Lucene. */
class LuceneKnowledgeAccessTest extends KnowledgeAccessContract {
  @Override
  protected KnowledgeSearch newSearch() {
    return LuceneKnowledgeSearch.builder(new ByteBuffersDirectory()).build();
  }

  @Override
  protected void makeSearchable(KnowledgeSearch s) {
    ((LuceneKnowledgeSearch) s).refresh();
  }

  @Override
  protected boolean correctsTypos() {
    return true;
  }
}
