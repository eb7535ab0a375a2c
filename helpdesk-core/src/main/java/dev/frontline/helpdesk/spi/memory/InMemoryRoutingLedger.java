package dev.frontline.helpdesk.spi.memory;

import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.routing.Capacity;
import dev.frontline.helpdesk.spi.RoutingLedger;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.TicketId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A {@link RoutingLedger} in this process's memory: for a single application node (routers in
 * other processes do not see it). Every operation holds one monitor, so {@link #reserve} is
 * atomic. Thread-safe.
 */
public final class InMemoryRoutingLedger implements RoutingLedger {
  private record Entry(Held held, long seq) {
    static final Comparator<Entry> ORDER = Comparator.comparing((Entry e) -> e.held().priority(), Comparator.reverseOrder())
        .thenComparing(e -> e.held().since())
        .thenComparingLong(Entry::seq);
  }

  private static final class MutableLoad {
    int units;
    int tickets;
    final Map<Channel, Integer> perChannel = new EnumMap<>(Channel.class);

    Load snapshot() {
      return new Load(units, tickets, perChannel);
    }
  }

  private final Map<TicketId, Slot> slots = new LinkedHashMap<>();
  private final Map<AgentId, MutableLoad> loads = new HashMap<>();
  private final Map<TicketId, Entry> heldById = new HashMap<>();
  private final TreeSet<Entry> queue = new TreeSet<>(Entry.ORDER);
  private long seq;

  /** Creates an empty ledger. */
  public InMemoryRoutingLedger() {}

  @Override
  public synchronized boolean reserve(Slot slot, Capacity capacity) {
    Checks.notNull(slot, "slot");
    Checks.notNull(capacity, "capacity");
    if (slots.containsKey(slot.ticket())) {
      return false;
    }
    MutableLoad l = loads.get(slot.agent());
    if (!(l == null ? Load.NONE : l.snapshot()).fits(slot, capacity)) {
      return false;
    }
    add(slot);
    unhold(slot.ticket());
    return true;
  }

  @Override
  public synchronized void put(Slot slot) {
    Checks.notNull(slot, "slot");
    Slot old = slots.get(slot.ticket());
    if (!slot.equals(old)) {
      if (old != null) {
        remove(old);
      }
      add(slot);
    }
    unhold(slot.ticket());
  }

  private void add(Slot s) {
    slots.put(s.ticket(), s);
    MutableLoad l = loads.computeIfAbsent(s.agent(), a -> new MutableLoad());
    l.units += s.weight();
    l.tickets++;
    l.perChannel.merge(s.channel(), 1, Integer::sum);
  }

  private void remove(Slot s) {
    slots.remove(s.ticket());
    MutableLoad l = Objects.requireNonNull(loads.get(s.agent()));
    l.units -= s.weight();
    l.tickets--;
    if (l.perChannel.merge(s.channel(), -1, Integer::sum) == 0) {
      l.perChannel.remove(s.channel());
    }
    if (l.tickets == 0) {
      loads.remove(s.agent());
    }
  }

  @Override
  public synchronized Optional<Slot> release(TicketId ticket) {
    Checks.notNull(ticket, "ticket");
    Slot s = slots.get(ticket);
    if (s != null) {
      remove(s);
    }
    return Optional.ofNullable(s);
  }

  @Override
  public synchronized Optional<Slot> slot(TicketId ticket) {
    Checks.notNull(ticket, "ticket");
    return Optional.ofNullable(slots.get(ticket));
  }

  @Override
  public synchronized List<Slot> slots() {
    return List.copyOf(slots.values());
  }

  @Override
  public synchronized Map<AgentId, Load> loads() {
    Map<AgentId, Load> out = new HashMap<>();
    loads.forEach((a, l) -> out.put(a, l.snapshot()));
    return Map.copyOf(out);
  }

  @Override
  public synchronized boolean hold(Held held) {
    Checks.notNull(held, "held ticket");
    if (heldById.containsKey(held.ticket()) || slots.containsKey(held.ticket())) {
      return false;
    }
    Entry e = new Entry(held, seq++);
    heldById.put(held.ticket(), e);
    queue.add(e);
    return true;
  }

  @Override
  public synchronized boolean isHeld(TicketId ticket) {
    Checks.notNull(ticket, "ticket");
    return heldById.containsKey(ticket);
  }

  @Override
  public synchronized boolean unhold(TicketId ticket) {
    Checks.notNull(ticket, "ticket");
    Entry e = heldById.remove(ticket);
    if (e != null) {
      queue.remove(e);
    }
    return e != null;
  }

  @Override
  public synchronized void reprioritize(TicketId ticket, Priority priority) {
    Checks.notNull(ticket, "ticket");
    Checks.notNull(priority, "priority");
    Entry e = heldById.get(ticket);
    if (e != null && e.held().priority() != priority) {
      queue.remove(e);
      Entry moved = new Entry(new Held(ticket, priority, e.held().since()), e.seq());
      heldById.put(ticket, moved);
      queue.add(moved);
    }
  }

  @Override
  public synchronized List<Held> held(int limit) {
    Checks.require(limit >= 1, "limit must be at least 1");
    List<Held> out = new ArrayList<>(Math.min(limit, queue.size()));
    for (Entry e : queue) {
      if (out.size() == limit) {
        break;
      }
      out.add(e.held());
    }
    return out;
  }
}
