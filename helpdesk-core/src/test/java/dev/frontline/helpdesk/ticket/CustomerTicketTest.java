package dev.frontline.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.OpsDesk;
import dev.frontline.helpdesk.access.Principal;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The customer view: the same rights as get and query, without the support organization's fields. */
class CustomerTicketTest {
  private final OpsDesk d = newDesk();

  /** The one place that builds the helpdesk under test. */
  private static OpsDesk newDesk() {
    return new OpsDesk();
  }

  @Test
  @DisplayName("the customer view carries no priority, type, tags, fields, tier, team, assignee, links or SLA data")
  void onlyCustomerFields() {
    assertThat(Arrays.stream(CustomerTicket.class.getRecordComponents()).map(RecordComponent::getName))
        .containsExactly("id", "key", "subject", "requester", "state", "channel", "createdAt", "updatedAt", "solvedAt",
            "closedAt", "mergedInto");
  }

  @Test
  @DisplayName("getForCustomer and queryForCustomer follow get and query exactly, for every customer")
  void sameRightsAsGetAndQuery() {
    Ticket t = d.carolAsks("Printer jam");
    t = d.tickets.update(d.system, t.id(), t.version(), TicketUpdate.none().withPriority(Priority.URGENT)
        .withTags(Set.of("vip-escalation"), Set.of()));
    Ticket danTicket = d.tickets.create(d.dan, NewTicket.builder("Dan's", OpsDesk.DAN, Message.of("mine")).build());

    CustomerTicket view = d.tickets.getForCustomer(d.carol, t.id());
    assertThat(view).isEqualTo(CustomerTicket.of(d.tickets.get(d.carol, t.id())));
    assertThat(view.toString()).doesNotContain("vip-escalation").doesNotContain("URGENT");

    for (Principal p : List.of(d.carol, d.erin, d.dan)) {
      for (Ticket any : List.of(t, danTicket)) {
        boolean readable = d.tickets.find(p, any.id()).isPresent();
        if (readable) {
          assertThat(d.tickets.getForCustomer(p, any.id()).id()).isEqualTo(any.id());
        } else {
          assertThatThrownBy(() -> d.tickets.getForCustomer(p, any.id())).isInstanceOf(NotFoundException.class);
        }
      }
      TicketQuery q = TicketQuery.builder().build();
      assertThat(d.tickets.queryForCustomer(p, q).items()).extracting(CustomerTicket::id)
          .containsExactlyElementsOf(d.tickets.query(p, q).items().stream().map(Ticket::id).toList());
    }
  }
}
