package dev.frontline.helpdesk.jdbc;

import dev.frontline.helpdesk.jackson.format.KnowledgeFormat;
import static org.assertj.core.api.Assertions.assertThat;


import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleChange;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.KnowledgeIndexer;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.knowledge.SearchHit;
import dev.frontline.helpdesk.knowledge.SearchResult;
import dev.frontline.helpdesk.knowledge.Suggestion;
import dev.frontline.helpdesk.spi.ArticleStore;
import dev.frontline.helpdesk.spi.KnowledgeSearch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The article change feed under out-of-order commits: transaction T1 takes sequence N and stays
 * open, T2 takes N + 1 and commits, a reader reads, then T1 commits. A naive "greater than the last
 * seen" reader has lost N; {@link ArticleChangeFollower} and the core's {@link KnowledgeIndexer}
 * still deliver it.
 */
abstract class ArticleFeedChecks {
  /** @return the class's migrated database */
  protected abstract TestDatabase database();

  /** Records what the indexer applies; enough of a search for {@link KnowledgeIndexer}. */
  private static final class RecordingSearch implements KnowledgeSearch {
    final List<ArticleId> indexed = new ArrayList<>();
    long applied;

    @Override
    public void index(Article article) {
      indexed.add(article.id());
    }

    @Override
    public void delete(ArticleId id) {}

    @Override
    public long appliedSequence() {
      return applied;
    }

    @Override
    public void markApplied(long sequence) {
      applied = sequence;
    }

    @Override
    public SearchResult search(KnowledgeQuery query, SearchAudience audience) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Suggestion> suggest(String prefix, @Nullable Locale locale, SearchAudience audience, int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<SearchHit> articlesForText(String text, @Nullable Locale locale, SearchAudience audience, int limit) {
      throw new UnsupportedOperationException();
    }
  }

  /** Starts a whole article save (revision 1) in an open transaction on {@code c}: takes a sequence number. */
  private static void saveUncommitted(Connection c, Article a) throws Exception {
    String json = KnowledgeFormat.writeArticle(a.toBuilder().revision(1).build());
    try (PreparedStatement s = c.prepareStatement("INSERT INTO frontline_articles (id, revision, payload) VALUES (?, 1, ?)")) {
      s.setString(1, a.id().value());
      s.setString(2, json);
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO frontline_article_revisions (article_id, revision, payload) VALUES (?, 1, ?)")) {
      s.setString(1, a.id().value());
      s.setString(2, json);
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement("INSERT INTO frontline_article_changes (article_id, deleted) VALUES (?, ?)")) {
      s.setString(1, a.id().value());
      s.setBoolean(2, false);
      s.executeUpdate();
    }
  }

  @Test
  @DisplayName("a change whose lower sequence number commits after a higher one is still delivered, once")
  void lateCommitIsDelivered() throws Exception {
    TestDatabase db = database();
    db.truncate();
    JdbcStores stores = JdbcStores.builder(db.dataSource(), db.dialect()).build();
    ArticleStore store = stores.articleStore();
    // some history first, so the sequence is not at its start
    Article first = store.save(Article.builder(Locale.ENGLISH, "First").body("one").build(), 0);
    ArticleChangeFollower follower = new ArticleChangeFollower(store, 0, ArticleChangeFollower.DEFAULT_WINDOW);
    RecordingSearch search = new RecordingSearch();
    KnowledgeIndexer indexer = new KnowledgeIndexer(store, search);
    assertThat(follower.poll(100)).extracting(ArticleChange::articleId).containsExactly(first.id());
    indexer.catchUp();

    Article late = Article.builder(Locale.ENGLISH, "Late").body("committed last").build();
    Article early = Article.builder(Locale.ENGLISH, "Early").body("committed first").build();
    long seenBeforeLateCommit;
    try (Connection t1 = db.dataSource().getConnection()) {
      t1.setAutoCommit(false);
      saveUncommitted(t1, late); // T1 takes N and waits
      store.save(early, 0); // T2 takes N + 1 and commits

      List<ArticleChange> read = follower.poll(100);
      assertThat(read).extracting(ArticleChange::articleId).containsExactly(early.id());
      seenBeforeLateCommit = read.get(0).sequence();
      indexer.catchUp();
      assertThat(search.indexed).doesNotContain(late.id());

      t1.commit(); // T1 commits N < N + 1
    }

    // a naive reader that keeps "sequence > last seen" has lost the late change for good
    assertThat(store.changesSince(seenBeforeLateCommit, 100)).isEmpty();
    List<ArticleChange> all = store.changesSince(0, 100);
    ArticleChange lateChange = all.stream().filter(c -> c.articleId().equals(late.id())).findFirst().orElseThrow();
    assertThat(lateChange.sequence()).isLessThan(seenBeforeLateCommit);

    // the tolerant readers deliver it
    assertThat(follower.poll(100)).containsExactly(lateChange);
    assertThat(follower.poll(100)).as("de-duplicated: nothing is delivered twice").isEmpty();
    assertThat(follower.cursor()).isEqualTo(seenBeforeLateCommit);
    indexer.catchUp();
    assertThat(search.indexed).contains(late.id());
    assertThat(store.get(late.id()).title()).isEqualTo("Late");

    // and the follower keeps going normally afterwards
    Article next = store.save(early.toBuilder().body("second revision").build(), 1);
    assertThat(follower.poll(100)).extracting(ArticleChange::articleId).containsExactly(next.id());
  }

  @Test
  @DisplayName("the follower pages through a long feed with small limits, in order, without gaps or repeats")
  void followerPages() {
    TestDatabase db = database();
    db.truncate();
    ArticleStore store = JdbcStores.builder(db.dataSource(), db.dialect()).build().articleStore();
    List<ArticleId> saved = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      saved.add(store.save(Article.builder(Locale.GERMAN, "Artikel " + i).build(), 0).id());
    }
    ArticleChangeFollower follower = new ArticleChangeFollower(store, 0, 10);
    List<ArticleId> read = new ArrayList<>();
    for (List<ArticleChange> page = follower.poll(4); !page.isEmpty(); page = follower.poll(4)) {
      assertThat(page).hasSizeLessThanOrEqualTo(4);
      page.forEach(c -> read.add(c.articleId()));
    }
    assertThat(read).containsExactlyElementsOf(saved);
  }
}
