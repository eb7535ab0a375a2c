package dev.frontline.helpdesk.routing;

import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.Channel;
import java.util.EnumMap;
import java.util.Map;

/**
 * How much work an agent takes at once: a budget of load units (each open ticket costs its
 * channel's weight, see {@link RoutingPolicy#weight}) and optional per-channel limits on the number
 * of tickets (e.g. at most 3 chats). Immutable.
 *
 * @param units total load units, at least 1
 * @param maxPerChannel the most tickets of a channel at once; channels not listed are limited only
 *     by the units
 */
public record Capacity(int units, Map<Channel, Integer> maxPerChannel) {
  /** Validates and copies. */
  public Capacity {
    Checks.require(units >= 1 && units <= 1_000_000, "capacity units must be between 1 and 1000000");
    Checks.notNull(maxPerChannel, "per-channel limits");
    maxPerChannel.forEach((c, n) -> {
      Checks.notNull(c, "channel");
      Checks.require(n != null && n >= 0, "per-channel limit must be at least 0");
    });
    maxPerChannel = Map.copyOf(maxPerChannel.isEmpty() ? Map.of() : new EnumMap<>(maxPerChannel));
  }

  /**
   * @param units total load units
   * @return a capacity without per-channel limits
   */
  public static Capacity of(int units) {
    return new Capacity(units, Map.of());
  }

  /**
   * @param channel a channel
   * @param max the most tickets of that channel at once
   * @return a copy with that limit
   */
  public Capacity withLimit(Channel channel, int max) {
    Map<Channel, Integer> m = new EnumMap<>(Channel.class);
    m.putAll(maxPerChannel);
    m.put(channel, max);
    return new Capacity(units, m);
  }
}
