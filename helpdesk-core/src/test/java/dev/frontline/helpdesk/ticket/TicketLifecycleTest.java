package dev.frontline.helpdesk.ticket;

import static dev.frontline.helpdesk.ticket.Desk.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.IllegalTransitionException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.directory.CustomerId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TicketLifecycleTest {
  final Desk d = new Desk();

  @Nested
  @DisplayName("creating tickets")
  class Creating {
    @Test
    @DisplayName("a customer's ticket starts NEW in tier 1's default team with a human key and a public first message")
    void create() {
      Ticket t = d.carolAsks("Printer on fire");
      assertThat(t.state()).isEqualTo(TicketState.NEW);
      assertThat(t.key()).isEqualTo(new TicketKey("HD", 1));
      assertThat(t.team()).isEqualTo(FRONT);
      assertThat(t.tier()).isEqualTo(1);
      assertThat(t.organization()).isEqualTo(ACME);
      assertThat(t.version()).isEqualTo(2);
      assertThat(t.lastCustomerMessageAt()).isEqualTo(d.clock.instant());
      assertThat(t.id().value()).hasSizeGreaterThanOrEqualTo(22);
      List<Entry> conv = d.tickets.conversation(d.carol, t.id());
      assertThat(conv).singleElement().satisfies(e -> {
        assertThat(e.kind()).isEqualTo(EntryKind.PUBLIC_REPLY);
        assertThat(e.author().id()).isEqualTo("customer:carol");
      });
      assertThat(d.tickets.getByKey(d.alice, t.key())).isEqualTo(t);
      assertThat(d.events).hasSize(2);
    }

    @Test
    @DisplayName("bad input is rejected with a typed exception and stores nothing")
    void badInput() {
      assertThatThrownBy(() -> NewTicket.builder(" ", CAROL, Message.of("x")).build()).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> NewTicket.builder("a\r\nBcc: x", CAROL, Message.of("x")).build()).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> NewTicket.builder("x".repeat(256), CAROL, Message.of("x")).build()).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> Message.of("x".repeat(Entry.MAX_BODY + 1))).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> NewTicket.builder("ok", CAROL, Message.of("x")).tags("not a tag").build()).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> d.tickets.create(d.lead, NewTicket.builder("ok", CustomerId.of("ghost"), Message.of("x")).build()))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> d.tickets.create(d.lead, NewTicket.builder("ok", CAROL, Message.of("x")).team(SECOND).build()))
          .isInstanceOf(ValidationException.class).hasMessageContaining("tier");
      assertThatThrownBy(() -> d.tickets.create(d.lead, NewTicket.builder("ok", CAROL, Message.of("x")).team(FRONT).assignee(BOB).build()))
          .isInstanceOf(ValidationException.class).hasMessageContaining("not a member");
      assertThat(d.store.count(TicketQuery.builder().build(), TicketVisibility.everything())).isZero();
      assertThat(d.events).isEmpty();
    }

    @Test
    @DisplayName("attachments are stored behind the blob SPI and readable by those who see the entry")
    void attachments() {
      byte[] pdf = "%PDF-1.4 fake".getBytes(StandardCharsets.US_ASCII);
      Ticket t = d.tickets.create(d.carol, NewTicket.builder("Invoice", CAROL,
          new Message("See attached", Channel.WEB, List.of(new NewAttachment("invoice.pdf", "application/pdf", pdf)))).build());
      Attachment a = d.tickets.conversation(d.carol, t.id()).get(0).attachments().get(0);
      assertThat(a.size()).isEqualTo(pdf.length);
      assertThat(d.tickets.attachment(d.alice, t.id(), a.id()).content()).isEqualTo(pdf);
      assertThat(d.tickets.attachment(d.carol, t.id(), a.id()).attachment()).isEqualTo(a);
      assertThatThrownBy(() -> d.tickets.attachment(d.dan, t.id(), a.id())).isInstanceOf(NotFoundException.class);
      Ticket other = d.carolAsks("Other");
      assertThatThrownBy(() -> d.tickets.attachment(d.carol, other.id(), a.id())).isInstanceOf(NotFoundException.class);
    }
  }

  @Nested
  @DisplayName("replies, notes and states")
  class Conversation {
    @Test
    @DisplayName("the first agent reply opens a NEW ticket and records the first response time")
    void firstReply() {
      Ticket t = d.carolAsks("Help");
      d.clock.advance(Duration.ofMinutes(30));
      Ticket r = d.tickets.reply(d.alice, t.id(), t.version(), Message.of("On it"));
      assertThat(r.state()).isEqualTo(TicketState.OPEN);
      assertThat(r.firstResponseAt()).isEqualTo(d.clock.instant());
      assertThat(r.publicAgentReplies()).isEqualTo(1);
    }

    @Test
    @DisplayName("internal notes are never part of the customer's conversation")
    void notes() {
      Ticket t = d.carolAsks("Help");
      d.tickets.addNote(d.alice, t.id(), Ticket.ANY_VERSION, Message.of("customer is grumpy"));
      assertThat(d.tickets.conversation(d.carol, t.id())).extracting(Entry::body).noneMatch(b -> b.contains("grumpy"));
      assertThat(d.tickets.conversation(d.alice, t.id())).extracting(Entry::kind).contains(EntryKind.INTERNAL_NOTE);
    }

    @Test
    @DisplayName("a customer reply to PENDING reopens the ticket")
    void pending() {
      Ticket t = d.frontTicket("Need info");
      t = d.tickets.transition(d.alice, t.id(), t.version(), TicketState.PENDING);
      t = d.tickets.reply(d.carol, t.id(), Ticket.ANY_VERSION, Message.of("Here it is"));
      assertThat(t.state()).isEqualTo(TicketState.OPEN);
    }

    @Test
    @DisplayName("illegal transitions are rejected and change nothing")
    void illegal() {
      Ticket t = d.frontTicket("x");
      Ticket solved = d.tickets.transition(d.alice, t.id(), t.version(), TicketState.SOLVED);
      assertThatThrownBy(() -> d.tickets.transition(d.alice, t.id(), solved.version(), TicketState.PENDING))
          .isInstanceOf(IllegalTransitionException.class);
      assertThatThrownBy(() -> d.tickets.transition(d.alice, t.id(), solved.version(), TicketState.MERGED))
          .isInstanceOf(IllegalTransitionException.class);
      assertThat(d.tickets.get(d.alice, t.id())).isEqualTo(solved);
    }

    @Test
    @DisplayName("a stale expected version is a conflict that changes nothing")
    void stale() {
      Ticket t = d.frontTicket("x");
      d.tickets.update(d.alice, t.id(), t.version(), TicketUpdate.none().withSubject("renamed"));
      assertThatThrownBy(() -> d.tickets.transition(d.alice, t.id(), t.version(), TicketState.SOLVED))
          .isInstanceOf(ConcurrentModificationException.class);
      assertThat(d.tickets.get(d.alice, t.id()).state()).isEqualTo(TicketState.NEW);
    }

    @Test
    @DisplayName("updates record before and after values for every field")
    void update() {
      Ticket t = d.frontTicket("x");
      Ticket u = d.tickets.update(d.lead, t.id(), t.version(), TicketUpdate.none().withPriority(Priority.URGENT)
          .withTags(Set.of("VIP", "billing"), Set.of()).withFields(Map.of("order", FieldValue.text("A-1")), Set.of()));
      assertThat(u.priority()).isEqualTo(Priority.URGENT);
      assertThat(u.tags()).containsExactly("billing", "vip");
      List<TicketEvent> h = d.tickets.history(d.lead, t.id());
      assertThat(h).extracting(TicketEvent::change).anySatisfy(c -> assertThat(c).isEqualTo(new TicketChange.PriorityChanged(Priority.NORMAL, Priority.URGENT)));
      assertThat(TicketHistory.rebuild(h)).isEqualTo(u);
      Ticket same = d.tickets.update(d.lead, t.id(), u.version(), TicketUpdate.none().withPriority(Priority.URGENT));
      assertThat(same.version()).isEqualTo(u.version());
    }
  }

  @Nested
  @DisplayName("solving, reopening and follow-ups")
  class Reopening {
    @Test
    @DisplayName("a customer reply within the reopen window reopens a SOLVED ticket")
    void reopen() {
      Ticket t = d.frontTicket("x");
      t = d.tickets.transition(d.alice, t.id(), t.version(), TicketState.SOLVED);
      d.clock.advance(Duration.ofDays(6));
      Ticket r = d.tickets.reply(d.carol, t.id(), Ticket.ANY_VERSION, Message.of("still broken"));
      assertThat(r.id()).isEqualTo(t.id());
      assertThat(r.state()).isEqualTo(TicketState.OPEN);
      assertThat(r.reopenCount()).isEqualTo(1);
      assertThat(r.solvedAt()).isNull();
    }

    @Test
    @DisplayName("after the window a customer reply opens a linked follow-up ticket")
    void followUpAfterWindow() {
      Ticket t = d.frontTicket("x");
      t = d.tickets.transition(d.alice, t.id(), t.version(), TicketState.SOLVED);
      d.clock.advance(Duration.ofDays(8));
      Ticket f = d.tickets.reply(d.carol, t.id(), Ticket.ANY_VERSION, Message.of("again"));
      assertThat(f.id()).isNotEqualTo(t.id());
      assertThat(f.state()).isEqualTo(TicketState.NEW);
      assertThat(f.linked(LinkType.FOLLOW_UP_OF)).containsExactly(t.id());
      assertThat(d.tickets.get(d.alice, t.id()).linked(LinkType.FOLLOWED_UP_BY)).containsExactly(f.id());
      assertThat(d.tickets.get(d.alice, t.id()).state()).isEqualTo(TicketState.SOLVED);
    }

    @Test
    @DisplayName("auto-close closes SOLVED tickets after the configured period; a reply then opens a follow-up")
    void autoClose() {
      Ticket t = d.frontTicket("x");
      Ticket keep = d.frontTicket("y");
      d.tickets.transition(d.alice, t.id(), t.version(), TicketState.SOLVED);
      d.clock.advance(Duration.ofDays(3));
      d.tickets.transition(d.alice, keep.id(), keep.version(), TicketState.SOLVED);
      d.clock.advance(Duration.ofDays(1).plusMinutes(1));
      assertThat(d.tickets.closeSolvedTickets(d.system)).isEqualTo(1);
      assertThat(d.tickets.get(d.alice, t.id()).state()).isEqualTo(TicketState.CLOSED);
      assertThat(d.tickets.get(d.alice, keep.id()).state()).isEqualTo(TicketState.SOLVED);
      Ticket f = d.tickets.reply(d.carol, t.id(), Ticket.ANY_VERSION, Message.of("again"));
      assertThat(f.linked(LinkType.FOLLOW_UP_OF)).containsExactly(t.id());
      assertThatThrownBy(() -> d.tickets.reply(d.alice, t.id(), Ticket.ANY_VERSION, Message.of("x")))
          .isInstanceOf(IllegalTransitionException.class);
    }
  }

  @Nested
  @DisplayName("tiers, merge, split and links")
  class Structure {
    @Test
    @DisplayName("escalation moves the ticket up a tier to the tier's default team, de-escalation hands it back with a note")
    void escalate() {
      Ticket created = d.frontTicket("hard");
      Ticket assigned = d.tickets.assign(d.alice, created.id(), created.version(), FRONT, ALICE);
      Ticket t = d.tickets.escalate(d.alice, created.id(), assigned.version(), 2, null, "needs database access");
      assertThat(t.tier()).isEqualTo(2);
      assertThat(t.team()).isEqualTo(SECOND);
      assertThat(t.assignee()).isNull();
      assertThat(t.escalationCount()).isEqualTo(1);
      assertThat(d.tickets.find(d.alice, t.id())).isEmpty(); // tier 1 agent no longer sees it
      Ticket back = d.tickets.deescalate(d.bob, t.id(), t.version(), 1, FRONT, "fixed the index; please confirm with the customer");
      assertThat(back.tier()).isEqualTo(1);
      assertThat(d.tickets.conversation(d.alice, t.id())).extracting(Entry::body).anyMatch(b -> b.contains("please confirm"));
      assertThat(d.tickets.conversation(d.carol, t.id())).extracting(Entry::kind).containsOnly(EntryKind.PUBLIC_REPLY);
      assertThatThrownBy(() -> d.tickets.escalate(d.alice, t.id(), back.version(), 1, null, "x")).isInstanceOf(ValidationException.class);
    }

    @Test
    @DisplayName("merge moves entries with their kinds, and later replies to the source land in the target")
    void merge() {
      Ticket a = d.frontTicket("first");
      d.tickets.addNote(d.lead, a.id(), Ticket.ANY_VERSION, Message.of("secret note"));
      Ticket b = d.frontTicket("second");
      a = d.tickets.get(d.lead, a.id());
      Ticket target = d.tickets.merge(d.lead, a.id(), a.version(), b.id());
      assertThat(target.linked(LinkType.MERGED_FROM)).containsExactly(a.id());
      assertThat(d.tickets.get(d.lead, a.id()).state()).isEqualTo(TicketState.MERGED);
      assertThat(d.tickets.conversation(d.carol, b.id())).extracting(Entry::body).noneMatch(x -> x.contains("secret"));
      assertThat(d.tickets.conversation(d.lead, b.id())).extracting(Entry::body).anyMatch(x -> x.contains("secret"));
      Ticket landed = d.tickets.reply(d.carol, a.id(), Ticket.ANY_VERSION, Message.of("any news?"));
      assertThat(landed.id()).isEqualTo(b.id());
      assertThatThrownBy(() -> d.tickets.merge(d.lead, b.id(), landed.version(), b.id())).isInstanceOf(ValidationException.class);
    }

    @Test
    @DisplayName("split turns one entry into a new linked ticket, keeping its kind")
    void split() {
      Ticket t = d.frontTicket("two problems");
      Ticket r = d.tickets.reply(d.carol, t.id(), Ticket.ANY_VERSION, Message.of("Also my mouse is broken"));
      Entry second = d.tickets.conversation(d.lead, t.id()).get(1);
      Ticket n = d.tickets.split(d.lead, t.id(), second.id(), "Broken mouse", null);
      assertThat(n.linked(LinkType.SPLIT_FROM)).containsExactly(t.id());
      assertThat(d.tickets.get(d.lead, t.id()).linked(LinkType.SPLIT_INTO)).containsExactly(n.id());
      assertThat(d.tickets.conversation(d.carol, n.id())).extracting(Entry::body).containsExactly("Also my mouse is broken");
      assertThat(r.requester()).isEqualTo(n.requester());
    }

    @Test
    @DisplayName("links are recorded on both tickets with inverse types")
    void links() {
      Ticket a = d.frontTicket("parent");
      Ticket b = d.frontTicket("child");
      d.tickets.link(d.alice, a.id(), LinkType.PARENT_OF, b.id());
      assertThat(d.tickets.get(d.alice, a.id()).linked(LinkType.PARENT_OF)).containsExactly(b.id());
      assertThat(d.tickets.get(d.alice, b.id()).linked(LinkType.CHILD_OF)).containsExactly(a.id());
      assertThatThrownBy(() -> d.tickets.link(d.alice, a.id(), LinkType.MERGED_FROM, b.id())).isInstanceOf(ValidationException.class);
    }
  }
}
