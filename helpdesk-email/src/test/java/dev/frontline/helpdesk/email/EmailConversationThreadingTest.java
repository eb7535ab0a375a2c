package dev.frontline.helpdesk.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.email.IntakeResult.Flag;
import dev.frontline.helpdesk.email.IntakeResult.Status;
import dev.frontline.helpdesk.email.IntakeResult.ThreadedBy;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A conversation that spans several tickets (the participant rule gives each author outside a
 * ticket one of their own) stays findable from every id it named: a later message joins the ticket
 * its sender takes part in, whichever message of the conversation it answers.
 */
class EmailConversationThreadingTest {
  private static final Principal SYSTEM = Principal.system("test");
  private final Fixtures f = new Fixtures();

  private static String mail(String from, String messageId, String extraHeaders) {
    return EmailIntakeTest.mail(from, messageId, extraHeaders, "text of " + messageId);
  }

  private IntakeResult receive(String from, String messageId, String extraHeaders) {
    IntakeResult r = f.receive(mail(from, messageId, extraHeaders));
    assertThat(r.status()).isIn(Status.CREATED, Status.APPENDED);
    return r;
  }

  @Test
  @DisplayName("the requester's answer to another author's reply joins the requester's ticket")
  void answerToAnotherAuthorsReply() {
    IntakeResult ann = receive("ann@example.org", "a1@example.org", "");
    IntakeResult bob = receive("bob@example.net", "b1@example.net", "In-Reply-To: <a1@example.org>\n");
    assertThat(bob.ticket()).isNotEqualTo(ann.ticket());
    // Ann's mailer names only Bob's message
    IntakeResult again = receive("ann@example.org", "a2@example.org", "In-Reply-To: <b1@example.net>\n");
    assertThat(again.ticket()).isEqualTo(ann.ticket());
    assertThat(again.status()).isEqualTo(Status.APPENDED);
    assertThat(again.threadedBy()).isEqualTo(ThreadedBy.REFERENCES);
  }

  @Test
  @DisplayName("a chain of other authors' replies, each naming only its parent, still leads back")
  void chainOfParents() {
    IntakeResult ann = receive("ann@example.org", "a1@example.org", "");
    receive("bob@example.net", "b1@example.net", "In-Reply-To: <a1@example.org>\n");
    receive("cid@example.com", "c1@example.com", "In-Reply-To: <b1@example.net>\n");
    IntakeResult bobAgain = receive("bob@example.net", "b2@example.net", "In-Reply-To: <c1@example.com>\n");
    IntakeResult annAgain = receive("ann@example.org", "a2@example.org", "In-Reply-To: <b2@example.net>\n");
    assertThat(annAgain.ticket()).isEqualTo(ann.ticket());
    // Bob's second message joined Bob's own ticket, not Ann's or Cid's
    assertThat(bobAgain.ticket()).isNotEqualTo(ann.ticket());
    assertThat(f.helpdesk.tickets().conversation(SYSTEM, bobAgain.ticket())).hasSize(2);
  }

  @Test
  @DisplayName("a thread joined midway: replies to two parents that never arrived, linked by a third message")
  void joinedMidway() {
    IntakeResult first = receive("ann@example.org", "a1@example.org", "In-Reply-To: <lost-1@example.com>\n");
    // someone's message names both lost parents: from now on they are one conversation
    receive("bob@example.net", "b1@example.net", "References: <lost-1@example.com> <lost-2@example.com>\n");
    IntakeResult second = receive("ann@example.org", "a2@example.org", "In-Reply-To: <lost-2@example.com>\n");
    assertThat(second.ticket()).isEqualTo(first.ticket());
  }

  @Test
  @DisplayName("MH's 'Message from NAME <address> of DATE <id>': the address is no Message-ID")
  void mhInReplyTo() {
    String irt1 = "In-Reply-To: Message from Lars <lars@example.ie> of\n    \"Thu, 01 Aug 2002 17:35:51 BST.\"\n    <lost-1@example.ie>\n";
    String irt2 = "In-Reply-To: Message from Lars <lars@example.ie> of \"Fri, 02 Aug 2002 10:00:00 BST.\" <lost-2@example.ie>\n";
    IntakeResult one = receive("ann@example.org", "a1@example.org", irt1);
    IntakeResult two = receive("ann@example.org", "a2@example.org", irt2);
    assertThat(two.ticket()).as("two answers to two of Lars's messages are two conversations").isNotEqualTo(one.ticket());
    IntakeResult three = receive("ann@example.org", "a3@example.org", "In-Reply-To: <lost-1@example.ie>\n");
    assertThat(three.ticket()).isEqualTo(one.ticket());
    assertThat(EmailIntake.inReplyToIds(List.of("Message from Lars <lars@example.ie> of \"date\" <x@y>"))).containsExactly("x@y");
    assertThat(EmailIntake.inReplyToIds(List.of("<x@y> (Lars's message of \"date\")"))).containsExactly("x@y");
  }

  @Test
  @DisplayName("the participant rule holds across the linked tickets: a stranger joins none of them")
  void strangerStaysOut() {
    IntakeResult ann = receive("ann@example.org", "a1@example.org", "");
    IntakeResult bob = receive("bob@example.net", "b1@example.net", "In-Reply-To: <a1@example.org>\n");
    IntakeResult mallory = receive("mallory@evil.example", "m1@evil.example", "References: <a1@example.org> <b1@example.net>\n");
    assertThat(mallory.ticket()).isNotIn(ann.ticket(), bob.ticket());
    assertThat(mallory.has(Flag.NOT_A_PARTICIPANT)).isTrue();
    assertThat(mallory.threadedBy()).isEqualTo(ThreadedBy.NEW_TICKET);
    assertThat(f.helpdesk.tickets().conversation(SYSTEM, ann.ticket())).hasSize(1);
    assertThat(f.helpdesk.tickets().conversation(SYSTEM, bob.ticket())).hasSize(1);
    // and Ann's answer to Mallory's message is filed in Ann's own ticket, not Mallory's
    IntakeResult answer = receive("ann@example.org", "a2@example.org", "In-Reply-To: <m1@evil.example>\n");
    assertThat(answer.ticket()).isEqualTo(ann.ticket());
    assertThat(f.helpdesk.tickets().conversation(SYSTEM, mallory.ticket())).hasSize(1);
    // nor does Mallory follow Ann's answer
    IntakeResult follow = receive("mallory@evil.example", "m2@evil.example", "In-Reply-To: <a2@example.org>\n");
    assertThat(follow.ticket()).isEqualTo(mallory.ticket());
  }
}
