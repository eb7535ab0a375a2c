package dev.frontline.helpdesk.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.Organization;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.email.IntakeResult.Flag;
import dev.frontline.helpdesk.email.IntakeResult.Status;
import dev.frontline.helpdesk.email.IntakeResult.ThreadedBy;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.Entry;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The participant rule on every threading path: a message joins a ticket only if its sender takes
 * part in it; naming a Message-ID, a token, an address or a key grants nothing, in either direction.
 */
class EmailParticipantRuleTest {
  private static final Principal SYSTEM = Principal.system("test");

  private final Fixtures f = newFixtures();

  /** The one place that builds the helpdesk and intake under test. */
  private static Fixtures newFixtures() {
    return new Fixtures();
  }

  private static String mail(String from, String messageId, String extraHeaders, String body) {
    return EmailIntakeTest.mail(from, messageId, extraHeaders, body);
  }

  private List<Entry> conversation(IntakeResult r) {
    return f.helpdesk.tickets().conversation(SYSTEM, r.ticket());
  }

  /** Ways of pointing a message at the ticket of an earlier one (whose Message-ID is the argument). */
  static Stream<Arguments> pointers() {
    return Stream.of(
        Arguments.of("In-Reply-To", (BiFunction<Fixtures, IntakeResult, String>) (fx, t) -> "In-Reply-To: <" + t.messageId() + ">\n"),
        Arguments.of("References, deep in the chain", (BiFunction<Fixtures, IntakeResult, String>) (fx, t) ->
            "References: <" + t.messageId() + "> <unknown-1@elsewhere.example> <unknown-2@elsewhere.example>\n"),
        Arguments.of("a ghost parent the ticket referred to", (BiFunction<Fixtures, IntakeResult, String>) (fx, t) ->
            "References: <ghost-of-" + t.messageId() + ">\n"),
        Arguments.of("a signed Message-ID of a notification", (BiFunction<Fixtures, IntakeResult, String>) (fx, t) ->
            "In-Reply-To: " + fx.intake.messageIdFor(t.ticket()) + "\n"),
        Arguments.of("a signed reply address", (BiFunction<Fixtures, IntakeResult, String>) (fx, t) ->
            "Cc: " + fx.intake.replyAddressFor(t.ticket()) + "\n"),
        Arguments.of("a subject tag", (BiFunction<Fixtures, IntakeResult, String>) (fx, t) ->
            "Subject: Re: [" + t.ticketKey() + "] hello\n"));
  }

