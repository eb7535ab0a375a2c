package dev.frontline.helpdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.ConflictException;
import dev.frontline.helpdesk.HelpdeskException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaMetricState;
import dev.frontline.helpdesk.sla.SlaStatus;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.spi.memory.InMemoryTicketStore;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryId;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.FieldValue;
import dev.frontline.helpdesk.ticket.LinkType;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketHistory;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketLink;
import dev.frontline.helpdesk.ticket.TicketPage;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketSort;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketType;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract every {@link TicketStore} must pass. Extend it and implement {@link #newStore()} to
 * return an empty store (a fresh database schema, or truncated tables).
 */
public abstract class TicketStoreContract {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  /** The store under test, fresh for each test. */
  protected TicketStore store;

  /** Fixtures. */
  protected TicketFixtures fx;

  /** Subclasses need no-arg constructors. */
  protected TicketStoreContract() {}

  /**
   * @return a new, empty store
   */
  protected abstract TicketStore newStore();

  /**
   * How many worker threads the concurrency tests use. Override to lower it for slow stores.
   *
   * @return the number of threads
   */
  protected int threads() {
    return 8;
  }

  /** Sets up a fresh store. */
  @BeforeEach
  void freshStore() {
    store = newStore();
    fx = new TicketFixtures();
  }

  private TicketFixtures.Draft stored(TicketFixtures.Draft d) {
    store.create(d.ticket(), d.events());
    return d;
  }

  @Nested
  @DisplayName("creating and reading tickets")
  class Creating {
    @Test
    @DisplayName("a created ticket reads back equal, by id and by key, with its history")
    void roundTrip() {
      TicketFixtures.Draft d = fx.newTicket(T0);
      d.then(new TicketChange.Linked(new TicketLink(LinkType.RELATED, TicketId.of("other-1"))), T0);
      store.create(d.ticket(), d.events());
      assertThat(store.find(d.ticket().id())).contains(d.ticket());
      assertThat(store.findByKey(d.ticket().key())).contains(d.ticket());
      assertThat(store.history(d.ticket().id())).isEqualTo(d.events());
      assertThat(TicketHistory.rebuild(store.history(d.ticket().id()))).isEqualTo(d.ticket());
    }

    @Test
    @DisplayName("the golden ticket (every snapshot field, one event of every kind) and its history round-trip")
    void goldenTicket() {
      Ticket golden = GoldenDocuments.ticket();
      store.create(golden, GoldenDocuments.events());
      assertThat(store.find(golden.id())).contains(golden);
      assertThat(store.findByKey(golden.key())).contains(golden);
      assertThat(store.history(golden.id())).isEqualTo(GoldenDocuments.events());
    }

    @Test
    @DisplayName("unknown ids and keys are empty, not errors")
    void unknown() {
      assertThat(store.find(TicketId.of("nope"))).isEmpty();
      assertThat(store.findByKey(new TicketKey("NO", 1))).isEmpty();
      assertThat(store.history(TicketId.of("nope"))).isEmpty();
    }

    @Test
    @DisplayName("a duplicate id or key is a conflict and stores nothing")
    void duplicates() {
      TicketFixtures.Draft d = stored(fx.newTicket(T0));
      assertThatThrownBy(() -> store.create(d.ticket(), d.events())).isInstanceOf(ConflictException.class);
      TicketFixtures.Draft other = fx.newTicket(T0);
      Ticket sameKey = withKey(other.ticket(), d.ticket().key());
      List<TicketEvent> events = rekey(other.events(), d.ticket().key());
      assertThatThrownBy(() -> store.create(sameKey, events)).isInstanceOf(ConflictException.class);
      assertThat(store.find(other.ticket().id())).isEmpty();
      assertThat(store.history(other.ticket().id())).isEmpty();
    }

    @Test
    @DisplayName("key numbers are unique and increasing per prefix, also under concurrency")
    void keyNumbers() throws Exception {
      long a = store.nextKeyNumber("HD");
      long b = store.nextKeyNumber("HD");
      assertThat(b).isGreaterThan(a);
      assertThat(store.nextKeyNumber("OTHER")).isGreaterThanOrEqualTo(1);
      Set<Long> seen = ConcurrentHashMap.newKeySet();
      ExecutorService pool = Executors.newFixedThreadPool(threads());
      try {
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < threads(); i++) {
          fs.add(pool.submit(() -> {
            for (int j = 0; j < 25; j++) {
              assertThat(seen.add(store.nextKeyNumber("CONC"))).isTrue();
            }
          }));
        }
        for (Future<?> f : fs) {
          f.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(seen).hasSize(threads() * 25);
    }

    @Test
    @DisplayName("the first numbers of a new prefix are unique when every caller starts at once")
    void keyNumbersFirstUseRace() throws Exception {
      int rounds = 5;
      int perThread = 3;
      ExecutorService pool = Executors.newFixedThreadPool(threads());
      try {
        for (int r = 0; r < rounds; r++) {
          String prefix = "RACE" + r;
          Set<Long> seen = ConcurrentHashMap.newKeySet();
          CountDownLatch start = new CountDownLatch(1);
          List<Future<?>> fs = new ArrayList<>();
          for (int i = 0; i < threads(); i++) {
            fs.add(
                pool.submit(
                    () -> {
                      start.await();
                      long last = 0;
                      for (int j = 0; j < perThread; j++) {
                        long n = store.nextKeyNumber(prefix);
                        assertThat(n).isGreaterThan(last).isGreaterThanOrEqualTo(1);
                        assertThat(seen.add(n)).as("number %d of %s handed out twice", n, prefix).isTrue();
                        last = n;
                      }
                      return null;
                    }));
          }
          start.countDown();
          for (Future<?> f : fs) {
            f.get(60, TimeUnit.SECONDS);
          }
          assertThat(seen).hasSize(threads() * perThread);
        }
      } finally {
        pool.shutdownNow();
      }
    }

    @Test
    @DisplayName("every kind of change survives storage unchanged")
    void everyChangeKind() {
      TicketFixtures.Draft d = fx.newTicket(T0);
      Instant t = T0.plusSeconds(60);
      Entry withAttachment =
          new Entry(EntryId.of("e-att"), EntryKind.INTERNAL_NOTE, new Author(Author.Kind.AGENT, "agent:a1"), Channel.PHONE, "note ✓", t,
              List.of(new dev.frontline.helpdesk.ticket.Attachment(dev.frontline.helpdesk.ticket.AttachmentId.of("att-1"), "log.txt", "text/plain", 12, "blob-1")));
      d.then(new TicketChange.StateChanged(TicketState.NEW, TicketState.OPEN), t)
          .then(new TicketChange.SubjectChanged(d.ticket().subject(), "New subject"), t)
          .then(new TicketChange.PriorityChanged(Priority.NORMAL, Priority.URGENT), t)
          .then(new TicketChange.TypeChanged(TicketType.INCIDENT, TicketType.PROBLEM), t)
          .then(new TicketChange.TagsChanged(Set.of("x", "y"), Set.of("tag-a")), t)
          .then(new TicketChange.FieldChanged("amount", FieldValue.number(new BigDecimal("12.50")), FieldValue.number(new BigDecimal("99.999"))), t)
          .then(new TicketChange.FieldChanged("order_no", FieldValue.text("A-1"), null), t)
          .then(new TicketChange.Assigned(null, TeamId.of("t1"), null, AgentId.of("a1")), t)
          .then(new TicketChange.TierChanged(1, 2, TeamId.of("t1"), TeamId.of("t2"), AgentId.of("a1"), null, "needs specialist", true), t)
          .then(new TicketChange.EntryAdded(withAttachment), t)
          .then(new TicketChange.Linked(new TicketLink(LinkType.PARENT_OF, TicketId.of("child"))), t)
          .then(new TicketChange.Unlinked(new TicketLink(LinkType.PARENT_OF, TicketId.of("child"))), t)
          .then(new TicketChange.MergeReceived(TicketId.of("src"), List.of(fx.entry(t, EntryKind.PUBLIC_REPLY, "merged"))), t)
          .then(new TicketChange.DeadlineChanged(null, t.plus(Duration.ofHours(4)), "first_response=due",
              Map.of(SlaMetric.FIRST_RESPONSE, new SlaMetricState(SlaStatus.RUNNING, true, t.plus(Duration.ofHours(4))),
                  SlaMetric.RESOLUTION, new SlaMetricState(SlaStatus.PAUSED, false, null))), t)
          .then(new TicketChange.EscalationStepFired("breach", "tier2"), t)
          .then(new TicketChange.Custom("csat", Map.of("rating", "5")), t)
          .then(new TicketChange.StateChanged(TicketState.OPEN, TicketState.SOLVED), t)
          .then(new TicketChange.StateChanged(TicketState.SOLVED, TicketState.OPEN), t)
          .then(new TicketChange.MergedInto(TicketId.of("target"), TicketState.OPEN), t);
      store.create(d.ticket(), d.events());
      assertThat(store.history(d.ticket().id())).isEqualTo(d.events());
      assertThat(store.find(d.ticket().id())).contains(d.ticket());
    }
  }

  @Nested
  @DisplayName("updating tickets")
  class Updating {
    @Test
    @DisplayName("an update at the expected version replaces the snapshot and appends events")
    void update() {
      TicketFixtures.Draft d = stored(fx.newTicket(T0));
      TicketFixtures.Draft c = fx.change(d.ticket()).then(new TicketChange.PriorityChanged(Priority.NORMAL, Priority.HIGH), T0.plusSeconds(5));
      store.update(c.ticket(), c.baseVersion(), c.events());
      assertThat(store.find(d.ticket().id())).contains(c.ticket());
      assertThat(store.history(d.ticket().id())).hasSize(d.events().size() + 1);
      assertThat(TicketHistory.rebuild(store.history(d.ticket().id()))).isEqualTo(c.ticket());
    }

    @Test
    @DisplayName("a stale version is rejected and changes nothing")
    void stale() {
      TicketFixtures.Draft d = stored(fx.newTicket(T0));
      TicketFixtures.Draft first = fx.change(d.ticket()).then(new TicketChange.PriorityChanged(Priority.NORMAL, Priority.HIGH), T0);
      TicketFixtures.Draft second = fx.change(d.ticket()).then(new TicketChange.PriorityChanged(Priority.NORMAL, Priority.LOW), T0);
      store.update(first.ticket(), first.baseVersion(), first.events());
      assertThatThrownBy(() -> store.update(second.ticket(), second.baseVersion(), second.events()))
          .isInstanceOf(ConcurrentModificationException.class);
      assertThat(store.find(d.ticket().id())).contains(first.ticket());
      assertThat(store.history(d.ticket().id())).hasSize(first.ticket().version() > 0 ? (int) first.ticket().version() : 0);
    }

    @Test
    @DisplayName("updating a missing ticket is not found")
    void missing() {
      TicketFixtures.Draft d = fx.newTicket(T0);
      TicketFixtures.Draft c = fx.change(d.ticket()).then(new TicketChange.PriorityChanged(Priority.NORMAL, Priority.HIGH), T0);
      assertThatThrownBy(() -> store.update(c.ticket(), c.baseVersion(), c.events())).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("events that do not continue the version sequence are rejected")
    void badEvents() {
      TicketFixtures.Draft d = stored(fx.newTicket(T0));
      TicketFixtures.Draft c = fx.change(d.ticket()).then(new TicketChange.PriorityChanged(Priority.NORMAL, Priority.HIGH), T0);
      assertThatThrownBy(() -> store.update(c.ticket(), c.baseVersion(), List.of())).isInstanceOf(HelpdeskException.class);
      assertThat(store.find(d.ticket().id())).contains(d.ticket());
    }

    @Test
    @DisplayName("updateAll is all or nothing: one stale ticket aborts every update and creation")
    void atomicity() {
      TicketFixtures.Draft a = stored(fx.newTicket(T0));
      TicketFixtures.Draft b = stored(fx.newTicket(T0));
      TicketFixtures.Draft bump = fx.change(b.ticket()).then(new TicketChange.PriorityChanged(Priority.NORMAL, Priority.HIGH), T0);
      store.update(bump.ticket(), bump.baseVersion(), bump.events());
      TicketFixtures.Draft ca = fx.change(a.ticket()).then(new TicketChange.PriorityChanged(Priority.NORMAL, Priority.URGENT), T0);
      TicketFixtures.Draft staleB = fx.change(b.ticket()).then(new TicketChange.PriorityChanged(Priority.NORMAL, Priority.LOW), T0);
      TicketFixtures.Draft fresh = fx.newTicket(T0);
      assertThatThrownBy(() -> store.updateAll(
              List.of(new TicketStore.Update(ca.ticket(), ca.baseVersion(), ca.events()),
                  new TicketStore.Update(staleB.ticket(), staleB.baseVersion(), staleB.events())),
              List.of(new TicketStore.Create(fresh.ticket(), fresh.events()))))
          .isInstanceOf(ConcurrentModificationException.class);
      assertThat(store.find(a.ticket().id())).contains(a.ticket());
      assertThat(store.find(fresh.ticket().id())).isEmpty();
      assertThat(store.findByKey(fresh.ticket().key())).isEmpty();
      assertThat(store.history(a.ticket().id())).isEqualTo(a.events());
    }

    @Test
    @DisplayName("many threads editing one ticket: every conflict is detected and no update is lost")
    void concurrentEdits() throws Exception {
      TicketFixtures.Draft d = stored(fx.newTicket(T0));
      TicketId id = d.ticket().id();
      AtomicInteger successes = new AtomicInteger();
      AtomicInteger conflicts = new AtomicInteger();
      int perThread = 20;
      ExecutorService pool = Executors.newFixedThreadPool(threads());
      CountDownLatch start = new CountDownLatch(1);
      try {
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < threads(); i++) {
          int thread = i;
          fs.add(pool.submit(() -> {
            start.await();
            TicketFixtures local = new TicketFixtures();
            for (int j = 0; j < perThread; j++) {
              Ticket cur = store.find(id).orElseThrow();
              TicketFixtures.Draft c = local.change(cur)
                  .then(new TicketChange.FieldChanged("f" + thread + "_" + j, null, FieldValue.bool(true)), T0);
              try {
                store.update(c.ticket(), c.baseVersion(), c.events());
                successes.incrementAndGet();
              } catch (ConcurrentModificationException e) {
                conflicts.incrementAndGet();
              }
            }
            return null;
          }));
        }
        start.countDown();
        for (Future<?> f : fs) {
          f.get(120, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      Ticket fin = store.find(id).orElseThrow();
      assertThat(successes.get() + conflicts.get()).isEqualTo(threads() * perThread);
      assertThat(fin.version()).isEqualTo(d.ticket().version() + successes.get());
      // every successful field is present: nothing was lost
      assertThat(fin.fields()).hasSize(d.ticket().fields().size() + successes.get());
      List<TicketEvent> h = store.history(id);
      assertThat(h).hasSize((int) fin.version());
      assertThat(TicketHistory.rebuild(h)).isEqualTo(fin);
    }
  }

  @Nested
  @DisplayName("querying tickets")
  class Querying {
    private final List<Ticket> all = new ArrayList<>();

    @BeforeEach
    void data() {
      Random r = new Random(42);
      TeamId[] teams = {TeamId.of("team-a"), TeamId.of("team-b"), null};
      AgentId[] agents = {AgentId.of("agent-1"), AgentId.of("agent-2"), null};
      for (int i = 0; i < 60; i++) {
        Instant at = T0.plusSeconds(i % 7 == 0 ? 3600 : 60L * i); // some equal timestamps
        TicketFixtures.Draft d = fx.newTicket(
            at, Priority.values()[r.nextInt(4)], teams[r.nextInt(3)], 1 + r.nextInt(3), agents[r.nextInt(3)],
            CustomerId.of("cust-" + r.nextInt(4)), r.nextBoolean() ? OrganizationId.of("org-" + r.nextInt(2)) : null,
            r.nextBoolean() ? "billing" : "tech", r.nextBoolean() ? "vip" : "normal");
        if (r.nextInt(3) == 0) {
          d.then(new TicketChange.StateChanged(TicketState.NEW, TicketState.OPEN), at.plusSeconds(30));
        }
        if (r.nextInt(3) == 0) {
          Instant due = T0.plusSeconds(r.nextInt(20) * 600L);
          SlaStatus st = SlaStatus.values()[r.nextInt(SlaStatus.values().length)];
          d.then(new TicketChange.DeadlineChanged(null, due, "x",
              Map.of(SlaMetric.FIRST_RESPONSE, new SlaMetricState(st, r.nextBoolean(), due),
                  SlaMetric.RESOLUTION, new SlaMetricState(SlaStatus.RUNNING, false, due.plusSeconds(3600)))), at);
        }
        store.create(d.ticket(), d.events());
        all.add(d.ticket());
      }
    }

    private List<Ticket> expected(TicketQuery q, TicketVisibility v) {
      return all.stream().filter(t -> q.matches(t) && v.matches(t))
          .sorted(Comparator.comparingLong((Ticket t) -> q.sort().key(t)).thenComparing(Ticket::id)).toList();
    }

    private List<Ticket> pageThrough(TicketQuery q, TicketVisibility v) {
      List<Ticket> out = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        TicketPage p = store.query(q.toBuilder().after(cursor).build(), v);
        assertThat(p.items().size()).isLessThanOrEqualTo(q.limit());
        out.addAll(p.items());
        cursor = p.nextCursor();
        assertThat(++pages).isLessThan(200);
      } while (cursor != null);
      return out;
    }

    @ParameterizedTest
    @EnumSource(TicketSort.class)
    @DisplayName("keyset pages in every order return every matching ticket exactly once, in order")
    void paging(TicketSort sort) {
      TicketQuery q = TicketQuery.builder().sort(sort).limit(7).build();
      assertThat(pageThrough(q, TicketVisibility.everything())).containsExactlyElementsOf(expected(q, TicketVisibility.everything()));
    }

    @Test
    @DisplayName("each filter matches the reference semantics")
    void filters() {
      List<TicketQuery> qs = List.of(
          TicketQuery.builder().states(TicketState.OPEN).build(),
          TicketQuery.builder().priorities(Priority.HIGH, Priority.URGENT).build(),
          TicketQuery.builder().teams(TeamId.of("team-a")).build(),
          TicketQuery.builder().tiers(2, 3).build(),
          TicketQuery.builder().assignee(AgentId.of("agent-1")).build(),
          TicketQuery.builder().unassigned(true).build(),
          TicketQuery.builder().requester(CustomerId.of("cust-1")).build(),
          TicketQuery.builder().organization(OrganizationId.of("org-0")).build(),
          TicketQuery.builder().channels(Channel.EMAIL).build(),
          TicketQuery.builder().channels(Channel.CHAT).build(),
          TicketQuery.builder().tagsAll("billing", "vip").build(),
          TicketQuery.builder().created(T0.plusSeconds(600), T0.plusSeconds(1800)).build(),
          TicketQuery.builder().slaStatuses(SlaStatus.BREACHED).build(),
          TicketQuery.builder().slaStatuses(SlaStatus.MET, SlaStatus.PAUSED).build(),
          TicketQuery.builder().slaWarned(true).build(),
          TicketQuery.builder().slaStatuses(SlaStatus.RUNNING).slaWarned(true).sort(TicketSort.DEADLINE_ASC).build(),
          TicketQuery.builder().states(TicketState.NEW).teams(TeamId.of("team-b")).tagsAll("tech").sort(TicketSort.PRIORITY_DESC).build());
      for (TicketQuery q : qs) {
        TicketQuery big = q.toBuilder().limit(500).build();
        assertThat(store.query(big, TicketVisibility.everything()).items()).as(q.toString())
            .containsExactlyElementsOf(expected(big, TicketVisibility.everything()));
        assertThat(store.count(q, TicketVisibility.everything())).as(q.toString())
            .isEqualTo(expected(big, TicketVisibility.everything()).size());
      }
    }

    @Test
    @DisplayName("visibility is applied before paging and counting")
    void visibility() {
      List<TicketVisibility> vs = List.of(
          TicketVisibility.none(),
          new TicketVisibility(false, Set.of(), Set.of(), Set.of(), Set.of(CustomerId.of("cust-2")), Set.of()),
          new TicketVisibility(false, Set.of(), Set.of(), Set.of(), Set.of(CustomerId.of("cust-2")), Set.of(OrganizationId.of("org-1"))),
          new TicketVisibility(false, Set.of(AgentId.of("agent-2")), Set.of(TeamId.of("team-a")), Set.of(), Set.of(), Set.of()),
          new TicketVisibility(false, Set.of(AgentId.of("agent-1")), Set.of(), Set.of(3), Set.of(), Set.of()));
      for (TicketVisibility v : vs) {
        TicketQuery q = TicketQuery.builder().limit(5).sort(TicketSort.UPDATED_DESC).build();
        assertThat(pageThrough(q, v)).as(v.toString()).containsExactlyElementsOf(expected(q, v));
        assertThat(store.count(TicketQuery.builder().build(), v)).isEqualTo(expected(q, v).size());
      }
    }

    @Test
    @DisplayName("due tickets come from the deadline index, earliest first, with keyset paging")
    void due() {
      Instant now = T0.plusSeconds(6000);
      List<Ticket> exp = all.stream().filter(t -> t.nextDeadline() != null && !t.nextDeadline().isAfter(now))
          .sorted(Comparator.comparing(Ticket::nextDeadline).thenComparing(Ticket::id)).toList();
      assertThat(store.due(now, 1000)).containsExactlyElementsOf(exp);
      List<Ticket> paged = new ArrayList<>();
      List<Ticket> page = store.due(now, 3);
      while (!page.isEmpty()) {
        paged.addAll(page);
        Ticket last = page.get(page.size() - 1);
        page = store.due(now, last.nextDeadline(), last.id(), 3);
      }
      assertThat(paged).containsExactlyElementsOf(exp);
    }
  }

  @Nested
  @DisplayName("randomized model test against the reference store")
  class Model {
    @Test
    @DisplayName("the same random command sequence gives the same results as the in-memory reference")
    void sameAsReference() {
      Random r = Seeds.random(getClass().getName() + ".sameAsReference");
      TicketStore ref = new InMemoryTicketStore();
      TicketFixtures f = new TicketFixtures();
      List<TicketId> ids = new ArrayList<>();
      Set<String> outcomes = new HashSet<>();
      for (int step = 0; step < 300; step++) {
        int op = ids.isEmpty() ? 0 : r.nextInt(10);
        Instant at = T0.plusSeconds(step * 37L);
        if (op <= 1) {
          TicketFixtures.Draft d = f.newTicket(at, Priority.values()[r.nextInt(4)], r.nextBoolean() ? TeamId.of("tm" + r.nextInt(3)) : null,
              1 + r.nextInt(2), null, CustomerId.of("c" + r.nextInt(5)), null, "k" + r.nextInt(4));
          String a = outcome(() -> ref.create(d.ticket(), d.events()));
          String b = outcome(() -> store.create(d.ticket(), d.events()));
          assertThat(b).as("create at step " + step).isEqualTo(a);
          ids.add(d.ticket().id());
        } else if (op <= 7) {
          TicketId id = ids.get(r.nextInt(ids.size()));
          Ticket cur = ref.find(id).orElseThrow();
          long base = r.nextInt(8) == 0 ? cur.version() - 1 : cur.version(); // sometimes stale
          TicketFixtures.Draft c = f.change(cur);
          switch (r.nextInt(4)) {
            case 0 -> c.then(new TicketChange.PriorityChanged(cur.priority(), Priority.values()[r.nextInt(4)]), at);
            case 1 -> c.then(new TicketChange.TagsChanged(Set.of("k" + r.nextInt(4)), Set.of()), at);
            case 2 -> c.then(new TicketChange.DeadlineChanged(cur.nextDeadline(), r.nextBoolean() ? null : at.plusSeconds(r.nextInt(5000)), "m"), at);
            default -> c.then(new TicketChange.Assigned(cur.team(), cur.team(), cur.assignee(), r.nextBoolean() ? AgentId.of("ag" + r.nextInt(3)) : null), at);
          }
          String a = outcome(() -> ref.update(c.ticket(), base, c.events()));
          String b = outcome(() -> store.update(c.ticket(), base, c.events()));
          assertThat(b).as("update at step " + step).isEqualTo(a);
          outcomes.add(a);
        } else {
          TicketQuery q = TicketQuery.builder().sort(TicketSort.values()[r.nextInt(TicketSort.values().length)])
              .limit(1 + r.nextInt(10)).tagsAll(r.nextBoolean() ? new String[] {"k1"} : new String[0]).build();
          TicketVisibility v = r.nextBoolean() ? TicketVisibility.everything()
              : new TicketVisibility(false, Set.of(), Set.of(TeamId.of("tm" + r.nextInt(3))), Set.of(), Set.of(CustomerId.of("c" + r.nextInt(5))), Set.of());
          assertThat(store.query(q, v)).as("query at step " + step).isEqualTo(ref.query(q, v));
          assertThat(store.count(q, v)).isEqualTo(ref.count(q, v));
          assertThat(store.due(at, 50)).isEqualTo(ref.due(at, 50));
        }
        if (!ids.isEmpty()) {
          TicketId id = ids.get(r.nextInt(ids.size()));
          assertThat(store.find(id)).isEqualTo(ref.find(id));
          assertThat(store.history(id)).isEqualTo(ref.history(id));
        }
      }
      assertThat(outcomes).contains("ok", ConcurrentModificationException.class.getSimpleName());
    }

    private String outcome(Runnable r) {
      try {
        r.run();
        return "ok";
      } catch (HelpdeskException e) {
        return e.getClass().getSimpleName();
      }
    }
  }

  private static Ticket withKey(Ticket t, TicketKey key) {
    return new Ticket(t.id(), key, t.version(), t.subject(), t.requester(), t.organization(), t.channel(), t.priority(), t.type(),
        t.state(), t.tags(), t.fields(), t.tier(), t.team(), t.assignee(), t.links(), t.mergedInto(), t.createdAt(), t.updatedAt(),
        t.firstResponseAt(), t.solvedAt(), t.closedAt(), t.lastCustomerMessageAt(), t.lastAgentReplyAt(), t.publicAgentReplies(),
        t.reopenCount(), t.escalationCount(), t.nextDeadline(), t.sla());
  }

  private static List<TicketEvent> rekey(List<TicketEvent> events, TicketKey key) {
    List<TicketEvent> out = new ArrayList<>();
    for (TicketEvent e : events) {
      TicketChange c = e.change();
      if (c instanceof TicketChange.Created cr) {
        c = new TicketChange.Created(key, cr.subject(), cr.requester(), cr.organization(), cr.channel(), cr.priority(), cr.type(),
            cr.tags(), cr.fields(), cr.tier(), cr.team(), cr.assignee());
      }
      out.add(new TicketEvent(e.ticketId(), e.version(), e.actor(), e.at(), c));
    }
    return out;
  }
}
