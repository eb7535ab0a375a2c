package dev.frontline.helpdesk.spi;

import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.routing.Capacity;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.TicketId;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger behind {@link dev.frontline.helpdesk.routing.Router}: which agent each open ticket
 * counts against (its slot, weighted by channel) and the tickets held until someone has room.
 * Routers on several application nodes that share one ledger (e.g. the JDBC one) never put an
 * agent over capacity together and serve one held queue in one order; the in-memory ledger is for
 * a single process.
 *
 * <p>{@link #reserve} is the only operation that must be atomic across every user of the ledger:
 * the capacity check and the new slot are one step. The other operations are plain reads and
 * writes; the router re-reads tickets to settle what a concurrent change may have left behind.
 * Implementations are thread-safe.
 */
public interface RoutingLedger {
  /**
   * A ticket's place on an agent's load.
   *
   * @param ticket the ticket
   * @param agent the agent it counts against
   * @param channel its channel
   * @param weight the load units it costs (its channel's weight, at least 0)
   */
  record Slot(TicketId ticket, AgentId agent, Channel channel, int weight) {
    /** Validates. */
    public Slot {
      Checks.notNull(ticket, "ticket");
      Checks.notNull(agent, "agent");
      Checks.notNull(channel, "channel");
      Checks.require(weight >= 0 && weight <= 1_000_000, "weight must be between 0 and 1000000");
    }
  }

  /**
   * A ticket waiting for an agent with room.
   *
   * @param ticket the ticket
   * @param priority its priority (higher is served first)
   * @param since when it started waiting (earlier is served first among equal priorities)
   */
  record Held(TicketId ticket, Priority priority, Instant since) {
    /** Validates. */
    public Held {
      Checks.notNull(ticket, "ticket");
      Checks.notNull(priority, "priority");
      Checks.notNull(since, "since");
    }
  }

  /**
   * An agent's current load.
   *
   * @param units the summed weights of its slots
   * @param tickets the number of its slots
   * @param perChannel the number of its slots per channel (channels without slots left out)
   */
  record Load(int units, int tickets, Map<Channel, Integer> perChannel) {
    /** No load. */
    public static final Load NONE = new Load(0, 0, Map.of());

    /** Copies. */
    public Load {
      Checks.notNull(perChannel, "per-channel counts");
      perChannel = perChannel.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(perChannel));
    }

    /**
     * @param slot a slot
     * @param capacity a capacity
     * @return whether the slot fits into this load within the capacity
     */
    public boolean fits(Slot slot, Capacity capacity) {
      if (units + slot.weight() > capacity.units()) {
        return false;
      }
      Integer max = capacity.maxPerChannel().get(slot.channel());
      return max == null || perChannel.getOrDefault(slot.channel(), 0) < max;
    }
  }

  /**
   * Atomically, for every user of the ledger: records the slot if its ticket has none and the
   * agent's load with it stays within the capacity ({@link Load#fits}), and then takes the ticket
   * out of the held queue.
   *
   * @param slot the slot to record
   * @param capacity the agent's capacity
   * @return whether it was recorded; false if the ticket has a slot or the agent has no room
   */
  boolean reserve(Slot slot, Capacity capacity);

  /**
   * Records the slot, replacing the ticket's slot if it has one, without a capacity check (an
   * assignment someone made), and takes the ticket out of the held queue.
   *
   * @param slot the slot
   */
  void put(Slot slot);

  /**
   * Removes the ticket's slot.
   *
   * @param ticket a ticket
   * @return the removed slot, if it had one
   */
  Optional<Slot> release(TicketId ticket);

  /**
   * @param ticket a ticket
   * @return its slot, if it has one
   */
  Optional<Slot> slot(TicketId ticket);

  /** @return every slot (as many as there are open assigned tickets) */
  List<Slot> slots();

  /** @return the load of every agent with at least one slot */
  Map<AgentId, Load> loads();

  /**
   * Adds the ticket to the held queue unless it is held already or has a slot.
   *
   * @param held the ticket, its priority and since when it waits
   * @return whether it was added
   */
  boolean hold(Held held);

  /**
   * @param ticket a ticket
   * @return whether it is in the held queue
   */
  boolean isHeld(TicketId ticket);

  /**
   * Takes the ticket out of the held queue.
   *
   * @param ticket a ticket
   * @return whether it was held
   */
  boolean unhold(TicketId ticket);

  /**
   * Changes the priority of a held ticket (it keeps its waiting time); does nothing if it is not
   * held.
   *
   * @param ticket a ticket
   * @param priority its new priority
   */
  void reprioritize(TicketId ticket, Priority priority);

  /**
   * @param limit the most to return, at least 1
   * @return held tickets in serving order: higher priority first, then longest waiting, then in the
   *     order they were held
   */
  List<Held> held(int limit);
}
