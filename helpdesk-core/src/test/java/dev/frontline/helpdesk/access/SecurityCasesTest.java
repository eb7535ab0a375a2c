package dev.frontline.helpdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import dev.frontline.helpdesk.spi.memory.InMemoryStores;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.spi.IdGenerator;
import dev.frontline.helpdesk.ticket.Attachment;
import dev.frontline.helpdesk.ticket.AttachmentId;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.FieldValue;
import dev.frontline.helpdesk.ticket.LinkType;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketType;
import dev.frontline.helpdesk.ticket.TicketUpdate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One named test (or group) per row of {@code SECURITY.md} that concerns tickets and access. */
@DisplayName("Security cases from real helpdesks")
class SecurityCasesTest {
  World w;
  Principal alice;
  Principal bob;
  Principal supervisor;
  Principal lead;
  AgentId leadId;
  Ticket aliceTicket;
  Ticket bobTicket;

  @BeforeEach
  void setUp() {
    w = new World();
    alice = Principal.customer(World.ALICE);
    bob = Principal.customer(World.BOB);
    supervisor = Principal.agent(w.agent("sup", Set.of("supervisor"), Map.of(), true));
    leadId = w.agent("lead", Set.of("team-lead"), Map.of(World.T2A, TeamAccess.FULL), true);
    lead = Principal.agent(leadId);
    aliceTicket = w.ticket(World.ALICE, 2, World.T2A, null);
    bobTicket = w.ticket(World.BOB, 2, World.T2A, null);
  }

  private static Class<? extends Throwable> thrownBy(Runnable r) {
    Throwable t = catchThrowable(r::run);
    return t == null ? null : t.getClass();
  }

  private static Message attached(String body, String file, String content) {
    return new Message(body, dev.frontline.helpdesk.ticket.Channel.WEB,
        List.of(new dev.frontline.helpdesk.ticket.NewAttachment(file, "text/plain", World.bytes(content))));
  }

  @Nested
  @DisplayName("Zammad CVE-2020-10100: a customer of org A gets nothing of org B")
  class CrossOrganization {
    @Test
    @DisplayName("by id, key, conversation, history and attachment: not found, exactly as for an id that does not exist")
    void cveZammad2020_10100_byIdAndKey() {
      TicketId hidden = bobTicket.id();
      TicketId missing = TicketId.of("does-not-exist-0000000");
      AttachmentId att = w.attachmentOf(hidden, EntryKind.PUBLIC_REPLY).id();
      assertThat(w.tickets().find(alice, hidden)).isEmpty();
      for (TicketId id : List.of(hidden, missing)) {
        assertThatThrownBy(() -> w.tickets().get(alice, id)).isExactlyInstanceOf(NotFoundException.class).hasMessage("ticket not found");
        assertThatThrownBy(() -> w.tickets().conversation(alice, id)).isExactlyInstanceOf(NotFoundException.class).hasMessage("ticket not found");
        assertThatThrownBy(() -> w.tickets().history(alice, id)).isExactlyInstanceOf(NotFoundException.class).hasMessage("ticket not found");
        assertThatThrownBy(() -> w.tickets().attachment(alice, id, att)).isExactlyInstanceOf(NotFoundException.class).hasMessage("ticket not found");
        assertThatThrownBy(() -> w.tickets().reply(alice, id, Ticket.ANY_VERSION, Message.of("hi")))
            .isExactlyInstanceOf(NotFoundException.class).hasMessage("ticket not found");
        assertThatThrownBy(() -> w.tickets().transition(alice, id, 2, TicketState.SOLVED))
            .isExactlyInstanceOf(NotFoundException.class).hasMessage("ticket not found");
      }
      assertThatThrownBy(() -> w.tickets().getByKey(alice, bobTicket.key())).isExactlyInstanceOf(NotFoundException.class).hasMessage("ticket not found");
      assertThatThrownBy(() -> w.tickets().getByKey(alice, new TicketKey("HD", 999_999)))
          .isExactlyInstanceOf(NotFoundException.class).hasMessage("ticket not found");
      assertThat(w.reload(hidden).version()).isEqualTo(bobTicket.version());
    }

