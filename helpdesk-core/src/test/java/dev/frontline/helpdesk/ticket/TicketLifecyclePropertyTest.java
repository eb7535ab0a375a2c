package dev.frontline.helpdesk.ticket;

import static dev.frontline.helpdesk.ticket.Desk.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.HelpdeskException;
import dev.frontline.helpdesk.access.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Random command sequences through the service: no sequence reaches a state outside the transition
 * table, a rejected command changes nothing, and every ticket's history rebuilds its snapshot.
 */
class TicketLifecyclePropertyTest {

  private static Random random(String name) {
    String prop = System.getProperty("frontline.seed");
    long seed = prop != null && !prop.isBlank() ? Long.parseLong(prop.trim()) : new Random().nextLong();
    System.out.println("[frontline] " + name + " seed=" + seed + " (replay with -Dfrontline.seed=" + seed + ")");
    return new Random(seed);
  }

  @RepeatedTest(5)
  @DisplayName("random command sequences keep every invariant")
  void randomSequences() {
    Random r = random("TicketLifecyclePropertyTest.randomSequences");
    Desk d = new Desk();
    List<Principal> actors = List.of(d.alice, d.bob, d.lead, d.carol, d.dan, d.system);
    List<TicketId> ids = new ArrayList<>();
    int applied = 0;
    int rejected = 0;
    for (int step = 0; step < 400; step++) {
      d.clock.advance(Duration.ofMinutes(r.nextInt(600)));
      Principal p = actors.get(r.nextInt(actors.size()));
      if (ids.isEmpty() || r.nextInt(8) == 0) {
        ids.add(d.tickets.create(d.system, NewTicket.builder("t" + step, r.nextBoolean() ? CAROL : DAN, Message.of("m")).build()).id());
        continue;
      }
      TicketId id = ids.get(r.nextInt(ids.size()));
      Ticket before = d.store.find(id).orElseThrow();
      List<TicketEvent> historyBefore = d.store.history(id);
      long version = r.nextInt(10) == 0 ? before.version() - 1 : before.version();
      TicketState target = TicketState.values()[r.nextInt(TicketState.values().length)];
      try {
        switch (r.nextInt(9)) {
          case 0, 1 -> d.tickets.transition(p, id, version, target);
          case 2 -> d.tickets.reply(p, id, version, Message.of("reply " + step));
          case 3 -> d.tickets.addNote(p, id, version, Message.of("note " + step));
          case 4 -> d.tickets.update(p, id, version, TicketUpdate.none().withPriority(Priority.values()[r.nextInt(4)]).withTags(Set.of("s" + r.nextInt(3)), Set.of()));
          case 5 -> d.tickets.escalate(p, id, version, 1 + r.nextInt(2), null, "why not");
          case 6 -> d.tickets.deescalate(p, id, version, 1 + r.nextInt(2), null, "back to you");
          case 7 -> d.tickets.merge(p, id, version, ids.get(r.nextInt(ids.size())));
          default -> d.tickets.closeSolvedTickets(d.system);
        }
        applied++;
      } catch (HelpdeskException e) {
        rejected++;
        // a rejected command changes nothing on the ticket it was aimed at
        assertThat(d.store.history(id)).as("step %d: %s", step, e).isEqualTo(historyBefore);
      }
      Ticket after = d.store.find(id).orElseThrow();
      List<TicketEvent> h = d.store.history(id);
      assertThat(TicketHistory.rebuild(h)).isEqualTo(after);
      // every state change in the history follows the transition table
      TicketState s = TicketState.NEW;
      for (TicketEvent e : h) {
        if (e.change() instanceof TicketChange.StateChanged sc) {
          assertThat(sc.from()).isEqualTo(s);
          assertThat(s.canTransitionTo(sc.to())).as("%s -> %s", s, sc.to()).isTrue();
          s = sc.to();
        } else if (e.change() instanceof TicketChange.MergedInto) {
          assertThat(s.canTransitionTo(TicketState.MERGED)).isTrue();
          s = TicketState.MERGED;
        }
      }
      assertThat(after.state()).isEqualTo(s);
      // versions are gap-free
      for (int i = 0; i < h.size(); i++) {
        assertThat(h.get(i).version()).isEqualTo(i + 1);
      }
      assertThat(after.tier()).isBetween(1, 2);
    }
    assertThat(applied).isPositive();
    assertThat(rejected).isPositive();
  }
}
