package dev.frontline.helpdesk.spi;

import dev.frontline.helpdesk.ticket.TicketId;
import java.util.List;
import java.util.Optional;

/**
 * Remembers which ticket each e-mail Message-ID belongs to, so that replies (In-Reply-To and
 * References) find their ticket and a message delivered twice is recognised as a duplicate, and
 * which addresses took part in a ticket's conversation (for subject-tag threading).
 *
 * <p>Two kinds of ids are kept: <em>received</em> ids (a message with that id was added to the
 * ticket) and <em>referenced</em> ids (a received message referred to that id, but the message
 * itself has not been seen: a "ghost" parent). A later message whose References contain a ghost id
 * still joins the ticket. Message-IDs are compared exactly as given (the intake normalises them to
 * the text between the angle brackets, without surrounding whitespace).
 *
 * <p>Besides, every id of a conversation remembers <em>all</em> the tickets the conversation
 * reached ({@link #recordThread}, {@link #findThread}): under the participant rule one mailing-list
 * conversation can span several tickets (one per author who is not a participant of the others),
 * and a later message must find the one its sender takes part in, whichever id it names.
 *
 * <p>Implementations must be thread-safe. Used by the e-mail intake ({@code helpdesk-email}); it
 * lives in the core, next to the other storage SPIs, so that storage modules (such as helpdesk-jdbc)
 * implement it without depending on helpdesk-email. Every implementation must pass {@code
 * EmailThreadStoreContract} from helpdesk-testkit.
 */
public interface EmailThreadStore {

  /**
   * Records that the message with this id was added to a ticket. The first record wins.
   *
   * @param messageId the message id
   * @param ticket the ticket the message was added to
   * @return false if a message with this id had already been received (a duplicate)
   */
  boolean recordReceived(String messageId, TicketId ticket);

  /**
   * @param messageId a message id
   * @return the ticket of the received message with this id, if one was received
   */
  Optional<TicketId> findReceived(String messageId);

  /**
   * Records that a received message of {@code ticket} referred to {@code messageId}. Does nothing
   * if the id is already known (received or referenced).
   *
   * @param messageId the referenced id
   * @param ticket the ticket of the referring message
   */
  void recordReferenced(String messageId, TicketId ticket);

  /**
   * @param messageId a message id
   * @return the ticket of a received message with this id, else of a message that referred to it
   */
  Optional<TicketId> find(String messageId);

  /**
   * Records that {@code address} wrote into a ticket.
   *
   * @param ticket the ticket
   * @param address the sender address (the intake passes it lower-cased)
   */
  void addParticipant(TicketId ticket, String address);

  /**
   * @param ticket a ticket
   * @param address a lower-cased address
   * @return whether that address wrote into the ticket before
   */
  boolean isParticipant(TicketId ticket, String address);

  /**
   * Records that {@code ticket} took part in the conversation of {@code messageId} (a message of the
   * ticket had, referred to, or was linked through its other ids to this id). Idempotent; never
   * removes an earlier record.
   *
   * <p>The default records a referenced id ({@link #recordReferenced}), so an implementation
   * written before this method existed keeps the single-ticket behaviour; the bundled stores keep
   * every ticket.
   *
   * @param messageId the id
   * @param ticket a ticket of its conversation
   */
  default void recordThread(String messageId, TicketId ticket) {
    recordReferenced(messageId, ticket);
  }

  /**
   * @param messageId a message id
   * @return the tickets of its conversation: the ticket of a received message with this id first,
   *     then the others in the order they were recorded (first record first), each once; empty if
   *     the id is unknown. The default returns {@link #find} as a list.
   */
  default List<TicketId> findThread(String messageId) {
    return find(messageId).map(List::of).orElse(List.of());
  }
}
