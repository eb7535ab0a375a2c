package dev.frontline.helpdesk.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.sla.BusinessCalendar;
import dev.frontline.helpdesk.sla.SlaConditions;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaPolicy;
import dev.frontline.helpdesk.sla.SlaReport;
import dev.frontline.helpdesk.ticket.Ticket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Support tiers have their own internal targets (OLAs): SLA policies conditioned on the tier, placed
 * before the customer-facing default. Escalating a ticket switches it to the higher tier's targets,
 * counted from when the tier received it.
 */
class TierTargetsTest {
  static final SlaPolicy TIER2_OLA = SlaPolicy.builder("tier2-ola")
      .conditions(SlaConditions.any().withTiers(Set.of(2)))
      .target(SlaMetric.RESOLUTION, Duration.ofHours(2), BusinessCalendar.always())
      .build();

  final EscDesk d = new EscDesk(List.of(TIER2_OLA, EscDesk.STANDARD), List.of());

  @Test
  @DisplayName("a ticket escalated to tier 2 is measured against the tier-2 OLA from then on")
  void escalationSwitchesToTheTierTargets() {
    Ticket t = d.carolAsks("Database is slow");
    assertThat(d.helpdesk.sla().status(d.alice, t.id()).policy()).isEqualTo("standard");
    d.clock.advance(Duration.ofHours(3));
    Ticket up = d.tickets.escalate(d.alice, t.id(), t.version(), 2, null, "needs a DBA");
    SlaReport r = d.helpdesk.sla().status(d.lead, up.id());
    assertThat(r.policy()).isEqualTo("tier2-ola");
    // tier 2 is measured from when it received the ticket, not from the ticket's creation
    assertThat(r.status(SlaMetric.RESOLUTION).due()).isEqualTo(up.updatedAt().plus(Duration.ofHours(2)));
    assertThat(up.nextDeadline()).isAfter(up.updatedAt());
  }

  @Test
  @DisplayName("policies can be chosen by the organization's service plan")
  void planCondition() {
    SlaPolicy enterprise = SlaPolicy.builder("enterprise")
        .conditions(SlaConditions.any().withPlans(Set.of("enterprise")))
        .target(SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(30), BusinessCalendar.always())
        .build();
    EscDesk desk = new EscDesk(List.of(enterprise, EscDesk.STANDARD), List.of());
    Ticket vera = desk.tickets.create(desk.vera, dev.frontline.helpdesk.ticket.NewTicket.builder(
        "Help", EscDesk.VERA, dev.frontline.helpdesk.ticket.Message.of("x")).build());
    Ticket carol = desk.carolAsks("Help");
    Ticket dan = desk.tickets.create(desk.dan, dev.frontline.helpdesk.ticket.NewTicket.builder(
        "Help", EscDesk.DAN, dev.frontline.helpdesk.ticket.Message.of("x")).build());
    assertThat(desk.helpdesk.sla().status(desk.lead, vera.id()).policy()).isEqualTo("enterprise");
    assertThat(desk.helpdesk.sla().status(desk.lead, carol.id()).policy()).isEqualTo("standard");
    assertThat(desk.helpdesk.sla().status(desk.lead, dan.id()).policy()).as("no organization, no plan").isEqualTo("standard");
  }
}
