package dev.frontline.helpdesk.ticket;

import java.util.List;

/**
 * Receives the events of each stored change, after the change is stored. Called synchronously on the
 * calling thread; must be thread-safe; exceptions it throws are logged and do not undo the change.
 * For reliable delivery to other systems, use a transactional outbox store.
 */
@FunctionalInterface
public interface TicketListener {
  /** @param events the events of one change, in order (may span two tickets for merge and split) */
  void onEvents(List<TicketEvent> events);
}
