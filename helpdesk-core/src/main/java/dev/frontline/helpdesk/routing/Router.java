package dev.frontline.helpdesk.routing;

import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.HelpdeskException;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.spi.AgentAvailability;
import dev.frontline.helpdesk.spi.DirectoryStore;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketListener;
import dev.frontline.helpdesk.ticket.TicketPage;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketService;
import dev.frontline.helpdesk.ticket.TicketSort;
import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.HashSet;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assigns tickets to agents with an {@link AssignmentStrategy}, within each agent's {@link
 * Capacity}, and holds the tickets nobody has room for in a queue that is served fairly (higher
 * priority first, then longest waiting first) as capacity frees up.
 *
 * <p>Only active, {@link Availability#ONLINE online} agents who are members of a team serving the
 * ticket's tier (of the ticket's team, if it has one) are candidates. Assignments go through {@link
 * TicketService#assign} as the system principal {@code system:router}, so they are validated and
 * audited like any other. The router listens to ticket events (it registers itself with {@link
 * Helpdesk#addListener}): tickets that are solved, closed, merged, moved to another tier or
 * unassigned free their agent's capacity, and assignments made by people count against it.
 *
 * <p>Thread-safe: the choice of agent and the reservation of its capacity happen atomically under
 * one lock; the assignment itself is stored outside the lock, and a failed assignment gives the
 * reservation back. So concurrent routing never puts an agent over capacity. The load ledger lives
 * in this process: with several application nodes, route from one node (or give each node its own
 * agents).
 */
public final class Router implements TicketListener {
  private static final Logger LOG = LoggerFactory.getLogger(Router.class);
  private static final Principal ROUTER = Principal.system("router");
  private static final int RETRIES = 5;

  private final TicketService tickets;
  private final DirectoryStore directory;
  private final AgentAvailability availability;
  private final AssignmentStrategy strategy;
  private final RoutingPolicy policy;
  private final Clock clock;

  private final ReentrantLock lock = new ReentrantLock();
  private final Map<TicketId, Slot> slots = new HashMap<>();
  private final Map<AgentId, Load> loads = new HashMap<>();
  private final Map<TicketId, Held> heldById = new HashMap<>();
  private final TreeSet<Held> queue = new TreeSet<>(Held.ORDER);
  /** Tickets reserved for an agent whose assignment is being stored right now. */
  private final Set<TicketId> inFlight = new HashSet<>();
  private long seq;

  private record Slot(AgentId agent, Channel channel, int weight) {}

  private static final class Load {
    int units;
    int tickets;
    final Map<Channel, Integer> perChannel = new EnumMap<>(Channel.class);
  }

  private record Held(TicketId id, Priority priority, Instant since, long seq) {
    static final Comparator<Held> ORDER =
        Comparator.comparing(Held::priority, Comparator.reverseOrder()).thenComparing(Held::since).thenComparingLong(Held::seq);
  }

  private Router(Helpdesk helpdesk, AssignmentStrategy strategy, AgentAvailability availability, RoutingPolicy policy) {
    this.tickets = helpdesk.tickets();
    this.directory = helpdesk.directory();
    this.availability = availability;
    this.strategy = strategy;
    this.policy = policy;
    this.clock = helpdesk.clock();
  }

  /**
   * Creates a router, loads the current assignments of active tickets into its ledger and registers
   * it as a listener of the helpdesk.
   *
   * @param helpdesk the helpdesk
   * @param strategy chooses among candidates
   * @param availability agents' presence
   * @param policy weights and capacities
   * @return the router
   */
  public static Router create(Helpdesk helpdesk, AssignmentStrategy strategy, AgentAvailability availability, RoutingPolicy policy) {
    Router r = new Router(Objects.requireNonNull(helpdesk, "helpdesk"), Objects.requireNonNull(strategy, "strategy"),
        Objects.requireNonNull(availability, "availability"), Objects.requireNonNull(policy, "policy"));
    r.loadAssignments();
    helpdesk.addListener(r);
    return r;
  }

  private void loadAssignments() {
    String cursor = null;
    do {
      TicketPage page = tickets.query(ROUTER, TicketQuery.builder()
          .states(TicketState.NEW, TicketState.OPEN, TicketState.PENDING, TicketState.ON_HOLD)
          .sort(TicketSort.CREATED_ASC).limit(TicketQuery.MAX_LIMIT).after(cursor).build());
      lock.lock();
      try {
        for (Ticket t : page.items()) {
          if (t.assignee() != null) {
            track(t.id(), t.assignee(), t.channel());
          }
        }
      } finally {
        lock.unlock();
      }
      cursor = page.nextCursor();
    } while (cursor != null);
  }

  /**
   * Routes a ticket: it joins the held queue behind tickets that waited longer (or have a higher
   * priority), and the queue is served as far as capacity allows.
   *
   * @param id the ticket
   * @return what happened to it
   * @throws dev.frontline.helpdesk.NotFoundException if there is no such ticket
   */
  public RoutingResult route(TicketId id) {
    Checks.notNull(id, "ticket id");
    Ticket t = tickets.get(ROUTER, id);
    if (!t.state().isActive()) {
      return new RoutingResult(id, RoutingResult.Outcome.NOT_ROUTABLE, null);
    }
    lock.lock();
    try {
      if (t.assignee() != null) {
        reconcile(id);
      }
      Slot s = slots.get(id);
      if (s != null) {
        return new RoutingResult(id, RoutingResult.Outcome.ALREADY_ASSIGNED, s.agent());
      }
      enqueue(t, clock.instant());
    } finally {
      lock.unlock();
    }
    drain();
    lock.lock();
    try {
      Slot s = slots.get(id);
      if (s != null) {
        return new RoutingResult(id, RoutingResult.Outcome.ASSIGNED, s.agent());
      }
      return heldById.containsKey(id)
          ? new RoutingResult(id, RoutingResult.Outcome.HELD, null)
          : new RoutingResult(id, RoutingResult.Outcome.NOT_ROUTABLE, null);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Serves the held queue in order as far as capacity allows. Called after every release; call it
   * also when agents come online or capacities grow.
   *
   * @return how many tickets were assigned
   */
  public int drain() {
    int assigned = 0;
    while (true) {
      Held h;
      Agent agent;
      TeamId team;
      Ticket t;
      lock.lock();
      try {
        Pick p = nextPick();
        if (p == null) {
          return assigned;
        }
        h = p.held;
        agent = p.agent;
        team = p.team;
        t = p.ticket;
        queue.remove(h);
        heldById.remove(h.id());
        track(t.id(), agent.id(), t.channel());
        inFlight.add(t.id());
      } finally {
        lock.unlock();
      }
      if (assign(t, team, agent.id(), h)) {
        assigned++;
      }
    }
  }

  private record Pick(Held held, Ticket ticket, Agent agent, TeamId team) {}

  /** Under the lock: the first held ticket someone has room for, with that someone. */
  private @Nullable Pick nextPick() {
    if (queue.isEmpty()) {
      return null;
    }
    List<Agent> online = new ArrayList<>();
    for (Agent a : directory.agents()) {
      if (a.active() && availability.status(a.id()) == Availability.ONLINE) {
        online.add(a);
      }
    }
    if (online.isEmpty()) {
      return null;
    }
    Map<TeamId, Integer> tiers = new HashMap<>();
    for (Team tm : directory.teams()) {
      tiers.put(tm.id(), tm.tier());
    }
    for (Held h : new ArrayList<>(queue)) {
      Optional<Ticket> ot = tickets.find(ROUTER, h.id());
      if (ot.isEmpty() || !ot.get().state().isActive() || ot.get().assignee() != null) {
        reconcile(h.id());
        continue;
      }
      Ticket t = ot.get();
      List<Candidate> candidates = new ArrayList<>();
      for (Agent a : online) {
        if (teamFor(a, t, tiers) != null && hasRoom(a.id(), t.channel())) {
          Load l = loads.get(a.id());
          candidates.add(new Candidate(a, l == null ? 0 : l.units, policy.capacity(a.id()), l == null ? 0 : l.tickets));
        }
      }
      if (candidates.isEmpty()) {
        continue;
      }
      Optional<Agent> chosen = strategy.choose(t, List.copyOf(candidates));
      if (chosen.isPresent()) {
        Agent a = chosen.get();
        if (candidates.stream().noneMatch(c -> c.agent().id().equals(a.id()))) {
          throw new HelpdeskException("assignment strategy chose an agent who is not a candidate");
        }
        return new Pick(h, t, a, Objects.requireNonNull(teamFor(a, t, tiers)));
      }
    }
    return null;
  }

  private static @Nullable TeamId teamFor(Agent a, Ticket t, Map<TeamId, Integer> tiers) {
    if (t.team() != null && Objects.equals(tiers.get(t.team()), t.tier())) {
      return a.teams().containsKey(t.team()) ? t.team() : null;
    }
    return a.teams().keySet().stream().filter(tm -> Objects.equals(tiers.get(tm), t.tier())).sorted().findFirst().orElse(null);
  }

  private boolean hasRoom(AgentId agent, Channel channel) {
    Capacity cap = policy.capacity(agent);
    Load l = loads.get(agent);
    int units = l == null ? 0 : l.units;
    if (units + policy.weight(channel) > cap.units()) {
      return false;
    }
    Integer max = cap.maxPerChannel().get(channel);
    int n = l == null ? 0 : l.perChannel.getOrDefault(channel, 0);
    return max == null || n < max;
  }

  /** Assigns outside the lock; then settles the ledger from the stored ticket. */
  private boolean assign(Ticket ticket, TeamId team, AgentId agent, Held h) {
    Ticket t = ticket;
    boolean ok = false;
    try {
      for (int attempt = 0; ; attempt++) {
        try {
          tickets.assign(ROUTER, t.id(), t.version(), team, agent);
          ok = true;
          return true;
        } catch (ConcurrentModificationException e) {
          Optional<Ticket> fresh = tickets.find(ROUTER, t.id());
          if (attempt < RETRIES && fresh.isPresent() && fresh.get().state().isActive() && fresh.get().assignee() == null
              && fresh.get().tier() == t.tier() && Objects.equals(fresh.get().team(), t.team())) {
            t = fresh.get();
            continue;
          }
          return false;
        } catch (RuntimeException e) {
          LOG.warn("routing ticket {} to {} failed: {}", t.key(), agent, e.getMessage());
          return false;
        }
      }
    } finally {
      lock.lock();
      try {
        inFlight.remove(t.id());
        reconcile(t.id()); // capacity it frees is used by the caller's next round of draining
        if (!ok && !slots.containsKey(t.id()) && !heldById.containsKey(t.id())
            && tickets.find(ROUTER, t.id()).filter(x -> x.state().isActive() && x.assignee() == null).isPresent()) {
          // still waiting: back to its old place in the queue
          queue.add(h);
          heldById.put(h.id(), h);
        }
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Under the lock: makes the ledger and queue agree with the stored ticket (re-read, so replayed or
   * reordered events are harmless). Tickets in flight are settled when their assignment returns.
   *
   * @return whether capacity was freed
   */
  private boolean reconcile(TicketId id) {
    if (inFlight.contains(id)) {
      return false;
    }
    Optional<Ticket> ot = tickets.find(ROUTER, id);
    Slot before = slots.get(id);
    if (ot.isEmpty() || !ot.get().state().isActive() || ot.get().assignee() == null) {
      if (ot.isEmpty() || !ot.get().state().isActive() || before != null) {
        dequeue(id);
      }
      return untrack(id);
    }
    Ticket t = ot.get();
    dequeue(id);
    track(id, t.assignee(), t.channel());
    return before != null && !before.agent().equals(t.assignee());
  }

  private void dequeue(TicketId id) {
    Held h = heldById.remove(id);
    if (h != null) {
      queue.remove(h);
    }
  }

  private void enqueue(Ticket t, Instant since) {
    if (!heldById.containsKey(t.id())) {
      Held h = new Held(t.id(), t.priority(), since, seq++);
      heldById.put(t.id(), h);
      queue.add(h);
    }
  }

  private void track(TicketId id, AgentId agent, Channel channel) {
    Slot old = slots.get(id);
    if (old != null) {
      if (old.agent().equals(agent)) {
        return;
      }
      untrack(id);
    }
    Slot s = new Slot(agent, channel, policy.weight(channel));
    slots.put(id, s);
    Load l = loads.computeIfAbsent(agent, a -> new Load());
    l.units += s.weight();
    l.tickets++;
    l.perChannel.merge(channel, 1, Integer::sum);
  }

  private boolean untrack(TicketId id) {
    Slot s = slots.remove(id);
    if (s == null) {
      return false;
    }
    Load l = loads.get(s.agent());
    l.units -= s.weight();
    l.tickets--;
    l.perChannel.merge(s.channel(), -1, Integer::sum);
    return true;
  }

  /**
   * @param agent an agent
   * @return the load units of the agent's open tickets known to the router
   */
  public int load(AgentId agent) {
    lock.lock();
    try {
      Load l = loads.get(agent);
      return l == null ? 0 : l.units;
    } finally {
      lock.unlock();
    }
  }

  /** @return the held tickets in the order they will be served */
  public List<TicketId> held() {
    lock.lock();
    try {
      return queue.stream().map(Held::id).toList();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Keeps the ledger in step with the tickets: releases capacity of tickets that leave work,
   * counts assignments made elsewhere, re-orders held tickets whose priority changed, then serves
   * the queue if capacity was freed.
   *
   * @param events the events of one change
   */
  @Override
  public void onEvents(List<TicketEvent> events) {
    boolean freed = false;
    lock.lock();
    try {
      Set<TicketId> touched = new java.util.LinkedHashSet<>();
      for (TicketEvent e : events) {
        TicketChange c = e.change();
        if (c instanceof TicketChange.Assigned || c instanceof TicketChange.StateChanged || c instanceof TicketChange.MergedInto
            || c instanceof TicketChange.TierChanged) {
          touched.add(e.ticketId());
        } else if (c instanceof TicketChange.PriorityChanged pc) {
          Held h = heldById.get(e.ticketId());
          if (h != null) {
            queue.remove(h);
            Held moved = new Held(h.id(), pc.to(), h.since(), h.seq());
            heldById.put(h.id(), moved);
            queue.add(moved);
          }
        }
      }
      for (TicketId id : touched) {
        freed |= reconcile(id);
      }
    } finally {
      lock.unlock();
    }
    if (freed) {
      drain();
    }
  }
}
