package dev.frontline.helpdesk.benchmarks;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.spi.memory.InMemoryStores;
import dev.frontline.helpdesk.access.Roles;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.SupportTier;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.escalation.EscalationAction;
import dev.frontline.helpdesk.escalation.EscalationRule;
import dev.frontline.helpdesk.escalation.EscalationTrigger;
import dev.frontline.helpdesk.sla.BusinessCalendar;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaPolicy;
import dev.frontline.helpdesk.spi.memory.InMemoryBlobStore;
import dev.frontline.helpdesk.spi.memory.InMemoryDirectoryStore;
import dev.frontline.helpdesk.spi.memory.InMemoryTicketStore;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryId;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketHistory;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The escalation sweep over the in-memory store's deadline index: {@code tickets} tickets of which
 * {@code duePerMille}/1000 are due. {@link #dueSweep} pages through all due tickets with {@code
 * TicketStore.due} (batches of 200, keyset paging), read-only. {@link #runOnce} is a full escalation
 * run: for every due ticket re-evaluate the SLA, find the pending "no agent reply for 1h" step, fire
 * it (step event + a notification) and store the new deadline; before each run the due tickets get a
 * fresh agent reply and a past deadline again, so every run fires a new step on every due ticket.
 * Each {@code runOnce} call appends four events to every due ticket's history (reply, deadline, fired
 * step, deadline), so histories grow by a few hundred events over a measurement; the SLA clock walks
 * the whole history, so later runs are slightly slower. Tickets are written straight to the store as prepared snapshots with their events, to keep the
 * one-million-ticket setup fast. The cost should follow the number due, not the total.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class EscalationSweepBenchmark {
  private static final Instant BASE = Instant.parse("2026-03-02T09:00:00Z");
  private static final Author CUSTOMER = new Author(Author.Kind.CUSTOMER, "customer:c");
  private static final Author AGENT = new Author(Author.Kind.AGENT, "agent:a");

  /** Total tickets and due tickets per thousand, e.g. {@code 1000000/10} = one million, 1% due. */
  @Param({"100000/10", "1000000/10", "1000000/1"})
  public String shape;

  private InMemoryTicketStore store;
  private Helpdesk helpdesk;
  private final MutableClock clock = new MutableClock(BASE.plus(Duration.ofDays(2)));
  private final List<TicketId> dueIds = new ArrayList<>();
  private long entrySeq;
  private int run;

  /** Creates the benchmark state. */
  public EscalationSweepBenchmark() {}

  /** Writes the tickets straight to the store. */
  @Setup(Level.Trial)
  public void setUp() {
    String[] p = shape.split("/");
    int total = Integer.parseInt(p[0]);
    int perMille = Integer.parseInt(p[1]);
    store = new InMemoryTicketStore();
    InMemoryDirectoryStore dir = new InMemoryDirectoryStore();
    Roles.defaults().forEach(dir::saveRole);
    TeamId front = TeamId.of("front");
    dir.saveTeam(new Team(front, "Front line", 1));
    dir.saveTier(new SupportTier(1, "Front line", front));
    SlaPolicy policy =
        SlaPolicy.builder("standard").target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(4), BusinessCalendar.always()).build();
    EscalationRule quiet =
        EscalationRule.builder("quiet").when(EscalationTrigger.noAgentReplyFor(Duration.ofHours(1)))
            .then(EscalationAction.notification("lead", "no agent reply for an hour")).build();
    helpdesk = Helpdesk.builder().stores(InMemoryStores.builder().ticketStore(store).directoryStore(dir).blobStore(new InMemoryBlobStore()).build())
        .clock(clock).slaPolicies(List.of(policy)).escalationRules(List.of(quiet)).escalationBatchSize(200).build();
    Instant now = clock.instant();
    SplittableRandom r = new SplittableRandom(42);
    int dueEvery = 1000 / perMille;
    CustomerId requester = CustomerId.of("c");
    for (int i = 0; i < total; i++) {
      TicketId id = new TicketId(String.format("t%08d", i));
      boolean due = i % dueEvery == 0;
      Instant deadline = due ? now.minusSeconds(1 + r.nextInt(3600)) : now.plus(Duration.ofDays(30)).plusSeconds(r.nextInt(30 * 86_400));
      Instant created = BASE.plusSeconds(r.nextInt(3600));
      List<TicketEvent> events = new ArrayList<>(3);
      events.add(new TicketEvent(id, 1, CUSTOMER, created, new TicketChange.Created(
          new TicketKey("HD", i + 1L), "Ticket " + i, requester, null, Channel.WEB, Priority.NORMAL, TicketType.QUESTION,
          new TreeSet<>(), new TreeMap<>(), 1, front, null)));
      events.add(new TicketEvent(id, 2, CUSTOMER, created, new TicketChange.EntryAdded(
          new Entry(new EntryId("e" + entrySeq++), EntryKind.PUBLIC_REPLY, CUSTOMER, Channel.WEB, "help", created, List.of()))));
      events.add(new TicketEvent(id, 3, CUSTOMER, created, new TicketChange.DeadlineChanged(null, deadline, "prepared")));
      store.create(TicketHistory.rebuild(events), events);
      if (due) {
        dueIds.add(id);
      }
    }
  }

  /**
   * Pages through every due ticket.
   *
   * @return how many were due
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int dueSweep() {
    Instant now = clock.instant();
    int n = 0;
    Instant afterDeadline = null;
    TicketId afterId = null;
    while (true) {
      List<Ticket> page = store.due(now, afterDeadline, afterId, 200);
      n += page.size();
      if (page.size() < 200) {
        return n;
      }
      Ticket last = page.get(page.size() - 1);
      afterDeadline = last.nextDeadline();
      afterId = last.id();
    }
  }

  /**
   * One full escalation run over the due tickets.
   *
   * @return how many tickets were updated
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int runOnce(DueAgain again) {
    int n = helpdesk.escalation().runOnce();
    if (n != dueIds.size()) {
      throw new IllegalStateException("expected " + dueIds.size() + " updates, got " + n);
    }
    return n;
  }

  /**
   * Makes the due tickets due again: two hours later, each gets an agent reply 61 minutes ago, so
   * the "no agent reply for 1h" step is pending again, and a past deadline. (Not-due tickets have
   * deadlines 30-60 days ahead, so they stay out of the sweep however many runs JMH makes.)
   */
  void makeDueAgain() {
    run++;
    Instant now = BASE.plus(Duration.ofDays(2)).plus(Duration.ofHours(2L * run));
    clock.set(now);
    Instant replied = now.minus(Duration.ofMinutes(61));
    for (TicketId id : dueIds) {
      Ticket t = store.find(id).orElseThrow();
      TicketEvent reply = new TicketEvent(id, t.version() + 1, AGENT, replied, new TicketChange.EntryAdded(
          new Entry(new EntryId("e" + entrySeq++), EntryKind.PUBLIC_REPLY, AGENT, Channel.WEB, "looking", replied, List.of())));
      Ticket t1 = TicketHistory.apply(t, reply);
      TicketEvent dl = new TicketEvent(id, t.version() + 2, AGENT, replied,
          new TicketChange.DeadlineChanged(t.nextDeadline(), replied.plus(Duration.ofHours(1)), "prepared"));
      store.update(TicketHistory.apply(t1, dl), t.version(), List.of(reply, dl));
    }
  }

  /** Per-invocation state of {@link #runOnce}: makes the due tickets due again before each run. */
  @State(Scope.Benchmark)
  public static class DueAgain {
    /** Creates the state. */
    public DueAgain() {}

    /**
     * @param b the benchmark's store
     */
    @Setup(Level.Invocation)
    public void reset(EscalationSweepBenchmark b) {
      b.makeDueAgain();
    }
  }

  /** A settable clock. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      now = start;
    }

    void set(Instant t) {
      now = t;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

}
