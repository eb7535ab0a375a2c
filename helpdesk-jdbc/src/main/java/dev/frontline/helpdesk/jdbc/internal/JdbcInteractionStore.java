package dev.frontline.helpdesk.jdbc.internal;

import dev.frontline.helpdesk.jackson.format.OperationsFormat;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.intake.Interaction;
import dev.frontline.helpdesk.intake.InteractionId;
import dev.frontline.helpdesk.jdbc.internal.schema.Tables;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineInteractions;
import dev.frontline.helpdesk.spi.InteractionStore;
import dev.frontline.helpdesk.ticket.TicketId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;

/**
 * {@link InteractionStore} on jOOQ: one row per interaction (key columns plus the JSON payload),
 * insert-only; a duplicate id is a {@link dev.frontline.helpdesk.ConflictException} from the
 * primary key. Lists are ordered by start time, then id, like the in-memory store. Thread-safe.
 */
public final class JdbcInteractionStore implements InteractionStore {
  private static final FrontlineInteractions T = Tables.FRONTLINE_INTERACTIONS;

  private final Db db;

  /** @param db the database */
  public JdbcInteractionStore(Db db) {
    this.db = db;
  }

  @Override
  public void add(Interaction i) {
    Objects.requireNonNull(i, "interaction");
    db.call(
        () ->
            db.dsl()
                .insertInto(T, T.ID, T.CUSTOMER, T.TICKET_ID, T.STARTED_AT_NS, T.PAYLOAD)
                .values(
                    i.id().value(),
                    i.customer().value(),
                    i.ticket() == null ? null : i.ticket().value(),
                    JdbcTicketStore.nanos(i.startedAt()),
                    OperationsFormat.writeInteraction(i))
                .execute());
  }

  @Override
  public Optional<Interaction> find(InteractionId id) {
    Objects.requireNonNull(id, "id");
    return db.call(
        () -> db.dsl().select(T.PAYLOAD).from(T).where(T.ID.eq(id.value())).fetchOptional(T.PAYLOAD).map(OperationsFormat::readInteraction));
  }

  @Override
  public List<Interaction> byTicket(TicketId ticket) {
    Objects.requireNonNull(ticket, "ticket");
    return select(T.TICKET_ID.eq(ticket.value()));
  }

  @Override
  public List<Interaction> byCustomer(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    return select(T.CUSTOMER.eq(customer.value()));
  }

  private List<Interaction> select(Condition where) {
    // the payload's instant is exact; started_at_ns only orders (saturated outside 1677-2262)
    return db.call(
        () ->
            db.dsl()
                .select(T.PAYLOAD)
                .from(T)
                .where(where)
                .orderBy(T.STARTED_AT_NS.asc(), T.ID.asc())
                .fetch(T.PAYLOAD)
                .stream()
                .map(OperationsFormat::readInteraction)
                .toList());
  }
}
