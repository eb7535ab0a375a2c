package dev.frontline.helpdesk.escalation;

import static dev.frontline.helpdesk.escalation.EscalationAction.addTag;
import static dev.frontline.helpdesk.escalation.EscalationAction.moveToTier;
import static dev.frontline.helpdesk.escalation.EscalationAction.notification;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.HelpdeskException;
import dev.frontline.helpdesk.sla.BusinessCalendar;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaPolicy;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketHistory;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;

class EscalationPropertyTest {
  static final SlaPolicy POLICY =
      SlaPolicy.builder("all")
          .target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(4), EscDesk.OFFICE)
          .target(SlaMetric.NEXT_RESPONSE, Duration.ofHours(2), BusinessCalendar.always())
          .target(SlaMetric.RESOLUTION, Duration.ofHours(24), EscDesk.OFFICE)
          .build();
  static final List<EscalationRule> RULES =
      List.of(
          EscalationRule.builder("fr-warn").when(EscalationTrigger.slaWarning(SlaMetric.FIRST_RESPONSE)).then(notification("lead", "fr soon")).build(),
          EscalationRule.builder("nr-breach").when(EscalationTrigger.slaBreach(SlaMetric.NEXT_RESPONSE)).then(moveToTier(2, null)).build(),
          EscalationRule.builder("res-breach-2h").when(EscalationTrigger.slaBreach(SlaMetric.RESOLUTION, Duration.ofHours(2))).then(moveToTier(3, null)).build(),
          EscalationRule.builder("quiet").when(EscalationTrigger.noAgentReplyFor(Duration.ofHours(5))).then(notification("lead", "quiet")).build(),
          EscalationRule.builder("urgent").when(EscalationTrigger.priorityAtLeast(Priority.URGENT)).then(addTag("urgent")).build(),
          EscalationRule.builder("manual").when(EscalationTrigger.manualEscalation()).then(notification("tier2-lead", "manual")).build(),
          EscalationRule.builder("reopened").when(EscalationTrigger.reopenedAtLeast(1)).then(addTag("reopened")).build());

  @RepeatedTest(4)
  @DisplayName("after every run nothing is left due, snapshots rebuild from history, and every step fired once")
  void randomLives() {
    String prop = System.getProperty("frontline.seed");
    long seed = prop != null && !prop.isBlank() ? Long.parseLong(prop.trim()) : new Random().nextLong();
    System.out.println("[frontline] EscalationPropertyTest.randomLives seed=" + seed + " (replay with -Dfrontline.seed=" + seed + ")");
    Random r = new Random(seed);
    EscDesk d = new EscDesk(List.of(POLICY), RULES);
    List<TicketId> ids = new ArrayList<>();
    for (int step = 0; step < 300; step++) {
      d.clock.advance(Duration.ofMinutes(r.nextInt(240)));
      if (ids.isEmpty() || r.nextInt(6) == 0) {
        ids.add(d.carolAsks("t" + step).id());
      } else {
        TicketId id = ids.get(r.nextInt(ids.size()));
        Ticket t = d.ticket(id);
        try {
          switch (r.nextInt(8)) {
            case 0 -> d.tickets.reply(d.carol, id, Ticket.ANY_VERSION, Message.of("any news?"));
            case 1, 2 -> d.tickets.reply(d.lead, id, Ticket.ANY_VERSION, Message.of("working on it"));
            case 3 -> d.tickets.transition(d.lead, id, t.version(), TicketState.values()[1 + r.nextInt(4)]);
            case 4 -> d.tickets.update(d.lead, id, t.version(), TicketUpdate.none().withPriority(Priority.values()[r.nextInt(4)]));
            case 5 -> d.tickets.escalate(d.lead, id, t.version(), t.tier() + 1, null, "needs help");
            case 6 -> d.tickets.deescalate(d.lead, id, t.version(), 1, null, "back to you");
            default -> d.tickets.transition(d.lead, id, t.version(), TicketState.OPEN);
          }
        } catch (HelpdeskException e) {
          // illegal in the current state: fine, nothing changed
        }
      }
      d.run();
      assertThat(d.store.due(d.clock.instant(), 10)).as("step %d: nothing due after a run", step).isEmpty();
    }
    Set<String> rulesFired = new HashSet<>();
    for (TicketId id : ids) {
      rulesFired.addAll(d.firedRules(id));
      List<TicketEvent> h = d.history(id);
      assertThat(TicketHistory.rebuild(h)).isEqualTo(d.ticket(id));
      Set<String> seen = new HashSet<>();
      for (TicketChange.EscalationStepFired f : d.fired(id)) {
        assertThat(seen.add(f.rule() + "/" + f.step())).as("%s fired twice", f).isTrue();
      }
    }
    System.out.println("[frontline] rules fired: " + new java.util.TreeSet<>(rulesFired));
    assertThat(rulesFired).as("the random lives exercise most rules").hasSizeGreaterThanOrEqualTo(4);
  }
}
