package dev.frontline.helpdesk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.IllegalTransitionException;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.FieldValue;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketHistory;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketType;
import dev.frontline.helpdesk.ticket.TicketUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The ticket commands' decisions, on snapshots alone: no store, no clock, no rights. */
@DisplayName("ticket decisions are pure functions of snapshot and command")
class TicketDecisionsTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final List<String> TAGS = List.of("a", "b", "c", "d", "vip");
  private static final List<String> FIELDS = List.of("plan", "seats", "region");

  private static Ticket ticket(TicketState state, Set<String> tags, Map<String, FieldValue> fields) {
    Ticket t = TicketHistory.apply(null, new TicketEvent(TicketId.of("t-1"), 1, Author.of(Principal.system("test")), T0,
        new TicketChange.Created(new TicketKey("HD", 1), "Subject", CustomerId.of("carol"), OrganizationId.of("acme"), Channel.WEB,
            Priority.NORMAL, TicketType.QUESTION, new TreeSet<>(tags), new TreeMap<>(fields), 1, TeamId.of("front"), null)));
    if (state != TicketState.NEW) {
      t = TicketHistory.apply(t, new TicketEvent(t.id(), t.version() + 1, Author.of(Principal.system("test")), T0,
          new TicketChange.StateChanged(TicketState.NEW, state)));
    }
    return t;
  }

  private static Ticket apply(Ticket t, List<TicketChange> changes) {
    for (TicketChange c : changes) {
      t = TicketHistory.apply(t, new TicketEvent(t.id(), t.version() + 1, Author.of(Principal.system("test")), T0, c));
    }
    return t;
  }

  @Test
  @DisplayName("update, property: the decided changes produce exactly the updated tags and fields, and deciding again changes nothing")
  void updateProperty() {
    long seed = Long.getLong("frontline.seed", System.nanoTime());
    Random r = new Random(seed);
    for (int i = 0; i < 2_000; i++) {
      Set<String> tags = new HashSet<>();
      Map<String, FieldValue> fields = new HashMap<>();
      for (String tag : TAGS) {
        if (r.nextBoolean()) {
          tags.add(tag);
        }
      }
      for (String f : FIELDS) {
        if (r.nextBoolean()) {
          fields.put(f, FieldValue.text("v" + r.nextInt(3)));
        }
      }
      Ticket t = ticket(TicketState.OPEN, tags, fields);
      Set<String> add = new HashSet<>();
      Set<String> remove = new HashSet<>();
      Map<String, FieldValue> set = new HashMap<>();
      Set<String> unset = new HashSet<>();
      for (String tag : TAGS) {
        switch (r.nextInt(4)) {
          case 0 -> add.add(tag);
          case 1 -> remove.add(tag);
          default -> { }
        }
      }
      for (String f : FIELDS) {
        switch (r.nextInt(4)) {
          case 0 -> set.put(f, FieldValue.text("v" + r.nextInt(3)));
          case 1 -> unset.add(f);
          default -> { }
        }
      }
      TicketUpdate u = TicketUpdate.none().withTags(add, remove).withFields(set, unset);
      if (r.nextBoolean()) {
        u = u.withPriority(Priority.values()[r.nextInt(Priority.values().length)]);
      }
      List<TicketChange> changes = TicketDecisions.update(t, u);
      Ticket after = apply(t, changes);
      Set<String> wantTags = new TreeSet<>(tags);
      Set<String> removeOnly = new HashSet<>(remove);
      removeOnly.removeAll(add);
      wantTags.removeAll(removeOnly);
      wantTags.addAll(add);
      Map<String, FieldValue> wantFields = new TreeMap<>(fields);
      unset.stream().filter(f -> !set.containsKey(f)).forEach(wantFields::remove);
      wantFields.putAll(set);
      assertThat(after.tags()).as("seed %s", seed).isEqualTo(wantTags);
      assertThat(after.fields()).as("seed %s", seed).isEqualTo(wantFields);
      if (u.priority() != null) {
        assertThat(after.priority()).isEqualTo(u.priority());
      }
      assertThat(TicketDecisions.update(after, u)).as("idempotent, seed %s", seed).isEmpty();
      assertThat(changes).noneMatch(c -> c instanceof TicketChange.TagsChanged tc && tc.added().isEmpty() && tc.removed().isEmpty());
    }
  }

  @Test
  @DisplayName("update refuses final tickets and more than 100 tags or 200 fields")
  void updateLimits() {
    assertThatThrownBy(() -> TicketDecisions.update(ticket(TicketState.CLOSED, Set.of(), Map.of()), TicketUpdate.none().withSubject("x")))
        .isInstanceOf(IllegalTransitionException.class);
    Set<String> many = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      many.add("t" + i);
    }
    Ticket full = ticket(TicketState.OPEN, many, Map.of());
    assertThatThrownBy(() -> TicketDecisions.update(full, TicketUpdate.none().withTags(Set.of("one-more"), Set.of())))
        .isInstanceOf(ValidationException.class);
    assertThat(TicketDecisions.update(full, TicketUpdate.none().withTags(Set.of("one-more"), Set.of("t0")))).hasSize(1);
  }

  @Test
  @DisplayName("transition follows the transition table; NEW and MERGED are reached only by creation and merging")
  void transitions() {
    for (TicketState from : TicketState.values()) {
      Ticket t = from == TicketState.MERGED ? null : ticket(from, Set.of(), Map.of());
      if (t == null) {
        continue;
      }
      for (TicketState to : TicketState.values()) {
        if (to == TicketState.NEW || to == TicketState.MERGED || !from.canTransitionTo(to)) {
          assertThatThrownBy(() -> TicketDecisions.transition(t, to)).as("%s -> %s", from, to)
              .isInstanceOf(IllegalTransitionException.class);
        } else {
          assertThat(TicketDecisions.transition(t, to)).isEqualTo(new TicketChange.StateChanged(from, to));
        }
      }
    }
  }

  @Test
  @DisplayName("replies: customers reopen solved and pending tickets, an agent's first reply opens a new one, late or closed ones become follow-ups")
  void replies() {
    Principal customer = Principal.customer(CustomerId.of("carol"));
    Principal agent = Principal.agent(AgentId.of("alice"));
    Duration window = Duration.ofDays(7);
    assertThat(TicketDecisions.reply(ticket(TicketState.NEW, Set.of(), Map.of()), agent, T0, window))
        .isEqualTo(TicketDecisions.ReplyOutcome.APPEND_AND_OPEN);
    assertThat(TicketDecisions.reply(ticket(TicketState.NEW, Set.of(), Map.of()), customer, T0, window))
        .isEqualTo(TicketDecisions.ReplyOutcome.APPEND);
    assertThat(TicketDecisions.reply(ticket(TicketState.PENDING, Set.of(), Map.of()), customer, T0, window))
        .isEqualTo(TicketDecisions.ReplyOutcome.APPEND_AND_OPEN);
    Ticket solved = ticket(TicketState.SOLVED, Set.of(), Map.of());
    assertThat(TicketDecisions.reply(solved, customer, T0.plus(window), window)).isEqualTo(TicketDecisions.ReplyOutcome.APPEND_AND_OPEN);
    assertThat(TicketDecisions.reply(solved, customer, T0.plus(window).plusSeconds(1), window))
        .isEqualTo(TicketDecisions.ReplyOutcome.FOLLOW_UP);
    assertThat(TicketDecisions.reply(solved, agent, T0.plus(window).plusSeconds(1), window)).isEqualTo(TicketDecisions.ReplyOutcome.APPEND);
    Ticket closed = ticket(TicketState.CLOSED, Set.of(), Map.of());
    assertThat(TicketDecisions.reply(closed, customer, T0, window)).isEqualTo(TicketDecisions.ReplyOutcome.FOLLOW_UP);
    assertThatThrownBy(() -> TicketDecisions.reply(closed, agent, T0, window)).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  @DisplayName("tier moves go the right way; assignment changes only when something changes")
  void tiersAndAssignment() {
    Ticket t = ticket(TicketState.OPEN, Set.of(), Map.of());
    TicketDecisions.moveTier(t, 2, true);
    assertThatThrownBy(() -> TicketDecisions.moveTier(t, 1, true)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> TicketDecisions.moveTier(t, 2, false)).isInstanceOf(ValidationException.class);
    assertThat(TicketDecisions.assign(t, t.team(), null)).isEmpty();
    assertThat(TicketDecisions.assign(t, t.team(), AgentId.of("alice")))
        .contains(new TicketChange.Assigned(t.team(), t.team(), null, AgentId.of("alice")));
  }
}
