package dev.frontline.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.access.Roles;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.SupportTier;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.spi.BlobStore;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.spi.memory.InMemoryBlobStore;
import dev.frontline.helpdesk.spi.memory.InMemoryDirectoryStore;
import dev.frontline.helpdesk.spi.memory.InMemoryStores;
import dev.frontline.helpdesk.spi.memory.InMemoryTicketStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Attachment contents live in the blob store only while an entry refers to them: a write that is
 * not stored (a conflict retried, a store that refuses the write) leaves no blob behind, whereas a
 * store failure that may have happened after the commit keeps them (no attachment without content).
 */
@DisplayName("attachment blobs are never orphaned by retries or refused writes")
class AttachmentBlobsTest {
  private static final CustomerId CAROL = CustomerId.of("carol");
  private static final TeamId FRONT = TeamId.of("front");
  private final Principal system = Principal.system("test");

  /** A blob store that knows which keys are live. */
  static final class TrackingBlobs implements BlobStore {
    final InMemoryBlobStore target = new InMemoryBlobStore();
    final Set<String> live = ConcurrentHashMap.newKeySet();

    @Override
    public String put(byte[] content) {
      String k = target.put(content);
      live.add(k);
      return k;
    }

    @Override
    public Optional<byte[]> get(String key) {
      return target.get(key);
    }

    @Override
    public boolean delete(String key) {
      live.remove(key);
      return target.delete(key);
    }
  }

  private final TrackingBlobs blobs = new TrackingBlobs();
  private final AtomicReference<Supplier<RuntimeException>> failNextWrite = new AtomicReference<>();

  private TicketStore failing(TicketStore target) {
    return (TicketStore) Proxy.newProxyInstance(TicketStore.class.getClassLoader(), new Class<?>[] {TicketStore.class},
        (proxy, method, args) -> {
          if (method.getName().equals("update") || method.getName().equals("updateAll")) {
            Supplier<RuntimeException> f = failNextWrite.getAndSet(null);
            if (f != null) {
              throw f.get();
            }
          }
          try {
            return method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private Helpdesk helpdesk() {
    InMemoryDirectoryStore directory = new InMemoryDirectoryStore();
    directory.saveTier(new SupportTier(1, "First line", FRONT));
    directory.saveTeam(new Team(FRONT, "Front", 1));
    Roles.defaults().forEach(directory::saveRole);
    directory.saveCustomer(Customer.of(CAROL, "Carol", "carol@example.com"));
    return Helpdesk.builder()
        .stores(InMemoryStores.builder().ticketStore(failing(new InMemoryTicketStore())).directoryStore(directory).blobStore(blobs).build())
        .build();
  }

  private static Message withFile(String text) {
    return new Message(text, Channel.WEB, List.of(new NewAttachment("f.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8))));
  }

  /** Every blob key some stored entry refers to. */
  private Set<String> referenced(Helpdesk h, List<TicketId> ids) {
    Set<String> keys = new HashSet<>();
    for (TicketId id : ids) {
      for (Entry e : h.tickets().conversation(system, id)) {
        e.attachments().forEach(a -> keys.add(a.blobKey()));
      }
    }
    return keys;
  }

  @Test
  @DisplayName("a conflict that is retried, and writes the store refuses, delete the blobs they had written")
  void refusedWrites() {
    Helpdesk h = helpdesk();
    Ticket t = h.tickets().create(system, NewTicket.builder("Printer", CAROL, withFile("first")).build());
    // one conflict, retried by the service (ANY_VERSION): the first attempt's blob must go
    failNextWrite.set(() -> new ConcurrentModificationException("raced"));
    h.tickets().addNote(system, t.id(), Ticket.ANY_VERSION, withFile("note"));
    // a conflict the caller asked to see (an explicit version): nothing stored, nothing left
    failNextWrite.set(() -> new ConcurrentModificationException("raced"));
    long v = h.tickets().get(system, t.id()).version();
    assertThatThrownBy(() -> h.tickets().reply(system, t.id(), v, withFile("reply"))).isInstanceOf(ConcurrentModificationException.class);
    // a store that refuses a new ticket
    failNextWrite.set(() -> new ValidationException("refused"));
    assertThatThrownBy(() -> h.tickets().create(system, NewTicket.builder("Second", CAROL, withFile("second")).build()))
        .isInstanceOf(ValidationException.class);
    assertThat(blobs.live).isEqualTo(referenced(h, List.of(t.id()))).hasSize(2);
  }

  @Test
  @DisplayName("a storage failure keeps the blobs: the write may have been committed before the failure")
  void storageFailureKeeps() {
    Helpdesk h = helpdesk();
    Ticket t = h.tickets().create(system, NewTicket.builder("Printer", CAROL, withFile("first")).build());
    failNextWrite.set(() -> new StorageException("connection lost", new RuntimeException()));
    assertThatThrownBy(() -> h.tickets().addNote(system, t.id(), t.version(), withFile("note"))).isInstanceOf(StorageException.class);
    assertThat(blobs.live).hasSize(2).containsAll(referenced(h, List.of(t.id())));
  }

  @Test
  @DisplayName("many writers racing on one ticket leave exactly the blobs their stored entries refer to")
  void racingWriters() throws Exception {
    Helpdesk h = helpdesk();
    Ticket t = h.tickets().create(system, NewTicket.builder("Hot ticket", CAROL, withFile("first")).build());
    int threads = 4;
    int notes = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger conflicts = new AtomicInteger();
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      int writer = w;
      done.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < notes; i++) {
          // every third write of every writer meets a conflict first, which the service retries
          if (i % 3 == 0) {
            failNextWrite.compareAndSet(null, () -> {
              conflicts.incrementAndGet();
              return new ConcurrentModificationException("raced");
            });
          }
          h.tickets().addNote(system, t.id(), Ticket.ANY_VERSION, withFile("note " + writer + "/" + i));
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(conflicts.get()).isPositive();
    Set<String> refs = referenced(h, List.of(t.id()));
    assertThat(refs).hasSize(1 + threads * notes);
    assertThat(blobs.live).isEqualTo(refs);
  }
}
