package dev.frontline.helpdesk.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Feeds the notmuch corpora from {@code ../shared/eval/email/notmuch} (never copied into the
 * repository) in date order and checks the threading against the conversations the headers form.
 */
class EvalCorpusTest {

  static Path corpusRoot() {
    String shared = System.getProperty("frontline.shared.dir", "../../shared");
    return Path.of(shared, "eval", "email", "notmuch");
  }

  @ParameterizedTest(name = "{0}: {1} messages, {2} conversations by their headers, {3} tickets")
  @DisplayName("the notmuch corpora: no ticket mixes conversations, and each sender's part of a conversation is one ticket")
  @CsvSource({"default, 53, 24, 43", "threading, 12, 3, 6", "broken, 4, 3, 3", "duplicate, 9, 3, 3"})
  void corpus(String name, int messages, int conversations, int expectedTickets) throws IOException {
    Path dir = corpusRoot().resolve(name);
    if (!Files.isDirectory(dir)) {
      System.out.println("SKIPPED: e-mail corpus not found at " + dir.toAbsolutePath());
      Assumptions.abort("e-mail corpus not found at " + dir.toAbsolutePath());
    }
    Fixtures f = new Fixtures();
    List<Path> files = inDateOrder(dir);
    HeaderThreads truth = new HeaderThreads();
    Map<Object, Set<String>> conversationsOfTicket = new HashMap<>();
    Map<String, Set<Object>> ticketsOfSenderPart = new HashMap<>();
    int quarantined = 0;
    for (Path p : files) {
      byte[] raw = Files.readAllBytes(p);
      truth.add(p.toString(), raw);
      IntakeResult r = f.intake.receive(raw);
      if (r.status() == IntakeResult.Status.QUARANTINED) {
        quarantined++;
        System.out.println(p + ": " + r.notes());
      } else {
        conversationsOfTicket.computeIfAbsent(r.ticket(), k -> new HashSet<>()).add(p.toString());
      }
    }
    assertThat(files).hasSize(messages);
    assertThat(quarantined).as("quarantined").isZero();
    assertThat(truth.conversations()).as("conversations by headers").isEqualTo(conversations);
    // precision: a ticket never holds two conversations
    for (Map.Entry<Object, Set<String>> e : conversationsOfTicket.entrySet()) {
      assertThat(e.getValue().stream().map(truth::conversationOf).distinct()).as("conversations in one ticket").hasSize(1);
      for (String file : e.getValue()) {
        ticketsOfSenderPart.computeIfAbsent(truth.conversationOf(file) + "|" + truth.senderOf(file), k -> new HashSet<>()).add(e.getKey());
      }
    }
    // the participant rule: a sender joins only tickets they take part in, so a mailing-list
    // conversation becomes one ticket per author; each author's messages stay together
    assertThat(ticketsOfSenderPart.values()).as("tickets per author in one conversation").allSatisfy(t -> assertThat(t).hasSize(1));
    assertThat(conversationsOfTicket).hasSize(expectedTickets);
  }

  /** Conversations by Message-ID, In-Reply-To and References (union-find), and senders. */
  private static final class HeaderThreads {
    private static final Pattern ID = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"]+@[^\\s<>\"]+");
    private final Map<String, String> parent = new HashMap<>();
    private final Map<String, String> idOfFile = new HashMap<>();
    private final Map<String, String> senderOfFile = new HashMap<>();

    void add(String file, byte[] raw) {
      String own = null;
      List<String> related = new ArrayList<>();
      for (var h : dev.frontline.helpdesk.email.internal.MimeReader.headersOnly(raw)) {
        String n = h.name().toLowerCase(Locale.ROOT);
        if (n.equals("message-id") || n.equals("in-reply-to") || n.equals("references")) {
          Matcher m = ID.matcher(h.value());
          while (m.find()) {
            if (n.equals("message-id") && own == null) {
              own = m.group(1);
            } else {
              related.add(m.group(1));
            }
          }
        } else if (n.equals("from") && !senderOfFile.containsKey(file)) {
          Matcher m = ADDRESS.matcher(h.value());
          senderOfFile.put(file, m.find() ? m.group().toLowerCase(Locale.ROOT) : "");
        }
      }
      String key = own != null ? own : "file:" + file;
      idOfFile.put(file, key);
      find(key);
      for (String r : related) {
        union(key, r);
      }
    }

    private String find(String x) {
      parent.putIfAbsent(x, x);
      String p = parent.get(x);
      if (!p.equals(x)) {
        p = find(p);
        parent.put(x, p);
      }
      return p;
    }

    private void union(String a, String b) {
      String ra = find(a);
      String rb = find(b);
      if (!ra.equals(rb)) {
        parent.put(ra, rb);
      }
    }

    String conversationOf(String file) {
      return find(idOfFile.get(file));
    }

    String senderOf(String file) {
      return senderOfFile.getOrDefault(file, "");
    }

    long conversations() {
      return idOfFile.keySet().stream().map(this::conversationOf).distinct().count();
    }
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
