package dev.frontline.helpdesk.spi.memory;

import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.routing.Availability;
import dev.frontline.helpdesk.spi.AgentAvailability;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link AgentAvailability}. Thread-safe. */
public final class InMemoryAgentAvailability implements AgentAvailability {
  private final ConcurrentHashMap<AgentId, Availability> status = new ConcurrentHashMap<>();

  /** Creates a store in which every agent is offline. */
  public InMemoryAgentAvailability() {}

  @Override
  public Availability status(AgentId agent) {
    return status.getOrDefault(agent, Availability.OFFLINE);
  }

  @Override
  public void set(AgentId agent, Availability availability) {
    status.put(Objects.requireNonNull(agent, "agent"), Objects.requireNonNull(availability, "availability"));
  }
}
