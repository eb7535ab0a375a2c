package dev.frontline.helpdesk.jdbc.internal;

import dev.frontline.helpdesk.jackson.format.KnowledgeFormat;
import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.ConflictException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.jdbc.internal.schema.Tables;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineArticleChanges;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineArticleRevisions;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineArticles;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleChange;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.ArticleRevision;
import dev.frontline.helpdesk.spi.ArticleStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * {@link ArticleStore} on jOOQ. The current revision lives in {@code frontline_articles}, every
 * revision in {@code frontline_article_revisions}, and every save or delete appends a row to
 * {@code frontline_article_changes}, all in one transaction. Saves use {@code UPDATE ... WHERE id = ?
 * AND revision = ?} with a row-count check, creates rely on the primary key, so concurrent editors
 * on any number of nodes cannot lose updates.
 *
 * <p>The change sequence is an identity / auto-increment column: values are taken at insert time
 * and committed in any order, so {@link #changesSince} may show sequence {@code n + 1} before
 * {@code n}. Readers must re-read a trailing window (the core's {@code KnowledgeIndexer} does; so
 * does {@link dev.frontline.helpdesk.jdbc.ArticleChangeFollower}, which also de-duplicates).
 * Thread-safe.
 */
public final class JdbcArticleStore implements ArticleStore {
  private static final FrontlineArticles ARTICLES = Tables.FRONTLINE_ARTICLES;
  private static final FrontlineArticleRevisions REVISIONS = Tables.FRONTLINE_ARTICLE_REVISIONS;
  private static final FrontlineArticleChanges CHANGES = Tables.FRONTLINE_ARTICLE_CHANGES;

  private final Db db;

  /** @param db the database */
  public JdbcArticleStore(Db db) {
    this.db = db;
  }

  @Override
  public Article save(Article article, long expectedRevision) {
    Objects.requireNonNull(article, "article");
    if (expectedRevision < 0) {
      throw new ConcurrentModificationException("article " + article.id() + ": expected revision must not be negative");
    }
    Article stored = article.toBuilder().revision(expectedRevision + 1).build();
    String id = article.id().value();
    String json = KnowledgeFormat.writeArticle(stored);
    try {
      return db.tx(
          tx -> {
            if (expectedRevision == 0) {
              Long current = currentRevision(tx, id);
              if (current != null) {
                throw new ConcurrentModificationException("article " + article.id() + " already exists at revision " + current);
              }
              // the primary key is the real guard against two concurrent creates
              tx.insertInto(ARTICLES, ARTICLES.ID, ARTICLES.REVISION, ARTICLES.PAYLOAD).values(id, 1L, json).execute();
            } else {
              int n =
                  tx.update(ARTICLES)
                      .set(ARTICLES.REVISION, expectedRevision + 1)
                      .set(ARTICLES.PAYLOAD, json)
                      .where(ARTICLES.ID.eq(id).and(ARTICLES.REVISION.eq(expectedRevision)))
                      .execute();
              if (n != 1) {
                Long current = currentRevision(tx, id);
                throw new ConcurrentModificationException(
                    "article " + article.id() + " is at revision " + (current == null ? 0 : current) + ", expected " + expectedRevision);
              }
            }
            tx.insertInto(REVISIONS, REVISIONS.ARTICLE_ID, REVISIONS.REVISION, REVISIONS.PAYLOAD)
                .values(id, expectedRevision + 1, json)
                .execute();
            appendChange(tx, id, false);
            return stored;
          });
    } catch (ConflictException e) {
      // a concurrent create of the same id won the primary key
      throw new ConcurrentModificationException("article " + article.id() + " was created concurrently", e);
    }
  }

  private static Long currentRevision(DSLContext tx, String id) {
    return tx.select(ARTICLES.REVISION).from(ARTICLES).where(ARTICLES.ID.eq(id)).fetchOne(ARTICLES.REVISION);
  }

  private static void appendChange(DSLContext tx, String id, boolean deleted) {
    tx.insertInto(CHANGES, CHANGES.ARTICLE_ID, CHANGES.DELETED).values(id, deleted).execute();
  }

  @Override
  public void delete(ArticleId articleId, long expectedRevision) {
    Objects.requireNonNull(articleId, "article id");
    String id = articleId.value();
    db.tx(
        tx -> {
          int n = tx.deleteFrom(ARTICLES).where(ARTICLES.ID.eq(id).and(ARTICLES.REVISION.eq(expectedRevision))).execute();
          if (n != 1) {
            Long current = currentRevision(tx, id);
            if (current == null) {
              throw new NotFoundException("no article " + articleId);
            }
            throw new ConcurrentModificationException(
                "article " + articleId + " is at revision " + current + ", expected " + expectedRevision);
          }
          tx.deleteFrom(REVISIONS).where(REVISIONS.ARTICLE_ID.eq(id)).execute();
          appendChange(tx, id, true);
          return null;
        });
  }

  @Override
  public Optional<Article> find(ArticleId id) {
    Objects.requireNonNull(id, "article id");
    return db.call(
        () ->
            db.dsl()
                .select(ARTICLES.PAYLOAD)
                .from(ARTICLES)
                .where(ARTICLES.ID.eq(id.value()))
                .fetchOptional(ARTICLES.PAYLOAD)
                .map(KnowledgeFormat::readArticle));
  }

  @Override
  public List<ArticleRevision> revisions(ArticleId id) {
    Objects.requireNonNull(id, "article id");
    return db.call(
        () ->
            db.dsl()
                .select(REVISIONS.PAYLOAD)
                .from(REVISIONS)
                .where(REVISIONS.ARTICLE_ID.eq(id.value()))
                .orderBy(REVISIONS.REVISION.asc())
                .fetch(REVISIONS.PAYLOAD)
                .stream()
                .map(p -> new ArticleRevision(KnowledgeFormat.readArticle(p)))
                .toList());
  }

  @Override
  public List<ArticleChange> changesSince(long sequence, int limit) {
    if (limit < 1 || limit > 10_000) {
      throw new ValidationException("limit must be 1..10000");
    }
    return db.call(
        () ->
            db.dsl()
                .select(CHANGES.SEQ, CHANGES.ARTICLE_ID, CHANGES.DELETED)
                .from(CHANGES)
                .where(CHANGES.SEQ.gt(sequence))
                .orderBy(CHANGES.SEQ.asc())
                .limit(limit)
                .fetch(r -> new ArticleChange(r.value1(), ArticleId.of(r.value2()), r.value3())));
  }
}