    @Test
    @DisplayName("by list and count, also when filtering for org B or Bob explicitly")
    void cveZammad2020_10100_listAndCount() {
      for (TicketQuery q : List.of(
          TicketQuery.builder().build(),
          TicketQuery.builder().organization(World.ORG_B).build(),
          TicketQuery.builder().requester(World.BOB).build(),
          TicketQuery.builder().teams(World.T2A).build())) {
        assertThat(w.tickets().query(alice, q).items()).extracting(Ticket::requester).allMatch(World.ALICE::equals);
        assertThat(w.tickets().count(alice, q)).isEqualTo(w.tickets().query(alice, q).items().size());
      }
      assertThat(w.tickets().count(alice, TicketQuery.builder().organization(World.ORG_B).build())).isZero();
    }

    @Test
    @DisplayName("ticket ids are random with at least 122 bits and are still checked against the caller")
    void cveZammad2024_33668_randomIds() {
      Set<String> seen = new HashSet<>();
      IdGenerator g = IdGenerator.secureRandom();
      for (int i = 0; i < 10_000; i++) {
        String id = g.next();
        assertThat(Base64.getUrlDecoder().decode(id)).hasSizeGreaterThanOrEqualTo(16); // 128 bits >= 122
        assertThat(seen.add(id)).isTrue();
      }
      Attachment a = w.attachmentOf(aliceTicket.id(), EntryKind.PUBLIC_REPLY);
      for (String id : List.of(aliceTicket.id().value(), a.id().value(), w.firstEntry(aliceTicket.id(), EntryKind.PUBLIC_REPLY).id().value())) {
        assertThat(Base64.getUrlDecoder().decode(id)).as("id %s", id).hasSize(16);
      }
      // knowing the random id of org A's ticket does not help Bob
      assertThatThrownBy(() -> w.tickets().attachment(bob, aliceTicket.id(), a.id())).isInstanceOf(NotFoundException.class);
    }
  }

  @Nested
  @DisplayName("Zammad CVE-2026-34722 / FreeScout CVE-2026-40589: links, merges and splits check both sides")
  class LinksMergesSplits {
    Ticket leadTicket;
    Ticket hiddenTicket;

    @BeforeEach
    void tickets() {
      leadTicket = w.ticket(World.ALICE, 2, World.T2A, null);
      hiddenTicket = w.ticket(World.ALICE, 2, World.T2B, null); // the lead is not in T2B
    }

    @Test
    @DisplayName("linking to or from a ticket one cannot see is 'not found', like a missing id, and changes nothing")
    void cveZammad2026_34722_link() {
      TicketId missing = TicketId.of("missing-ticket-id-00000");
      assertThat(thrownBy(() -> w.tickets().link(lead, leadTicket.id(), LinkType.RELATED, hiddenTicket.id())))
          .isEqualTo(thrownBy(() -> w.tickets().link(lead, leadTicket.id(), LinkType.RELATED, missing)))
          .isEqualTo(NotFoundException.class);
      assertThat(thrownBy(() -> w.tickets().link(lead, hiddenTicket.id(), LinkType.RELATED, leadTicket.id())))
          .isEqualTo(NotFoundException.class);
      assertThat(w.reload(leadTicket.id()).links()).isEmpty();
      assertThat(w.reload(hiddenTicket.id()).links()).isEmpty();
    }

    @Test
    @DisplayName("merging a ticket one cannot see into one one can (and the reverse) is 'not found' and changes nothing")
    void cveZammad2026_34722_merge() {
      assertThatThrownBy(() -> w.tickets().merge(lead, hiddenTicket.id(), hiddenTicket.version(), leadTicket.id()))
          .isExactlyInstanceOf(NotFoundException.class).hasMessage("ticket not found");
      assertThatThrownBy(() -> w.tickets().merge(lead, leadTicket.id(), leadTicket.version(), hiddenTicket.id()))
          .isExactlyInstanceOf(NotFoundException.class).hasMessage("ticket not found");
      assertThatThrownBy(() -> w.tickets().merge(lead, leadTicket.id(), leadTicket.version(), TicketId.of("missing-ticket-id-00000")))
          .isExactlyInstanceOf(NotFoundException.class).hasMessage("ticket not found");
      assertThat(w.reload(leadTicket.id())).isEqualTo(leadTicket);
      assertThat(w.reload(hiddenTicket.id())).isEqualTo(hiddenTicket);
      assertThat(w.tickets().conversation(supervisor, leadTicket.id())).hasSize(2);
    }

