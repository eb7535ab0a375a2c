package dev.frontline.helpdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.feedback.CsatRating;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.spi.DirectoryStore;
import dev.frontline.helpdesk.spi.memory.InMemoryStores;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketState;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One permission decision: every rule is a decision of {@link AccessControl} over {@link
 * Permission} values, made on rights resolved once per service call, and every denial names the
 * permission it refused.
 */
class OneDecisionTest {
  private final World w = new World();
  private final AccessControl access = w.helpdesk.access();

  private Principal agent(String id, boolean active) {
    return Principal.agent(w.agent(id, Set.of("agent"), Map.of(World.T1, TeamAccess.FULL), active));
  }

  @Nested
  @DisplayName("inherent permissions")
  class Inherent {
    @ParameterizedTest
    @EnumSource(Permission.class)
    @DisplayName("a role grants exactly the grantable permissions and refuses the inherent ones")
    void roleRefusesInherent(Permission p) {
      if (p.inherent()) {
        assertThatThrownBy(() -> Role.of("r", Scope.ALL, p)).isInstanceOf(ValidationException.class).hasMessageContaining(p.name());
        assertThat(Permission.grantable()).doesNotContain(p);
      } else {
        assertThat(Role.of("r", Scope.ALL, p).permissions()).containsExactly(p);
        assertThat(Permission.grantable()).contains(p);
      }
    }

    @Test
    @DisplayName("the administrator role holds every grantable permission")
    void adminHoldsAllGrantable() {
      assertThat(Roles.ADMIN.permissions()).isEqualTo(Permission.grantable());
      assertThat(EnumSet.allOf(Permission.class).stream().filter(Permission::inherent))
          .containsExactlyInAnyOrder(Permission.MACRO_USE, Permission.INTERACTION_RECORD, Permission.CSAT_ANSWER,
              Permission.ASSET_READ, Permission.KB_READ, Permission.KB_FEEDBACK, Permission.TICKET_AUTO_CLOSE);
    }

    @Test
    @DisplayName("who holds each inherent permission follows from who the principal is")
    void holdsByKind() {
      Principal active = agent("active", true);
      Principal inactive = agent("inactive", false);
      Map<String, Principal> kinds = Map.of(
          "system", w.system,
          "active agent", active,
          "inactive agent", inactive,
          "unknown agent", Principal.agent(AgentId.of("nobody")),
          "customer", Principal.customer(World.ALICE),
          "unknown customer", Principal.customer(CustomerId.of("nobody")),
          "anonymous", Principal.anonymous());
      Map<Permission, Set<String>> holders = Map.of(
          Permission.MACRO_USE, Set.of("system", "active agent"),
          Permission.INTERACTION_RECORD, Set.of("system", "active agent"),
          Permission.CSAT_ANSWER, Set.of("customer"),
          Permission.ASSET_READ, Set.of("system", "active agent", "customer"),
          Permission.KB_READ, kinds.keySet(),
          Permission.KB_FEEDBACK, Set.of("system", "active agent", "customer"),
          Permission.TICKET_AUTO_CLOSE, Set.of("system"));
      holders.forEach((perm, who) -> kinds.forEach((kind, p) ->
          assertThat(access.holds(access.rightsOf(p), perm)).as("%s holds %s", kind, perm).isEqualTo(who.contains(kind))));
    }

    @Test
    @DisplayName("only the requester may answer a ticket's survey: not a colleague who reads it, not staff, not the system")
    void csatOnlyRequester() {
      Ticket t = w.ticket(World.ALICE, 1, World.T1, null);
      assertThat(access.may(access.rightsOf(Principal.customer(World.ALICE)), t, Permission.CSAT_ANSWER)).isTrue();
      Rights colleague = access.rightsOf(Principal.customer(World.ANNA));
      assertThat(access.sees(colleague, t)).isTrue();
      assertThat(access.may(colleague, t, Permission.CSAT_ANSWER)).isFalse();
      assertThat(access.may(access.rightsOf(w.system), t, Permission.CSAT_ANSWER)).isFalse();
      assertThat(access.may(access.rightsOf(Principal.agent(World.COLLEAGUE)), t, Permission.CSAT_ANSWER)).isFalse();
      assertThat(access.permitted(access.rightsOf(Principal.customer(World.ALICE)), Permission.CSAT_ANSWER).matches(t)).isTrue();
      assertThat(access.permitted(colleague, Permission.CSAT_ANSWER).matches(t)).isFalse();
      assertThat(access.permitted(access.rightsOf(w.system), Permission.CSAT_ANSWER).isNone()).isTrue();
    }
  }

