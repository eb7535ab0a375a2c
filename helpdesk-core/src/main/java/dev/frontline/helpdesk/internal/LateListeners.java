package dev.frontline.helpdesk.internal;

import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Listeners registered after the helpdesk was built; each failure is logged and isolated. */
public final class LateListeners implements TicketListener {
  private static final Logger LOG = LoggerFactory.getLogger(LateListeners.class);
  private final List<TicketListener> listeners = new CopyOnWriteArrayList<>();

  /** @param l the listener to add */
  public void add(TicketListener l) {
    listeners.add(l);
  }

  @Override
  public void onEvents(List<TicketEvent> events) {
    for (TicketListener l : listeners) {
      try {
        l.onEvents(events);
      } catch (RuntimeException e) {
        LOG.error("ticket listener failed", e);
      }
    }
  }
}
