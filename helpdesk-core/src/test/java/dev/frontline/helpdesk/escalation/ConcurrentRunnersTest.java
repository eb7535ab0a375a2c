package dev.frontline.helpdesk.escalation;

import static dev.frontline.helpdesk.escalation.EscalationAction.addTag;
import dev.frontline.helpdesk.spi.memory.InMemoryStores;
import static dev.frontline.helpdesk.escalation.EscalationAction.moveToTier;
import static dev.frontline.helpdesk.escalation.EscalationAction.notification;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.spi.Notification;
import dev.frontline.helpdesk.spi.memory.InMemoryBlobStore;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConcurrentRunnersTest {
  static final List<EscalationRule> RULES =
      List.of(
          EscalationRule.builder("warn").when(EscalationTrigger.slaWarning(SlaMetric.FIRST_RESPONSE)).then(notification("lead", "soon")).build(),
          EscalationRule.builder("breach").when(EscalationTrigger.slaBreach(SlaMetric.FIRST_RESPONSE)).then(moveToTier(2, null), notification("tier2", "breached")).build(),
          EscalationRule.builder("breach-1h").when(EscalationTrigger.slaBreach(SlaMetric.FIRST_RESPONSE, Duration.ofHours(1))).then(moveToTier(3, null)).build(),
          EscalationRule.builder("hot").when(EscalationTrigger.priorityAtLeast(Priority.HIGH)).then(addTag("hot"), notification("lead", "hot ticket")).build());

  @Test
  @DisplayName("two runners on one store, racing each other and agents, fire every step exactly once")
  void twoRunnersExactlyOnce() throws Exception {
    long seed = Long.getLong("frontline.seed", new Random().nextLong());
    System.out.println("[frontline] ConcurrentRunnersTest seed=" + seed + " (replay with -Dfrontline.seed=" + seed + ")");
    Random r = new Random(seed);
    EscDesk a = new EscDesk(List.of(EscDesk.STANDARD), RULES);
    // a second node: same stores, clock and sink, its own services and runner
    Helpdesk b = Helpdesk.builder().stores(InMemoryStores.builder().ticketStore(a.store).directoryStore(a.dir).blobStore(new InMemoryBlobStore()).build())
        .clock(a.clock).slaPolicies(List.of(EscDesk.STANDARD)).escalationRules(RULES).notificationSink(a.sink)
        .escalationBatchSize(5).build();

    List<TicketId> ids = new ArrayList<>();
    Set<TicketId> replied = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      a.clock.set(EscDesk.MONDAY_9.plusSeconds(r.nextInt(3 * 3600)));
      Priority p = Priority.values()[r.nextInt(4)];
      ids.add(a.tickets.create(a.alice, NewTicket.builder("Ticket " + i, EscDesk.CAROL, Message.of("help")).priority(p).team(EscDesk.FRONT).build()).id());
    }
    int[] work = new int[2];
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      for (Instant t = EscDesk.MONDAY_9; t.isBefore(Instant.parse("2026-03-02T20:00:00Z")); t = t.plus(Duration.ofMinutes(10))) {
        a.clock.set(t);
        CyclicBarrier start = new CyclicBarrier(3);
        List<TicketId> toReply = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
          toReply.add(ids.get(r.nextInt(ids.size())));
        }
        Future<Integer> f1 = pool.submit(() -> {
          start.await();
          return a.helpdesk.escalation().runOnce();
        });
        Future<Integer> f2 = pool.submit(() -> {
          start.await();
          return b.escalation().runOnce();
        });
        Future<Integer> f3 = pool.submit(() -> {
          start.await();
          for (TicketId id : toReply) {
            a.tickets.reply(a.lead, id, Ticket.ANY_VERSION, Message.of("working on it"));
          }
          return toReply.size();
        });
        work[0] += f1.get();
        work[1] += f2.get();
        f3.get();
        replied.addAll(toReply);
      }
    } finally {
      pool.shutdownNow();
    }

    Map<String, Integer> counts = new HashMap<>();
    int notifying = 0;
    for (TicketId id : ids) {
      List<TicketEvent> h = a.store.history(id);
      for (TicketEvent e : h) {
        if (e.change() instanceof TicketChange.EscalationStepFired f) {
          counts.merge(id.value() + "/" + f.rule() + "/" + f.step(), 1, Integer::sum);
          if (!f.rule().equals("breach-1h")) {
            notifying++;
          }
        }
      }
      Ticket t = a.ticket(id);
      Set<String> rules = new HashSet<>(a.firedRules(id));
      if (!replied.contains(id)) {
        // never answered: the whole chain ran
        assertThat(rules).as("ticket %s", t.key()).contains("warn", "breach", "breach-1h");
        assertThat(t.tier()).isEqualTo(3);
      }
      assertThat(rules.contains("hot")).isEqualTo(t.priority().compareTo(Priority.HIGH) >= 0);
      // tier changes: at most one per level
      assertThat(a.changes(id, TicketChange.TierChanged.class).size()).isLessThanOrEqualTo(2);
    }
    assertThat(work[0]).as("runner a took part").isPositive();
    assertThat(work[1]).as("runner b took part").isPositive();
    assertThat(counts).isNotEmpty();
    assertThat(counts.values()).allMatch(c -> c == 1);
    assertThat(a.sink.sent()).hasSize(notifying);
    Set<String> notified = new HashSet<>();
    for (Notification n : a.sink.sent()) {
      assertThat(notified.add(n.ticketId().value() + "/" + n.source() + "/" + n.body())).isTrue();
    }
  }
}
