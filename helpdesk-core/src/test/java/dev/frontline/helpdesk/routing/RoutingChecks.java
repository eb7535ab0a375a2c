package dev.frontline.helpdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The end-state checks of the router concurrency tests. */
final class RoutingChecks {
  private RoutingChecks() {}

  /**
   * Every active unassigned ticket is held and nothing else is; every agent's stored assignments
   * stay within the units and chat limit and equal the router's load.
   *
   * @param created the tickets the test created
   * @param find reads a ticket from the store
   * @param heldView the router whose held queue is checked
   * @param loadView the router whose loads are checked
   */
  static void assertConsistent(Collection<TicketId> created, Function<TicketId, Ticket> find, Router heldView,
      Router loadView, RoutingPolicy policy, List<AgentId> agents, int maxUnits, int maxChats) {
    Map<AgentId, Integer> units = new HashMap<>();
    Map<AgentId, Integer> chats = new HashMap<>();
    int unassignedActive = 0;
    for (TicketId id : created) {
      Ticket t = find.apply(id);
      if (!t.state().isActive()) {
        continue;
      }
      if (t.assignee() == null) {
        unassignedActive++;
        assertThat(heldView.held()).contains(id);
      } else {
        units.merge(t.assignee(), policy.weight(t.channel()), Integer::sum);
        if (t.channel() == Channel.CHAT) {
          chats.merge(t.assignee(), 1, Integer::sum);
        }
      }
    }
    for (AgentId a : agents) {
      assertThat(units.getOrDefault(a, 0)).as("units of %s", a).isLessThanOrEqualTo(maxUnits).isEqualTo(loadView.load(a));
      assertThat(chats.getOrDefault(a, 0)).as("chats of %s", a).isLessThanOrEqualTo(maxChats);
    }
    assertThat(loadView.held()).hasSize(unassignedActive);
  }
}
