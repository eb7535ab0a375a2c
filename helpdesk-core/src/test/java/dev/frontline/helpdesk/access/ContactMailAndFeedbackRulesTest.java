package dev.frontline.helpdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.intake.IdentityCheck;
import dev.frontline.helpdesk.intake.Recording;
import dev.frontline.helpdesk.ticket.Ticket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The three rules that used to live in the services ({@link AccessControl#checkContact}, {@link
 * AccessControl#joinsByMail} and {@link Permission#KB_FEEDBACK}), decided from resolved rights
 * alone.
 */
@DisplayName("Contact, mail participant and knowledge feedback rules")
class ContactMailAndFeedbackRulesTest {
  private final World w = new World();
  private final AccessControl access = w.helpdesk.access();

  private Rights agent() {
    AgentId id = w.agent("rita", Set.of("agent"), Map.of(World.T1, TeamAccess.FULL), true);
    return access.rightsOf(Principal.agent(id));
  }

  @Nested
  @DisplayName("checkContact: what an identity check allows")
  class Contacts {
    @ParameterizedTest(name = "{0}")
    @EnumSource(Recording.class)
    @DisplayName("every recording × every identity result: only the two documented combinations are refused")
    void everyCombination(Recording recording) {
      Rights r = agent();
      for (IdentityCheck identity : IdentityCheck.values()) {
        boolean refused = (recording == Recording.NEW_TICKET && identity == IdentityCheck.FAILED)
            || (recording == Recording.PUBLIC_ENTRY && identity != IdentityCheck.VERIFIED);
        int before = w.denials.size();
        if (refused) {
          assertThatThrownBy(() -> access.checkContact(r, recording, identity, "T-1"))
              .as("%s with %s", recording, identity)
              .isInstanceOf(AccessDeniedException.class);
          assertThat(w.denials).hasSize(before + 1);
          AccessDecision d = w.denials.get(before);
          assertThat(d.principal()).isEqualTo(r.principal());
          assertThat(d.permission())
              .isEqualTo(recording == Recording.NEW_TICKET ? Permission.TICKET_CREATE : Permission.TICKET_REPLY_PUBLIC);
          assertThat(d.target()).isEqualTo("T-1");
        } else {
          assertThatCode(() -> access.checkContact(r, recording, identity, null)).as("%s with %s", recording, identity)
              .doesNotThrowAnyException();
          assertThat(w.denials).hasSize(before);
        }
      }
    }
  }

  @Nested
  @DisplayName("joinsByMail: the participant rule")
  class Mail {
    private final Ticket alices = w.ticket(World.ALICE, 1, World.T1, null);

    private Rights customer(CustomerId id) {
      return access.rightsOf(Principal.customer(id));
    }

    @Test
    @DisplayName("the requester joins, without asking whether they wrote before")
    void requester() {
      AtomicInteger asked = new AtomicInteger();
      assertThat(access.joinsByMail(customer(World.ALICE), alices, () -> asked.incrementAndGet() < 0)).isTrue();
      assertThat(asked).hasValue(0);
    }

    @Test
    @DisplayName("a colleague of an organization that shares tickets joins; the same colleague without sharing does not")
    void colleague() {
      assertThat(access.joinsByMail(customer(World.ANNA), alices, () -> false)).isTrue();
      w.organizations(false);
      assertThat(access.joinsByMail(customer(World.ANNA), alices, () -> false)).isFalse();
      w.directory.saveCustomer(new Customer(World.ANNA, "Anna", "anna@a.example", World.ORG_A, false));
      w.organizations(true);
      assertThat(access.joinsByMail(customer(World.ANNA), alices, () -> false))
          .as("a colleague who may not see the organization's tickets").isFalse();
    }

    @Test
    @DisplayName("a customer of another organization, an unknown address and an agent's address join only if they wrote before")
    void strangers() {
      for (Rights stranger : new Rights[] {
          customer(World.BOB), customer(CustomerId.of("nobody")), Rights.none(Principal.anonymous()), agent()}) {
        assertThat(access.joinsByMail(stranger, alices, () -> false)).as(stranger.principal().describe()).isFalse();
        assertThat(access.joinsByMail(stranger, alices, () -> true)).as(stranger.principal().describe()).isTrue();
      }
    }
  }

  @Nested
  @DisplayName("KB_FEEDBACK: who may vote and record article use")
  class Feedback {
    @Test
    @DisplayName("held by the system, active agents and known customers")
    void held() {
      assertThat(access.holds(access.rightsOf(w.system), Permission.KB_FEEDBACK)).isTrue();
      assertThat(access.holds(agent(), Permission.KB_FEEDBACK)).isTrue();
      assertThat(access.holds(access.rightsOf(Principal.customer(World.BOB)), Permission.KB_FEEDBACK)).isTrue();
    }

    @Test
    @DisplayName("not held by anonymous visitors, unknown customers, unknown or inactive agents (deny by default)")
    void notHeld() {
      AgentId inactive = w.agent("gone", Set.of("agent", "admin"), Map.of(World.T1, TeamAccess.FULL), false);
      for (Principal p : new Principal[] {
          Principal.anonymous(), Principal.customer(CustomerId.of("nobody")), Principal.agent(AgentId.of("ghost")),
          Principal.agent(inactive)}) {
        assertThat(access.holds(access.rightsOf(p), Permission.KB_FEEDBACK)).as(p.describe()).isFalse();
      }
    }

    @Test
    @DisplayName("is inherent: no role may grant it")
    void inherent() {
      assertThat(Permission.KB_FEEDBACK.inherent()).isTrue();
      assertThat(Permission.grantable()).doesNotContain(Permission.KB_FEEDBACK);
      assertThatThrownBy(() -> new Role("voters", Set.of(Permission.KB_FEEDBACK), Scope.ALL))
          .isInstanceOf(RuntimeException.class);
    }
  }
}
