package dev.frontline.helpdesk.spi;

import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.routing.Availability;

/**
 * Where agents' presence is kept (often fed by the host's chat or telephony system). Unknown agents
 * are {@link Availability#OFFLINE}. Implementations must be thread-safe. Set presence through
 * {@link dev.frontline.helpdesk.routing.Router#setAvailability}, which serves held tickets as soon
 * as an agent comes online; after setting it here directly (or from another node), call {@link
 * dev.frontline.helpdesk.routing.Router#drain()}.
 */
public interface AgentAvailability {
  /**
   * @param agent an agent
   * @return their availability; {@link Availability#OFFLINE} if unknown
   */
  Availability status(AgentId agent);

  /**
   * @param agent an agent
   * @param availability their new availability
   */
  void set(AgentId agent, Availability availability);
}
