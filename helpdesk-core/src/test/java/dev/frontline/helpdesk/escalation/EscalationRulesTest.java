package dev.frontline.helpdesk.escalation;

import static dev.frontline.helpdesk.escalation.EscalationAction.addNote;
import static dev.frontline.helpdesk.escalation.EscalationAction.addTag;
import static dev.frontline.helpdesk.escalation.EscalationAction.moveToTier;
import static dev.frontline.helpdesk.escalation.EscalationAction.notification;
import static dev.frontline.helpdesk.escalation.EscalationAction.raisePriority;
import static dev.frontline.helpdesk.escalation.EscalationAction.reassign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.sla.SlaConditions;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.spi.Notification;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EscalationRulesTest {
  static Instant at(String s) {
    return Instant.parse(s);
  }

  static EscalationRule rule(String name, EscalationTrigger t, EscalationAction... a) {
    return EscalationRule.builder(name).when(t).then(a).build();
  }

  static List<Entry> entries(EscDesk d, Ticket t) {
    return d.history(t.id()).stream().map(TicketEvent::change).filter(c -> c instanceof TicketChange.EntryAdded)
        .map(c -> ((TicketChange.EntryAdded) c).entry()).toList();
  }

  @Nested
  @DisplayName("A three-level chain fires as the test clock passes warning, breach and breach + 4h")
  class Chain {
    final EscDesk d =
        new EscDesk(
            List.of(EscDesk.STANDARD),
            List.of(
                rule("fr-warning", EscalationTrigger.slaWarning(SlaMetric.FIRST_RESPONSE), notification("tier1-lead", "first response due soon")),
                rule("fr-breach", EscalationTrigger.slaBreach(SlaMetric.FIRST_RESPONSE), moveToTier(2, null), raisePriority(Priority.HIGH)),
                rule("fr-breach-4h", EscalationTrigger.slaBreach(SlaMetric.FIRST_RESPONSE, Duration.ofHours(4)), moveToTier(3, EscDesk.THIRD), notification("tier3-lead", "breached 4h ago"))));

    @Test
    @DisplayName("warning notifies, breach moves to tier 2, breach + 4h to tier 3; nothing fires early or twice")
    void threeLevels() {
      Ticket t = d.carolAsks("Printer on fire");
      assertThat(t.nextDeadline()).isEqualTo(at("2026-03-02T12:00:00Z"));
      assertThat(d.runAt(at("2026-03-02T11:59:59Z"))).isZero();

      assertThat(d.runAt(at("2026-03-02T12:00:00Z"))).isEqualTo(1);
      assertThat(d.firedRules(t.id())).containsExactly("fr-warning");
      assertThat(d.sink.sent()).extracting(Notification::recipient).containsExactly("tier1-lead");
      assertThat(d.sink.sent().get(0).source()).isEqualTo("escalation:fr-warning/first_response@2026-03-02T09:00:00Z");
      assertThat(d.ticket(t.id()).nextDeadline()).isEqualTo(at("2026-03-02T13:00:00Z"));

      assertThat(d.runAt(at("2026-03-02T13:00:00Z"))).isEqualTo(1);
      Ticket t2 = d.ticket(t.id());
      assertThat(t2.tier()).isEqualTo(2);
      assertThat(t2.team()).isEqualTo(EscDesk.SECOND);
      assertThat(t2.priority()).isEqualTo(Priority.HIGH);
      // the breach + 4h step is measured in wall-clock time from the breach
      assertThat(t2.nextDeadline()).isEqualTo(at("2026-03-02T17:00:00Z"));
      TicketChange.TierChanged tc = d.changes(t.id(), TicketChange.TierChanged.class).get(0);
      assertThat(tc.automatic()).isTrue();
      assertThat(tc.reason()).contains("fr-breach");

      assertThat(d.runAt(at("2026-03-02T16:59:00Z"))).isZero();
      assertThat(d.runAt(at("2026-03-02T17:00:00Z"))).isEqualTo(1);
      assertThat(d.ticket(t.id()).tier()).isEqualTo(3);
      assertThat(d.ticket(t.id()).team()).isEqualTo(EscDesk.THIRD);
      assertThat(d.firedRules(t.id())).containsExactly("fr-warning", "fr-breach", "fr-breach-4h");
      assertThat(d.sink.sent()).extracting(Notification::recipient).containsExactly("tier1-lead", "tier3-lead");

      // idempotent: running again (even much later) fires nothing more
      d.runAt(at("2026-03-09T17:00:00Z"));
      d.run();
      assertThat(d.firedRules(t.id())).containsExactly("fr-warning", "fr-breach", "fr-breach-4h");
      assertThat(d.sink.sent()).hasSize(2);
    }

    @Test
    @DisplayName("each step is stored in the same event batch as its actions, by the escalation system principal")
    void atomicAndAudited() {
      Ticket t = d.carolAsks("Printer on fire");
      d.runAt(at("2026-03-02T13:00:00Z"));
      List<TicketEvent> h = d.history(t.id());
      int i = 0;
      while (!(h.get(i).change() instanceof TicketChange.EscalationStepFired f && f.rule().equals("fr-breach"))) {
        i++;
      }
      assertThat(h.get(i + 1).change()).isInstanceOf(TicketChange.TierChanged.class);
      assertThat(h.get(i + 2).change()).isInstanceOf(TicketChange.EntryAdded.class);
      assertThat(h.get(i + 3).change()).isInstanceOf(TicketChange.PriorityChanged.class);
      assertThat(h.get(i).actor()).isEqualTo(new Author(Author.Kind.SYSTEM, "system:escalation"));
      assertThat(h.get(i).at()).isEqualTo(h.get(i + 3).at());
    }

    @Test
    @DisplayName("a runner that was down fires the warning and the breach in one pass, in rule order")
    void catchUp() {
      Ticket t = d.carolAsks("Printer on fire");
      d.runAt(at("2026-03-02T14:00:00Z"));
      assertThat(d.firedRules(t.id())).containsExactly("fr-warning", "fr-breach");
    }

    @Test
    @DisplayName("a reply before the runner saw the breach stops the cycle: no escalation")
    void lateReplyStopsChain() {
      Ticket t = d.carolAsks("Printer on fire");
      d.clock.set(at("2026-03-02T13:30:00Z"));
      d.tickets.reply(d.alice, t.id(), Ticket.ANY_VERSION, Message.of("Sorry for the wait"));
      d.runAt(at("2026-03-02T18:00:00Z"));
      assertThat(d.firedRules(t.id())).isEmpty();
      assertThat(d.ticket(t.id()).tier()).isEqualTo(1);
    }

    @Test
    @DisplayName("de-escalation with a hand-off note goes back down and the breach does not fire again")
    void deescalation() {
      Ticket t = d.carolAsks("Printer on fire");
      d.runAt(at("2026-03-02T13:00:00Z"));
      Ticket t2 = d.ticket(t.id());
      assertThat(t2.tier()).isEqualTo(2);
      d.clock.set(at("2026-03-02T13:30:00Z"));
      Ticket back = d.tickets.deescalate(d.bob, t.id(), t2.version(), 1, null, "Driver reinstalled; customer to confirm");
      assertThat(back.tier()).isEqualTo(1);
      assertThat(back.team()).isEqualTo(EscDesk.FRONT);
      TicketChange.TierChanged down = d.changes(t.id(), TicketChange.TierChanged.class).get(1);
      assertThat(down.isEscalation()).isFalse();
      assertThat(down.automatic()).isFalse();
      assertThat(down.reason()).isEqualTo("Driver reinstalled; customer to confirm");
      assertThat(entries(d, back)).anyMatch(e -> e.kind() == EntryKind.SYSTEM && e.body().startsWith("Handed back from tier 2 to tier 1"));
      d.runAt(at("2026-03-02T14:00:00Z"));
      assertThat(d.ticket(t.id()).tier()).as("fr-breach already fired for this cycle").isEqualTo(1);
      // breach + 4h still fires at 17:00: the first response is still open
      d.runAt(at("2026-03-02T17:00:00Z"));
      assertThat(d.ticket(t.id()).tier()).isEqualTo(3);
    }
  }

  @Nested
  @DisplayName("Triggers")
  class Triggers {
    @Test
    @DisplayName("priority at least P fires once, at the next run after the change")
    void priority() {
      EscDesk d = new EscDesk(List.of(), List.of(rule("hot", EscalationTrigger.priorityAtLeast(Priority.HIGH), addTag("hot"))));
      Ticket low = d.carolAsks("Question");
      assertThat(low.nextDeadline()).isNull();
      Ticket high = d.tickets.create(d.alice, NewTicket.builder("Broken", EscDesk.CAROL, Message.of("x")).priority(Priority.HIGH).team(EscDesk.FRONT).build());
      assertThat(high.nextDeadline()).as("pending at once").isEqualTo(EscDesk.MONDAY_9);
      assertThat(d.run()).isEqualTo(1);
      assertThat(d.ticket(high.id()).tags()).contains("hot");
      assertThat(d.ticket(high.id()).nextDeadline()).isNull();
      assertThat(d.ticket(low.id()).tags()).doesNotContain("hot");
      d.clock.advance(Duration.ofMinutes(1));
      Ticket l2 = d.tickets.update(d.lead, low.id(), low.version(), TicketUpdate.none().withPriority(Priority.URGENT));
      assertThat(l2.nextDeadline()).isEqualTo(d.clock.instant());
      d.run();
      d.run();
      assertThat(d.firedRules(low.id())).containsExactly("hot");
      assertThat(d.firedRules(high.id())).containsExactly("hot");
    }

    @Test
    @DisplayName("VIP organization (from the directory) reassigns to the lead")
    void vip() {
      EscDesk d = new EscDesk(List.of(), List.of(rule("vip", EscalationTrigger.vipOrganization(), reassign(null, EscDesk.LEAD))));
      Ticket v = d.tickets.create(d.vera, NewTicket.builder("Help", EscDesk.VERA, Message.of("x")).build());
      Ticket c = d.carolAsks("Help");
      d.run();
      assertThat(d.ticket(v.id()).assignee()).isEqualTo(EscDesk.LEAD);
      assertThat(d.ticket(v.id()).team()).isEqualTo(EscDesk.FRONT);
      assertThat(d.ticket(c.id()).assignee()).isNull();
      assertThat(d.changes(v.id(), TicketChange.Assigned.class)).hasSize(1);
    }

    @Test
    @DisplayName("reopen count at least N adds an internal note")
    void reopened() {
      EscDesk d = new EscDesk(List.of(), List.of(rule("reopened", EscalationTrigger.reopenedAtLeast(1), addNote("Reopened: check the fix"))));
      Ticket t = d.carolAsks("Help");
      t = d.tickets.reply(d.alice, t.id(), t.version(), Message.of("Try this"));
      t = d.tickets.transition(d.alice, t.id(), t.version(), TicketState.SOLVED);
      d.run();
      assertThat(d.firedRules(t.id())).isEmpty();
      d.tickets.reply(d.carol, t.id(), Ticket.ANY_VERSION, Message.of("Still broken"));
      assertThat(d.ticket(t.id()).reopenCount()).isEqualTo(1);
      d.run();
      assertThat(d.firedRules(t.id())).containsExactly("reopened");
      assertThat(entries(d, t)).anyMatch(e -> e.kind() == EntryKind.INTERNAL_NOTE && e.body().equals("Reopened: check the fix"));
      assertThat(d.tickets.conversation(d.carol, t.id())).noneMatch(e -> e.body().contains("check the fix"));
    }

    @Test
    @DisplayName("a tag raises the priority; a subject keyword moves to tier 2")
    void tagAndKeyword() {
      EscDesk d = new EscDesk(List.of(), List.of(
          rule("outage", EscalationTrigger.tagged("outage"), raisePriority(Priority.URGENT)),
          rule("data-loss", EscalationTrigger.subjectContains("data loss"), moveToTier(2, null))));
      Ticket t = d.carolAsks("Possible DATA LOSS after update");
      d.run();
      assertThat(d.ticket(t.id()).tier()).isEqualTo(2);
      assertThat(d.ticket(t.id()).priority()).isEqualTo(Priority.NORMAL);
      Ticket t2 = d.ticket(t.id());
      d.tickets.update(d.lead, t.id(), t2.version(), TicketUpdate.none().withTags(Set.of("outage"), Set.of()));
      d.run();
      assertThat(d.ticket(t.id()).priority()).isEqualTo(Priority.URGENT);
      assertThat(d.firedRules(t.id())).containsExactly("data-loss", "outage");
    }

    @Test
    @DisplayName("no agent reply for D fires D after creation, and again D after the last reply")
    void noAgentReply() {
      EscDesk d = new EscDesk(List.of(), List.of(rule("quiet", EscalationTrigger.noAgentReplyFor(Duration.ofHours(2)), notification("team-lead", "no reply for 2h"))));
      Ticket t = d.carolAsks("Help");
      assertThat(t.nextDeadline()).isEqualTo(at("2026-03-02T11:00:00Z"));
      assertThat(d.runAt(at("2026-03-02T10:59:00Z"))).isZero();
      d.runAt(at("2026-03-02T11:00:00Z"));
      assertThat(d.sink.sent()).hasSize(1);
      d.clock.set(at("2026-03-02T12:00:00Z"));
      d.tickets.reply(d.alice, t.id(), Ticket.ANY_VERSION, Message.of("Looking"));
      assertThat(d.ticket(t.id()).nextDeadline()).isEqualTo(at("2026-03-02T14:00:00Z"));
      d.runAt(at("2026-03-02T14:00:00Z"));
      assertThat(d.fired(t.id())).extracting(TicketChange.EscalationStepFired::step)
          .containsExactly("since@2026-03-02T09:00:00Z", "since@2026-03-02T12:00:00Z");
      // waiting on the customer: no trigger
      Ticket cur = d.ticket(t.id());
      d.tickets.transition(d.alice, t.id(), cur.version(), TicketState.PENDING);
      assertThat(d.ticket(t.id()).nextDeadline()).isNull();
    }

    @Test
    @DisplayName("a manual escalation by an agent, with its reason, notifies the receiving tier's lead")
    void manual() {
      EscDesk d = new EscDesk(List.of(), List.of(rule("manual", EscalationTrigger.manualEscalation(), notification("tier2-lead", "manual escalation"), addTag("escalated"))));
      Ticket t = d.carolAsks("Help");
      d.run();
      assertThat(d.sink.sent()).isEmpty();
      Ticket e = d.tickets.escalate(d.alice, t.id(), t.version(), 2, null, "Needs a database specialist");
      assertThat(e.nextDeadline()).isEqualTo(d.clock.instant());
      d.run();
      d.run();
      assertThat(d.sink.sent()).hasSize(1);
      assertThat(d.ticket(t.id()).tags()).contains("escalated");
      assertThat(d.changes(t.id(), TicketChange.TierChanged.class).get(0).reason()).isEqualTo("Needs a database specialist");
    }

    @Test
    @DisplayName("agents without TICKET_ESCALATE cannot escalate manually, so nothing fires")
    void manualNeedsPermission() {
      EscDesk d = new EscDesk(List.of(), List.of(rule("manual", EscalationTrigger.manualEscalation(), notification("tier2-lead", "manual escalation"))));
      Ticket t = d.carolAsks("Help");
      assertThatThrownBy(() -> d.tickets.escalate(d.olga, t.id(), t.version(), 2, null, "please"))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> d.tickets.escalate(d.carol, t.id(), t.version(), 2, null, "please"))
          .isInstanceOf(AccessDeniedException.class);
      d.run();
      assertThat(d.ticket(t.id()).tier()).isEqualTo(1);
      assertThat(d.sink.sent()).isEmpty();
    }

    @Test
    @DisplayName("rule conditions restrict a rule to matching tickets")
    void conditions() {
      EscDesk d = new EscDesk(List.of(), List.of(
          EscalationRule.builder("acme-only").when(EscalationTrigger.subjectContains("help"))
              .onlyFor(SlaConditions.any().withOrganizations(Set.of(EscDesk.ACME))).then(addTag("acme")).build()));
      Ticket c = d.carolAsks("Help");
      Ticket v = d.tickets.create(d.vera, NewTicket.builder("Help", EscDesk.VERA, Message.of("x")).build());
      d.run();
      assertThat(d.ticket(c.id()).tags()).contains("acme");
      assertThat(d.ticket(v.id()).tags()).doesNotContain("acme");
    }
  }

  @Nested
  @DisplayName("Actions")
  class Actions {
    @Test
    @DisplayName("a move to a team of the wrong tier is skipped and explained; rules never move a ticket down")
    void invalidActionsSkipped() {
      // rules that contradict the directory are refused when the helpdesk is built, all at once
      assertThatThrownBy(() -> new EscDesk(List.of(), List.of(
          rule("bad-team", EscalationTrigger.tagged("a"), moveToTier(2, EscDesk.THIRD)),
          rule("down", EscalationTrigger.tagged("b"), moveToTier(1, null)),
          rule("ghost", EscalationTrigger.tagged("c"), reassign(TeamId.of("nobody"), null)))))
          .isInstanceOfSatisfying(dev.frontline.helpdesk.ConfigurationException.class, e -> assertThat(e.problems())
              .containsExactly("escalation rule 'bad-team' moves tickets to tier 2 with team 'third', which is in tier 3",
                  "escalation rule 'ghost' reassigns tickets to team 'nobody', which does not exist"));
      // a directory changed behind the helpdesk's back (another node, a script): the step is still
      // skipped with a note instead of moving the ticket into a team of the wrong tier
      EscDesk d = new EscDesk(List.of(), List.of(
          rule("bad-team", EscalationTrigger.tagged("a"), moveToTier(3, EscDesk.THIRD)),
          rule("down", EscalationTrigger.tagged("b"), moveToTier(1, null))));
      d.dir.saveTeam(new dev.frontline.helpdesk.directory.Team(EscDesk.THIRD, "Third line", 2));
      Ticket t = d.tickets.create(d.alice, NewTicket.builder("x", EscDesk.CAROL, Message.of("x")).tags("a", "b").team(EscDesk.FRONT).build());
      d.run();
      Ticket after = d.ticket(t.id());
      assertThat(after.tier()).isEqualTo(1);
      assertThat(d.firedRules(t.id())).containsExactly("bad-team", "down");
      assertThat(entries(d, t)).filteredOn(e -> e.kind() == EntryKind.SYSTEM).extracting(Entry::body)
          .anyMatch(b -> b.contains("team third serves tier 2, not 3"));
      assertThat(after.nextDeadline()).isNull();
    }

    @Test
    @DisplayName("raising to a lower priority and adding an existing tag change nothing but still record the step")
    void noOps() {
      EscDesk d = new EscDesk(List.of(), List.of(rule("r", EscalationTrigger.tagged("x"), raisePriority(Priority.LOW), addTag("x"))));
      Ticket t = d.tickets.create(d.alice, NewTicket.builder("x", EscDesk.CAROL, Message.of("x")).tags("x").team(EscDesk.FRONT).build());
      d.run();
      assertThat(d.firedRules(t.id())).containsExactly("r");
      assertThat(d.changes(t.id(), TicketChange.PriorityChanged.class)).isEmpty();
      assertThat(d.changes(t.id(), TicketChange.TagsChanged.class)).isEmpty();
    }
  }

  @Nested
  @DisplayName("The runner")
  class Runner {
    @Test
    @DisplayName("pages through many due tickets in batches and, run twice, fires each step once")
    void pagingAndIdempotence() {
      EscDesk d = new EscDesk(List.of(EscDesk.STANDARD), List.of(
          rule("warn", EscalationTrigger.slaWarning(SlaMetric.FIRST_RESPONSE), notification("lead", "soon"))));
      List<Ticket> created = new java.util.ArrayList<>();
      for (int i = 0; i < 50; i++) {
        d.clock.set(EscDesk.MONDAY_9.plusSeconds(i));
        created.add(d.carolAsks("t" + i));
      }
      // batch size is 7: 50 due tickets take 8 pages
      assertThat(d.runAt(at("2026-03-02T12:30:00Z"))).isEqualTo(50);
      assertThat(d.run()).isZero();
      assertThat(d.sink.sent()).hasSize(50);
      for (Ticket t : created) {
        assertThat(d.firedRules(t.id())).containsExactly("warn");
        assertThat(d.ticket(t.id()).nextDeadline()).isAfter(at("2026-03-02T12:30:00Z"));
      }
    }

    @Test
    @DisplayName("tickets without SLA or rules never enter the deadline index")
    void nothingToDo() {
      EscDesk d = new EscDesk(List.of(), List.of());
      Ticket t = d.carolAsks("x");
      assertThat(t.nextDeadline()).isNull();
      assertThat(d.runAt(at("2026-03-09T12:30:00Z"))).isZero();
      assertThat(d.changes(t.id(), TicketChange.DeadlineChanged.class)).isEmpty();
    }
  }
}