  @Nested
  @DisplayName("every denial names the permission it refused")
  class TypedDenials {
    private Permission lastDenial(Runnable attempt) {
      int before = w.denials.size();
      assertThatThrownBy(attempt::run).isInstanceOfAny(AccessDeniedException.class, NotFoundException.class);
      assertThat(w.denials).hasSizeGreaterThan(before);
      return w.denials.get(w.denials.size() - 1).permission();
    }

    @Test
    void macros() {
      assertThat(lastDenial(() -> w.helpdesk.macros().list(Principal.customer(World.ALICE)))).isEqualTo(Permission.MACRO_USE);
      assertThat(lastDenial(() -> w.helpdesk.macros().list(agent("retired", false)))).isEqualTo(Permission.MACRO_USE);
    }

    @Test
    void autoClose() {
      assertThat(lastDenial(() -> w.tickets().closeSolvedTickets(Principal.agent(World.COLLEAGUE)))).isEqualTo(Permission.TICKET_AUTO_CLOSE);
    }

    @Test
    void csat() {
      Ticket t = w.ticket(World.ALICE, 1, World.T1, null);
      w.tickets().transition(w.system, t.id(), Ticket.ANY_VERSION, TicketState.SOLVED);
      assertThat(lastDenial(() -> w.helpdesk.csat().answer(Principal.customer(World.ANNA), t.id(), CsatRating.good(), null)))
          .isEqualTo(Permission.CSAT_ANSWER);
      assertThat(lastDenial(() -> w.helpdesk.csat().answer(w.system, t.id(), CsatRating.good(), null))).isEqualTo(Permission.CSAT_ANSWER);
    }

    @Test
    void assets() {
      assertThat(lastDenial(() -> w.helpdesk.assets().customerAssets(Principal.customer(World.ALICE), World.BOB)))
          .isEqualTo(Permission.ASSET_READ);
    }

    @Test
    void ticketCreate() {
      assertThat(lastDenial(() -> w.tickets().create(Principal.customer(World.ALICE),
          dev.frontline.helpdesk.ticket.NewTicket.builder("x", World.BOB, Message.of("y", Channel.WEB)).build())))
          .isEqualTo(Permission.TICKET_CREATE);
      assertThat(lastDenial(() -> w.tickets().create(Principal.anonymous(),
          dev.frontline.helpdesk.ticket.NewTicket.builder("x", World.BOB, Message.of("y", Channel.WEB)).build())))
          .isEqualTo(Permission.TICKET_CREATE);
    }

    @Test
    void knowledge() {
      Helpdesk withKb = Helpdesk.builder()
          .stores(InMemoryStores.builder().ticketStore(w.store).directoryStore(w.directory).blobStore(w.blobs).build())
          .knowledgeSearch(new dev.frontline.helpdesk.spi.memory.InMemoryKnowledgeSearch())
          .clock(w.clock)
          .accessListener(w.denials::add)
          .build();
      Article draft = Article.builder(ArticleId.of("a1"), Locale.ENGLISH, "Title").body("Body text").build();
      assertThat(lastDenial(() -> withKb.knowledge().save(Principal.customer(World.ALICE), draft, 0))).isEqualTo(Permission.KB_WRITE);
      Article published = withKb.knowledge().save(w.system, draft.toBuilder().status(dev.frontline.helpdesk.knowledge.ArticleStatus.PUBLISHED).build(), 0);
      assertThat(lastDenial(() -> withKb.knowledge().delete(Principal.agent(World.COLLEAGUE), published.id(), published.revision())))
          .isEqualTo(Permission.KB_PUBLISH);
    }
  }

  @Nested
  @DisplayName("rights are resolved once per service call")
  class OncePerCall {
    private final AtomicInteger roleLookups = new AtomicInteger();
    private final Helpdesk counted = Helpdesk.builder()
        .stores(InMemoryStores.builder().ticketStore(w.store).directoryStore(counting(w.directory)).blobStore(w.blobs).build())
        .clock(w.clock)
        .build();

