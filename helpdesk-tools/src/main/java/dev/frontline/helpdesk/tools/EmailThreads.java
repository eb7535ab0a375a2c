package dev.frontline.helpdesk.tools;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.spi.memory.InMemoryStores;
import dev.frontline.helpdesk.email.EmailHeaders;
import dev.frontline.helpdesk.email.EmailIntake;
import dev.frontline.helpdesk.email.IntakeResult;
import dev.frontline.helpdesk.email.SenderRateLimit;
import dev.frontline.helpdesk.spi.memory.InMemoryBlobStore;
import dev.frontline.helpdesk.spi.memory.InMemoryDirectoryStore;
import dev.frontline.helpdesk.spi.memory.InMemoryEmailThreadStore;
import dev.frontline.helpdesk.spi.memory.InMemoryTicketStore;
import dev.frontline.helpdesk.ticket.TicketId;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code scripts/email-threads [--tsv] DIR}: feeds every regular file under DIR (recursively) into
 * a fresh in-memory helpdesk through {@link EmailIntake}, in order of the {@code Date:} header
 * (ties and missing or unparsable dates by relative path; undated files last), and prints
 * {@code messages=N tickets=M}. With {@code --tsv} it first prints one {@code file<TAB>ticket-key}
 * line per message (path relative to DIR, in feed order; {@code QUARANTINED} instead of a key for
 * quarantined files); the summary is always the last line. Duplicates (a Message-ID seen before)
 * count as messages and show the key of the first copy's ticket. Problems (quarantined or
 * unreadable files) are reported on standard error; exit status 0 on success, 1 if a file could
 * not be read, 2 on bad usage. Uses only the public API.
 */
public final class EmailThreads {
  private static final String USAGE = "usage: email-threads [--tsv] [--eval] DIR|MBOX";
  private static final String DOMAIN = "frontline.invalid";
  /** Whether the intake's participant rule admits addresses a participant put in To/Cc. */
  static final boolean CC_RULE = false;

  /** One message to feed: its name, bytes and date. */
  private record Item(String rel, byte[] raw, Instant date) {}

  private EmailThreads() {}

  /**
   * @param args {@code [--tsv] DIR}
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * @param args {@code [--tsv] DIR}
   * @param out standard output
   * @param err standard error
   * @return the exit status
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    boolean tsv = false;
    boolean eval = false;
    Path dir = null;
    for (String a : args) {
      if (a.equals("--tsv")) {
        tsv = true;
      } else if (a.equals("--eval")) {
        eval = true;
      } else if (a.equals("-h") || a.equals("--help")) {
        out.println(USAGE);
        return 0;
      } else if (a.startsWith("-") || dir != null) {
        err.println(USAGE);
        return 2;
      } else {
        dir = Path.of(a);
      }
    }
    if (dir == null || !(Files.isDirectory(dir) || eval && Files.isRegularFile(dir))) {
      err.println(dir == null ? USAGE : (eval ? "not a directory or mbox file: " : "not a directory: ") + dir);
      return 2;
    }
    InMemoryStores stores =
        InMemoryStores.builder().ticketStore(new InMemoryTicketStore()).directoryStore(new InMemoryDirectoryStore())
            .blobStore(new InMemoryBlobStore()).emailThreadStore(new InMemoryEmailThreadStore()).build();
    Helpdesk helpdesk = Helpdesk.builder().stores(stores).build();
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    EmailIntake intake =
        EmailIntake.builder(helpdesk, stores)
            .domain(DOMAIN)
            .secret(secret)
            // an archive is replayed within seconds: a per-sender limit on the wall clock would
            // quarantine a busy correspondent's history
            .senderRateLimit(SenderRateLimit.unlimited())
            .build();

    final Path root = dir;
    List<Item> items = new ArrayList<>();
    int status = 0;
    if (Files.isRegularFile(dir)) {
      // --eval on an mbox file: one item per message, named FILE#N
      try {
        List<byte[]> messages = Mbox.split(Files.readAllBytes(dir));
        String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        for (int i = 0; i < messages.size(); i++) {
          byte[] raw = messages.get(i);
          items.add(new Item(name + "#" + (i + 1), raw, EmailHeaders.date(raw).orElse(Instant.MAX)));
        }
      } catch (IOException | RuntimeException e) {
        err.println("cannot read " + dir + ": " + e.getMessage());
        return 1;
      }
    } else {
      List<Path> files;
      try (Stream<Path> s = Files.walk(dir)) {
        files = s.filter(p -> !p.equals(root)).toList();
      } catch (IOException | RuntimeException e) {
        err.println("cannot list " + dir + ": " + e.getMessage());
        return 1;
      }
      for (Path p : files) {
        String rel = dir.relativize(p).toString();
        if (Files.isDirectory(p)) {
          continue;
        }
        if (!Files.isRegularFile(p)) {
          err.println("skipped (not a regular file): " + rel);
          continue;
        }
        try {
          byte[] raw = Files.readAllBytes(p);
          items.add(new Item(rel, raw, EmailHeaders.date(raw).orElse(Instant.MAX)));
        } catch (IOException | RuntimeException e) {
          err.println("cannot read " + rel + ": " + e.getMessage());
          status = 1;
        }
      }
    }
    items.sort(Comparator.comparing(Item::date).thenComparing(Item::rel));
    Set<TicketId> tickets = new HashSet<>();
    List<@Nullable TicketId> fed = new ArrayList<>(items.size());
    int quarantined = 0;
    for (Item it : items) {
      IntakeResult r = intake.receive(it.raw());
      String key;
      if (r.status() == IntakeResult.Status.QUARANTINED || r.ticket() == null) {
        quarantined++;
        fed.add(null);
        key = "QUARANTINED";
        err.println("quarantined " + it.rel() + ": " + String.join("; ", r.notes()));
      } else {
        tickets.add(r.ticket());
        fed.add(r.ticket());
        key = String.valueOf(r.ticketKey());
      }
      if (tsv) {
        out.println(it.rel() + "\t" + key);
      }
    }
    if (eval) {
      ThreadEval.Result result = ThreadEval.evaluate(items.stream().map(Item::raw).toList(), fed, DOMAIN, CC_RULE);
      result.lines().forEach(out::println);
    }
    out.println("messages=" + items.size() + " tickets=" + tickets.size());
    if (quarantined > 0) {
      err.println(quarantined + " message(s) quarantined");
    }
    out.flush();
    return status;
  }
}
