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
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    @DisplayName("a new sender's Content-Language becomes the customer's locale and the ticket's locale field")
    void contentLanguage() {
      IntakeResult r = f.receive("From: Mette <mette@example.dk>\nSubject: Faktura\nMessage-ID: <cl@example.dk>\n"
          + "Content-Language: da-DK, en\n\nHvor er min faktura?\n");
      assertThat(f.helpdesk.directory().findCustomerByEmail("mette@example.dk").orElseThrow().locale())
          .isEqualTo(java.util.Locale.forLanguageTag("da-DK"));
      assertThat(f.helpdesk.tickets().get(SYSTEM, r.ticket()).fields())
          .containsEntry(Ticket.LOCALE_FIELD, dev.frontline.helpdesk.ticket.FieldValue.text("da-DK"));
      // garbage or absent headers give no locale; a known customer keeps theirs
      f.receive("From: x@example.org\nSubject: s\nMessage-ID: <cl2@example.org>\nContent-Language: <script>\n\nhi\n");
      assertThat(f.helpdesk.directory().findCustomerByEmail("x@example.org").orElseThrow().locale()).isNull();
      f.receive("From: Mette <mette@example.dk>\nSubject: Other\nMessage-ID: <cl3@example.dk>\nContent-Language: en\n\nHi\n");
      assertThat(f.helpdesk.directory().findCustomerByEmail("mette@example.dk").orElseThrow().locale())
          .isEqualTo(java.util.Locale.forLanguageTag("da-DK"));
      assertThat(EmailIntake.languageOf(java.util.List.of("und, x-klingon, hu"))).isEqualTo(java.util.Locale.forLanguageTag("hu"));
      assertThat(EmailIntake.languageOf(java.util.List.of())).isNull();
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
    @DisplayName("an HTML-only reply loses the Gmail quote before conversion; the raw message is kept whole")
    void htmlReplyGmail() {
      IntakeResult first = f.receive(mail("ann@example.org", "h1@example.org", "", "It burns."));
      String raw = mail("ann@example.org", "h2@example.org", "In-Reply-To: <h1@example.org>\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n",
          "<div dir=\"ltr\">It stopped burning.</div><br><div class=\"gmail_quote\"><div class=\"gmail_attr\">On Mon, Jan 5, 2026 at 10:00 AM"
              + " Support &lt;support@help.example.com&gt; wrote:<br></div><blockquote class=\"gmail_quote\">Have you tried water?</blockquote></div>\n");
      IntakeResult r = f.receive(raw);
      assertThat(r.status()).isEqualTo(Status.APPENDED);
      assertThat(r.flags()).contains(Flag.HTML_BODY, Flag.QUOTES_STRIPPED);
      Entry e = conversation(r).get(1);
      assertThat(e.body()).isEqualTo("It stopped burning.");
      Attachment original = e.attachments().get(e.attachments().size() - 1);
      assertThat(original.fileName()).isEqualTo("original.eml");
      assertThat(f.helpdesk.tickets().attachment(SYSTEM, r.ticket(), original.id()).content()).isEqualTo(Fixtures.bytes(raw));
      assertThat(first.ticket()).isEqualTo(r.ticket());
    }

    @Test
    @DisplayName("an HTML-only Outlook reply loses the quoted message after its header block; a bare blockquote is dropped too")
    void htmlReplyOutlook() {
      f.receive(mail("ann@example.org", "ho1@example.org", "", "It burns."));
      IntakeResult r = f.receive(mail("ann@example.org", "ho2@example.org", "In-Reply-To: <ho1@example.org>\nContent-Type: text/html\n",
          "<html><body><div>Fixed, thanks.</div><hr><div id=\"divRplyFwdMsg\" dir=\"ltr\"><b>From:</b> Support<br><b>Sent:</b> Monday<br>"
              + "<b>Subject:</b> RE: Printer on fire</div><div>Have you tried water?</div></body></html>\n"));
      assertThat(conversation(r).get(1).body()).isEqualTo("Fixed, thanks.");
      // a bare blockquote, with no attribution or header block a text rule could find
      IntakeResult bare = f.receive(mail("ann@example.org", "ho3@example.org", "In-Reply-To: <ho1@example.org>\nContent-Type: text/html\n",
          "<div>Yes, done.</div><blockquote type=\"cite\"><div>Have you tried water?</div></blockquote>\n"));
      assertThat(conversation(bare).get(2).body()).isEqualTo("Yes, done.");
    }

    @Test
    @DisplayName("quotes are cut from replies only: an HTML-only reply that is all quote, and a new ticket with a quote, keep their text")
    void htmlQuotesKeptWhenNothingElse() {
      f.receive(mail("ann@example.org", "hq1@example.org", "", "It burns."));
      IntakeResult allQuote = f.receive(mail("ann@example.org", "hq2@example.org", "In-Reply-To: <hq1@example.org>\nContent-Type: text/html\n",
          "<blockquote>Have you tried water?</blockquote>\n"));
      assertThat(conversation(allQuote).get(1).body()).isEqualTo("Have you tried water?");
      assertThat(allQuote.has(Flag.QUOTES_STRIPPED)).isFalse();
      IntakeResult fresh = f.receive(mail("bob@example.org", "hq3@example.org", "Content-Type: text/html\n",
          "<p>See the error my colleague got:</p><blockquote>Error 42</blockquote>\n"));
      assertThat(conversation(fresh).get(0).body()).isEqualTo("See the error my colleague got:\n\nError 42");
    }

    @Test
    @DisplayName("a plain-text reply loses a Danish Outlook header block and the unquoted message below it")
    void outlookBlockInReply() {
      f.receive(mail("ann@example.org", "ob1@example.org", "", "Printeren brænder."));
      IntakeResult r = f.receive(mail("ann@example.org", "ob2@example.org", "In-Reply-To: <ob1@example.org>\n",
          "Tak, det virker nu.\n\nFra: Support <support@help.example.com>\nSendt: 5. januar 2026 10:00\nTil: Ann\nEmne: SV: Printer\n\n"
              + "Har du prøvet at slukke den?\n"));
      assertThat(conversation(r).get(1).body()).isEqualTo("Tak, det virker nu.");
      assertThat(r.has(Flag.QUOTES_STRIPPED)).isTrue();
    }

    @Test
    @DisplayName("a reply whose parent never arrived joins the thread of any known id in References")
    void missingParent() {
      IntakeResult root = f.receive(mail("ann@example.org", "root@example.org", "", "root"));
      IntakeResult r = f.receive(mail("ann@example.org", "c2@example.org",
          "In-Reply-To: <lost@example.org>\nReferences: <root@example.org> <lost@example.org>\n", "reply to a lost message"));
      assertThat(r.ticket()).isEqualTo(root.ticket());
      Entry e = conversation(r).get(1);
      assertThat(e.author().kind()).isEqualTo(Author.Kind.CUSTOMER);
      assertThat(e.body()).isEqualTo("reply to a lost message");
      // the lost parent arrives later: it joins the same ticket
      IntakeResult lost = f.receive(mail("ann@example.org", "lost@example.org", "", "late parent"));
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
    @DisplayName("the same message again (same Message-ID and content, other trace headers) is a duplicate and is not added again")
    void duplicates() {
      String m = mail("ann@example.org", "dup@example.org", "", "once");
      IntakeResult first = f.receive(m);
      IntakeResult second = f.receive("Received: from relay.example by mx.example\n" + m);
      assertThat(second.status()).isEqualTo(Status.DUPLICATE);
      assertThat(second.ticket()).isEqualTo(first.ticket());
      assertThat(second.ticketKey()).isEqualTo(first.ticketKey());
      assertThat(conversation(first)).hasSize(1);
      // a different text under the same id is not a duplicate: it is kept (the requester's changed
      // copy joins the ticket)
      IntakeResult changed = f.receive(m.replace("once", "once (changed)"));
      assertThat(changed.status()).isEqualTo(Status.APPENDED);
      assertThat(conversation(first)).extracting(Entry::body).containsExactly("once", "once (changed)");
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
      // naming a message of the thread does not make a stranger a participant either
      IntakeResult cc = f.receive(mail("bob@example.org", "s4@example.org", "In-Reply-To: <s1@example.org>\n", "cc reply"));
      assertThat(cc.ticket()).isNotEqualTo(first.ticket());
      IntakeResult bob = f.receive("From: bob@example.org\nMessage-ID: <s5@example.org>\nSubject: " + tag + "\n\nby tag\n");
      assertThat(bob.threadedBy()).isEqualTo(ThreadedBy.NEW_TICKET);
      assertThat(bob.has(Flag.SUBJECT_TAG_IGNORED)).isTrue();
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
  @DisplayName("mail loops, bounces and automatic mail")
  class Loops {
    @Test
    @DisplayName("an X-Loop header naming our address is a loop: quarantined, kept, nothing added")
    void xLoop() {
      IntakeResult first = f.receive(mail("ann@example.org", "x1@example.org", "", "hello"));
      String raw = mail("ann@example.org", "x2@example.org", "In-Reply-To: <x1@example.org>\nX-Loop: support@HELP.example.com\n", "echo");
      IntakeResult r = f.receive(raw);
      assertThat(r.status()).isEqualTo(Status.QUARANTINED);
      assertThat(r.has(Flag.LOOP)).isTrue();
      assertThat(r.notes()).containsExactly("mail loop: X-Loop names this helpdesk");
      assertThat(r.messageId()).isEqualTo("x2@example.org");
      assertThat(f.stores.blobStore().get(r.quarantineBlobKey())).hasValueSatisfying(b -> assertThat(b).isEqualTo(Fixtures.bytes(raw)));
      assertThat(conversation(first)).hasSize(1);
      // with a display name, among other values, or naming a reply address
      String replyAddress = f.intake.replyAddressFor(first.ticket());
      for (String xLoop : List.of("Help <support@help.example.com>", "owner@lists.example.org, support@help.example.com", replyAddress)) {
        IntakeResult loop = f.receive(mail("bob@example.org", "x-" + xLoop.hashCode() + "@example.org", "X-Loop: " + xLoop + "\n", "echo"));
        assertThat(loop.has(Flag.LOOP)).as(xLoop).isTrue();
        assertThat(loop.status()).as(xLoop).isEqualTo(Status.QUARANTINED);
      }
      // another system's X-Loop is none of our business
      IntakeResult list = f.receive(mail("carl@example.org", "x3@example.org", "X-Loop: owner@bugs.example.org\nX-Loop: support@other.example.com\n", "bug report"));
      assertThat(list.status()).isEqualTo(Status.CREATED);
      assertThat(list.has(Flag.LOOP)).isFalse();
    }

    @Test
    @DisplayName("a delivery status notification is a bounce: quarantined and kept, no customer, no ticket")
    void deliveryStatusNotification() {
      String dsn = "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\nTo: support@help.example.com\n"
          + "Subject: Undelivered Mail Returned to Sender\nMessage-ID: <dsn1@mx.example.org>\nReturn-Path: <>\nMIME-Version: 1.0\n"
          + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"R\"\n\n"
          + "--R\nContent-Type: text/plain\n\nI'm sorry to have to inform you that your message could not be delivered.\n"
          + "--R\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; gone@example.org\n"
          + "Action: failed\nStatus: 5.1.1\n"
          + "--R\nContent-Type: text/rfc822-headers\n\nFrom: support@help.example.com\nTo: gone@example.org\nSubject: [HD-1] hello\n"
          + "--R--\n";
      IntakeResult r = f.receive(dsn);
      assertThat(r.status()).isEqualTo(Status.QUARANTINED);
      assertThat(r.flags()).contains(Flag.BOUNCE, Flag.AUTO_SUBMITTED);
      assertThat(r.notes()).containsExactly("bounce (delivery status notification): not a customer message");
      assertThat(r.mayAutoRespond()).isFalse();
      assertThat(f.stores.blobStore().get(r.quarantineBlobKey())).hasValueSatisfying(b -> assertThat(b).isEqualTo(Fixtures.bytes(dsn)));
      assertThat(f.helpdesk.directory().findCustomerByEmail("mailer-daemon@mx.example.org")).isEmpty();
      // the report type alone is enough, whoever sends it
      IntakeResult report = f.receive(dsn.replace("MAILER-DAEMON@mx.example.org", "mta@mx.example.org").replace("dsn1@", "dsn2@"));
      assertThat(report.flags()).contains(Flag.BOUNCE);
      assertThat(report.status()).isEqualTo(Status.QUARANTINED);
    }

    @Test
    @DisplayName("plain-text bounces are recognised by their sender or by X-Failed-Recipients")
    void plainBounces() {
      IntakeResult daemon = f.receive(mail("Mail Delivery Subsystem <mailer-daemon@mx.example.org>", "b1@example.org", "", "delivery failed"));
      assertThat(daemon.flags()).contains(Flag.BOUNCE, Flag.AUTO_SUBMITTED);
      assertThat(daemon.status()).isEqualTo(Status.QUARANTINED);
      IntakeResult exim = f.receive(mail("mta@mx.example.org", "b2@example.org", "X-Failed-Recipients: gone@example.org\n", "delivery failed"));
      assertThat(exim.flags()).contains(Flag.BOUNCE);
      assertThat(exim.status()).isEqualTo(Status.QUARANTINED);
      IntakeResult postmaster = f.receive(mail("postmaster@example.org", "b3@example.org", "Return-Path: <>\n", "delivery failed"));
      assertThat(postmaster.flags()).contains(Flag.BOUNCE);
      assertThat(postmaster.status()).isEqualTo(Status.QUARANTINED);
      // a person writing from the postmaster address is not a bounce
      IntakeResult human = f.receive(mail("postmaster@example.org", "b4@example.org", "", "Your server is on our block list"));
      assertThat(human.status()).isEqualTo(Status.CREATED);
      assertThat(human.has(Flag.BOUNCE)).isFalse();
      assertThat(human.mayAutoRespond()).isTrue();
    }

    @Test
    @DisplayName("read receipts and other machine reports are stored but flagged as automatic")
    void readReceipt() {
      IntakeResult r = f.receive(mail("ann@example.org", "mdn@example.org",
          "MIME-Version: 1.0\nContent-Type: multipart/report; report-type=disposition-notification; boundary=R\n",
          "--R\nContent-Type: text/plain\n\nYour message was read.\n--R\nContent-Type: message/disposition-notification\n\n"
              + "Disposition: manual-action/MDN-sent-manually; displayed\n--R--\n"));
      assertThat(r.status()).isEqualTo(Status.CREATED);
      assertThat(r.has(Flag.AUTO_SUBMITTED)).isTrue();
      assertThat(r.has(Flag.BOUNCE)).isFalse();
      assertThat(r.mayAutoRespond()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("further auto-reply and bulk headers are flagged")
    @CsvSource(delimiter = '|', value = {
        "X-Autogenerated: Reply | AUTO_SUBMITTED",
        "X-Mail-Autoreply: yes | AUTO_SUBMITTED",
        "X-Precedence: bulk | BULK",
        "X-Precedence: auto_reply | BULK"})
    void moreAutomationHeaders(String header, Flag expected) {
      IntakeResult r = f.receive(mail("ann@example.org", "h-" + header.hashCode() + "@example.org", header + "\n", "automatic"));
      assertThat(r.status()).isEqualTo(Status.CREATED);
      assertThat(r.has(expected)).isTrue();
      assertThat(r.mayAutoRespond()).isFalse();
    }
  }

  @Nested
  @DisplayName("per-sender rate limit")
  class RateLimit {
    private final Fixtures.MutableClock clock = new Fixtures.MutableClock(Fixtures.START);
    private final Fixtures limited = new Fixtures(clock, new SenderRateLimit(3, Duration.ofHours(1)));

    private IntakeResult send(String from, String id, String extra) {
      return limited.receive(mail(from, id, extra, "message " + id));
    }

    @Test
    @DisplayName("messages over the limit within the sliding window are quarantined and kept; the window slides on the helpdesk's clock")
    void slidingWindow() {
      IntakeResult first = send("ann@example.org", "r1@example.org", "");
      clock.advance(Duration.ofMinutes(10));
      assertThat(send("ANN@example.org", "r2@example.org", "In-Reply-To: <r1@example.org>\n").status()).isEqualTo(Status.APPENDED);
      clock.advance(Duration.ofMinutes(10));
      assertThat(send("ann@example.org", "r3@example.org", "").status()).isEqualTo(Status.CREATED);
      clock.advance(Duration.ofMinutes(10));
      String fourth = mail("ann@example.org", "r4@example.org", "In-Reply-To: <r1@example.org>\n", "message r4");
      IntakeResult over = limited.receive(fourth);
      assertThat(over.status()).isEqualTo(Status.QUARANTINED);
      assertThat(over.has(Flag.RATE_LIMITED)).isTrue();
      assertThat(over.mayAutoRespond()).isFalse();
      assertThat(over.messageId()).isEqualTo("r4@example.org");
      assertThat(over.notes()).containsExactly("sender rate limit: ann@example.org already sent 3 messages within PT1H");
      assertThat(limited.stores.blobStore().get(over.quarantineBlobKey())).hasValueSatisfying(b -> assertThat(b).isEqualTo(Fixtures.bytes(fourth)));
      assertThat(limited.helpdesk.tickets().conversation(SYSTEM, first.ticket())).hasSize(2); // the reply over the limit was not added
      // other senders are not affected
      assertThat(send("bob@example.org", "b1@example.org", "").status()).isEqualTo(Status.CREATED);
      // 60 minutes after the first message it leaves the window: one more fits, then the limit holds again
      clock.advance(Duration.ofMinutes(29));
      assertThat(send("ann@example.org", "r5@example.org", "").status()).isEqualTo(Status.QUARANTINED);
      clock.advance(Duration.ofMinutes(1));
      assertThat(send("ann@example.org", "r6@example.org", "").status()).isEqualTo(Status.CREATED);
      assertThat(send("ann@example.org", "r7@example.org", "").has(Flag.RATE_LIMITED)).isTrue();
      // a suppressed message was not recorded: delivered again later it is added, not a duplicate
      clock.advance(Duration.ofHours(1));
      IntakeResult again = limited.receive(fourth);
      assertThat(again.status()).isEqualTo(Status.APPENDED);
      assertThat(again.ticket()).isEqualTo(first.ticket());
    }

    @Test
    @DisplayName("duplicates and quarantined messages do not use up the limit")
    void onlyAddedMessagesCount() {
      String m = mail("ann@example.org", "d1@example.org", "", "once");
      limited.receive(m);
      limited.receive(m);
      limited.receive(m);
      limited.receive("From: ann@example.org\nX-Loop: support@help.example.com\nMessage-ID: <d2@example.org>\n\nloop\n");
      assertThat(send("ann@example.org", "d3@example.org", "").status()).isEqualTo(Status.CREATED);
      assertThat(send("ann@example.org", "d4@example.org", "").status()).isEqualTo(Status.CREATED);
      assertThat(send("ann@example.org", "d5@example.org", "").status()).isEqualTo(Status.QUARANTINED);
    }

    @Test
    @DisplayName("the default is 20 messages per sender per hour; unlimited turns it off")
    void defaults() {
      assertThat(SenderRateLimit.ofDefaults()).isEqualTo(new SenderRateLimit(20, Duration.ofHours(1)));
      for (int i = 0; i < 20; i++) {
        assertThat(f.receive(mail("ann@example.org", "def" + i + "@example.org", "", "n" + i)).status()).isEqualTo(Status.CREATED);
      }
      assertThat(f.receive(mail("ann@example.org", "def20@example.org", "", "n20")).has(Flag.RATE_LIMITED)).isTrue();
      Fixtures open = new Fixtures(Clock.fixed(Fixtures.START, ZoneOffset.UTC), SenderRateLimit.unlimited());
      for (int i = 0; i < 25; i++) {
        assertThat(open.receive(mail("ann@example.org", "u" + i + "@example.org", "", "n" + i)).status()).isEqualTo(Status.CREATED);
      }
    }

    @Test
    @DisplayName("bad limits are rejected when configured")
    void configuration() {
      assertThatThrownBy(() -> new SenderRateLimit(0, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new SenderRateLimit(-5, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new SenderRateLimit(SenderRateLimit.MAX_MESSAGES + 1, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new SenderRateLimit(5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new SenderRateLimit(5, Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new SenderRateLimit(5, Duration.ofDays(8))).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new SenderRateLimit(5, null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> EmailIntake.builder(f.helpdesk, f.stores).senderRateLimit(null)).isInstanceOf(NullPointerException.class);
      assertThat(new SenderRateLimit(1, Duration.ofSeconds(1)).isUnlimited()).isFalse();
      assertThat(SenderRateLimit.unlimited().isUnlimited()).isTrue();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("concurrent deliveries from one sender: exactly the limit is added, every other message is quarantined and kept")
    void concurrentDeliveries() throws Exception {
      Fixtures c = new Fixtures(Clock.fixed(Fixtures.START, ZoneOffset.UTC), new SenderRateLimit(20, Duration.ofHours(1)));
      int threads = 8;
      int each = 10;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      try {
        List<Future<List<IntakeResult>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int thread = t;
          futures.add(pool.submit(() -> {
            start.await();
            List<IntakeResult> out = new ArrayList<>();
            for (int i = 0; i < each; i++) {
              out.add(c.receive(mail("ann@example.org", "c" + thread + "-" + i + "@example.org", "", "flood " + thread + "-" + i)));
            }
            return out;
          }));
        }
        start.countDown();
        List<IntakeResult> all = new ArrayList<>();
        for (Future<List<IntakeResult>> fu : futures) {
          all.addAll(fu.get());
        }
        assertThat(all).hasSize(threads * each);
        assertThat(all).filteredOn(r -> r.status() == Status.CREATED).hasSize(20);
        List<IntakeResult> suppressed = all.stream().filter(r -> r.status() == Status.QUARANTINED).toList();
        assertThat(suppressed).hasSize(threads * each - 20).allMatch(r -> r.has(Flag.RATE_LIMITED));
        assertThat(suppressed).allSatisfy(r -> assertThat(c.stores.blobStore().get(r.quarantineBlobKey())).isPresent());
      } finally {
        pool.shutdownNow();
      }
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
      assertThat(f.stores.blobStore().get(r.quarantineBlobKey())).hasValueSatisfying(b -> assertThat(b).isEqualTo(raw));
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
      assertThat(small.stores.blobStore().get(stream.quarantineBlobKey()).orElseThrow()).hasSize(4096);
    }

    @Test
    @DisplayName("garbage and messages without a sender are quarantined, never thrown")
    void garbage() {
      assertThat(f.intake.receive(new byte[0]).status()).isEqualTo(Status.QUARANTINED);
      assertThat(f.intake.receive(new byte[] {0, 1, 2, (byte) 0xff, '\n', '\n', 3}).status()).isEqualTo(Status.QUARANTINED);
      assertThat(f.receive("Subject: no sender\n\nhello").notes()).containsExactly("no usable From address");
      assertThat(f.receive("From: not an address\n\nhello").status()).isEqualTo(Status.QUARANTINED);
      // a readable sender with an unreadable body: a ticket with a placeholder text and the raw
      // message attached, so an agent can read it; never lost, never thrown
      String brokenMail = "From: a@example.org\nContent-Type: multipart/mixed; boundary=\"never\"\n"
          + "Content-Transfer-Encoding: base64\n\n!!!not base64 and no boundary\u0000\n";
      IntakeResult broken = f.receive(brokenMail);
      assertThat(broken.status()).isEqualTo(Status.CREATED);
      assertThat(broken.threadedBy()).isEqualTo(ThreadedBy.NEW_TICKET);
      assertThat(broken.messageId()).matches("sha256-[0-9a-f]{64}@intake\\.invalid");
      assertThat(broken.quarantineBlobKey()).isNull();
      Entry e = conversation(broken).get(0);
      assertThat(e.body()).isEqualTo("(no text)");
      assertThat(e.attachments()).extracting(Attachment::fileName).containsExactly("original.eml");
      assertThat(f.helpdesk.tickets().attachment(SYSTEM, broken.ticket(), e.attachments().get(0).id()).content())
          .isEqualTo(Fixtures.bytes(brokenMail));
    }
  }

  @Nested
  @DisplayName("generated header values")
  class HeaderValues {
    @Test
    @DisplayName("CR/LF is rejected in every configured or generated header value")
    void crlf() {
      var b = EmailIntake.builder(f.helpdesk, f.stores);
      assertThatThrownBy(() -> b.domain("help.example.com\r\nBcc: x@evil")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> b.replyLocalPart("support\nBcc")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> b.secret(new byte[8])).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> EmailHeaders.requireSafe("Subject", "a\r\nBcc: x")).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> EmailHeaders.requireSafe("Subject", "a\u2028b")).isInstanceOf(ValidationException.class);
      assertThat(EmailHeaders.requireSafe("Subject", "fine")).isEqualTo("fine");
      assertThatThrownBy(() -> EmailIntake.builder(f.helpdesk, f.stores).build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("a subject with line separators, NEL, DEL or C1 controls becomes a ticket whose notification subject can be written")
    void unsafeIncomingSubjects() {
      for (String c : List.of("\u2028", "\u2029", "\u0085", "\u007f", "\u0080", "\u009b", "\u001b", "\t")) {
        String encoded = "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(("Printer" + c + "on fire").getBytes(StandardCharsets.UTF_8)) + "?=";
        IntakeResult r = f.receive("From: ann@example.org\nSubject: " + encoded + "\nMessage-ID: <s-" + (int) c.charAt(0) + "@example.org>\n\nhelp\n");
        assertThat(r.status()).as("U+%04X", (int) c.charAt(0)).isEqualTo(Status.CREATED);
        Ticket t = f.helpdesk.tickets().get(SYSTEM, r.ticket());
        assertThat(dev.frontline.helpdesk.SafeLine.isSafe(t.subject())).isTrue();
        assertThat(f.intake.subjectFor(t)).endsWith("Printer on fire");
      }
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
