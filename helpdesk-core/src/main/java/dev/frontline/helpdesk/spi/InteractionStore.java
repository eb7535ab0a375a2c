package dev.frontline.helpdesk.spi;

import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.intake.Interaction;
import dev.frontline.helpdesk.intake.InteractionId;
import dev.frontline.helpdesk.ticket.TicketId;
import java.util.List;
import java.util.Optional;

/**
 * Stores recorded interactions. Append-only: an interaction is never changed once saved.
 * Implementations must be thread-safe and do no permission checks (the {@link
 * dev.frontline.helpdesk.intake.InteractionService} does).
 */
public interface InteractionStore {
  /**
   * @param interaction the interaction to add
   * @throws dev.frontline.helpdesk.ConflictException if its id already exists
   */
  void add(Interaction interaction);

  /**
   * @param id an id
   * @return the interaction, if stored
   */
  Optional<Interaction> find(InteractionId id);

  /**
   * @param ticket a ticket
   * @return its interactions, oldest first
   */
  List<Interaction> byTicket(TicketId ticket);

  /**
   * @param customer a customer
   * @return their interactions, oldest first
   */
  List<Interaction> byCustomer(CustomerId customer);
}
