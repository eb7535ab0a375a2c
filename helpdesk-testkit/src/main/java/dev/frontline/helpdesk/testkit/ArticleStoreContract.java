package dev.frontline.helpdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleChange;
import dev.frontline.helpdesk.knowledge.ArticleRevision;
import dev.frontline.helpdesk.spi.ArticleStore;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The contract every {@link ArticleStore} must pass. */
public abstract class ArticleStoreContract {
  /** The store under test. */
  protected ArticleStore store;

  /** Subclasses need no-arg constructors. */
  protected ArticleStoreContract() {}

  /** @return a new, empty store */
  protected abstract ArticleStore newStore();

  @BeforeEach
  void fresh() {
    store = newStore();
  }

  @Test
  @DisplayName("saves number revisions from 1, keep the history and feed increasing change sequences")
  void revisions() {
    Article a = Article.builder(Locale.ENGLISH, "Title").body("one").build();
    Article r1 = store.save(a, 0);
    Article r2 = store.save(r1.toBuilder().body("two").build(), 1);
    assertThat(r2.revision()).isEqualTo(2);
    assertThat(store.get(a.id()).body()).isEqualTo("two");
    assertThat(store.revisions(a.id())).extracting(ArticleRevision::revision).containsExactly(1L, 2L);
    assertThat(store.changesSince(0, 100)).extracting(ArticleChange::articleId).containsExactly(a.id(), a.id());
    long first = store.changesSince(0, 100).get(0).sequence();
    assertThat(store.changesSince(first, 100)).hasSize(1);
  }

  @Test
  @DisplayName("a stale or duplicate save is rejected and changes nothing")
  void optimisticLocking() {
    Article a = store.save(Article.builder(Locale.ENGLISH, "Title").build(), 0);
    assertThatThrownBy(() -> store.save(a, 0)).isInstanceOf(ConcurrentModificationException.class);
    assertThatThrownBy(() -> store.save(a, 7)).isInstanceOf(ConcurrentModificationException.class);
    assertThat(store.revisions(a.id())).hasSize(1);
    assertThat(store.changesSince(0, 100)).hasSize(1);
  }

  @Test
  @DisplayName("delete checks the revision, removes the article and records a deletion")
  void delete() {
    Article a = store.save(Article.builder(Locale.ENGLISH, "Title").build(), 0);
    assertThatThrownBy(() -> store.delete(a.id(), 2)).isInstanceOf(ConcurrentModificationException.class);
    store.delete(a.id(), 1);
    assertThat(store.find(a.id())).isEmpty();
    assertThatThrownBy(() -> store.get(a.id())).isInstanceOf(NotFoundException.class);
    assertThat(store.changesSince(0, 100)).last().satisfies(c -> assertThat(c.deleted()).isTrue());
  }
}
