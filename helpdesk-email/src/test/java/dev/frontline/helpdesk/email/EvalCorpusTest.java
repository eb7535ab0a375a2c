package dev.frontline.helpdesk.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Feeds the notmuch corpora from {@code ../shared/eval/email/notmuch} (never copied into the
 * repository) in date order and checks how many tickets the threading produces.
 */
class EvalCorpusTest {

  static Path corpusRoot() {
    String shared = System.getProperty("frontline.shared.dir", "../../shared");
    return Path.of(shared, "eval", "email", "notmuch");
  }

  @ParameterizedTest(name = "{0}: {1} messages form {2} tickets")
  @DisplayName("the notmuch corpora thread into the expected number of conversations")
  @CsvSource({"default, 53, 24", "threading, 12, 3", "broken, 4, 3", "duplicate, 9, 3"})
  void corpus(String name, int messages, int conversations) throws IOException {
    Path dir = corpusRoot().resolve(name);
    if (!Files.isDirectory(dir)) {
      System.out.println("SKIPPED: e-mail corpus not found at " + dir.toAbsolutePath());
      Assumptions.abort("e-mail corpus not found at " + dir.toAbsolutePath());
    }
    Fixtures f = new Fixtures();
    List<Path> files = inDateOrder(dir);
    Set<Object> tickets = new HashSet<>();
    int quarantined = 0;
    for (Path p : files) {
      IntakeResult r = f.intake.receive(Files.readAllBytes(p));
      if (r.status() == IntakeResult.Status.QUARANTINED) {
        quarantined++;
        System.out.println(p + ": " + r.notes());
      } else {
        tickets.add(r.ticket());
      }
    }
    assertThat(files).hasSize(messages);
    assertThat(quarantined).as("quarantined").isZero();
    assertThat(tickets).hasSize(conversations);
  }

  static List<Path> inDateOrder(Path dir) throws IOException {
    record Dated(Path path, Instant date) {}
    List<Dated> all = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        try {
          all.add(new Dated(p, EmailHeaders.date(Files.readAllBytes(p)).orElse(Instant.MAX)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    all.sort(Comparator.comparing(Dated::date).thenComparing(d -> dir.relativize(d.path()).toString()));
    return all.stream().map(Dated::path).toList();
  }
}
