package dev.frontline.helpdesk.testkit;

import dev.frontline.helpdesk.spi.ArticleStore;
import dev.frontline.helpdesk.spi.KnowledgeSearch;
import dev.frontline.helpdesk.spi.KnowledgeStatsStore;
import dev.frontline.helpdesk.spi.memory.InMemoryArticleStore;
import dev.frontline.helpdesk.spi.memory.InMemoryKnowledgeSearch;
import dev.frontline.helpdesk.spi.memory.InMemoryKnowledgeStatsStore;
import org.junit.jupiter.api.Nested;

class InMemoryKnowledgeContractTest {
  @Nested
  class Search extends KnowledgeSearchContract {
    @Override
    protected KnowledgeSearch newSearch() {
      return new InMemoryKnowledgeSearch();
    }
  }

  @Nested
  class Store extends ArticleStoreContract {
    @Override
    protected ArticleStore newStore() {
      return new InMemoryArticleStore();
    }
  }

  @Nested
  class Stats extends KnowledgeStatsStoreContract {
    @Override
    protected KnowledgeStatsStore newStore() {
      return new InMemoryKnowledgeStatsStore();
    }
  }
}
