package dev.frontline.helpdesk.feedback;

import static dev.frontline.helpdesk.OpsDesk.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.ConflictException;
import dev.frontline.helpdesk.IllegalTransitionException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.OpsDesk;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CsatServiceTest {
  final OpsDesk d = new OpsDesk();
  final CsatService csat = d.helpdesk.csat();

  Ticket solved() {
    Ticket t = d.carolAsks("Printer");
    return d.tickets.transition(d.alice, t.id(), t.version(), TicketState.SOLVED);
  }

  @Nested
  @DisplayName("answering")
  class Answering {
    @Test
    @DisplayName("the requester answers once; the answer is a csat event in the history, readable by agents")
    void once() {
      Ticket t = solved();
      CsatResponse r = csat.answer(d.carol, t.id(), CsatRating.stars(4), "Quick, thanks");
      assertThat(r.customer()).isEqualTo(CAROL);
      assertThat(d.tickets.history(d.alice, t.id())).last()
          .satisfies(e -> assertThat(e.change()).isInstanceOf(TicketChange.Custom.class));
      assertThat(csat.find(d.alice, t.id())).contains(r);
      assertThat(csat.find(d.carol, t.id())).contains(r);
      assertThatThrownBy(() -> csat.answer(d.carol, t.id(), CsatRating.bad(), null)).isInstanceOf(ConflictException.class);
      assertThat(d.tickets.get(d.alice, t.id()).state()).isEqualTo(TicketState.SOLVED);
    }

    @Test
    @DisplayName("closed tickets can be rated, open ones cannot")
    void states() {
      Ticket open = d.carolAsks("Open");
      assertThatThrownBy(() -> csat.answer(d.carol, open.id(), CsatRating.good(), null)).isInstanceOf(IllegalTransitionException.class);
      Ticket t = solved();
      d.tickets.transition(d.system, t.id(), d.tickets.get(d.system, t.id()).version(), TicketState.CLOSED);
      assertThat(csat.answer(d.carol, t.id(), CsatRating.good(), null).rating().satisfied()).isTrue();
    }

    @Test
    @DisplayName("only the requester: not an org colleague who sees the ticket, not another customer, not an agent")
    void onlyRequester() {
      Ticket t = solved();
      assertThat(d.tickets.find(d.erin, t.id())).isPresent();
      assertThatThrownBy(() -> csat.answer(d.erin, t.id(), CsatRating.stars(1), null)).isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> csat.answer(d.dan, t.id(), CsatRating.stars(1), null)).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> csat.answer(d.alice, t.id(), CsatRating.stars(5), null)).isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> csat.find(d.dan, t.id())).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> csat.find(d.bob, t.id())).isInstanceOf(NotFoundException.class);
      assertThat(csat.find(d.alice, t.id())).isEmpty();
    }

    @Test
    @DisplayName("ratings and comments are validated")
    void validation() {
      assertThatThrownBy(() -> CsatRating.stars(6)).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> new CsatRating(CsatRating.Scale.GOOD_BAD, 3)).isInstanceOf(ValidationException.class);
      Ticket t = solved();
      assertThatThrownBy(() -> csat.answer(d.carol, t.id(), CsatRating.good(), "x".repeat(2001))).isInstanceOf(ValidationException.class);
    }

    @Test
    @DisplayName("concurrent answers: exactly one is recorded")
    void concurrent() throws Exception {
      Ticket t = solved();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> fs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        int stars = 1 + i % 5;
        fs.add(pool.submit(() -> {
          go.await();
          try {
            csat.answer(d.carol, t.id(), CsatRating.stars(stars), null);
            return true;
          } catch (ConflictException e) {
            return false;
          }
        }));
      }
      go.countDown();
      int ok = 0;
      for (Future<Boolean> f : fs) {
        ok += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      pool.shutdown();
      assertThat(ok).isEqualTo(1);
      assertThat(d.tickets.history(d.system, t.id()).stream().filter(e -> CsatResponse.from(e).isPresent())).hasSize(1);
    }
  }
}
