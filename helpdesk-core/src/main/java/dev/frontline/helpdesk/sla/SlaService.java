package dev.frontline.helpdesk.sla;

import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.ticket.TicketId;
import java.util.Optional;

/**
 * Reads a ticket's SLA status, evaluated now with the policy that applies to it (the first of the
 * helpdesk's policies that matches). SLA internals are for agents: the caller needs {@link
 * dev.frontline.helpdesk.access.Permission#TICKET_READ_INTERNAL} on the ticket; customers get
 * {@link dev.frontline.helpdesk.NotFoundException} for tickets they do not see and {@link
 * dev.frontline.helpdesk.AccessDeniedException} for their own. Thread-safe.
 */
public interface SlaService {
  /**
   * @param principal the caller
   * @param ticket the ticket
   * @return the report, or empty if no policy applies to the ticket
   * @throws dev.frontline.helpdesk.NotFoundException if the caller does not see the ticket
   * @throws dev.frontline.helpdesk.AccessDeniedException if it may not read internals
   */
  Optional<SlaReport> find(Principal principal, TicketId ticket);

  /**
   * @param principal the caller
   * @param ticket the ticket
   * @return the report
   * @throws dev.frontline.helpdesk.NotFoundException if the caller does not see the ticket or no
   *     policy applies to it
   * @throws dev.frontline.helpdesk.AccessDeniedException if it may not read internals
   */
  SlaReport status(Principal principal, TicketId ticket);

  /**
   * @param principal the caller
   * @param ticket the ticket
   * @return {@link SlaReport#explain()}, or a line saying no policy applies
   * @throws dev.frontline.helpdesk.NotFoundException if the caller does not see the ticket
   * @throws dev.frontline.helpdesk.AccessDeniedException if it may not read internals
   */
  String explain(Principal principal, TicketId ticket);
}