  private IntakeResult customerTicket() {
    IntakeResult r = f.receive(mail("ann@example.org", "ann-1@example.org", "References: <ghost-of-ann-1@example.org>\n", "my printer"));
    assertThat(r.status()).isEqualTo(Status.CREATED);
    return r;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pointers")
  @DisplayName("a stranger pointing at a customer's ticket opens a new ticket and does not become a participant")
  void strangerNeverJoins(String how, BiFunction<Fixtures, IntakeResult, String> pointer) {
    IntakeResult ann = customerTicket();
    String headers = pointer.apply(f, ann);
    String raw = headers.startsWith("Subject:")
        ? "From: mallory@evil.example\nTo: support@help.example.com\nMessage-ID: <m1@evil.example>\n" + headers + "\nlet me in"
        : mail("mallory@evil.example", "m1@evil.example", headers, "let me in");
    IntakeResult m = f.receive(raw);
    assertThat(m.status()).isEqualTo(Status.CREATED);
    assertThat(m.ticket()).isNotEqualTo(ann.ticket());
    assertThat(m.threadedBy()).isEqualTo(ThreadedBy.NEW_TICKET);
    assertThat(m.has(Flag.NOT_A_PARTICIPANT) || m.has(Flag.SUBJECT_TAG_IGNORED)).isTrue();
    assertThat(conversation(ann)).hasSize(1);
    // and was not made a participant: a second try by the plainest path fails as well
    IntakeResult again = f.receive(mail("mallory@evil.example", "m2@evil.example", "In-Reply-To: <ann-1@example.org>\n", "again"));
    assertThat(again.ticket()).isNotIn(ann.ticket());
    assertThat(conversation(ann)).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pointers")
  @DisplayName("the requester still threads by every path")
  void requesterJoins(String how, BiFunction<Fixtures, IntakeResult, String> pointer) {
    IntakeResult ann = customerTicket();
    String headers = pointer.apply(f, ann);
    String raw = headers.startsWith("Subject:")
        ? "From: Ann <ANN@example.org>\nTo: support@help.example.com\nMessage-ID: <a2@example.org>\n" + headers + "\nmore"
        : mail("Ann <ANN@example.org>", "a2@example.org", headers, "more");
    IntakeResult r = f.receive(raw);
    assertThat(r.status()).isEqualTo(Status.APPENDED);
    assertThat(r.ticket()).isEqualTo(ann.ticket());
    assertThat(r.has(Flag.NOT_A_PARTICIPANT)).isFalse();
  }

  @Test
  @DisplayName("a customer's reply to a stranger's bait is not filed in the stranger's ticket")
  void baitInReverse() {
    IntakeResult bait = f.receive(mail("mallory@evil.example", "bait@evil.example", "References: <bait-parent@evil.example>\n", "hi ann"));
    // Ann answers the copy Mallory sent her directly, and a mail whose own id Mallory referred to
    IntakeResult reply = f.receive(mail("ann@example.org", "ann-r@example.org", "In-Reply-To: <bait@evil.example>\n", "who are you?"));
    IntakeResult own = f.receive(mail("ann@example.org", "bait-parent@evil.example", "", "my own mail"));
    assertThat(reply.ticket()).isNotEqualTo(bait.ticket());
    assertThat(own.ticket()).isNotEqualTo(bait.ticket());
    assertThat(reply.has(Flag.NOT_A_PARTICIPANT)).isTrue();
    assertThat(conversation(bait)).hasSize(1);
    // Mallory cannot follow Ann's new ticket either
    IntakeResult follow = f.receive(mail("mallory@evil.example", "m3@evil.example", "In-Reply-To: <ann-r@example.org>\n", "hello again"));
    assertThat(follow.ticket()).isNotEqualTo(reply.ticket());
    assertThat(conversation(reply)).hasSize(1);
  }

  @Test
  @DisplayName("a colleague joins when the organization shares tickets, not otherwise")
  void colleagues() {
    OrganizationId sharing = OrganizationId.of("acme");
    OrganizationId closed = OrganizationId.of("initech");
    f.helpdesk.directory().saveOrganization(new Organization(sharing, "Acme", true, false, "basic"));
    f.helpdesk.directory().saveOrganization(new Organization(closed, "Initech", false, false, "basic"));
    save("ann", "ann@acme.example", sharing);
    save("bob", "bob@acme.example", sharing);
    save("cid", "cid@initech.example", closed);
    save("dee", "dee@initech.example", closed);

    IntakeResult ann = f.receive(mail("ann@acme.example", "acme-1@acme.example", "", "our printer"));
    IntakeResult bob = f.receive(mail("bob@acme.example", "acme-2@acme.example", "In-Reply-To: <acme-1@acme.example>\n", "same here"));
    assertThat(bob.ticket()).isEqualTo(ann.ticket());
    assertThat(conversation(ann).get(1).author().kind()).isEqualTo(Author.Kind.CUSTOMER);

    IntakeResult cid = f.receive(mail("cid@initech.example", "ini-1@initech.example", "", "our fax"));
    IntakeResult dee = f.receive(mail("dee@initech.example", "ini-2@initech.example", "In-Reply-To: <ini-1@initech.example>\n", "mine too"));
    assertThat(dee.ticket()).isNotEqualTo(cid.ticket());
    assertThat(dee.has(Flag.NOT_A_PARTICIPANT)).isTrue();
    assertThat(conversation(cid)).hasSize(1);
  }

  private void save(String id, String email, OrganizationId org) {
    f.helpdesk.directory().saveCustomer(new Customer(CustomerId.of(id), id, email, org, true, null));
  }
}
