package dev.frontline.helpdesk.intake;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketService;
import java.util.List;
import java.util.Optional;

/**
 * Records phone calls, chats and walk-ins. Every ticket change goes through the {@link
 * TicketService} as the acting principal, so its permission checks apply unchanged: opening a
 * ticket needs {@code TICKET_CREATE}, a public entry {@code TICKET_REPLY_PUBLIC}, a note {@code
 * TICKET_NOTE_INTERNAL}, solving at once {@code TICKET_SOLVE}.
 *
 * <p>Security rules on top: only agents and the system record interactions; a public entry on an
 * existing ticket needs a {@link IdentityCheck#VERIFIED verified} caller who is the ticket's
 * requester, so an impostor on the phone never has words put into someone else's conversation;
 * a caller who {@link IdentityCheck#FAILED failed} the check cannot open a ticket in the customer's
 * name either (the customer would read the impostor's words as their own request). An {@link
 * IdentityCheck#UNVERIFIED unchecked} caller may open one, as an e-mail from the customer's address
 * does.
 * Interactions are internal records: customers never read them; agents read those of tickets on
 * which they may read internal entries; interactions without ticket are read by the agent who
 * recorded them and by holders of {@code REPORTS_VIEW}.
 *
 * <p>A ticket opened from a contact by an agent goes to the front line's default team if the agent
 * belongs to it, else to the agent's first front-line team.
 *
 * <p>The ticket change is stored first, then the interaction; if the interaction store fails, the
 * ticket keeps the entry (it is the record of what was said) and the call throws. Thread-safe.
 */
public interface InteractionService {
  /**
   * Records a contact and writes it into a ticket as the command says.
   *
   * @param principal the handling agent (or the system, e.g. a telephony integration)
   * @param command what happened
   * @return the stored interaction, with the ticket it landed in
   * @throws AccessDeniedException for customers and anonymous callers, a public entry without a
   *     verified caller, or a new ticket for a caller who failed the identity check
   * @throws NotFoundException if the ticket is not visible to the principal
   * @throws ValidationException for an unknown customer or a public entry for someone else's ticket
   */
  Interaction record(Principal principal, NewInteraction command);

  /**
   * @param principal the caller
   * @param id an interaction
   * @return the interaction if the caller may read it
   */
  Optional<Interaction> find(Principal principal, InteractionId id);

  /**
   * @param principal the caller
   * @param id an interaction
   * @return the interaction
   * @throws NotFoundException if it does not exist or the caller may not read it
   */
  Interaction get(Principal principal, InteractionId id);

  /**
   * @param principal the caller (needs {@code TICKET_READ_INTERNAL} on the ticket)
   * @param ticket the ticket
   * @return its interactions, oldest first
   * @throws NotFoundException if the ticket is not visible
   */
  List<Interaction> forTicket(Principal principal, TicketId ticket);

  /**
   * @param principal the caller
   * @param customer a customer
   * @return the customer's interactions the caller may read, oldest first (empty for customers)
   */
  List<Interaction> forCustomer(Principal principal, CustomerId customer);
}
