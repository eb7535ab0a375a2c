package dev.frontline.helpdesk.benchmarks;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.spi.memory.InMemoryStores;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.access.Roles;
import dev.frontline.helpdesk.access.TeamAccess;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.SupportTier;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.spi.memory.InMemoryBlobStore;
import dev.frontline.helpdesk.spi.memory.InMemoryDirectoryStore;
import dev.frontline.helpdesk.spi.memory.InMemoryTicketStore;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.spi.IdGenerator;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryId;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketHistory;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A ticket's basic life on the in-memory store through the full service layer (validation,
 * permission checks, event folding, listeners): create with a first message, an agent reply, and
 * solve. The baseline is the same three state changes written straight to the store.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class TicketLifecycleBenchmark {
  private Helpdesk helpdesk;
  private TicketStore rawStore;
  private final Principal agent = Principal.agent(AgentId.of("alice"));
  private final CustomerId carol = CustomerId.of("carol");
  private final IdGenerator ids = IdGenerator.secureRandom();

  /** Creates the benchmark state. */
  public TicketLifecycleBenchmark() {}

  /** A fresh helpdesk per iteration, so the store does not grow without bound. */
  @Setup(Level.Iteration)
  public void setUp() {
    InMemoryDirectoryStore dir = new InMemoryDirectoryStore();
    Roles.defaults().forEach(dir::saveRole);
    TeamId front = TeamId.of("front");
    dir.saveTeam(new Team(front, "Front line", 1));
    dir.saveTier(new SupportTier(1, "Front line", front));
    dir.saveAgent(Agent.of(AgentId.of("alice"), "Alice", "alice@example.com", Set.of("agent"), Map.of(front, TeamAccess.FULL)));
    dir.saveCustomer(Customer.of(carol, "Carol", "carol@example.com"));
    rawStore = new InMemoryTicketStore();
    helpdesk = Helpdesk.builder().stores(InMemoryStores.builder().ticketStore(rawStore).directoryStore(dir).build()).build();
  }

  /**
   * Create, reply, solve.
   *
   * @return the solved ticket
   */
  @Benchmark
  public Ticket createReplySolve() {
    Ticket t = helpdesk.tickets().create(agent, NewTicket.builder("Printer on fire", carol, Message.of("It is on fire.")).team(TeamId.of("front")).build());
    t = helpdesk.tickets().reply(agent, t.id(), t.version(), Message.of("Please step away from the printer."));
    return helpdesk.tickets().transition(agent, t.id(), t.version(), TicketState.SOLVED);
  }

  /**
   * Baseline: the same snapshots and events written straight to the same kind of store, without
   * the service layer (no validation, permission checks or listeners).
   *
   * @return the solved ticket
   */
  @Benchmark
  public Ticket rawStoreBaseline() {
    TicketStore store = rawStore;
    java.time.Instant now = java.time.Instant.now();
    TicketId id = new TicketId(ids.next());
    Author customer = new Author(Author.Kind.CUSTOMER, "customer:carol");
    Author agentAuthor = new Author(Author.Kind.AGENT, "agent:alice");
    TicketEvent created = new TicketEvent(id, 1, agentAuthor, now, new TicketChange.Created(
        new TicketKey("HD", store.nextKeyNumber("HD")), "Printer on fire", carol, null, Channel.WEB, Priority.NORMAL,
        TicketType.QUESTION, new TreeSet<>(), new TreeMap<>(), 1, TeamId.of("front"), null));
    Ticket t = TicketHistory.apply(null, created);
    TicketEvent first = new TicketEvent(id, 2, agentAuthor, now, new TicketChange.EntryAdded(
        new Entry(new EntryId(ids.next()), EntryKind.PUBLIC_REPLY, customer, Channel.WEB, "It is on fire.", now, List.of())));
    t = TicketHistory.apply(t, first);
    store.create(t, List.of(created, first));
    TicketEvent reply = new TicketEvent(id, 3, agentAuthor, now, new TicketChange.EntryAdded(
        new Entry(new EntryId(ids.next()), EntryKind.PUBLIC_REPLY, agentAuthor, Channel.WEB, "Please step away from the printer.", now, List.of())));
    TicketEvent open = new TicketEvent(id, 4, agentAuthor, now, new TicketChange.StateChanged(TicketState.NEW, TicketState.OPEN));
    Ticket t2 = TicketHistory.apply(TicketHistory.apply(t, reply), open);
    store.update(t2, 2, List.of(reply, open));
    TicketEvent solve = new TicketEvent(id, 5, agentAuthor, now, new TicketChange.StateChanged(TicketState.OPEN, TicketState.SOLVED));
    Ticket t3 = TicketHistory.apply(t2, solve);
    store.update(t3, 4, List.of(solve));
    return t3;
  }
}
