package dev.frontline.helpdesk.jdbc;

import static dev.frontline.helpdesk.jdbc.internal.schema.Tables.FRONTLINE_ESCALATION_CLAIMS;

import dev.frontline.helpdesk.ConflictException;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.jdbc.internal.Db;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineEscalationClaims;
import dev.frontline.helpdesk.ticket.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Claims escalation steps across application nodes, so that each step of each rule fires once per
 * ticket even when several nodes poll the same due tickets. A claim is a row in {@code
 * frontline_escalation_claims} (unique per ticket, rule and step) with an owner and a lease measured
 * on the database clock; a node that crashes leaves its claims to expire, and {@link
 * #tryClaim} or {@link #takeOverExpired} hands them to another node. Rows are locked with {@code
 * SELECT ... FOR UPDATE SKIP LOCKED} in short transactions, so nodes never wait for each other.
 *
 * <p>Typical use: {@code tryClaim}, fire the step (record it on the ticket), then {@link #complete};
 * on failure {@link #release} so the step can be retried; for long work, {@link #renew} the lease.
 * Obtain one per node with {@link JdbcStores#escalationClaims(String, Duration)}. Thread-safe.
 */
public final class JdbcEscalationClaims {
  private static final FrontlineEscalationClaims C = FRONTLINE_ESCALATION_CLAIMS;
  private static final String CLAIMED = "CLAIMED";
  private static final String DONE = "DONE";

  /**
   * A step held by a node until its lease ends.
   *
   * @param ticket the ticket
   * @param rule the escalation rule
   * @param step the step within the rule
   * @param owner the node holding the claim
   * @param leaseUntil when the claim expires unless renewed or completed (database clock)
   */
  public record Claim(TicketId ticket, String rule, String step, String owner, Instant leaseUntil) {
    /** Rejects nulls. */
    public Claim {
      Objects.requireNonNull(ticket, "ticket");
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(leaseUntil, "leaseUntil");
    }
  }

  private final Db db;
  private final String owner;
  private final long leaseMillis;

  JdbcEscalationClaims(Db db, String owner, Duration lease) {
    this.db = db;
    this.owner = text(owner, "claim owner");
    if (lease == null || lease.isNegative() || lease.isZero()) {
      throw new ValidationException("lease must be positive");
    }
    this.leaseMillis = lease.toMillis();
  }

  private static String text(String value, String what) {
    if (value == null || value.isBlank() || value.length() > 200) {
      throw new ValidationException(what + " must be 1 to 200 characters");
    }
    return value;
  }

  /** @return the node name recorded on claims */
  public String owner() {
    return owner;
  }

  private static Condition key(TicketId ticket, String rule, String step) {
    return C.TICKET_ID.eq(ticket.value()).and(C.RULE_NAME.eq(rule)).and(C.STEP_KEY.eq(step));
  }

  /** The database's clock in epoch milliseconds: leases must not depend on node clocks. */
  private long now(DSLContext tx) {
    String sql =
        switch (db.dialect()) {
          case POSTGRES -> "select cast(extract(epoch from clock_timestamp()) * 1000 as bigint)";
          case MARIADB, MYSQL -> "select cast(unix_timestamp(now(3)) * 1000 as signed)";
          case H2 -> "select cast(extract(epoch from current_timestamp) * 1000 as bigint)";
        };
    Long v = tx.resultQuery(sql).fetchOne(0, Long.class);
    return Objects.requireNonNull(v, "database clock");
  }

  /**
   * Claims a step if nobody has done it, nobody holds it, or its holder's lease expired.
   *
   * @param ticket the ticket
   * @param rule the rule name
   * @param step the step key
   * @return the claim, or empty if the step is done or held by a live claim
   */
  public Optional<Claim> tryClaim(TicketId ticket, String rule, String step) {
    Objects.requireNonNull(ticket, "ticket");
    text(rule, "rule");
    text(step, "step");
    try {
      return db.tx(
          tx -> {
            long now = now(tx);
            Record row =
                tx.select(C.STATUS, C.LEASE_UNTIL_MS)
                    .from(C)
                    .where(key(ticket, rule, step))
                    .forUpdate()
                    .skipLocked()
                    .fetchOne();
            if (row == null) {
              if (tx.fetchExists(C, key(ticket, rule, step))) {
                return Optional.<Claim>empty(); // locked by a node taking it right now
              }
              tx.insertInto(C, C.TICKET_ID, C.RULE_NAME, C.STEP_KEY, C.STATUS, C.OWNER, C.LEASE_UNTIL_MS, C.CLAIMED_MS)
                  .values(ticket.value(), rule, step, CLAIMED, owner, now + leaseMillis, now)
                  .execute();
            } else if (CLAIMED.equals(row.get(C.STATUS)) && row.get(C.LEASE_UNTIL_MS) < now) {
              tx.update(C)
                  .set(C.OWNER, owner)
                  .set(C.LEASE_UNTIL_MS, now + leaseMillis)
                  .set(C.CLAIMED_MS, now)
                  .where(key(ticket, rule, step))
                  .execute();
            } else {
              return Optional.<Claim>empty();
            }
            return Optional.of(new Claim(ticket, rule, step, owner, Instant.ofEpochMilli(now + leaseMillis)));
          },
          true,
          true);
    } catch (ConflictException e) {
      return Optional.empty(); // another node inserted the claim between our check and insert
    }
  }

  /**
   * Takes over claims whose holders' leases expired (crashed or stuck nodes), oldest first. Nodes
   * calling this together get disjoint sets ({@code SKIP LOCKED}).
   *
   * @param limit at most this many
   * @return the claims now held by this node
   */
  public List<Claim> takeOverExpired(int limit) {
    if (limit < 1) {
      throw new ValidationException("limit must be positive");
    }
    return db.tx(
        tx -> {
          long now = now(tx);
          var rows =
              tx.select(C.TICKET_ID, C.RULE_NAME, C.STEP_KEY)
                  .from(C)
                  .where(C.STATUS.eq(CLAIMED).and(C.LEASE_UNTIL_MS.lt(now)))
                  .orderBy(C.LEASE_UNTIL_MS, C.TICKET_ID, C.RULE_NAME, C.STEP_KEY)
                  .limit(limit)
                  .forUpdate()
                  .skipLocked()
                  .fetch();
          List<Claim> out = new ArrayList<>();
          for (var r : rows) {
            TicketId t = TicketId.of(r.value1());
            tx.update(C)
                .set(C.OWNER, owner)
                .set(C.LEASE_UNTIL_MS, now + leaseMillis)
                .set(C.CLAIMED_MS, now)
                .where(key(t, r.value2(), r.value3()))
                .execute();
            out.add(new Claim(t, r.value2(), r.value3(), owner, Instant.ofEpochMilli(now + leaseMillis)));
          }
          return out;
        },
        true,
        true);
  }

  /**
   * Extends a claim's lease (heartbeat for long work).
   *
   * @param claim a claim of this node
   * @return the renewed claim, or empty if the claim was lost (expired and taken over, or done)
   */
  public Optional<Claim> renew(Claim claim) {
    return db.tx(
        tx -> {
          long now = now(tx);
          int n =
              tx.update(C)
                  .set(C.LEASE_UNTIL_MS, now + leaseMillis)
                  .where(held(claim))
                  .execute();
          return n == 1
              ? Optional.of(new Claim(claim.ticket(), claim.rule(), claim.step(), owner, Instant.ofEpochMilli(now + leaseMillis)))
              : Optional.<Claim>empty();
        });
  }

  private Condition held(Claim claim) {
    return key(claim.ticket(), claim.rule(), claim.step()).and(C.STATUS.eq(CLAIMED)).and(C.OWNER.eq(owner));
  }

  /**
   * Marks the step done: it can never be claimed again.
   *
   * @param claim a claim of this node
   * @return false if the claim had been lost to another node meanwhile (the step may fire twice:
   *     keep leases longer than the work, or renew them)
   */
  public boolean complete(Claim claim) {
    Objects.requireNonNull(claim, "claim");
    return db.tx(tx -> tx.update(C).set(C.STATUS, DONE).setNull(C.LEASE_UNTIL_MS).where(held(claim)).execute() == 1);
  }

  /**
   * Gives a claim back without doing the step, so that any node may claim it again at once.
   *
   * @param claim a claim of this node
   * @return whether this node still held it
   */
  public boolean release(Claim claim) {
    Objects.requireNonNull(claim, "claim");
    return db.tx(tx -> tx.deleteFrom(C).where(held(claim)).execute() == 1);
  }

  /**
   * @param ticket a ticket
   * @param rule a rule
   * @param step a step
   * @return whether the step was completed
   */
  public boolean isDone(TicketId ticket, String rule, String step) {
    return db.call(() -> db.dsl().fetchExists(C, key(ticket, rule, step).and(C.STATUS.eq(DONE))));
  }
}