    @Test
    @DisplayName("merging needs the merge right on both sides, not just visibility")
    void cveFreeScout2026_40589_mergeNeedsRightsOnBoth() {
      // the lead sees T2B tickets through a second team membership with READ access only
      w.agent("lead", Set.of("team-lead"), Map.of(World.T2A, TeamAccess.FULL, World.T2B, TeamAccess.READ), true);
      assertThatThrownBy(() -> w.tickets().merge(lead, leadTicket.id(), leadTicket.version(), hiddenTicket.id()))
          .isExactlyInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> w.tickets().merge(lead, hiddenTicket.id(), hiddenTicket.version(), leadTicket.id()))
          .isExactlyInstanceOf(AccessDeniedException.class);
      assertThat(w.reload(leadTicket.id())).isEqualTo(leadTicket);
      assertThat(w.reload(hiddenTicket.id())).isEqualTo(hiddenTicket);
    }

    @Test
    @DisplayName("splitting into a team one cannot access is denied and creates nothing")
    void cveZammad2026_34722_splitIntoForeignTeam() {
      long before = w.total();
      var entry = w.firstEntry(leadTicket.id(), EntryKind.PUBLIC_REPLY).id();
      assertThatThrownBy(() -> w.tickets().split(lead, leadTicket.id(), entry, "Split", World.T2B))
          .isExactlyInstanceOf(AccessDeniedException.class);
      // splitting a ticket one cannot see is "not found"
      var hiddenEntry = w.firstEntry(hiddenTicket.id(), EntryKind.PUBLIC_REPLY).id();
      assertThatThrownBy(() -> w.tickets().split(lead, hiddenTicket.id(), hiddenEntry, "Split", World.T2A))
          .isExactlyInstanceOf(NotFoundException.class);
      // a team where the lead only has OVERVIEW access is no better
      w.agent("lead", Set.of("team-lead"), Map.of(World.T2A, TeamAccess.FULL, World.T2B, TeamAccess.OVERVIEW), true);
      assertThatThrownBy(() -> w.tickets().split(lead, leadTicket.id(), entry, "Split", World.T2B))
          .isExactlyInstanceOf(AccessDeniedException.class);
      assertThat(w.total()).isEqualTo(before);
      assertThat(w.reload(leadTicket.id())).isEqualTo(leadTicket);
    }
  }

  @Nested
  @DisplayName("FreeScout CVE-2026-41192 / Zammad CVE-2024-33668: attachment ids")
  class Attachments {
    @Test
    @DisplayName("an attachment id from another ticket, even one the caller sees, is not found")
    void cveFreeScout2026_41192_attachmentOfAnotherTicket() {
      Ticket second = w.ticket(World.ALICE, 2, World.T2A, null);
      AttachmentId fromSecond = w.attachmentOf(second.id(), EntryKind.PUBLIC_REPLY).id();
      assertThat(w.tickets().attachment(alice, second.id(), fromSecond).content()).isEqualTo(World.bytes("public file"));
      assertThatThrownBy(() -> w.tickets().attachment(alice, aliceTicket.id(), fromSecond)).isExactlyInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> w.tickets().attachment(supervisor, aliceTicket.id(), fromSecond)).isExactlyInstanceOf(NotFoundException.class);
      AttachmentId fromBob = w.attachmentOf(bobTicket.id(), EntryKind.PUBLIC_REPLY).id();
      assertThatThrownBy(() -> w.tickets().attachment(alice, aliceTicket.id(), fromBob)).isExactlyInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("a guessed attachment id is not found")
    void cveZammad2024_33668_guessedAttachmentId() {
      for (String guess : List.of("1", "attachment-1", "AAAAAAAAAAAAAAAAAAAAAA", w.attachmentOf(aliceTicket.id(), EntryKind.PUBLIC_REPLY).blobKey())) {
        assertThatThrownBy(() -> w.tickets().attachment(alice, aliceTicket.id(), AttachmentId.of(guess)))
            .isExactlyInstanceOf(NotFoundException.class).hasMessage("attachment not found");
      }
      assertThat(w.denials).anySatisfy(d -> assertThat(d.permission()).isEqualTo(Permission.TICKET_READ));
    }

    @Test
    @DisplayName("the attachment of an internal note is not found for the customer")
    void freeScout5138_internalAttachment() {
      AttachmentId secret = w.attachmentOf(aliceTicket.id(), EntryKind.INTERNAL_NOTE).id();
      assertThatThrownBy(() -> w.tickets().attachment(alice, aliceTicket.id(), secret)).isExactlyInstanceOf(NotFoundException.class);
      assertThat(w.tickets().attachment(supervisor, aliceTicket.id(), secret).content()).isEqualTo(World.bytes("secret file"));
    }
  }

  @Nested
  @DisplayName("FreeScout #5138 / OTRS CVE-2017-16854: internal notes never reach customers")
  class InternalNotes {
    private void assertCustomerSeesOnlyPublic(Principal customer, TicketId id) {
      List<Entry> conv = w.tickets().conversation(customer, id);
      assertThat(conv).allSatisfy(e -> assertThat(e.kind()).isEqualTo(EntryKind.PUBLIC_REPLY));
      assertThat(conv).extracting(Entry::body).noneMatch(b -> b.contains("secret"));
      for (Entry e : w.allEntries(id)) {
        for (Attachment a : e.attachments()) {
          if (!e.kind().isPublic()) {
            assertThatThrownBy(() -> w.tickets().attachment(customer, id, a.id())).isExactlyInstanceOf(NotFoundException.class);
          }
        }
      }
      assertThatThrownBy(() -> w.tickets().history(customer, id)).isExactlyInstanceOf(AccessDeniedException.class);
    }

    @Test
    @DisplayName("in the conversation and the history")
    void freeScout5138_conversation() {
      assertCustomerSeesOnlyPublic(alice, aliceTicket.id());
      assertThat(w.tickets().conversation(supervisor, aliceTicket.id())).extracting(Entry::body).contains(World.NOTE_TEXT);
    }

    @Test
    @DisplayName("after a merge: the internal note and its attachment stay internal in the surviving ticket")
    void freeScout5138_afterMerge() {
      Ticket target = w.ticket(World.ALICE, 2, World.T2A, null);
      w.tickets().addNote(supervisor, aliceTicket.id(), Ticket.ANY_VERSION, attached("another secret", "secret2.txt", "secret 2"));
      w.tickets().merge(supervisor, aliceTicket.id(), w.reload(aliceTicket.id()).version(), target.id());
      assertThat(w.allEntries(target.id())).extracting(Entry::body).contains(World.NOTE_TEXT, "another secret");
      assertCustomerSeesOnlyPublic(alice, target.id());
      assertCustomerSeesOnlyPublic(alice, aliceTicket.id());
    }

    @Test
    @DisplayName("after a split: a split-out internal note stays internal in the new ticket")
    void freeScout5138_afterSplit() {
      Entry note = w.firstEntry(aliceTicket.id(), EntryKind.INTERNAL_NOTE);
      Ticket fresh = w.tickets().split(supervisor, aliceTicket.id(), note.id(), "Split note", null);
      assertThat(w.allEntries(fresh.id())).extracting(Entry::kind).containsExactly(EntryKind.INTERNAL_NOTE);
      assertThat(w.tickets().find(alice, fresh.id())).isPresent();
      assertThat(w.tickets().conversation(alice, fresh.id())).isEmpty();
      assertCustomerSeesOnlyPublic(alice, fresh.id());
      assertCustomerSeesOnlyPublic(alice, aliceTicket.id());
    }
  }

  @Nested
  @DisplayName("Zammad CVE-2020-29159, Frappe #3065/#3544, FreeScout CVE-2025-48476: customers cannot set agent-only fields")
  class CustomerCreate {
    @Test
    @DisplayName("a customer creating a ticket with priority, type, tier, team, assignee, tags or fields is denied and nothing is stored")
    void cveZammad2020_29159_agentOnlyFields() {
      long before = w.total();
      Message m = Message.of("please");
      List<Consumer<NewTicket.Builder>> privileged = List.of(
          b -> b.priority(Priority.URGENT),
          b -> b.type(TicketType.INCIDENT),
          b -> b.tier(2),
          b -> b.tier(1).team(World.T1),
          b -> b.assignee(leadId),
          b -> b.tags("vip"),
          b -> b.fields(Map.of("sla", FieldValue.text("gold"))));
      for (Consumer<NewTicket.Builder> p : privileged) {
        NewTicket.Builder b = NewTicket.builder("Hi", World.ALICE, m);
        p.accept(b);
        NewTicket cmd = b.build();
        assertThatThrownBy(() -> w.tickets().create(alice, cmd)).isExactlyInstanceOf(AccessDeniedException.class);
      }
      assertThat(w.total()).isEqualTo(before);
      // the plain command works and the ticket is the customer's own
      Ticket t = w.tickets().create(alice, NewTicket.builder("Hi", World.ALICE, m).build());
      assertThat(t.requester()).isEqualTo(World.ALICE);
      assertThat(t.priority()).isEqualTo(Priority.NORMAL);
      assertThat(t.team()).isEqualTo(World.T1); // the tier's default team, not one the customer chose
      assertThat(t.assignee()).isNull();
    }

    @Test
    @DisplayName("a customer creating a ticket for another customer is denied, whether that customer exists or not")
    void cveZammad2020_26029_createForAnotherCustomer() {
      long before = w.total();
      Message m = Message.of("please");
      assertThatThrownBy(() -> w.tickets().create(alice, NewTicket.builder("Hi", World.BOB, m).build()))
          .isExactlyInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> w.tickets().create(alice, NewTicket.builder("Hi", World.ANNA, m).build()))
          .isExactlyInstanceOf(AccessDeniedException.class);
      // no enumeration oracle: an unknown customer id gets the same answer
      Throwable unknown = catchThrowable(() -> w.tickets().create(alice, NewTicket.builder("Hi", CustomerId.of("nobody"), m).build()));
      Throwable known = catchThrowable(() -> w.tickets().create(alice, NewTicket.builder("Hi", World.BOB, m).build()));
      assertThat(unknown).isExactlyInstanceOf(AccessDeniedException.class).hasMessage(known.getMessage());
      // the same for anonymous visitors
      assertThat(thrownBy(() -> w.tickets().create(Principal.anonymous(), NewTicket.builder("Hi", CustomerId.of("nobody"), m).build())))
          .isEqualTo(thrownBy(() -> w.tickets().create(Principal.anonymous(), NewTicket.builder("Hi", World.BOB, m).build())))
          .isEqualTo(AccessDeniedException.class);
      assertThat(w.total()).isEqualTo(before);
    }

    @Test
    @DisplayName("a customer cannot change priority, tags or fields of their own ticket afterwards")
    void cveFreeScout2025_48476_customerUpdate() {
      for (TicketUpdate u : List.of(
          TicketUpdate.none().withPriority(Priority.URGENT),
          TicketUpdate.none().withTags(Set.of("vip"), Set.of()),
          TicketUpdate.none().withFields(Map.of("sla", FieldValue.text("gold")), Set.of()),
          TicketUpdate.none().withType(TicketType.INCIDENT))) {
        assertThatThrownBy(() -> w.tickets().update(alice, aliceTicket.id(), aliceTicket.version(), u))
            .isExactlyInstanceOf(AccessDeniedException.class);
      }
      assertThatThrownBy(() -> w.tickets().assign(alice, aliceTicket.id(), aliceTicket.version(), World.T2A, leadId))
          .isExactlyInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> w.tickets().escalate(alice, aliceTicket.id(), aliceTicket.version(), 3, null, "now"))
          .isExactlyInstanceOf(AccessDeniedException.class);
      assertThat(w.reload(aliceTicket.id())).isEqualTo(aliceTicket);
    }
  }

  @Nested
  @DisplayName("FreeScout CVE-2026-41189: write rights imply read rights")
  class WriteImpliesRead {
    @Test
    @DisplayName("an agent with OVERVIEW access on a team lists its tickets but cannot open, reply to or change them")
    void cveFreeScout2026_41189_overviewCannotWrite() {
      Principal viewer = Principal.agent(w.agent("viewer", Set.of("team-lead"), Map.of(World.T2A, TeamAccess.OVERVIEW), true));
      TicketId id = aliceTicket.id();
      assertThat(w.tickets().query(viewer, TicketQuery.builder().build()).items()).extracting(Ticket::id).contains(id);
      assertThatThrownBy(() -> w.tickets().conversation(viewer, id)).isExactlyInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> w.tickets().reply(viewer, id, Ticket.ANY_VERSION, Message.of("hi"))).isExactlyInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> w.tickets().addNote(viewer, id, Ticket.ANY_VERSION, Message.of("hi"))).isExactlyInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> w.tickets().transition(viewer, id, aliceTicket.version(), TicketState.OPEN)).isExactlyInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> w.tickets().update(viewer, id, aliceTicket.version(), TicketUpdate.none().withSubject("x")))
          .isExactlyInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> w.tickets().assign(viewer, id, aliceTicket.version(), World.T2A, AgentId.of("viewer")))
          .isExactlyInstanceOf(AccessDeniedException.class);
      assertThat(w.reload(id)).isEqualTo(aliceTicket);
    }

    @Test
    @DisplayName("assigning a new ticket to oneself does not lift the team access level's cap on creating")
    void cveFreeScout2026_41189_selfAssignedCreate() {
      AgentId reader = w.agent("reader", Set.of("agent"), Map.of(World.T2A, TeamAccess.READ), true);
      long before = w.total();
      NewTicket cmd = NewTicket.builder("Mine", World.ALICE, Message.of("hi")).tier(2).team(World.T2A).assignee(reader).build();
      assertThatThrownBy(() -> w.tickets().create(Principal.agent(reader), cmd)).isExactlyInstanceOf(AccessDeniedException.class);
      assertThat(w.total()).isEqualTo(before);
      w.agent("reader", Set.of("agent"), Map.of(World.T2A, TeamAccess.CREATE), true);
      assertThat(w.tickets().create(Principal.agent(reader), cmd).assignee()).isEqualTo(reader);
    }

    @Test
    @DisplayName("a role granting a write permission without TICKET_READ gives no access at all")
    void cveFreeScout2026_41189_writeWithoutRead() {
      w.directory.saveRole(Role.of("writer", Scope.ALL, Permission.TICKET_REPLY_PUBLIC, Permission.TICKET_EDIT, Permission.TICKET_MERGE));
      Principal writer = Principal.agent(w.agent("writer", Set.of("writer"), Map.of(), true));
      assertThatThrownBy(() -> w.tickets().reply(writer, aliceTicket.id(), Ticket.ANY_VERSION, Message.of("hi")))
          .isExactlyInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> w.tickets().update(writer, aliceTicket.id(), aliceTicket.version(), TicketUpdate.none().withSubject("x")))
          .isExactlyInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> w.tickets().merge(writer, aliceTicket.id(), aliceTicket.version(), bobTicket.id()))
          .isExactlyInstanceOf(NotFoundException.class);
      assertThat(w.tickets().count(writer, TicketQuery.builder().build())).isZero();
      assertThat(w.reload(aliceTicket.id())).isEqualTo(aliceTicket);
    }
  }

  @Nested
  @DisplayName("Zammad CVE-2020-26029 / CVE-2020-26030: acting as X checks X's rights; identity is the explicit principal")
  class ActingAs {
    @Test
    @DisplayName("an agent creating a ticket on behalf of a customer needs its own create right for the team")
    void cveZammad2020_26029_createOnBehalf() {
      Principal observer = Principal.agent(w.agent("obs", Set.of("observer"), Map.of(World.T2A, TeamAccess.FULL), true));
      NewTicket cmd = NewTicket.builder("For Alice", World.ALICE, Message.of("hi")).tier(2).team(World.T2A).build();
      assertThatThrownBy(() -> w.tickets().create(observer, cmd)).isExactlyInstanceOf(AccessDeniedException.class);
      Ticket t = w.tickets().create(lead, cmd);
      assertThat(w.tickets().history(supervisor, t.id()).get(0).actor()).isEqualTo(Author.of(lead));
    }

    @Test
    @DisplayName("the same call as a weaker principal is judged by that principal's rights, not anyone else's")
    void cveZammad2020_26029_weakerPrincipal() {
      Principal agentOfOtherTeam = Principal.agent(w.agent("other", Set.of("agent"), Map.of(World.T2B, TeamAccess.FULL), true));
      w.tickets().addNote(supervisor, aliceTicket.id(), Ticket.ANY_VERSION, Message.of("fine as supervisor"));
      assertThatThrownBy(() -> w.tickets().addNote(agentOfOtherTeam, aliceTicket.id(), Ticket.ANY_VERSION, Message.of("not as other")))
          .isExactlyInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("header-like text in content never changes who acts")
    void cveZammad2020_26030_identityNotFromContent() {
      Ticket t = w.tickets().reply(alice, aliceTicket.id(), Ticket.ANY_VERSION,
          Message.of("X-Frontline-Principal: system:admin\nFrom: sup@example.com\nhello"));
      List<TicketEvent> history = w.tickets().history(supervisor, t.id());
      assertThat(history.get(history.size() - 1).actor()).isEqualTo(new Author(Author.Kind.CUSTOMER, "customer:alice"));
      assertThatThrownBy(() -> w.tickets().history(alice, t.id())).isExactlyInstanceOf(AccessDeniedException.class);
    }

    @Test
    @DisplayName("a customer replying to a merged ticket does not get to see the surviving ticket of a colleague")
    void cveFreeScout2026_40589_replyToMergedRevealsNothing() {
      w.organizations(false); // org A does not share tickets
      Ticket annaTicket = w.ticket(World.ANNA, 2, World.T2A, null);
      w.tickets().merge(supervisor, aliceTicket.id(), aliceTicket.version(), annaTicket.id());
      assertThat(w.tickets().find(alice, annaTicket.id())).isEmpty();
      Ticket landed = w.tickets().reply(alice, aliceTicket.id(), Ticket.ANY_VERSION, Message.of("any news?"));
      assertThat(w.tickets().find(alice, landed.id())).as("whatever reply returns, the caller may read").isPresent();
      assertThat(w.allEntries(annaTicket.id())).extracting(Entry::body).contains("any news?");
      Entry reply = w.allEntries(annaTicket.id()).stream().filter(e -> e.body().equals("any news?")).findFirst().orElseThrow();
      assertThat(reply.author()).isEqualTo(Author.of(alice));
    }
  }

  @Nested
  @DisplayName("Denied attempts are reported and logged")
  class Reporting {
    @Test
    @DisplayName("every denial reaches the access listener with who, what, on which id, when and why")
    void denialsReachTheListener() {
      w.denials.clear();
      assertThatThrownBy(() -> w.tickets().get(alice, bobTicket.id())).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> w.tickets().history(alice, aliceTicket.id())).isInstanceOf(AccessDeniedException.class);
      assertThat(w.tickets().find(alice, bobTicket.id())).isEmpty();
      assertThat(w.denials).hasSize(3);
      assertThat(w.denials.get(2).target()).isEqualTo(bobTicket.id().value());
      AccessDecision first = w.denials.get(0);
      assertThat(first.principal()).isEqualTo(alice);
      assertThat(first.permission()).isEqualTo(Permission.TICKET_READ);
      assertThat(first.target()).isEqualTo(bobTicket.id().value());
      assertThat(first.at()).isEqualTo(w.clock.instant());
      assertThat(first.reason()).isEqualTo("not visible");
      assertThat(w.denials.get(1).permission()).isEqualTo(Permission.TICKET_READ_INTERNAL);
      assertThat(w.denials.get(1).reason()).isEqualTo("not permitted");
    }

    @Test
    @DisplayName("a failing listener changes neither the answer nor the other listeners")
    void failingListener() {
      List<AccessDecision> seen = new java.util.ArrayList<>();
      var hd = dev.frontline.helpdesk.Helpdesk.builder().stores(InMemoryStores.builder().ticketStore(w.store).directoryStore(w.directory).blobStore(w.blobs).build()).clock(w.clock)
          .accessListener(d -> {
            throw new IllegalStateException("listener down");
          })
          .accessListener(seen::add)
          .build();
      assertThatThrownBy(() -> hd.tickets().get(alice, bobTicket.id())).isExactlyInstanceOf(NotFoundException.class);
      assertThat(seen).hasSize(1);
    }

    @Test
    @DisplayName("denials stay out of the host's log at its default level (they are DEBUG) and still reach the listeners")
    void denialsAreQuietByDefault() {
      int before = w.denials.size();
      PrintStream original = System.err;
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
      try {
        assertThatThrownBy(() -> w.tickets().get(alice, bobTicket.id())).isInstanceOf(NotFoundException.class);
      } finally {
        System.setErr(original);
      }
      assertThat(buf.toString(StandardCharsets.UTF_8)).doesNotContain("TICKET_READ", "denied");
      assertThat(w.denials.subList(before, w.denials.size()))
          .extracting(AccessDecision::permission)
          .contains(Permission.TICKET_READ);
    }

    @Test
    @DisplayName("a denial's log line names the principal, action, target and reason, and no target when there is none")
    void denialLogLine() {
      Instant at = Instant.parse("2026-03-02T09:00:00Z");
      assertThat(dev.frontline.helpdesk.access.internal.DefaultAccessControl.logLine(new AccessDecision(alice, Permission.TICKET_READ, bobTicket.id().value(), at, "not visible")))
          .isEqualTo("denied customer:alice TICKET_READ on " + bobTicket.id().value() + ": not visible");
      assertThat(dev.frontline.helpdesk.access.internal.DefaultAccessControl.logLine(new AccessDecision(alice, Permission.TICKET_CREATE, null, at, "anonymous")))
          .isEqualTo("denied customer:alice TICKET_CREATE: anonymous")
          .doesNotContain("null");
    }
  }

  @Nested
  @DisplayName("Other rows that touch tickets")
  class Other {
    @Test
    @DisplayName("FreeScout CVE-2025-48388 / RT CVE-2012-4730: no CR/LF in subjects")
    void cveFreeScout2025_48388_noCrLfInSubject() {
      assertThatThrownBy(() -> NewTicket.builder("Hi\r\nBcc: all@example.com", World.ALICE, Message.of("x")).build())
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> TicketUpdate.none().withSubject("Hi\nBcc: all@example.com")).isInstanceOf(ValidationException.class);
    }

    @Test
    @DisplayName("Zammad CVE-2020-29160: every change appends an audit event and never rewrites earlier ones")
    void cveZammad2020_29160_appendOnlyHistory() {
      TicketId id = aliceTicket.id();
      List<TicketEvent> before = w.tickets().history(supervisor, id);
      w.tickets().reply(lead, id, Ticket.ANY_VERSION, Message.of("answer"));
      w.tickets().update(lead, id, w.reload(id).version(), TicketUpdate.none().withPriority(Priority.HIGH).withTags(Set.of("x"), Set.of()));
      w.tickets().assign(lead, id, w.reload(id).version(), World.T2A, leadId);
      w.tickets().transition(lead, id, w.reload(id).version(), TicketState.PENDING);
      List<TicketEvent> after = w.tickets().history(supervisor, id);
      assertThat(after.subList(0, before.size())).isEqualTo(before);
      assertThat(after).extracting(TicketEvent::version).isSorted().doesNotHaveDuplicates();
      assertThat(after.get(after.size() - 1).version()).isEqualTo(w.reload(id).version());
      assertThat(after.subList(before.size(), after.size())).allSatisfy(e -> assertThat(e.actor()).isEqualTo(Author.of(lead)));
      assertThat(after.size() - before.size()).isGreaterThanOrEqualTo(5); // entry + open, priority, tags, assign, state
    }

    @Test
    @DisplayName("FreeScout CVE-2026-40570: the access helpers give non-agents nothing")
    void cveFreeScout2026_40570_helpers() {
      AccessControl ac = w.helpdesk.access();
      assertThat(ac.rightsOf(alice).teams()).isEmpty();
      assertThat(ac.rightsOf(Principal.anonymous()).teams()).isEmpty();
      assertThat(ac.rightsOf(Principal.agent(w.agent("gone", Set.of("admin"), Map.of(World.T2A, TeamAccess.FULL), false))).teams()).isEmpty();
      assertThat(ac.holds(ac.rightsOf(alice), Permission.REPORTS_VIEW)).isFalse();
      assertThat(ac.holds(ac.rightsOf(Principal.anonymous()), Permission.TICKET_READ)).isFalse();
      assertThat(ac.visibility(ac.rightsOf(Principal.customer(CustomerId.of("unknown")))).isNone()).isTrue();
      assertThatThrownBy(() -> ac.require(ac.rightsOf(alice), Permission.ADMINISTER)).isExactlyInstanceOf(AccessDeniedException.class);
    }

    @Test
    @DisplayName("UVdesk #24 / Zammad #1857: switching the org's sharing off applies at once on direct access")
    void uvdesk24_sharingOffAppliesToDirectAccess() {
      Ticket annaTicket = w.ticket(World.ANNA, 2, World.T2A, null);
      assertThat(w.tickets().get(alice, annaTicket.id()).id()).isEqualTo(annaTicket.id());
      w.organizations(false);
      assertThatThrownBy(() -> w.tickets().get(alice, annaTicket.id())).isExactlyInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> w.tickets().getByKey(alice, annaTicket.key())).isExactlyInstanceOf(NotFoundException.class);
      w.organizations(true);
      w.directory.saveCustomer(new Customer(World.ALICE, "Alice", "alice@a.example", World.ORG_A, false));
      assertThatThrownBy(() -> w.tickets().get(alice, annaTicket.id())).isExactlyInstanceOf(NotFoundException.class);
      assertThat(w.tickets().count(alice, TicketQuery.builder().requester(World.ANNA).build())).isZero();
    }
  }
}
