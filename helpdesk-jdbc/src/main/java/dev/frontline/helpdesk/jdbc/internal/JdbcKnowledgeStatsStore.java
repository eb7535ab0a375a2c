package dev.frontline.helpdesk.jdbc.internal;

import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.jdbc.internal.schema.Tables;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineArticleTickets;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineArticleViews;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineArticleVotes;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.ArticleStats;
import dev.frontline.helpdesk.spi.KnowledgeStatsStore;
import dev.frontline.helpdesk.ticket.TicketId;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;

/**
 * {@link KnowledgeStatsStore} on jOOQ (schema V3).
 *
 * <ul>
 *   <li>Votes: one row per (article, voter), primary key. A vote first tries an insert that ignores
 *       a duplicate key (own statement); if the row exists, a short transaction locks it ({@code
 *       SELECT … FOR UPDATE}), reads the previous answer and updates it, so concurrent votes of one
 *       voter are serialized on that row and never count twice. Locking only an existing row keeps
 *       MariaDB's gap locks out of it.
 *   <li>Views: one counter row per article, {@code UPDATE … SET views = views + 1}, created by an
 *       insert when missing (a lost race on the insert falls back to the update); no increment is
 *       lost.
 *   <li>Linked / solved tickets: one row per (article, kind, ticket), primary key; a duplicate
 *       insert is ignored and reported as "not new".
 * </ul>
 *
 * Thread-safe; several nodes may share the tables.
 */
public final class JdbcKnowledgeStatsStore implements KnowledgeStatsStore {
  private static final FrontlineArticleVotes VOTES = Tables.FRONTLINE_ARTICLE_VOTES;
  private static final FrontlineArticleViews VIEWS = Tables.FRONTLINE_ARTICLE_VIEWS;
  private static final FrontlineArticleTickets TICKETS = Tables.FRONTLINE_ARTICLE_TICKETS;
  private static final String LINKED = "L";
  private static final String SOLVED = "S";
  private static final int ATTEMPTS = 50;

  private final Db db;

  /** @param db the database */
  public JdbcKnowledgeStatsStore(Db db) {
    this.db = db;
  }

  private static String id(ArticleId article) {
    return Objects.requireNonNull(article, "article id").value();
  }

  private static void checkVoter(String voter) {
    if (voter == null) {
      throw new ValidationException("voter must not be null");
    }
    if (voter.isBlank()) {
      throw new ValidationException("voter must not be blank");
    }
    if (voter.length() > 200) {
      throw new ValidationException("voter must be at most 200 characters, was " + voter.length());
    }
    for (int i = 0; i < voter.length(); i++) {
      char c = voter.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
        throw new ValidationException("voter must not contain control characters");
      }
    }
  }


  @Override
  public Optional<Boolean> vote(ArticleId article, String voter, boolean helpful) {
    String a = id(article);
    checkVoter(voter);
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      boolean inserted =
          db.insertIgnore(
              dsl ->
                  dsl.insertInto(VOTES, VOTES.ARTICLE_ID, VOTES.VOTER, VOTES.HELPFUL)
                      .values(a, voter, helpful)
                      .onDuplicateKeyIgnore()
                      .execute());
      if (inserted) {
        return Optional.empty();
      }
      Optional<Optional<Boolean>> replaced =
          db.tx(
              dsl -> {
                Boolean previous =
                    dsl.select(VOTES.HELPFUL)
                        .from(VOTES)
                        .where(VOTES.ARTICLE_ID.eq(a).and(VOTES.VOTER.eq(voter)))
                        .forUpdate()
                        .fetchOne(VOTES.HELPFUL);
                if (previous == null) {
                  return Optional.empty(); // deleted in between: insert again
                }
                dsl.update(VOTES)
                    .set(VOTES.HELPFUL, helpful)
                    .where(VOTES.ARTICLE_ID.eq(a).and(VOTES.VOTER.eq(voter)))
                    .execute();
                return Optional.of(Optional.of(previous));
              });
      if (replaced.isPresent()) {
        return replaced.get();
      }
    }
    throw new StorageException("vote: the row kept disappearing; giving up after " + ATTEMPTS + " attempts");
  }

  @Override
  public void view(ArticleId article) {
    String a = id(article);
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      int updated =
          db.call(
              () ->
                  db.dsl().update(VIEWS).set(VIEWS.VIEWS, VIEWS.VIEWS.plus(1L)).where(VIEWS.ARTICLE_ID.eq(a)).execute());
      if (updated > 0) {
        return;
      }
      boolean inserted =
          db.insertIgnore(
              dsl ->
                  dsl.insertInto(VIEWS, VIEWS.ARTICLE_ID, VIEWS.VIEWS).values(a, 1L).onDuplicateKeyIgnore().execute());
      if (inserted) {
        return;
      }
      // another view created the row first: count on it
    }
    throw new StorageException("view: could not count after " + ATTEMPTS + " attempts");
  }

  private boolean ticket(ArticleId article, TicketId ticket, String kind) {
    String a = id(article);
    String t = Objects.requireNonNull(ticket, "ticket id").value();
    return db.insertIgnore(
        dsl ->
            dsl.insertInto(TICKETS, TICKETS.ARTICLE_ID, TICKETS.KIND, TICKETS.TICKET_ID)
                .values(a, kind, t)
                .onDuplicateKeyIgnore()
                .execute());
  }

  @Override
  public boolean linked(ArticleId article, TicketId ticket) {
    return ticket(article, ticket, LINKED);
  }

  @Override
  public boolean solved(ArticleId article, TicketId ticket) {
    return ticket(article, ticket, SOLVED);
  }

  @Override
  public ArticleStats stats(ArticleId article) {
    String a = id(article);
    return db.call(
        () -> {
          DSLContext dsl = db.dsl();
          Long views = dsl.select(VIEWS.VIEWS).from(VIEWS).where(VIEWS.ARTICLE_ID.eq(a)).fetchOne(VIEWS.VIEWS);
          long yes = 0;
          long no = 0;
          Result<? extends Record> votes =
              dsl.select(VOTES.HELPFUL, DSL.count())
                  .from(VOTES)
                  .where(VOTES.ARTICLE_ID.eq(a))
                  .groupBy(VOTES.HELPFUL)
                  .fetch();
          for (Record r : votes) {
            long n = r.get(1, Long.class);
            if (Boolean.TRUE.equals(r.get(0, Boolean.class))) {
              yes = n;
            } else {
              no = n;
            }
          }
          long linked = 0;
          long solved = 0;
          Result<? extends Record> tickets =
              dsl.select(TICKETS.KIND, DSL.count())
                  .from(TICKETS)
                  .where(TICKETS.ARTICLE_ID.eq(a))
                  .groupBy(TICKETS.KIND)
                  .fetch();
          for (Record r : tickets) {
            long n = r.get(1, Long.class);
            if (LINKED.equals(r.get(0, String.class).trim())) {
              linked = n;
            } else {
              solved = n;
            }
          }
          return new ArticleStats(views == null ? 0 : views, yes, no, linked, solved);
        });
  }

  @Override
  public void delete(ArticleId article) {
    String a = id(article);
    db.tx(
        dsl -> {
          dsl.deleteFrom(VOTES).where(VOTES.ARTICLE_ID.eq(a)).execute();
          dsl.deleteFrom(VIEWS).where(VIEWS.ARTICLE_ID.eq(a)).execute();
          dsl.deleteFrom(TICKETS).where(TICKETS.ARTICLE_ID.eq(a)).execute();
          return null;
        });
  }
}
