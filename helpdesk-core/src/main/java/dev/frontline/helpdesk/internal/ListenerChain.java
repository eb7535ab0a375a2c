package dev.frontline.helpdesk.internal;

import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one helpdesk, in order: the host's, then the services' own (ticket search
 * indexer, router, triggers). Filled while the helpdesk is built and frozen before it is returned,
 * so a built helpdesk cannot gain listeners. Each listener's failure is logged and isolated: the
 * change is stored already and the next listener still runs.
 */
public final class ListenerChain implements TicketListener {
  private static final Logger LOG = LoggerFactory.getLogger(ListenerChain.class);
  private final List<TicketListener> building = new ArrayList<>();
  private volatile List<TicketListener> listeners = List.of();
  private volatile boolean frozen;

  /**
   * @param l the listener to add after the ones added so far
   * @throws IllegalStateException once frozen
   */
  public synchronized void add(TicketListener l) {
    if (frozen) {
      throw new IllegalStateException("listeners are fixed once the helpdesk is built");
    }
    building.add(Objects.requireNonNull(l, "listener"));
    listeners = List.copyOf(building);
  }

  /** Fixes the list: later {@link #add} calls fail. */
  public synchronized void freeze() {
    frozen = true;
  }

  @Override
  public void onEvents(List<TicketEvent> events) {
    for (TicketListener l : listeners) {
      try {
        l.onEvents(events);
      } catch (RuntimeException e) {
        LOG.error("ticket listener {} failed", l.getClass().getName(), e);
      }
    }
  }
}
