package dev.frontline.helpdesk.feedback;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.ConflictException;
import dev.frontline.helpdesk.IllegalTransitionException;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.ticket.TicketId;
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
public interface CsatService {
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
  CsatResponse answer(Principal principal, TicketId ticket, CsatRating rating, @Nullable String comment);

  /**
   * The answer, for agents who may read the ticket and for customers who see it.
   *
   * @param principal the caller
   * @param ticket the ticket
   * @return the response, if answered
   * @throws dev.frontline.helpdesk.NotFoundException if the ticket is not visible to the caller
   */
  Optional<CsatResponse> find(Principal principal, TicketId ticket);
}
