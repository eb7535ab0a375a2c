package dev.frontline.helpdesk.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.email.IntakeResult.Flag;
import dev.frontline.helpdesk.email.IntakeResult.Status;
import dev.frontline.helpdesk.email.IntakeResult.ThreadedBy;
import dev.frontline.helpdesk.ticket.Attachment;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.Ticket;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class EmailIntakeTest {
  private static final Principal SYSTEM = Principal.system("test");

  private final Fixtures f = new Fixtures();

  static String mail(String from, String messageId, String extraHeaders, String body) {
    return "From: " + from + "\nTo: support@help.example.com\nSubject: Printer on fire\nDate: Mon, 5 Jan 2026 09:00:00 +0000\n"
        + "Message-ID: <" + messageId + ">\n" + extraHeaders + "\n" + body;
  }

  List<Entry> conversation(IntakeResult r) {
    return f.helpdesk.tickets().conversation(SYSTEM, r.ticket());
  }

  @Nested
  @DisplayName("MIME parsing")
  class Parsing {
    @Test
    @DisplayName("decodes quoted-printable ISO-8859-1 text and encoded-word subjects")
    void quotedPrintable() {
      IntakeResult r = f.receive("From: =?ISO-8859-1?Q?J=F6rg_M=FCller?= <jorg@example.org>\nSubject: =?UTF-8?B?R3LDvMOfZQ==?=\n"
          + "Message-ID: <qp@example.org>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=ISO-8859-1\n"
          + "Content-Transfer-Encoding: quoted-printable\n\nGr=FC=DFe aus K=F6ln, =\nsoft break\n");
      assertThat(r.status()).isEqualTo(Status.CREATED);
      Ticket t = f.helpdesk.tickets().get(SYSTEM, r.ticket());
      assertThat(t.subject()).isEqualTo("Grüße");
      assertThat(conversation(r).get(0).body()).isEqualTo("Grüße aus Köln, soft break");
      assertThat(f.helpdesk.directory().findCustomerByEmail("jorg@example.org").orElseThrow().name()).isEqualTo("Jörg Müller");
    }

    @Test
    @DisplayName("decodes base64 UTF-8 and keeps attachments, plus the original as original.eml")
    void base64AndAttachments() {
      String raw = "From: a@example.org\nMessage-ID: <b64@example.org>\nSubject: files\nMIME-Version: 1.0\n"
          + "Content-Type: multipart/mixed; boundary=XX\n\n--XX\nContent-Type: text/plain; charset=utf-8\n"
          + "Content-Transfer-Encoding: base64\n\n" + b64("Привет, мир") + "\n--XX\n"
          + "Content-Type: application/pdf; name=\"report.pdf\"\nContent-Disposition: attachment; filename=\"../../etc/report.pdf\"\n"
          + "Content-Transfer-Encoding: base64\n\n" + b64("%PDF-1.4 fake") + "\n--XX--\n";
      IntakeResult r = f.receive(raw);
      Entry e = conversation(r).get(0);
      assertThat(e.body()).isEqualTo("Привет, мир");
      assertThat(e.attachments()).extracting(Attachment::fileName).containsExactly("report.pdf", "original.eml");
      Attachment pdf = e.attachments().get(0);
      assertThat(new String(f.helpdesk.tickets().attachment(SYSTEM, r.ticket(), pdf.id()).content(), StandardCharsets.UTF_8))
          .isEqualTo("%PDF-1.4 fake");
      Attachment original = e.attachments().get(1);
      assertThat(f.helpdesk.tickets().attachment(SYSTEM, r.ticket(), original.id()).content())
          .isEqualTo(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("prefers text/plain in multipart/alternative")
    void alternativePrefersPlain() {
      IntakeResult r = f.receive("From: a@example.org\nMessage-ID: <alt@example.org>\nContent-Type: multipart/alternative; boundary=B\n\n"
          + "--B\nContent-Type: text/plain\n\nplain words\n--B\nContent-Type: text/html\n\n<p>html words</p>\n--B--\n");
      assertThat(conversation(r).get(0).body()).isEqualTo("plain words");
      assertThat(r.has(Flag.HTML_BODY)).isFalse();
    }

    @Test
    @DisplayName("falls back to HTML as text: tags, scripts and styles dropped, entities decoded")
    void htmlFallback() {
      IntakeResult r = f.receive("From: a@example.org\nMessage-ID: <html@example.org>\nContent-Type: multipart/alternative; boundary=B\n\n"
          + "--B\nContent-Type: text/html; charset=utf-8\n\n<html><head><style>p{color:red}</style><title>t</title></head>"
          + "<body><script>alert('x')</script><p>Hello &amp; <b>welcome</b>&#33;</p><img src=x onerror=alert(1)>"
          + "<ul><li>one</li><li>two</li></ul>1 &lt; 2</body></html>\n--B--\n");
      String body = conversation(r).get(0).body();
      assertThat(body).isEqualTo("Hello & welcome!\n\n- one\n- two\n1 < 2");
      assertThat(r.has(Flag.HTML_BODY)).isTrue();
    }

    @Test
    @DisplayName("an empty body is stored as a placeholder, never rejected")
    void emptyBody() {
      IntakeResult r = f.receive("From: a@example.org\nMessage-ID: <empty@example.org>\n\n");
      assertThat(r.status()).isEqualTo(Status.CREATED);
      assertThat(conversation(r).get(0).body()).isEqualTo("(no text)");
      assertThat(f.helpdesk.tickets().get(SYSTEM, r.ticket()).subject()).isEqualTo("(no subject)");
    }

    @Test
    @DisplayName("CR/LF smuggled into the subject through encoded words never reaches a header-like value")
    void encodedCrLfInSubject() {
      IntakeResult r = f.receive("From: \"Eve=?utf-8?Q?=0D=0ABcc:_x@evil?=\" <eve@example.org>\nSubject: =?utf-8?Q?hi=0D=0ABcc:_victim@example.org?=\n"
          + "Message-ID: <crlf@example.org>\n\nbody\n");
      Ticket t = f.helpdesk.tickets().get(SYSTEM, r.ticket());
      assertThat(t.subject()).doesNotContain("\r", "\n").isEqualTo("hi Bcc: victim@example.org");
      assertThat(f.helpdesk.directory().findCustomerByEmail("eve@example.org").orElseThrow().name()).doesNotContain("\r", "\n");
      assertThat(f.intake.subjectFor(t)).startsWith("[" + t.key() + "] ").doesNotContain("\r", "\n");
    }
  }

  @Nested
  @DisplayName("threading")
  class Threading {
    @Test
    @DisplayName("a reply naming an earlier message in In-Reply-To joins its ticket, as the customer, quotes stripped")
    void inReplyTo() {
      IntakeResult first = f.receive(mail("Ann <ann@example.org>", "1@example.org", "", "It burns.\n"));
      IntakeResult reply = f.receive(mail("ann@EXAMPLE.org", "2@example.org", "In-Reply-To: <1@example.org>\n",
          "Still burning.\n\nOn Mon, 5 Jan 2026, Support wrote:\n> Have you tried turning it off?\n> \n\n-- \nAnn, Accounting\n"));
      assertThat(reply.status()).isEqualTo(Status.APPENDED);
      assertThat(reply.threadedBy()).isEqualTo(ThreadedBy.REFERENCES);
      assertThat(reply.ticket()).isEqualTo(first.ticket());
      assertThat(reply.customer()).isEqualTo(first.customer());
      Entry e = conversation(reply).get(1);
      assertThat(e.body()).isEqualTo("Still burning.");
      assertThat(e.author()).isEqualTo(new Author(Author.Kind.CUSTOMER, "customer:" + first.customer().value()));
      assertThat(reply.has(Flag.QUOTES_STRIPPED)).isTrue();
    }

    @Test
    @DisplayName("a reply whose parent never arrived joins the thread of any known id in References")
    void missingParent() {
      IntakeResult root = f.receive(mail("ann@example.org", "root@example.org", "", "root"));
      IntakeResult r = f.receive(mail("bob@example.org", "c2@example.org",
          "In-Reply-To: <lost@example.org>\nReferences: <root@example.org> <lost@example.org>\n", "reply to a lost message"));
      assertThat(r.ticket()).isEqualTo(root.ticket());
      // another participant (not the requester) is recorded by the intake, naming the sender
      Entry e = conversation(r).get(1);
      assertThat(e.author().kind()).isEqualTo(Author.Kind.SYSTEM);
      assertThat(e.body()).startsWith("From: bob <bob@example.org>\n\nreply to a lost message");
      // the lost parent arrives later: it joins the same ticket
      IntakeResult lost = f.receive(mail("carl@example.org", "lost@example.org", "", "late parent"));
      assertThat(lost.ticket()).isEqualTo(root.ticket());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    @DisplayName("self references and reference cycles do not hang")
    void loops() {
      IntakeResult a = f.receive(mail("ann@example.org", "a@x", "In-Reply-To: <b@x>\nReferences: <a@x> <b@x> <a@x>\n", "a"));
      IntakeResult b = f.receive(mail("ann@example.org", "b@x", "In-Reply-To: <a@x>\nReferences: <b@x> <a@x>\n", "b"));
      assertThat(b.ticket()).isEqualTo(a.ticket());
      assertThat(f.helpdesk.tickets().conversation(SYSTEM, a.ticket())).hasSize(2);
    }

    @Test
    @DisplayName("a second message with the same Message-ID is a duplicate and is not added again")
    void duplicates() {
      String m = mail("ann@example.org", "dup@example.org", "", "once");
      IntakeResult first = f.receive(m);
      IntakeResult second = f.receive(m.replace("once", "once (resent)"));
      assertThat(second.status()).isEqualTo(Status.DUPLICATE);
      assertThat(second.ticket()).isEqualTo(first.ticket());
      assertThat(second.ticketKey()).isEqualTo(first.ticketKey());
      assertThat(conversation(first)).hasSize(1);
    }

    @Test
    @DisplayName("a reply to our signed Message-ID joins the ticket")
    void ownMessageId() {
      IntakeResult first = f.receive(mail("ann@example.org", "o1@example.org", "", "hello"));
      String ours = f.intake.messageIdFor(first.ticket());
      assertThat(ours).matches("<ticket-[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+@help\\.example\\.com>");
      assertThat(f.intake.messageIdFor(first.ticket())).isNotEqualTo(ours);
      assertThat(f.intake.verifyMessageId(ours)).contains(first.ticket());
      IntakeResult reply = f.receive(mail("ann@example.org", "o2@example.org", "In-Reply-To: " + ours + "\n", "thanks"));
      assertThat(reply.threadedBy()).isEqualTo(ThreadedBy.OWN_MESSAGE_ID);
      assertThat(reply.ticket()).isEqualTo(first.ticket());
      assertThat(reply.mayAutoRespond()).isTrue();
    }

    @Test
    @DisplayName("a tampered Message-ID token is ignored: new ticket, flagged, no auto-response")
    void forgedMessageId() {
      IntakeResult victim = f.receive(mail("ann@example.org", "v1@example.org", "", "private"));
      String ours = f.intake.messageIdFor(victim.ticket());
      String otherTicket = f.intake.messageIdFor(dev.frontline.helpdesk.ticket.TicketId.of("other-ticket"));
      // splice: another ticket's token with this ticket's signature
      String forged = otherTicket.substring(0, otherTicket.indexOf('.')) + ours.substring(ours.indexOf('.'));
      assertThat(f.intake.verifyMessageId(forged)).isEmpty();
      IntakeResult r = f.receive(mail("mallory@example.org", "v2@example.org", "In-Reply-To: " + forged + "\n", "let me in"));
      assertThat(r.status()).isEqualTo(Status.CREATED);
      assertThat(r.ticket()).isNotEqualTo(victim.ticket());
      assertThat(r.has(Flag.FORGED_TOKEN)).isTrue();
      assertThat(r.mayAutoRespond()).isFalse();
      String badSig = ours.replaceFirst("\\.[A-Za-z0-9_-]+@", ".AAAAAAAAAAAAAAAAAAAAAA@");
      IntakeResult r2 = f.receive(mail("ann@example.org", "v3@example.org", "References: " + badSig + "\n", "again"));
      assertThat(r2.ticket()).isNotEqualTo(victim.ticket());
      assertThat(r2.has(Flag.FORGED_TOKEN)).isTrue();
    }

    @Test
    @DisplayName("a signed reply address threads; a tampered one opens a new ticket")
    void replyAddress() {
      IntakeResult first = f.receive(mail("ann@example.org", "r1@example.org", "", "hello"));
      String addr = f.intake.replyAddressFor(first.ticket());
      assertThat(addr).startsWith("support+").endsWith("@help.example.com");
      String m = "From: ann@example.org\nTo: " + addr + "\nMessage-ID: <r2@example.org>\nSubject: x\n\nvia reply address\n";
      IntakeResult r = f.receive(m);
      assertThat(r.threadedBy()).isEqualTo(ThreadedBy.REPLY_ADDRESS);
      assertThat(r.ticket()).isEqualTo(first.ticket());
      String tampered = addr.replaceFirst("\\.[A-Za-z0-9_-]{4}", ".AAAA");
      IntakeResult r3 = f.receive(m.replace(addr, tampered).replace("r2@", "r3@"));
      assertThat(r3.status()).isEqualTo(Status.CREATED);
      assertThat(r3.has(Flag.FORGED_TOKEN)).isTrue();
    }

    @Test
    @DisplayName("a subject tag threads for the requester but not for a stranger")
    void subjectTag() {
      IntakeResult first = f.receive(mail("ann@example.org", "s1@example.org", "", "hello"));
      String tag = "[" + first.ticketKey() + "]";
      IntakeResult stranger = f.receive("From: mallory@example.org\nMessage-ID: <s2@example.org>\nSubject: Re: " + tag + " hi\n\nadd me\n");
      assertThat(stranger.status()).isEqualTo(Status.CREATED);
      assertThat(stranger.ticket()).isNotEqualTo(first.ticket());
      assertThat(stranger.has(Flag.SUBJECT_TAG_IGNORED)).isTrue();
      assertThat(conversation(first)).hasSize(1);
      IntakeResult requester = f.receive("From: Ann <ANN@example.org>\nMessage-ID: <s3@example.org>\nSubject: Re: " + tag + " hi\n\nme again\n");
      assertThat(requester.threadedBy()).isEqualTo(ThreadedBy.SUBJECT_TAG);
      assertThat(requester.ticket()).isEqualTo(first.ticket());
      // someone who already wrote into the thread is a participant too
      f.receive(mail("bob@example.org", "s4@example.org", "In-Reply-To: <s1@example.org>\n", "cc reply"));
      IntakeResult bob = f.receive("From: bob@example.org\nMessage-ID: <s5@example.org>\nSubject: " + tag + "\n\nby tag\n");
      assertThat(bob.threadedBy()).isEqualTo(ThreadedBy.SUBJECT_TAG);
    }

    @Test
    @DisplayName("auto-replies and list mail are stored but flagged so nothing auto-responds")
    void autoReplies() {
      IntakeResult auto = f.receive(mail("ann@example.org", "ar@example.org", "Auto-Submitted: auto-replied\n", "I am on holiday"));
      assertThat(auto.status()).isEqualTo(Status.CREATED);
      assertThat(auto.has(Flag.AUTO_SUBMITTED)).isTrue();
      assertThat(auto.mayAutoRespond()).isFalse();
      IntakeResult list = f.receive(mail("bob@example.org", "list@example.org", "Precedence: list\nList-Id: <dev.lists.example.org>\n", "digest"));
      assertThat(list.has(Flag.BULK)).isTrue();
      assertThat(list.mayAutoRespond()).isFalse();
      IntakeResult normal = f.receive(mail("carl@example.org", "n@example.org", "Auto-Submitted: no\n", "human"));
      assertThat(normal.mayAutoRespond()).isTrue();
    }

    @Test
    @DisplayName("our own notification coming back is quarantined as a loop")
    void ownMailLoop() {
      IntakeResult first = f.receive(mail("ann@example.org", "l1@example.org", "", "hello"));
      String ours = f.intake.messageIdFor(first.ticket());
      IntakeResult r = f.receive("From: support@help.example.com\nMessage-ID: " + ours + "\nSubject: x\n\nnotification\n");
      assertThat(r.status()).isEqualTo(Status.QUARANTINED);
      assertThat(r.has(Flag.LOOP)).isTrue();
      assertThat(conversation(first)).hasSize(1);
    }

    @Test
    @DisplayName("self-created customers are plain customers, found again by address")
    void customers() {
      IntakeResult a = f.receive(mail("Ann <ann@example.org>", "c1@example.org", "", "one"));
      IntakeResult b = f.receive(mail("ANN@example.org", "c2@example.org", "", "two"));
      assertThat(b.customer()).isEqualTo(a.customer());
      var c = f.helpdesk.directory().findCustomer(a.customer()).orElseThrow();
      assertThat(c.organization()).isNull();
      assertThat(c.seesOrganizationTickets()).isFalse();
      assertThat(f.helpdesk.tickets().find(Principal.customer(a.customer()), b.ticket())).isPresent();
    }
  }

  @Nested
  @DisplayName("limits and malformed input")
  class Limits {
    @Test
    @DisplayName("deeply nested multiparts are quarantined with the raw bytes kept")
    void deepNesting() {
      StringBuilder m = new StringBuilder("From: a@example.org\nMessage-ID: <deep@example.org>\nContent-Type: multipart/mixed; boundary=b0\n\n");
      int depth = 200;
      for (int i = 1; i < depth; i++) {
        m.append("--b").append(i - 1).append("\nContent-Type: multipart/mixed; boundary=b").append(i).append("\n\n");
      }
      m.append("--b").append(depth - 1).append("\nContent-Type: text/plain\n\ndeep\n");
      for (int i = depth - 1; i >= 0; i--) {
        m.append("--b").append(i).append("--\n");
      }
      byte[] raw = m.toString().getBytes(StandardCharsets.UTF_8);
      IntakeResult r = f.intake.receive(raw);
      assertThat(r.status()).isEqualTo(Status.QUARANTINED);
      assertThat(r.notes().get(0)).contains("nesting");
      assertThat(f.helpdesk.blobStore().get(r.quarantineBlobKey())).hasValueSatisfying(b -> assertThat(b).isEqualTo(raw));
    }

    @Test
    @DisplayName("too many parts, too many header fields and oversized messages are quarantined")
    void otherLimits() {
      Fixtures small = new Fixtures(new EmailLimits(4096, 1024, 20, 3, 5));
      StringBuilder parts = new StringBuilder("From: a@example.org\nContent-Type: multipart/mixed; boundary=B\n\n");
      for (int i = 0; i < 10; i++) {
        parts.append("--B\nContent-Type: text/plain\n\np").append(i).append('\n');
      }
      parts.append("--B--\n");
      assertThat(small.receive(parts.toString()).notes().get(0)).contains("body parts");
      StringBuilder headers = new StringBuilder("From: a@example.org\n");
      for (int i = 0; i < 30; i++) {
        headers.append("X-H").append(i).append(": v\n");
      }
      assertThat(small.receive(headers + "\nbody").notes().get(0)).contains("header fields");
      assertThat(small.receive("From: a@example.org\nX-Big: " + "x".repeat(2000) + "\n\nbody").notes().get(0)).contains("header block");
      IntakeResult huge = small.receive("From: a@example.org\n\n" + "y".repeat(10_000));
      assertThat(huge.status()).isEqualTo(Status.QUARANTINED);
      IntakeResult stream = small.intake.receive(new ByteArrayInputStream(new byte[100_000]));
      assertThat(stream.status()).isEqualTo(Status.QUARANTINED);
      assertThat(small.helpdesk.blobStore().get(stream.quarantineBlobKey()).orElseThrow()).hasSize(4096);
    }

    @Test
    @DisplayName("garbage and messages without a sender are quarantined, never thrown")
    void garbage() {
      assertThat(f.intake.receive(new byte[0]).status()).isEqualTo(Status.QUARANTINED);
      assertThat(f.intake.receive(new byte[] {0, 1, 2, (byte) 0xff, '\n', '\n', 3}).status()).isEqualTo(Status.QUARANTINED);
      assertThat(f.receive("Subject: no sender\n\nhello").notes()).containsExactly("no usable From address");
      assertThat(f.receive("From: not an address\n\nhello").status()).isEqualTo(Status.QUARANTINED);
      IntakeResult broken = f.receive("From: a@example.org\nContent-Type: multipart/mixed; boundary=\"never\"\n"
          + "Content-Transfer-Encoding: base64\n\n!!!not base64 and no boundary\u0000\n");
      assertThat(broken.status()).isIn(Status.CREATED, Status.QUARANTINED);
    }
  }

  @Nested
  @DisplayName("generated header values")
  class HeaderValues {
    @Test
    @DisplayName("CR/LF is rejected in every configured or generated header value")
    void crlf() {
      var b = EmailIntake.builder(f.helpdesk);
      assertThatThrownBy(() -> b.domain("help.example.com\r\nBcc: x@evil")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> b.replyLocalPart("support\nBcc")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> b.secret(new byte[8])).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> EmailHeaders.requireSafe("Subject", "a\r\nBcc: x")).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> EmailHeaders.requireSafe("Subject", "a\u2028b")).isInstanceOf(ValidationException.class);
      assertThat(EmailHeaders.requireSafe("Subject", "fine")).isEqualTo("fine");
      assertThatThrownBy(() -> EmailIntake.builder(f.helpdesk).build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("dates are read leniently")
    void dates() {
      assertThat(EmailHeaders.date("Date: Thu, 16 Jun 2016 22:14:41 -0400\n\nx".getBytes(StandardCharsets.UTF_8)))
          .hasValue(java.time.Instant.parse("2016-06-17T02:14:41Z"));
      assertThat(EmailHeaders.date("Date: yesterday\n\nx".getBytes(StandardCharsets.UTF_8))).isEmpty();
      assertThat(EmailHeaders.date(new byte[0])).isEmpty();
    }
  }

  @Test
  @DisplayName("a reply to a closed ticket opens a follow-up")
  void closedTicket() {
    IntakeResult first = f.receive(mail("ann@example.org", "z1@example.org", "", "hello"));
    Ticket t = f.helpdesk.tickets().get(SYSTEM, first.ticket());
    t = f.helpdesk.tickets().transition(SYSTEM, t.id(), t.version(), dev.frontline.helpdesk.ticket.TicketState.SOLVED);
    f.helpdesk.tickets().transition(SYSTEM, t.id(), t.version(), dev.frontline.helpdesk.ticket.TicketState.CLOSED);
    IntakeResult r = f.receive(mail("ann@example.org", "z2@example.org", "In-Reply-To: <z1@example.org>\n", "again"));
    assertThat(r.status()).isEqualTo(Status.APPENDED);
    assertThat(r.ticket()).isNotEqualTo(first.ticket());
  }

  static String b64(String s) {
    return java.util.Base64.getMimeEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
