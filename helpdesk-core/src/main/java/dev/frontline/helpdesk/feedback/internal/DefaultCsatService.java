package dev.frontline.helpdesk.feedback.internal;

import dev.frontline.helpdesk.feedback.CsatRating;
import dev.frontline.helpdesk.feedback.CsatResponse;
import dev.frontline.helpdesk.feedback.CsatService;
import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.ConflictException;
import dev.frontline.helpdesk.internal.Kernel;
import dev.frontline.helpdesk.IllegalTransitionException;
import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.access.Rights;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.internal.DefaultTicketService;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Customer satisfaction surveys. A survey can be answered once per ticket, by the ticket's
 * requester only (not by colleagues who see it through their organization, nor by agents), while
 * the ticket is SOLVED or CLOSED.
 *
 * <p>The answer is stored as a {@code csat} custom event in the ticket's own history, through the
 * ticket service's trusted append path, rather than in a separate store: it is then audited,
 * atomic with the ticket's version (so two concurrent answers cannot both succeed: the second sees
 * the first after the optimistic-lock retry and is refused), visible to listeners (triggers,
 * webhooks) and available to every {@link dev.frontline.helpdesk.spi.MetricsStore} that reads
 * histories, without another SPI for each storage provider to implement. Thread-safe.
 */
public final class DefaultCsatService implements CsatService {
  private final DefaultTicketService tickets;
  private final AccessControl access;
  private final Clock clock;

  public DefaultCsatService(Kernel helpdesk) {
    this.tickets = helpdesk.tickets();
    this.access = helpdesk.access();
    this.clock = helpdesk.clock();
  }

  /**
   * Records the requester's answer.
   *
   * @param principal the requester
   * @param ticket the ticket
   * @param rating the rating
   * @param comment an optional comment
   * @return the recorded response
   * @throws dev.frontline.helpdesk.NotFoundException if the ticket is not visible to the caller
   * @throws AccessDeniedException if the caller is not the ticket's requester
   * @throws IllegalTransitionException if the ticket is not SOLVED or CLOSED
   * @throws ConflictException if the survey was already answered
   */
  public CsatResponse answer(Principal principal, TicketId ticket, CsatRating rating, @Nullable String comment) {
    Checks.notNull(principal, "principal");
    Checks.notNull(ticket, "ticket");
    Checks.notNull(rating, "rating");
    if (comment != null) {
      Checks.text(comment, "comment", CsatResponse.MAX_COMMENT);
    }
    CsatResponse[] out = new CsatResponse[1];
    Rights rights = access.rightsOf(principal);
    tickets.appendCustom(rights, ticket, (t, history) -> {
      Customer c = rights.customer();
      if (c == null || !access.may(rights, t, Permission.CSAT_ANSWER)) {
        access.deny(principal, Permission.CSAT_ANSWER, t.id().value(), "not the requester");
        throw new AccessDeniedException("only the ticket's requester may answer its survey");
      }
      if (t.state() != TicketState.SOLVED && t.state() != TicketState.CLOSED) {
        throw new IllegalTransitionException("the survey opens when the ticket is solved");
      }
      if (history.stream().anyMatch(e -> CsatResponse.from(e).isPresent())) {
        throw new ConflictException("the survey of this ticket was already answered");
      }
      CsatResponse r = new CsatResponse(t.id(), c.id(), rating, comment, clock.instant());
      out[0] = r;
      return new TicketChange.Custom(CsatResponse.KIND, r.toData());
    });
    return out[0];
  }

  /**
   * The answer, for agents who may read the ticket and for customers who see it.
   *
   * @param principal the caller
   * @param ticket the ticket
   * @return the response, if answered
   * @throws dev.frontline.helpdesk.NotFoundException if the ticket is not visible to the caller
   */
  public Optional<CsatResponse> find(Principal principal, TicketId ticket) {
    // seeing a ticket is reading it (TICKET_READ), for agents and customers alike
    Ticket t = tickets.get(principal, ticket);
    // the caller may read the ticket; the answer is read from the full history on its behalf
    List<TicketEvent> history = tickets.history(Principal.system("csat"), t.id());
    return history.stream().map(CsatResponse::from).flatMap(Optional::stream).findFirst();
  }
}
