package dev.frontline.helpdesk.routing;

import static dev.frontline.helpdesk.OpsDesk.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.OpsDesk;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.spi.memory.InMemoryAgentAvailability;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.FieldValue;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RouterTest {
  OpsDesk d = new OpsDesk();
  final InMemoryAgentAvailability presence = new InMemoryAgentAvailability();

  Router router(AssignmentStrategy s, RoutingPolicy p, AgentId... online) {
    for (AgentId a : online) {
      presence.set(a, Availability.ONLINE);
    }
    d = d.with(b -> b.routing(p, s, presence));
    return d.helpdesk.routing();
  }

  AgentId routed(Router r, Ticket t) {
    RoutingResult res = r.route(t.id());
    assertThat(res.outcome()).isEqualTo(RoutingResult.Outcome.ASSIGNED);
    assertThat(d.tickets.get(d.system, t.id()).assignee()).isEqualTo(res.agent());
    return res.agent();
  }

  @Nested
  @DisplayName("strategies")
  class Strategies {
    @Test
    @DisplayName("round robin takes turns among online agents of the ticket's team")
    void roundRobin() {
      Router r = router(new RoundRobin(), RoutingPolicy.ofDefaults(), ALICE, AMY, BEN);
      List<AgentId> got = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        got.add(routed(r, d.ticket("t" + i, Channel.EMAIL)));
      }
      assertThat(got).containsExactly(ALICE, AMY, ALICE, AMY);
    }

    @Test
    @DisplayName("least loaded weighs channels: a call costs more than a chat")
    void leastLoaded() {
      Router r = router(new LeastLoaded(), RoutingPolicy.ofDefaults(), ALICE, AMY);
      assertThat(routed(r, d.ticket("call", Channel.PHONE))).isEqualTo(ALICE);
      assertThat(routed(r, d.ticket("chat1", Channel.CHAT))).isEqualTo(AMY);
      assertThat(routed(r, d.ticket("chat2", Channel.CHAT))).isEqualTo(AMY);
      assertThat(routed(r, d.ticket("chat3", Channel.CHAT))).isEqualTo(AMY);
      assertThat(r.load(AMY)).isEqualTo(12);
      assertThat(routed(r, d.ticket("chat4", Channel.CHAT))).isEqualTo(ALICE);
      assertThat(r.load(ALICE)).isEqualTo(14);
    }

    @Test
    @DisplayName("skills and language: tags in the skill vocabulary and the locale field pick the agent, else the ticket waits")
    void skills() {
      Router r = router(new SkillsAndLanguage(Set.of("billing", "network"), new LeastLoaded()), RoutingPolicy.ofDefaults(), ALICE, AMY);
      Ticket billing = d.tickets.create(d.system, NewTicket.builder("Rechnung", CAROL, Message.of("x")).tags("billing", "urgent-ish")
          .fields(Map.of("locale", FieldValue.text("de-CH"))).build());
      assertThat(routed(r, billing)).isEqualTo(AMY);
      Ticket plain = d.ticket("plain", Channel.EMAIL);
      assertThat(routed(r, plain)).isEqualTo(ALICE);
      Ticket french = d.tickets.create(d.system, NewTicket.builder("Facture", CAROL, Message.of("x"))
          .fields(Map.of("locale", FieldValue.text("fr"))).build());
      assertThat(r.route(french.id()).outcome()).isEqualTo(RoutingResult.Outcome.HELD);
      Ticket network = d.tickets.create(d.system, NewTicket.builder("VPN", CAROL, Message.of("x")).tags("network").build());
      assertThat(r.route(network.id()).outcome()).isEqualTo(RoutingResult.Outcome.HELD);
      assertThat(r.held()).containsExactly(french.id(), network.id());
    }
  }

  @Test
  @DisplayName("a customer's locale is stamped on the tickets they open, and language routing uses it")
  void customerLocale() {
    d.helpdesk.directory().saveCustomer(d.helpdesk.directory().findCustomer(DAN).orElseThrow().withLocale(java.util.Locale.forLanguageTag("de-AT")));
    Router r = router(new SkillsAndLanguage(Set.of(), new LeastLoaded()), RoutingPolicy.ofDefaults(), ALICE, AMY);
    Ticket own = d.tickets.create(d.dan, NewTicket.builder("Rechnung fehlt", DAN, Message.of("Wo ist meine Rechnung?", Channel.WEB)).build());
    assertThat(own.fields()).containsEntry(Ticket.LOCALE_FIELD, FieldValue.text("de-AT"));
    assertThat(routed(r, own)).isEqualTo(AMY);
    // a locale named by the command wins over the directory's
    Ticket english = d.tickets.create(d.system, NewTicket.builder("Invoice", DAN, Message.of("x"))
        .fields(Map.of(Ticket.LOCALE_FIELD, FieldValue.text("en"))).build());
    assertThat(english.fields()).containsEntry(Ticket.LOCALE_FIELD, FieldValue.text("en"));
    // customers without a locale get no field
    assertThat(d.carolAsks("Hi").fields()).doesNotContainKey(Ticket.LOCALE_FIELD);
  }

  @Nested
  @DisplayName("candidates")
  class Candidates {
    @Test
    @DisplayName("only online agents in a team of the ticket's tier (and team) receive it")
    void tierAndAvailability() {
      Router r = router(new LeastLoaded(), RoutingPolicy.ofDefaults(), BOB, BEN);
      Ticket front = d.ticket("front", Channel.EMAIL);
      assertThat(r.route(front.id()).outcome()).isEqualTo(RoutingResult.Outcome.HELD);
      Ticket second = d.tickets.create(d.system, NewTicket.builder("deep", CAROL, Message.of("x")).tier(2).build());
      assertThat(routed(r, second)).isEqualTo(BOB);
      Ticket frontB = d.tickets.create(d.system, NewTicket.builder("b", CAROL, Message.of("x")).team(FRONT_B).build());
      assertThat(routed(r, frontB)).isEqualTo(BEN);
      presence.set(AMY, Availability.AWAY);
      assertThat(r.drain()).isZero();
      presence.set(AMY, Availability.ONLINE);
      assertThat(r.drain()).isEqualTo(1);
      assertThat(d.tickets.get(d.system, front.id()).assignee()).isEqualTo(AMY);
    }

    @Test
    @DisplayName("per-channel limits cap the number of chats even with units left")
    void channelLimit() {
      RoutingPolicy p = RoutingPolicy.builder().defaultCapacity(Capacity.of(100).withLimit(Channel.CHAT, 2)).build();
      Router r = router(new LeastLoaded(), p, ALICE);
      routed(r, d.ticket("c1", Channel.CHAT));
      routed(r, d.ticket("c2", Channel.CHAT));
      assertThat(r.route(d.ticket("c3", Channel.CHAT).id()).outcome()).isEqualTo(RoutingResult.Outcome.HELD);
      routed(r, d.ticket("mail", Channel.EMAIL));
    }
  }

  @Nested
  @DisplayName("the held queue")
  class Queue {
    @Test
    @DisplayName("is served as capacity frees up: higher priority first, then longest waiting")
    void fairOrder() {
      RoutingPolicy p = RoutingPolicy.builder().defaultCapacity(Capacity.of(10)).build();
      Router r = router(new LeastLoaded(), p, ALICE);
      Ticket a = d.ticket("a", Channel.PHONE);
      routed(r, a);
      Ticket b = d.ticket("b", Channel.PHONE);
      assertThat(r.route(b.id()).outcome()).isEqualTo(RoutingResult.Outcome.HELD);
      d.clock.advance(Duration.ofMinutes(1));
      Ticket c = d.tickets.create(d.system, NewTicket.builder("c", CAROL, Message.of("x", Channel.PHONE)).priority(Priority.URGENT).build());
      r.route(c.id());
      d.clock.advance(Duration.ofMinutes(1));
      Ticket e = d.ticket("e", Channel.PHONE);
      r.route(e.id());
      assertThat(r.held()).containsExactly(c.id(), b.id(), e.id());
      // raising e's priority moves it ahead of b, but behind the older urgent c
      Ticket e2 = d.tickets.get(d.system, e.id());
      d.tickets.update(d.system, e.id(), e2.version(), dev.frontline.helpdesk.ticket.TicketUpdate.none().withPriority(Priority.URGENT));
      assertThat(r.held()).containsExactly(c.id(), e.id(), b.id());
      List<TicketId> served = new ArrayList<>();
      for (Ticket t = a; ; ) {
        d.tickets.transition(d.system, t.id(), d.tickets.get(d.system, t.id()).version(), TicketState.SOLVED);
        var next = d.store.query(dev.frontline.helpdesk.ticket.TicketQuery.builder().assignee(ALICE)
            .states(TicketState.NEW).build(), dev.frontline.helpdesk.ticket.TicketVisibility.everything()).items();
        if (next.isEmpty()) {
          break;
        }
        t = next.get(0);
        served.add(t.id());
      }
      assertThat(served).containsExactly(c.id(), e.id(), b.id());
      assertThat(r.held()).isEmpty();
      assertThat(r.load(ALICE)).isZero();
    }

    @Test
    @DisplayName("an agent coming online through the router takes held tickets at once; going away takes no new ones")
    void comingOnline() {
      Router r = router(new LeastLoaded(), RoutingPolicy.ofDefaults());
      Ticket a = d.ticket("a", Channel.EMAIL);
      Ticket b = d.ticket("b", Channel.EMAIL);
      assertThat(r.route(a.id()).outcome()).isEqualTo(RoutingResult.Outcome.HELD);
      assertThat(r.route(b.id()).outcome()).isEqualTo(RoutingResult.Outcome.HELD);
      assertThat(r.setAvailability(ALICE, Availability.ONLINE)).isEqualTo(2);
      assertThat(d.tickets.get(d.system, a.id()).assignee()).isEqualTo(ALICE);
      assertThat(r.setAvailability(ALICE, Availability.AWAY)).isZero();
      Ticket c = d.ticket("c", Channel.EMAIL);
      assertThat(r.route(c.id()).outcome()).isEqualTo(RoutingResult.Outcome.HELD);
      assertThat(d.tickets.get(d.system, a.id()).assignee()).isEqualTo(ALICE);
    }

    private void solve(Ticket t) {
      d.tickets.transition(d.system, t.id(), d.tickets.get(d.system, t.id()).version(), TicketState.SOLVED);
    }

    @Test
    @DisplayName("light tickets overtake a heavy one that fits nowhere only within the overtake limit; then its agent keeps room for it")
    void noStarvation() {
      RoutingPolicy p = RoutingPolicy.builder().defaultCapacity(Capacity.of(10)).overtakeLimit(Duration.ofMinutes(5)).build();
      Router r = router(new LeastLoaded(), p, ALICE);
      Ticket chat1 = d.ticket("chat1", Channel.CHAT);
      routed(r, chat1);
      Ticket call = d.ticket("call", Channel.PHONE);
      assertThat(r.route(call.id()).outcome()).isEqualTo(RoutingResult.Outcome.HELD); // needs 10, 6 left
      Ticket chat2 = d.ticket("chat2", Channel.CHAT);
      assertThat(routed(r, chat2)).isEqualTo(ALICE); // overtakes: the call has waited less than 5 minutes
      d.clock.advance(Duration.ofMinutes(6));
      Ticket chat3 = d.ticket("chat3", Channel.CHAT);
      assertThat(r.route(chat3.id()).outcome()).isEqualTo(RoutingResult.Outcome.HELD);
      solve(chat1); // 6 units free: chat3 would fit, but the overdue call comes first
      assertThat(r.held()).containsExactly(call.id(), chat3.id());
      assertThat(d.tickets.get(d.system, chat3.id()).assignee()).isNull();
      solve(chat2);
      assertThat(d.tickets.get(d.system, call.id()).assignee()).isEqualTo(ALICE);
      assertThat(r.held()).containsExactly(chat3.id());
      solve(call);
      assertThat(d.tickets.get(d.system, chat3.id()).assignee()).isEqualTo(ALICE);
      assertThat(r.held()).isEmpty();
    }

    @Test
    @DisplayName("with no overtaking, the queue is served strictly in order; agents too small for a ticket are never kept for it")
    void strictOrder() {
      RoutingPolicy p = RoutingPolicy.builder().defaultCapacity(Capacity.of(10)).capacity(AMY, Capacity.of(8))
          .overtakeLimit(Duration.ZERO).build();
      Router r = router(new LeastLoaded(), p, ALICE, AMY);
      Ticket chat1 = d.ticket("chat1", Channel.CHAT);
      Ticket chat2 = d.ticket("chat2", Channel.CHAT);
      AgentId first = routed(r, chat1);
      AgentId second = routed(r, chat2);
      assertThat(Set.of(first, second)).containsExactlyInAnyOrder(ALICE, AMY);
      Ticket call = d.ticket("call", Channel.PHONE);
      assertThat(r.route(call.id()).outcome()).isEqualTo(RoutingResult.Outcome.HELD); // Alice has 6 left, Amy can never take 10
      Ticket chat3 = d.ticket("chat3", Channel.CHAT);
      // Alice is kept for the call at once; Amy (4 left) is not, so the chat goes to her
      assertThat(routed(r, chat3)).isEqualTo(AMY);
      Ticket chat4 = d.ticket("chat4", Channel.CHAT);
      assertThat(r.route(chat4.id()).outcome()).isEqualTo(RoutingResult.Outcome.HELD);
      solve(first.equals(ALICE) ? chat1 : chat2);
      assertThat(d.tickets.get(d.system, call.id()).assignee()).isEqualTo(ALICE);
      assertThat(r.held()).containsExactly(chat4.id());
    }

    @Test
    @DisplayName("reassignment or escalation frees capacity for the held queue")
    void releases() {
      RoutingPolicy p = RoutingPolicy.builder().defaultCapacity(Capacity.of(10)).build();
      Router r = router(new LeastLoaded(), p, ALICE);
      Ticket a = d.ticket("a", Channel.PHONE);
      routed(r, a);
      Ticket b = d.ticket("b", Channel.PHONE);
      r.route(b.id());
      Ticket a1 = d.tickets.get(d.system, a.id());
      d.tickets.escalate(d.system, a.id(), a1.version(), 2, null, "needs a specialist");
      assertThat(d.tickets.get(d.system, b.id()).assignee()).isEqualTo(ALICE);
      Ticket b1 = d.tickets.get(d.system, b.id());
      d.tickets.assign(d.system, b.id(), b1.version(), FRONT, AMY);
      assertThat(r.load(AMY)).isEqualTo(10);
      assertThat(r.load(ALICE)).isZero();
      assertThat(r.route(b.id()).outcome()).isEqualTo(RoutingResult.Outcome.ALREADY_ASSIGNED);
    }
  }
}
