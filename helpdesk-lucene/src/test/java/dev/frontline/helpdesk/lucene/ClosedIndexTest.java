package dev.frontline.helpdesk.lucene;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.search.TicketSearchAudience;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * After {@code close()} every operation of both searches fails with the library's typed {@link
 * StorageException} ("... index is closed"), never with a Lucene exception, and closing again does
 * nothing.
 */
class ClosedIndexTest {
  private static void closedFailure(String what, ThrowingCallable call) {
    assertThatThrownBy(call).as(what).isExactlyInstanceOf(StorageException.class).hasMessageContaining("closed");
  }

  @Test
  @DisplayName("knowledge search: every operation after close is a StorageException")
  void knowledge() {
    LuceneKnowledgeSearch search = LuceneKnowledgeSearch.builder(new ByteBuffersDirectory()).build();
    Article a = Article.builder(Locale.ENGLISH, "Printer offline").body("Restart the spooler.").status(ArticleStatus.PUBLISHED).build();
    search.index(a);
    search.refresh();
    search.close();
    Map<String, ThrowingCallable> calls = Map.of(
        "search", () -> search.search(KnowledgeQuery.builder("printer").build(), SearchAudience.everything()),
        "suggest", () -> search.suggest("prin", Locale.ENGLISH, SearchAudience.everything(), 5),
        "articlesForText", () -> search.articlesForText("printer offline", Locale.ENGLISH, SearchAudience.everything(), 5),
        "similar", () -> search.similar(a.id(), SearchAudience.everything(), 5),
        "index", () -> search.index(a),
        "delete", () -> search.delete(ArticleId.random()),
        "refresh", search::refresh);
    calls.forEach(ClosedIndexTest::closedFailure);
    assertThatCode(search::close).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("ticket search: every operation after close is a StorageException")
  void tickets() {
    LuceneTicketSearch search = LuceneTicketSearch.builder(new ByteBuffersDirectory()).build();
    search.close();
    TicketSearchAudience audience = TicketSearchAudience.publicOnly(TicketVisibility.everything());
    closedFailure("similarSolved", () -> search.similarSolved("printer offline", Locale.ENGLISH, audience, null, 5));
    closedFailure("delete", () -> search.delete(TicketId.of("t1")));
    closedFailure("refresh", search::refresh);
    assertThatCode(search::close).doesNotThrowAnyException();
  }
}
