package dev.frontline.helpdesk.email.spi.memory;

import dev.frontline.helpdesk.ticket.TicketId;
import java.util.Optional;

/**
 * The former location of the in-memory e-mail thread store; delegates to the core one.
 *
 * @deprecated use {@link dev.frontline.helpdesk.spi.memory.InMemoryEmailThreadStore} from
 *     helpdesk-core.
 */
@Deprecated
@SuppressWarnings("deprecation")
public final class InMemoryEmailThreadStore implements dev.frontline.helpdesk.email.spi.EmailThreadStore {
  private final dev.frontline.helpdesk.spi.memory.InMemoryEmailThreadStore delegate =
      new dev.frontline.helpdesk.spi.memory.InMemoryEmailThreadStore();

  /** Creates an empty store. */
  public InMemoryEmailThreadStore() {}

  @Override
  public boolean recordReceived(String messageId, TicketId ticket) {
    return delegate.recordReceived(messageId, ticket);
  }

  @Override
  public Optional<TicketId> findReceived(String messageId) {
    return delegate.findReceived(messageId);
  }

  @Override
  public void recordReferenced(String messageId, TicketId ticket) {
    delegate.recordReferenced(messageId, ticket);
  }

  @Override
  public Optional<TicketId> find(String messageId) {
    return delegate.find(messageId);
  }

  @Override
  public void addParticipant(TicketId ticket, String address) {
    delegate.addParticipant(ticket, address);
  }

  @Override
  public boolean isParticipant(TicketId ticket, String address) {
    return delegate.isParticipant(ticket, address);
  }
}
