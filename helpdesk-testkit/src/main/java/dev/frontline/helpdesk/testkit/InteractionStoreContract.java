package dev.frontline.helpdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.ConflictException;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.intake.Disposition;
import dev.frontline.helpdesk.intake.IdentityCheck;
import dev.frontline.helpdesk.intake.Interaction;
import dev.frontline.helpdesk.intake.InteractionId;
import dev.frontline.helpdesk.intake.Recording;
import dev.frontline.helpdesk.spi.InteractionStore;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.TicketId;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The contract every {@link InteractionStore} must pass (derived from the in-memory store). */
public abstract class InteractionStoreContract {
  private static final Instant T0 = Instant.parse("2026-05-04T10:15:30.123456789Z");

  /** The store under test. */
  protected InteractionStore store;

  /** Subclasses need no-arg constructors. */
  protected InteractionStoreContract() {}

  /** @return a new, empty store */
  protected abstract InteractionStore newStore();

  @BeforeEach
  void fresh() {
    store = newStore();
  }

  private static Interaction interaction(String id, String customer, @Nullable String ticket, Instant start, @Nullable String agent) {
    return new Interaction(InteractionId.of(id), Channel.PHONE, CustomerId.of(customer), agent == null ? null : AgentId.of(agent),
        start, start.plus(Duration.ofMinutes(7)), IdentityCheck.VERIFIED, Disposition.TICKET_CREATED, Recording.NEW_TICKET,
        ticket == null ? null : TicketId.of(ticket), "Caller says: <b>it's</b> broken — ünïcødé ✓\nline two", "agent:agent-1");
  }

  @Test
  @DisplayName("stores interactions unchanged and finds them by id")
  void addAndFind() {
    Interaction i = interaction("i-1", "cust-1", "t-1", T0, "agent-1");
    Interaction j = new Interaction(InteractionId.of("i-2"), Channel.CHAT, CustomerId.of("cust-1"), null, T0, T0,
        IdentityCheck.UNVERIFIED, Disposition.ABANDONED, Recording.INTERNAL_NOTE, null, "hung up", "system:intake");
    store.add(i);
    store.add(j);
    assertThat(store.find(i.id())).contains(i);
    assertThat(store.find(j.id())).contains(j);
    assertThat(store.find(InteractionId.of("nope"))).isEmpty();
  }

  @Test
  @DisplayName("a duplicate id is a conflict and changes nothing")
  void duplicate() {
    Interaction i = interaction("i-1", "cust-1", null, T0, null);
    store.add(i);
    assertThatThrownBy(() -> store.add(interaction("i-1", "cust-2", "t-9", T0.plusSeconds(5), null)))
        .isInstanceOf(ConflictException.class);
    assertThat(store.find(i.id())).contains(i);
    assertThat(store.byCustomer(CustomerId.of("cust-2"))).isEmpty();
  }

  @Test
  @DisplayName("lists by ticket and by customer, oldest first, ties by id")
  void lists() {
    Interaction late = interaction("i-a", "cust-1", "t-1", T0.plusSeconds(60), null);
    Interaction early = interaction("i-z", "cust-1", "t-1", T0, null);
    Interaction tie = interaction("i-b", "cust-1", "t-2", T0.plusSeconds(60), null);
    Interaction other = interaction("i-c", "cust-2", "t-1", T0.plusNanos(1), null);
    store.add(late);
    store.add(early);
    store.add(tie);
    store.add(other);
    assertThat(store.byTicket(TicketId.of("t-1"))).containsExactly(early, other, late);
    assertThat(store.byCustomer(CustomerId.of("cust-1"))).containsExactly(early, late, tie);
    assertThat(store.byTicket(TicketId.of("t-none"))).isEmpty();
  }
}
