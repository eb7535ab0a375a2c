package dev.frontline.helpdesk.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThreadEvalTest {

  private static byte[] msg(String from, String id, String headers) {
    return ("From: " + from + "\nMessage-ID: <" + id + ">\n" + headers + "\nbody\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void pairsAgainstTheHeaders() {
    // conversation 1: a1, b1 (reply), a2 (reply to b1); conversation 2: c1, c2 (share a lost parent)
    List<byte[]> raws = List.of(
        msg("ann@x.org", "a1@x", ""),
        msg("bob@y.org", "b1@y", "In-Reply-To: <a1@x>\n"),
        msg("ann@x.org", "a2@x", "In-Reply-To: <b1@y>\n"),
        msg("cid@z.org", "c1@z", "References: <lost@z>\n"),
        msg("cid@z.org", "c2@z", "In-Reply-To: Message from Cid <cid@z.org> of \"date\" <lost@z>\n"));
    // a threading: {a1, a2}, {b1}, {c1}, {c2}
    List<String> tickets = List.of("T1", "T2", "T1", "T3", "T4");
    ThreadEval.Result r = ThreadEval.evaluate(raws, tickets, "help.invalid", false);
    assertThat(r.messages()).isEqualTo(5);
    assertThat(r.conversations()).isEqualTo(2);
    assertThat(r.conversationPairs()).isEqualTo(3 + 1);
    assertThat(r.ticketPairs()).isEqualTo(1);
    assertThat(r.correctPairs()).isEqualTo(1);
    // permitted: {a1, a2} (Ann is the requester), {c1, c2}; Bob's pairs are not
    assertThat(r.permittedPairs()).isEqualTo(2);
    assertThat(r.permittedCorrect()).isEqualTo(1);
    assertThat(r.precision()).isEqualTo(1.0);
    assertThat(r.recall()).isEqualTo(0.25);
    assertThat(r.permittedRecall()).isEqualTo(0.5);
  }

  @Test
  void wrongPairsLowerPrecisionAndQuarantinedMessagesJoinNothing() {
    List<byte[]> raws = List.of(msg("ann@x.org", "a1@x", ""), msg("bob@y.org", "b1@y", ""), msg("ann@x.org", "a2@x", "References: <a1@x>\n"));
    List<String> tickets = Arrays.asList("T1", "T1", null);
    ThreadEval.Result r = ThreadEval.evaluate(raws, tickets, "help.invalid", false);
    assertThat(r.conversations()).isEqualTo(2);
    assertThat(r.ticketPairs()).isEqualTo(1);
    assertThat(r.correctPairs()).isZero();
    assertThat(r.precision()).isZero();
    assertThat(r.permittedPairs()).isZero();
    assertThat(r.tickets()).isEqualTo(1);
  }

  @Test
  void permittedPairsUseOnlyWhatTheHeadersFedSoFarTell() {
    // Ann answers two lost parents; only a later message tells that they are one conversation
    List<byte[]> raws = List.of(
        msg("ann@x.org", "a1@x", "In-Reply-To: <lost-1@z>\n"),
        msg("ann@x.org", "a2@x", "In-Reply-To: <lost-2@z>\n"),
        msg("bob@y.org", "b1@y", "References: <lost-1@z> <lost-2@z>\n"));
    ThreadEval.Result r = ThreadEval.evaluate(raws, List.of("T1", "T2", "T3"), "help.invalid", false);
    assertThat(r.conversations()).isEqualTo(1);
    assertThat(r.conversationPairs()).isEqualTo(3);
    assertThat(r.permittedPairs()).isZero();
  }

  @Test
  void ccRuleAddsRecipientsButNotListsOrTheHelpdesk() {
    List<byte[]> raws = List.of(
        msg("ann@x.org", "a1@x", "To: list@lists.example, support@help.invalid\nCc: bob@y.org\nList-Post: <mailto:list@lists.example>\n"),
        msg("bob@y.org", "b1@y", "In-Reply-To: <a1@x>\n"),
        msg("list@lists.example", "l1@x", "In-Reply-To: <a1@x>\n"),
        msg("support@help.invalid", "s1@x", "In-Reply-To: <a1@x>\n"));
    List<String> tickets = List.of("T1", "T1", "T2", "T3");
    assertThat(ThreadEval.evaluate(raws, tickets, "help.invalid", true).permittedPairs()).isEqualTo(1);
    assertThat(ThreadEval.evaluate(raws, tickets, "help.invalid", false).permittedPairs()).isZero();
  }

  @Test
  void headersAreUnfoldedAndTheMboxLineSkipped() {
    ThreadEval.Mail m = ThreadEval.read(("From ann@x.org Thu Aug 22 12:36:23 2002\nFrom: \"Ann, A.\" <ANN@x.org>\nMessage-ID:\n <a1@x>\n"
        + "References: <r1@x>\n\t<r2@x>\nIn-Reply-To: r3@x\nCc: b@y.org, \"c@z\" <c@z.org>\n\nFrom: body@x\n").getBytes(StandardCharsets.UTF_8));
    assertThat(m.messageId()).isEqualTo("a1@x");
    assertThat(m.from()).isEqualTo("ann@x.org");
    assertThat(m.refs()).containsExactly("r3@x", "r1@x", "r2@x");
    assertThat(m.recipients()).containsExactly("b@y.org", "c@z.org");
  }

  @Test
  void mboxSplit() {
    String mbox = "From a@x Mon Jan 1 00:00:00 2024\nFrom: a@x\n\nhello\n>From the start\n>>From deeper\nFrom inside a paragraph\n\n"
        + "From b@x Mon Jan 1 00:00:01 2024\r\nFrom: b@x\r\n\r\nbye\r\n";
    List<byte[]> parts = Mbox.split(mbox.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(parts).hasSize(2);
    assertThat(new String(parts.get(0), StandardCharsets.ISO_8859_1))
        .isEqualTo("From: a@x\n\nhello\nFrom the start\n>From deeper\nFrom inside a paragraph\n\n");
    assertThat(new String(parts.get(1), StandardCharsets.ISO_8859_1)).isEqualTo("From: b@x\r\n\r\nbye\r\n");
    assertThat(Mbox.split(new byte[0])).isEmpty();
    assertThat(Mbox.split("no separator\n".getBytes(StandardCharsets.ISO_8859_1))).hasSize(1);
  }

  private static List<String> run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = EmailThreads.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void evalOnAnMboxFile(@TempDir Path dir) throws Exception {
    Path mbox = dir.resolve("list.mbox");
    Files.writeString(mbox, "From a@x Mon Jan 1 00:00:00 2024\nFrom: a@example.org\nMessage-ID: <a@x>\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n\nfirst\n\n"
        + "From a@x Mon Jan 1 00:00:01 2024\nFrom: a@example.org\nMessage-ID: <b@x>\nIn-Reply-To: <a@x>\nDate: Tue, 2 Jan 2024 10:00:00 +0000\n\nreply\n");
    assertThat(run("--eval", "--tsv", mbox.toString())).containsExactly(
        "list.mbox#1\tHD-1", "list.mbox#2\tHD-1",
        "conversations=1 conversation-pairs=1 ticket-pairs=1 correct-pairs=1 permitted-pairs=1 permitted-correct=1",
        "precision=1.0000 recall=1.0000 permitted-recall=1.0000",
        "messages=2 tickets=1");
  }

  @Test
  void withoutEvalAFileIsNoDirectory(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("m"), "From: a@x\n\nx\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = EmailThreads.run(new String[] {file.toString()}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(rc).isEqualTo(2);
  }

  /** The evaluation corpora (read in place): figures as documented in docs/email-threads.md. */
  @ParameterizedTest
  @CsvSource({
    "default, 24, 59, 11, 11, 11, 11, 53, 43",
    "threading, 3, 21, 10, 10, 10, 10, 12, 6",
    "broken, 3, 1, 1, 1, 1, 1, 4, 3",
    "duplicate, 3, 12, 12, 12, 12, 12, 9, 3"
  })
  void notmuchCorpora(String name, int conversations, long convPairs, long ticketPairs, long correct, long permitted, long permittedCorrect,
      int messages, int tickets) {
    Path corpus = Path.of(System.getProperty("frontline.shared.dir", "../../shared"), "eval", "email", "notmuch", name);
    if (!Files.isDirectory(corpus)) {
      System.out.println("SKIPPED: e-mail corpus not found at " + corpus.toAbsolutePath());
      Assumptions.abort("corpus not found");
    }
    List<String> lines = new ArrayList<>(run("--eval", corpus.toString()));
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo("conversations=" + conversations + " conversation-pairs=" + convPairs + " ticket-pairs=" + ticketPairs
        + " correct-pairs=" + correct + " permitted-pairs=" + permitted + " permitted-correct=" + permittedCorrect);
    assertThat(lines.get(2)).isEqualTo("messages=" + messages + " tickets=" + tickets);
    // the same last line as without --eval
    assertThat(run(corpus.toString())).containsExactly(lines.get(2));
  }
}
