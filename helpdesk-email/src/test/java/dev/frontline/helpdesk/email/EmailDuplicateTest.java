package dev.frontline.helpdesk.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.email.IntakeResult.Status;
import dev.frontline.helpdesk.ticket.Entry;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Duplicates are the same well-formed Message-ID with the same content; nothing that differs is dropped. */
class EmailDuplicateTest {
  private static final Principal SYSTEM = Principal.system("test");

  private final Fixtures f = newFixtures();

  /** The one place that builds the helpdesk and intake under test. */
  private static Fixtures newFixtures() {
    return new Fixtures();
  }

  private static String mail(String from, String idHeader, String trace, String body) {
    return trace + "From: " + from + "\nTo: support@help.example.com\nSubject: Printer\nDate: Mon, 5 Jan 2026 09:00:00 +0000\n"
        + idHeader + "\n\n" + body + "\n";
  }

  private boolean stored(IntakeResult r, String body) {
    List<Entry> c = f.helpdesk.tickets().conversation(SYSTEM, r.ticket());
    return c.stream().anyMatch(e -> e.body().contains(body));
  }

  @ParameterizedTest(name = "Message-ID: {0}")
  @ValueSource(strings = {"<>", "<@>", "@", "x", "<x>", "<a@>", "<@b>", "< >", "", "<.@.>", "<-@->", "<a@[>", "<a@b@c>",
      "<sha256-00@intake.invalid>"})
  @DisplayName("different messages with a degenerate Message-ID are all kept; an identical copy is a duplicate")
  void degenerateIds(String id) {
    String header = "Message-ID: " + id;
    IntakeResult first = f.receive(mail("ann@example.org", header, "", "first text"));
    IntakeResult second = f.receive(mail("bob@example.org", header, "", "second text"));
    IntakeResult third = f.receive(mail("ann@example.org", header, "", "third text"));
    for (IntakeResult r : List.of(first, second, third)) {
      assertThat(r.status()).as(id).isEqualTo(Status.CREATED);
      assertThat(r.messageId()).endsWith("@intake.invalid").isNotEqualTo(id);
    }
    assertThat(List.of(first.messageId(), second.messageId(), third.messageId())).doesNotHaveDuplicates();
    assertThat(stored(first, "first text")).isTrue();
    assertThat(stored(second, "second text")).isTrue();
    assertThat(stored(third, "third text")).isTrue();
    IntakeResult again = f.receive(mail("bob@example.org", header, "", "second text"));
    assertThat(again.status()).isEqualTo(Status.DUPLICATE);
    assertThat(again.ticket()).isEqualTo(second.ticket());
  }

  @Test
  @DisplayName("a different message reusing another message's well-formed id is kept, by any sender")
  void reusedId() {
    IntakeResult ann = f.receive(mail("ann@example.org", "Message-ID: <m1@example.org>", "", "printer on fire"));
    IntakeResult annAgain = f.receive(mail("ann@example.org", "Message-ID: <m1@example.org>", "", "printer still on fire"));
    IntakeResult mallory = f.receive(mail("mallory@evil.example", "Message-ID: <m1@example.org>", "", "hostile text"));
    assertThat(annAgain.status()).isEqualTo(Status.APPENDED);
    assertThat(annAgain.ticket()).isEqualTo(ann.ticket());
    assertThat(mallory.status()).isEqualTo(Status.CREATED);
    assertThat(stored(annAgain, "printer still on fire")).isTrue();
    assertThat(stored(mallory, "hostile text")).isTrue();
    assertThat(mallory.ticket()).isNotEqualTo(ann.ticket());
    // the original id still threads replies to the first message
    IntakeResult reply = f.receive(mail("ann@example.org", "Message-ID: <m2@example.org>\nIn-Reply-To: <m1@example.org>", "", "any news?"));
    assertThat(reply.ticket()).isEqualTo(ann.ticket());
  }

  @Test
  @DisplayName("the same message delivered twice by different routes (other trace headers) is a duplicate")
  void sameMessageOtherRoute() {
    String header = "Message-ID: <route@example.org>";
    IntakeResult a = f.receive(mail("ann@example.org", header, "Received: from a.example by mx1\nReturn-Path: <ann@example.org>\n", "hello"));
    IntakeResult b = f.receive(mail("ann@example.org", header, "Received: from b.example by mx2\nDelivered-To: support@help.example.com\n", "hello"));
    assertThat(a.status()).isEqualTo(Status.CREATED);
    assertThat(b.status()).isEqualTo(Status.DUPLICATE);
    assertThat(b.ticket()).isEqualTo(a.ticket());
    assertThat(f.helpdesk.tickets().conversation(SYSTEM, a.ticket())).hasSize(1);
    // but a changed body or subject is a different message
    IntakeResult c = f.receive(mail("ann@example.org", header, "", "hello!"));
    assertThat(c.status()).isNotEqualTo(Status.DUPLICATE);
  }

  @Test
  @DisplayName("degenerate ids in In-Reply-To and References join nothing")
  void degenerateReferences() {
    IntakeResult ann = f.receive(mail("ann@example.org", "Message-ID: <@>", "", "one"));
    IntakeResult other = f.receive(mail("ann@example.org", "Message-ID: <o@example.org>\nIn-Reply-To: <@>\nReferences: <@> <x>", "", "two"));
    IntakeResult third = f.receive(mail("ann@example.org", "Message-ID: <p@example.org>\nIn-Reply-To: <x>\nReferences: <@> <x>", "", "three"));
    assertThat(List.of(ann.ticket(), other.ticket(), third.ticket())).doesNotHaveDuplicates();
  }
}
