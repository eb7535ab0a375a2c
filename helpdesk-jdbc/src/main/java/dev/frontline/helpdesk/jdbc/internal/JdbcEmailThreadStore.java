package dev.frontline.helpdesk.jdbc.internal;

import dev.frontline.helpdesk.jdbc.internal.schema.Tables;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineEmailParticipants;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineEmailReceived;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineEmailReferenced;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineEmailThreadTickets;
import dev.frontline.helpdesk.spi.EmailThreadStore;
import dev.frontline.helpdesk.ticket.TicketId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;

/**
 * {@link EmailThreadStore} on jOOQ (schema V4). Received and referenced Message-IDs are two tables
 * keyed by the SHA-256 (hex) of the id, since ids can be longer than an index key allows; the full
 * id is kept next to it. "First record wins" is the primary key: an insert that ignores a duplicate
 * key ({@code ON CONFLICT DO NOTHING}, {@code INSERT IGNORE}; H2's {@code MERGE} emulation may
 * report the lost race as a unique violation, which means the same), so of any number of nodes
 * recording one id exactly one gets {@code true}. Participants: primary key (ticket, address).
 * Every ticket of a conversation (schema V9): primary key (id key, ticket), ordered by a recording
 * counter (microseconds since the epoch, strictly increasing within this process; across nodes
 * the order of records made within the same microseconds is that of the clocks). Thread-safe.
 */
public final class JdbcEmailThreadStore implements EmailThreadStore {
  private static final FrontlineEmailReceived RECEIVED = Tables.FRONTLINE_EMAIL_RECEIVED;
  private static final FrontlineEmailReferenced REFERENCED = Tables.FRONTLINE_EMAIL_REFERENCED;
  private static final FrontlineEmailParticipants PARTICIPANTS = Tables.FRONTLINE_EMAIL_PARTICIPANTS;
  private static final FrontlineEmailThreadTickets THREAD = Tables.FRONTLINE_EMAIL_THREAD_TICKETS;
  private static final AtomicLong LAST_RECORDED = new AtomicLong();

  private final Db db;

  /** @param db the database */
  public JdbcEmailThreadStore(Db db) {
    this.db = db;
  }

  /**
   * @param messageId a Message-ID
   * @return its key: SHA-256 of its UTF-8 bytes, lower-case hex
   */
  static String key(String messageId) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }


  @Override
  public boolean recordReceived(String messageId, TicketId ticket) {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(ticket, "ticket");
    String k = key(messageId);
    return db.insertIgnore(
        dsl ->
            dsl.insertInto(RECEIVED, RECEIVED.MESSAGE_KEY, RECEIVED.MESSAGE_ID, RECEIVED.TICKET_ID)
                .values(k, messageId, ticket.value())
                .onDuplicateKeyIgnore()
                .execute());
  }

  @Override
  public Optional<TicketId> findReceived(String messageId) {
    Objects.requireNonNull(messageId, "messageId");
    String k = key(messageId);
    return db.call(
        () ->
            db.dsl()
                .select(RECEIVED.TICKET_ID)
                .from(RECEIVED)
                .where(RECEIVED.MESSAGE_KEY.eq(k))
                .fetchOptional(RECEIVED.TICKET_ID)
                .map(TicketId::of));
  }

  @Override
  public void recordReferenced(String messageId, TicketId ticket) {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(ticket, "ticket");
    if (findReceived(messageId).isPresent()) {
      return;
    }
    String k = key(messageId);
    db.insertIgnore(
        dsl ->
            dsl.insertInto(REFERENCED, REFERENCED.MESSAGE_KEY, REFERENCED.MESSAGE_ID, REFERENCED.TICKET_ID)
                .values(k, messageId, ticket.value())
                .onDuplicateKeyIgnore()
                .execute());
  }

  @Override
  public Optional<TicketId> find(String messageId) {
    Optional<TicketId> received = findReceived(messageId);
    if (received.isPresent()) {
      return received;
    }
    String k = key(messageId);
    return db.call(
        () ->
            db.dsl()
                .select(REFERENCED.TICKET_ID)
                .from(REFERENCED)
                .where(REFERENCED.MESSAGE_KEY.eq(k))
                .fetchOptional(REFERENCED.TICKET_ID)
                .map(TicketId::of));
  }

  @Override
  public void addParticipant(TicketId ticket, String address) {
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(address, "address");
    db.insertIgnore(
        dsl ->
            dsl.insertInto(PARTICIPANTS, PARTICIPANTS.TICKET_ID, PARTICIPANTS.ADDRESS)
                .values(ticket.value(), address)
                .onDuplicateKeyIgnore()
                .execute());
  }

  @Override
  public boolean isParticipant(TicketId ticket, String address) {
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(address, "address");
    return db.call(
        () ->
            db.dsl()
                .fetchExists(
                    PARTICIPANTS,
                    PARTICIPANTS.TICKET_ID.eq(ticket.value()).and(PARTICIPANTS.ADDRESS.eq(address))));
  }

  @Override
  public void recordThread(String messageId, TicketId ticket) {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(ticket, "ticket");
    String k = key(messageId);
    long now = java.time.Instant.now().toEpochMilli() * 1000;
    long recorded = LAST_RECORDED.updateAndGet(last -> Math.max(last + 1, now));
    db.insertIgnore(
        dsl ->
            dsl.insertInto(THREAD, THREAD.MESSAGE_KEY, THREAD.TICKET_ID, THREAD.RECORDED)
                .values(k, ticket.value(), recorded)
                .onDuplicateKeyIgnore()
                .execute());
  }

  @Override
  public List<TicketId> findThread(String messageId) {
    Objects.requireNonNull(messageId, "messageId");
    Optional<TicketId> received = findReceived(messageId);
    LinkedHashSet<TicketId> ordered = new LinkedHashSet<>();
    received.ifPresent(ordered::add);
    String k = key(messageId);
    Optional<TicketId> referenced =
        db.call(() -> db.dsl().select(REFERENCED.TICKET_ID).from(REFERENCED).where(REFERENCED.MESSAGE_KEY.eq(k))
            .fetchOptional(REFERENCED.TICKET_ID).map(TicketId::of));
    referenced.ifPresent(ordered::add);
    List<String> rest =
        db.call(() -> db.dsl().select(THREAD.TICKET_ID).from(THREAD).where(THREAD.MESSAGE_KEY.eq(k))
            .orderBy(THREAD.RECORDED, THREAD.TICKET_ID).fetch(THREAD.TICKET_ID));
    for (String t : rest) {
      ordered.add(TicketId.of(t));
    }
    return List.copyOf(ordered);
  }
}
