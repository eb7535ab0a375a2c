package dev.frontline.helpdesk.routing;

import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.Channel;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Channel weights and agent capacities for the {@link Router}. A live channel weighs more than a
 * written one: by default a call or walk-in costs 10 units, a chat 4, social 3, everything else 2,
 * and an agent has 20 units.
 *
 * <p>Fairness of the held queue: a held ticket that fits nowhere yet (a call needs 10 units, every
 * agent has 4 left) may be overtaken by later tickets that do fit (chats) for at most {@link
 * #overtakeLimit()} (default 5 minutes) after it was held. After that, the agents who could take it
 * once they have room take nothing later in the queue until it is served, so a steady stream of
 * light tickets cannot starve a heavy one. {@link Duration#ZERO} serves strictly in queue order.
 * Immutable; build with {@link #builder()}.
 */
public final class RoutingPolicy {
  private final Map<Channel, Integer> weights;
  private final Capacity defaultCapacity;
  private final Map<AgentId, Capacity> capacities;
  private final Duration overtakeLimit;

  private RoutingPolicy(Builder b) {
    this.weights = Map.copyOf(b.weights);
    this.defaultCapacity = b.defaultCapacity;
    this.capacities = Map.copyOf(b.capacities);
    this.overtakeLimit = b.overtakeLimit;
  }

  /**
   * @return how long after it was held a ticket that fits nowhere may be overtaken by later
   *     tickets that fit
   */
  public Duration overtakeLimit() {
    return overtakeLimit;
  }

  /** @return the default policy */
  public static RoutingPolicy ofDefaults() {
    return builder().build();
  }

  /** @return a builder starting from the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param channel a channel
   * @return the load units one ticket of that channel costs
   */
  public int weight(Channel channel) {
    return Objects.requireNonNull(weights.get(channel)); // every channel has a weight
  }

  /**
   * @param agent an agent
   * @return the agent's capacity
   */
  public Capacity capacity(AgentId agent) {
    return capacities.getOrDefault(agent, defaultCapacity);
  }

  /** @return the agents with a capacity of their own, and those capacities */
  public Map<AgentId, Capacity> capacities() {
    return capacities;
  }

  /** Builds {@link RoutingPolicy} values. Setters validate at once. Not thread-safe. */
  public static final class Builder {
    private final Map<Channel, Integer> weights = new EnumMap<>(Channel.class);
    private Capacity defaultCapacity = Capacity.of(20);
    private final Map<AgentId, Capacity> capacities = new HashMap<>();
    private Duration overtakeLimit = Duration.ofMinutes(5);

    private Builder() {
      for (Channel c : Channel.values()) {
        weights.put(c, 2);
      }
      weights.put(Channel.PHONE, 10);
      weights.put(Channel.IN_PERSON, 10);
      weights.put(Channel.CHAT, 4);
      weights.put(Channel.SOCIAL, 3);
    }

    /**
     * @param channel a channel
     * @param units load units per ticket, 1 to 1000
     * @return this
     */
    public Builder weight(Channel channel, int units) {
      Objects.requireNonNull(channel, "channel");
      Checks.require(units >= 1 && units <= 1000, "weight must be between 1 and 1000");
      weights.put(channel, units);
      return this;
    }

    /**
     * @param capacity the capacity of agents without their own
     * @return this
     */
    public Builder defaultCapacity(Capacity capacity) {
      defaultCapacity = Objects.requireNonNull(capacity, "capacity");
      return this;
    }

    /**
     * @param agent an agent
     * @param capacity that agent's capacity
     * @return this
     */
    public Builder capacity(AgentId agent, Capacity capacity) {
      capacities.put(Objects.requireNonNull(agent, "agent"), Objects.requireNonNull(capacity, "capacity"));
      return this;
    }

    /**
     * @param limit how long a held ticket that fits nowhere may be overtaken by later tickets that
     *     fit; zero serves the queue strictly in order; at most a day
     * @return this
     */
    public Builder overtakeLimit(Duration limit) {
      Objects.requireNonNull(limit, "overtake limit");
      Checks.require(!limit.isNegative() && limit.compareTo(Duration.ofDays(1)) <= 0, "overtake limit must be between 0 and one day");
      overtakeLimit = limit;
      return this;
    }

    /** @return the policy */
    public RoutingPolicy build() {
      return new RoutingPolicy(this);
    }
  }
}
