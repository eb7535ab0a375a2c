package dev.frontline.helpdesk.spi.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InMemoryArticleStoreTest {
  private final InMemoryArticleStore store = new InMemoryArticleStore();

  @Test
  @DisplayName("save assigns revisions, keeps history and appends to the change feed")
  void saveAndHistory() {
    Article a = Article.builder(Locale.ENGLISH, "Reset your password").body("Click reset.").build();
    Article r1 = store.save(a, 0);
    Article r2 = store.save(r1.toBuilder().body("Click the reset link.").build(), 1);
    assertThat(r1.revision()).isEqualTo(1);
    assertThat(r2.revision()).isEqualTo(2);
    assertThat(store.get(a.id()).body()).isEqualTo("Click the reset link.");
    assertThat(store.revisions(a.id())).extracting(r -> r.revision()).containsExactly(1L, 2L);
    assertThat(store.changesSince(0, 10)).extracting(ArticleChange::sequence).containsExactly(1L, 2L);
    assertThat(store.changesSince(1, 10)).hasSize(1);
  }

  @Test
  @DisplayName("a stale revision is rejected and changes nothing")
  void optimisticLocking() {
    Article a = store.save(Article.builder(Locale.ENGLISH, "T").build(), 0);
    store.save(a, 1);
    assertThatThrownBy(() -> store.save(a, 1)).isInstanceOf(ConcurrentModificationException.class);
    assertThatThrownBy(() -> store.save(a, 0)).isInstanceOf(ConcurrentModificationException.class);
    assertThat(store.get(a.id()).revision()).isEqualTo(2);
    assertThat(store.changesSince(0, 100)).hasSize(2);
  }

  @Test
  @DisplayName("delete removes the article and records a deletion")
  void delete() {
    Article a = store.save(Article.builder(Locale.ENGLISH, "T").build(), 0);
    assertThatThrownBy(() -> store.delete(a.id(), 5)).isInstanceOf(ConcurrentModificationException.class);
    store.delete(a.id(), 1);
    assertThat(store.find(a.id())).isEmpty();
    assertThatThrownBy(() -> store.get(a.id())).isInstanceOf(NotFoundException.class);
    assertThat(store.changesSince(1, 10)).singleElement().satisfies(c -> assertThat(c.deleted()).isTrue());
  }

  @Test
  @DisplayName("concurrent updates of one article: exactly one writer wins per revision")
  void concurrentWriters() throws Exception {
    Article a = store.save(Article.builder(Locale.ENGLISH, "T").build(), 0);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      results.add(pool.submit(() -> {
        try {
          store.save(a, 1);
          return true;
        } catch (ConcurrentModificationException e) {
          return false;
        }
      }));
    }
    int wins = 0;
    for (Future<Boolean> f : results) {
      wins += f.get() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(wins).isEqualTo(1);
    assertThat(store.get(a.id()).revision()).isEqualTo(2);
  }
}
