package dev.frontline.helpdesk.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmailThreadsTest {

  private static List<String> run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = EmailThreads.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void tsvLinesComeFirstAndTheSummaryLast(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/b"), "From: a@example.org\nMessage-ID: <b@x>\nIn-Reply-To: <a@x>\nDate: Tue, 2 Jan 2024 10:00:00 +0000\n\nreply\n");
    Files.writeString(dir.resolve("a"), "From: a@example.org\nMessage-ID: <a@x>\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n\nfirst\n");
    Files.writeString(dir.resolve("c"), "From: c@example.org\nMessage-ID: <c@x>\n\nundated\n");
    assertThat(run("--tsv", dir.toString())).containsExactly("a\tHD-1", "sub/b\tHD-1", "c\tHD-2", "messages=3 tickets=2");
    assertThat(run(dir.toString())).containsExactly("messages=3 tickets=2");
  }

  @Test
  void defaultCorpus() {
    Path corpus = Path.of(System.getProperty("frontline.shared.dir", "../../shared"), "eval", "email", "notmuch", "default");
    if (!Files.isDirectory(corpus)) {
      System.out.println("SKIPPED: e-mail corpus not found at " + corpus.toAbsolutePath());
      Assumptions.abort("corpus not found");
    }
    assertThat(run(corpus.toString())).containsExactly("messages=53 tickets=43");
  }
}
