package dev.frontline.helpdesk.automation;

import static dev.frontline.helpdesk.OpsDesk.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.OpsDesk;
import dev.frontline.helpdesk.spi.memory.InMemoryNotificationSink;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AutomationRunnerTest {
  final InMemoryNotificationSink sink = new InMemoryNotificationSink();
  final OpsDesk d = new OpsDesk(b -> b.notificationSink(sink));
  final AutomationRunner runner = d.helpdesk.automations();

  AutomationRunnerTest() {
    runner.add(new Automation("remind", TicketState.PENDING, Duration.ofDays(3), List.of(),
        List.of(Action.notify(Recipient.REQUESTER, "Still need help with {{ticket.key}}?", "Dear {{customer.name}}, please reply."))));
    runner.add(new Automation("close-pending", TicketState.PENDING, Duration.ofDays(7), List.of(),
        List.of(Action.addInternalNote("Closed after 7 days without answer"), Action.setState(TicketState.CLOSED))));
  }

  Ticket pending() {
    Ticket t = d.carolAsks("Waiting");
    return d.tickets.transition(d.alice, t.id(), t.version(), TicketState.PENDING);
  }

  @Test
  @DisplayName("reminds after 3 days pending, once, and closes after 7")
  void remindThenClose() {
    Ticket t = pending();
    d.clock.advance(Duration.ofDays(2));
    assertThat(runner.runDue()).isZero();
    d.clock.advance(Duration.ofDays(1));
    assertThat(runner.runDue()).isEqualTo(1);
    assertThat(runner.runDue()).isZero();
    assertThat(sink.sent()).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo("customer:carol");
      assertThat(n.subject()).isEqualTo("Still need help with " + t.key() + "?");
    });
    d.clock.advance(Duration.ofDays(4));
    assertThat(runner.runDue()).isEqualTo(1);
    assertThat(d.tickets.get(d.system, t.id()).state()).isEqualTo(TicketState.CLOSED);
    assertThat(sink.sent()).hasSize(1);
  }

  @Test
  @DisplayName("a new stay in the state starts the clock again")
  void newStay() {
    Ticket t = pending();
    d.clock.advance(Duration.ofDays(3));
    assertThat(runner.runDue()).isEqualTo(1);
    d.tickets.reply(d.carol, t.id(), Ticket.ANY_VERSION, Message.of("here you go"));
    Ticket open = d.tickets.get(d.alice, t.id());
    d.tickets.transition(d.alice, t.id(), open.version(), TicketState.PENDING);
    d.clock.advance(Duration.ofDays(2));
    assertThat(runner.runDue()).isZero();
    d.clock.advance(Duration.ofDays(1));
    assertThat(runner.runDue()).isEqualTo(1);
    assertThat(sink.sent()).hasSize(2);
  }

  @Test
  @DisplayName("several nodes running at once fire each automation once")
  void concurrentRunners() throws Exception {
    for (int i = 0; i < 20; i++) {
      pending();
    }
    d.clock.advance(Duration.ofDays(3));
    AutomationRunner other = d.base().notificationSink(sink).build().automations();
    runner.automations().forEach(other::add);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Integer>> fs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      AutomationRunner r = i % 2 == 0 ? runner : other;
      fs.add(pool.submit(r::runDue));
    }
    int total = 0;
    for (Future<Integer> f : fs) {
      total += f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(total).isEqualTo(20);
    assertThat(sink.sent()).hasSize(20);
  }
}