    private DirectoryStore counting(DirectoryStore target) {
      return (DirectoryStore) Proxy.newProxyInstance(DirectoryStore.class.getClassLoader(), new Class<?>[] {DirectoryStore.class},
          (proxy, method, args) -> {
            // resolving an agent's rights reads each of its roles; nothing else reads roles
            if (method.getName().equals("findRole")) {
              roleLookups.incrementAndGet();
            }
            try {
              return method.invoke(target, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }

    private int lookups(Supplier<?> call) {
      roleLookups.set(0);
      call.get();
      return roleLookups.get();
    }

    @Test
    @DisplayName("a read, a page, a reply, a note, an assignment and a report each resolve the agent's rights once")
    void once() {
      AgentId lead = w.agent("lead", Set.of("team-lead"), Map.of(World.T1, TeamAccess.FULL), true);
      Principal p = Principal.agent(lead);
      Ticket t = w.ticket(World.ALICE, 1, World.T1, lead);
      List<Integer> counts = new ArrayList<>();
      counts.add(lookups(() -> counted.tickets().get(p, t.id())));
      counts.add(lookups(() -> counted.tickets().conversation(p, t.id())));
      counts.add(lookups(() -> counted.tickets().query(p, TicketQuery.builder().build())));
      counts.add(lookups(() -> counted.tickets().reply(p, t.id(), Ticket.ANY_VERSION, Message.of("Hello", Channel.WEB))));
      counts.add(lookups(() -> counted.tickets().addNote(p, t.id(), Ticket.ANY_VERSION, Message.of("Note", Channel.INTERNAL))));
      counts.add(lookups(() -> counted.tickets().assign(p, t.id(), Ticket.ANY_VERSION, World.T1, lead)));
      counts.add(lookups(() -> counted.sla().find(p, t.id())));
      counts.add(lookups(() -> counted.metrics().report(p, dev.frontline.helpdesk.metrics.MetricsQuery.builder(w.clock.instant().minusSeconds(86400), w.clock.instant().plusSeconds(86400)).build())));
      assertThat(counts).containsOnly(1);
    }

    @Test
    @DisplayName("knowledge writes, reads, searches, votes and ticket links each resolve the agent's rights once")
    void onceInTheKnowledgeBase() {
      Helpdesk kb = Helpdesk.builder()
          .stores(InMemoryStores.builder().ticketStore(w.store).directoryStore(counting(w.directory)).blobStore(w.blobs).build())
          .knowledgeSearch(new dev.frontline.helpdesk.spi.memory.InMemoryKnowledgeSearch())
          .clock(w.clock)
          .build();
      AgentId editor = w.agent("editor", Set.of("knowledge-editor", "agent"), Map.of(World.T1, TeamAccess.FULL), true);
      Principal p = Principal.agent(editor);
      Ticket t = w.ticket(World.ALICE, 1, World.T1, editor);
      Article draft = Article.builder(ArticleId.of("once"), Locale.ENGLISH, "Printer setup").body("Install the driver").build();
      List<Integer> counts = new ArrayList<>();
      Article[] saved = new Article[1];
      counts.add(lookups(() -> saved[0] = kb.knowledge().save(p, draft, 0)));
      counts.add(lookups(() -> saved[0] = kb.knowledge().save(p,
          saved[0].toBuilder().status(dev.frontline.helpdesk.knowledge.ArticleStatus.PUBLISHED).build(), saved[0].revision())));
      counts.add(lookups(() -> kb.knowledge().get(p, draft.id())));
      counts.add(lookups(() -> kb.knowledge().search(p, dev.frontline.helpdesk.knowledge.KnowledgeQuery.builder("printer").build())));
      counts.add(lookups(() -> kb.knowledge().suggest(p, "prin", null, 5)));
      counts.add(lookups(() -> kb.knowledge().revisions(p, draft.id())));
      counts.add(lookups(() -> {
        kb.knowledge().feedback(p, draft.id(), true);
        return null;
      }));
      counts.add(lookups(() -> {
        kb.knowledge().linkedToTicket(p, draft.id(), t.id());
        return null;
      }));
      counts.add(lookups(() -> {
        kb.knowledge().delete(p, draft.id(), saved[0].revision());
        return null;
      }));
      assertThat(counts).as("role look-ups per call: save draft, publish, get, search, suggest, revisions, vote, link, delete")
          .containsOnly(2);
    }
  }
}
