package dev.frontline.helpdesk.internal;

import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.sla.SlaReport;
import dev.frontline.helpdesk.sla.SlaService;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import java.time.Clock;
import java.util.Optional;

/** Reads SLA reports for agents. */
public final class DefaultSlaService implements SlaService {
  private final TicketStore store;
  private final AccessControl access;
  private final SlaEngine engine;
  private final Clock clock;

  /**
   * @param store for histories
   * @param access access control
   * @param engine the SLA engine
   * @param clock time
   */
  public DefaultSlaService(TicketStore store, AccessControl access, SlaEngine engine, Clock clock) {
    this.store = store;
    this.access = access;
    this.engine = engine;
    this.clock = clock;
  }

  @Override
  public Optional<SlaReport> find(Principal principal, TicketId id) {
    Checks.notNull(principal, "principal");
    Checks.notNull(id, "ticket id");
    // one look-up, one decision: check() answers "not found" for a ticket the caller does not see
    Ticket t = store.find(id).orElseThrow(() -> new dev.frontline.helpdesk.NotFoundException("ticket not found"));
    access.check(access.rightsOf(principal), t, Permission.TICKET_READ_INTERNAL);
    return Optional.ofNullable(engine.report(t, store.history(id), clock.instant()));
  }

  @Override
  public SlaReport status(Principal principal, TicketId id) {
    return find(principal, id).orElseThrow(() -> new NotFoundException("no SLA policy applies to this ticket"));
  }

  @Override
  public String explain(Principal principal, TicketId id) {
    return find(principal, id).map(SlaReport::explain).orElse("no SLA policy applies\n");
  }
}
