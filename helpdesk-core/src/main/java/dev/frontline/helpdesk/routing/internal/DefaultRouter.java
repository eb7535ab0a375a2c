package dev.frontline.helpdesk.routing.internal;

import dev.frontline.helpdesk.routing.AssignmentStrategy;
import dev.frontline.helpdesk.routing.Availability;
import dev.frontline.helpdesk.routing.Candidate;
import dev.frontline.helpdesk.routing.Capacity;
import dev.frontline.helpdesk.routing.Router;
import dev.frontline.helpdesk.routing.RoutingPolicy;
import dev.frontline.helpdesk.routing.RoutingResult;
import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.internal.Kernel;
import dev.frontline.helpdesk.HelpdeskException;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.spi.AgentAvailability;
import dev.frontline.helpdesk.spi.DirectoryStore;
import dev.frontline.helpdesk.spi.RoutingLedger;
import dev.frontline.helpdesk.spi.RoutingLedger.Held;
import dev.frontline.helpdesk.spi.RoutingLedger.Load;
import dev.frontline.helpdesk.spi.RoutingLedger.Slot;
import dev.frontline.helpdesk.ticket.Channel;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assigns tickets to agents with an {@link AssignmentStrategy}, within each agent's {@link
 * Capacity}, and holds the tickets nobody has room for in a queue that is served fairly (higher
 * priority first, then longest waiting first) as capacity frees up. A held ticket that fits nowhere
 * yet is overtaken by later ones that fit for at most {@link RoutingPolicy#overtakeLimit()}; then
 * its agents keep their freed room for it.
 *
 * <p>Only active, {@link Availability#ONLINE online} agents who are members of a team serving the
 * ticket's tier (of the ticket's team, if it has one) are candidates. Assignments go through {@link
 * TicketService#assign} as the system principal {@code system:router}, so they are validated and
 * audited like any other. The router listens to ticket events (it registers itself with {@link
 * Helpdesk#addListener}): tickets that are solved, closed, merged, moved to another tier or
 * unassigned free their agent's capacity, and assignments made by people count against it.
 *
 * <p>Loads and the held queue live in a {@link RoutingLedger}. With the default, in-memory ledger
 * they belong to this process: route from one node. Routers on several nodes that share a ledger
 * (e.g. the JDBC one) and the same {@link RoutingPolicy} work as one: the capacity check and the
 * reservation are one atomic step of the ledger, so no agent goes over capacity, and whichever
 * node frees capacity serves the common held queue.
 *
 * <p>Thread-safe: within a router, choices are made one at a time; the assignment itself is stored
 * outside the lock, and a failed assignment gives the reservation back.
 */
public final class DefaultRouter implements Router, TicketListener {
  private static final Logger LOG = LoggerFactory.getLogger(Router.class);
  private static final Principal ROUTER = Principal.system("router");
  private static final int RETRIES = 5;
  /** How many held tickets one pick looks at, in serving order. */
  private static final int HELD_SCAN = 1_000;
  /** Lost reservations (another router was faster) in a row before a drain gives up. */
  private static final int MAX_MISSES = 20;

  private final TicketService tickets;
  private final DirectoryStore directory;
  private final AgentAvailability availability;
  private final AssignmentStrategy strategy;
  private final RoutingPolicy policy;
  private final RoutingLedger ledger;
  private final Clock clock;

  private final ReentrantLock lock = new ReentrantLock();
  /** Tickets reserved for an agent whose assignment is being stored right now. */
  private final Set<TicketId> inFlight = new HashSet<>();

  public DefaultRouter(Kernel helpdesk, AssignmentStrategy strategy, AgentAvailability availability, RoutingPolicy policy,
      RoutingLedger ledger) {
    this.tickets = helpdesk.tickets();
    this.directory = helpdesk.directory();
    this.availability = availability;
    this.strategy = strategy;
    this.policy = policy;
    this.ledger = ledger;
    this.clock = helpdesk.clock();
  }

  private Slot slot(TicketId id, AgentId agent, Channel channel) {
    return new Slot(id, agent, channel, policy.weight(channel));
  }

  /** Brings the ledger in step with the active tickets' assignments; called once before the router listens. */
  public void loadAssignments() {
    Set<TicketId> assigned = new HashSet<>();
    String cursor = null;
    do {
      TicketPage page = tickets.query(ROUTER, TicketQuery.builder()
          .states(TicketState.NEW, TicketState.OPEN, TicketState.PENDING, TicketState.ON_HOLD)
          .sort(TicketSort.CREATED_ASC).limit(TicketQuery.MAX_LIMIT).after(cursor).build());
      lock.lock();
      try {
        for (Ticket t : page.items()) {
          if (t.assignee() != null) {
            assigned.add(t.id());
            ledger.put(slot(t.id(), t.assignee(), t.channel()));
          }
        }
      } finally {
        lock.unlock();
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    // slots left behind by tickets that closed while no router listened (a shared ledger)
    lock.lock();
    try {
      for (Slot s : ledger.slots()) {
        if (!assigned.contains(s.ticket())) {
          reconcile(s.ticket(), true);
        }
      }
    } finally {
      lock.unlock();
    }
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
        reconcile(id, false);
      }
      Optional<Slot> s = ledger.slot(id);
      if (s.isPresent()) {
        return new RoutingResult(id, RoutingResult.Outcome.ALREADY_ASSIGNED, s.get().agent());
      }
      ledger.hold(new Held(t.id(), t.priority(), clock.instant()));
    } finally {
      lock.unlock();
    }
    drain();
    lock.lock();
    try {
      Optional<Slot> s = ledger.slot(id);
      if (s.isPresent()) {
        return new RoutingResult(id, RoutingResult.Outcome.ASSIGNED, s.get().agent());
      }
      return ledger.isHeld(id)
          ? new RoutingResult(id, RoutingResult.Outcome.HELD, null)
          : new RoutingResult(id, RoutingResult.Outcome.NOT_ROUTABLE, null);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Serves the held queue in order as far as capacity allows. Called after every release; call it
   * also when agents come online or capacities grow (with a shared ledger, on any one node).
   *
   * @return how many tickets were assigned
   */
  public int drain() {
    int assigned = 0;
    int misses = 0;
    while (true) {
      Pick p;
      lock.lock();
      try {
        p = nextPick();
        if (p == null) {
          return assigned;
        }
        if (!ledger.reserve(slot(p.ticket.id(), p.agent.id(), p.ticket.channel()), policy.capacity(p.agent.id()))) {
          // another router took the room, or the ticket, first
          if (ledger.slot(p.ticket.id()).isPresent()) {
            ledger.unhold(p.ticket.id());
          }
          if (++misses > MAX_MISSES) {
            return assigned;
          }
          continue;
        }
        misses = 0;
        inFlight.add(p.ticket.id());
      } finally {
        lock.unlock();
      }
      if (assign(p.ticket, p.team, p.agent.id(), p.held)) {
        assigned++;
      }
    }
  }

  private record Pick(Held held, Ticket ticket, Agent agent, TeamId team) {}

  /**
   * Under the lock: the first held ticket someone has room for, with that someone. Agents who could
   * take an earlier held ticket that has waited past the overtake limit (if they had room) are
   * kept for it and take nothing behind it.
   */
  private @Nullable Pick nextPick() {
    List<Held> queue = ledger.held(HELD_SCAN);
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
    Map<AgentId, Load> loads = ledger.loads();
    java.time.Instant overdue = clock.instant().minus(policy.overtakeLimit());
    Set<AgentId> kept = new HashSet<>();
    for (Held h : queue) {
      Optional<Ticket> ot = tickets.find(ROUTER, h.ticket());
      if (ot.isEmpty() || !ot.get().state().isActive() || ot.get().assignee() != null) {
        reconcile(h.ticket(), false);
        continue;
      }
      Ticket t = ot.get();
      List<Candidate> candidates = new ArrayList<>();
      List<AgentId> waitingFor = new ArrayList<>();
      for (Agent a : online) {
        if (kept.contains(a.id()) || teamFor(a, t, tiers) == null) {
          continue;
        }
        Load l = loads.getOrDefault(a.id(), Load.NONE);
        Capacity cap = policy.capacity(a.id());
        Slot s = slot(t.id(), a.id(), t.channel());
        if (l.fits(s, cap)) {
          candidates.add(new Candidate(a, l.units(), cap, l.tickets()));
        } else if (Load.NONE.fits(s, cap)) {
          waitingFor.add(a.id()); // would fit once enough of the agent's work is done
        }
      }
      if (candidates.isEmpty()) {
        if (!h.since().isAfter(overdue)) {
          kept.addAll(waitingFor);
        }
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
        reconcile(t.id(), true); // capacity it frees is used by the caller's next round of draining
        if (!ok && ledger.slot(t.id()).isEmpty() && !ledger.isHeld(t.id())
            && tickets.find(ROUTER, t.id()).filter(x -> x.state().isActive() && x.assignee() == null).isPresent()) {
          // still waiting: back to its place in the queue (it keeps its waiting time)
          ledger.hold(h);
        }
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Under the lock: makes the ledger agree with the stored ticket (re-read, so replayed or
   * reordered events are harmless). Tickets in flight here are settled when their assignment
   * returns. An active, unassigned ticket keeps its slot unless {@code unassigned} says that the
   * slot is stale (an unassignment was seen, or the slot is this router's own failed reservation):
   * with a shared ledger, it may be another node's reservation whose assignment is being stored.
   * Another node may change the ticket between the read and the write, so the result is checked
   * against a fresh read and settled again if they disagree.
   *
   * @return whether capacity was freed
   */
  private boolean reconcile(TicketId id, boolean unassigned) {
    if (inFlight.contains(id)) {
      return false;
    }
    boolean freed = false;
    boolean stale = unassigned;
    Optional<Ticket> ot = tickets.find(ROUTER, id);
    Optional<Slot> before = ledger.slot(id);
    for (int round = 0; round < 3; round++) {
      boolean wrote = false;
      if (ot.isEmpty() || !ot.get().state().isActive()) {
        ledger.unhold(id);
        freed |= ledger.release(id).isPresent();
      } else if (ot.get().assignee() == null) {
        if (before.isPresent() && stale) {
          ledger.unhold(id);
          freed |= ledger.release(id).isPresent();
        }
      } else {
        Ticket t = ot.get();
        ledger.put(slot(id, Objects.requireNonNull(t.assignee()), t.channel()));
        wrote = true;
        freed |= before.isPresent() && !before.get().agent().equals(t.assignee());
      }
      Optional<Ticket> now = tickets.find(ROUTER, id);
      Optional<Slot> after = ledger.slot(id);
      AgentId should = now.filter(x -> x.state().isActive()).map(Ticket::assignee).orElse(null);
      boolean settled = should == null
          ? after.isEmpty() || (!stale && !wrote && now.isPresent() && now.get().state().isActive())
          : after.isPresent() && after.get().agent().equals(should);
      if (settled) {
        return freed;
      }
      stale = true; // the ticket changed under this write: what the ledger holds now is stale
      ot = now;
      before = after;
    }
    return freed;
  }

  /**
   * Records an agent's presence in the router's {@link AgentAvailability} and, when the agent
   * comes {@link Availability#ONLINE online}, serves the held queue at once. Agents who go away or
   * offline keep the tickets they have and receive no new ones.
   *
   * @param agent an agent
   * @param status their new availability
   * @return how many held tickets were assigned as a result
   */
  public int setAvailability(AgentId agent, Availability status) {
    Checks.notNull(agent, "agent");
    Checks.notNull(status, "availability");
    availability.set(agent, status);
    return status == Availability.ONLINE ? drain() : 0;
  }

  /**
   * @param agent an agent
   * @return the load units of the agent's open tickets known to the ledger
   */
  public int load(AgentId agent) {
    Checks.notNull(agent, "agent");
    return ledger.loads().getOrDefault(agent, Load.NONE).units();
  }

  /** @return the held tickets in the order they will be served */
  public List<TicketId> held() {
    return ledger.held(Integer.MAX_VALUE).stream().map(Held::ticket).toList();
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
      // ticket -> whether the change moved it off an agent (its slot, if any, is then stale)
      Map<TicketId, Boolean> touched = new java.util.LinkedHashMap<>();
      for (TicketEvent e : events) {
        TicketChange c = e.change();
        if (c instanceof TicketChange.Assigned || c instanceof TicketChange.TierChanged) {
          touched.put(e.ticketId(), true);
        } else if (c instanceof TicketChange.StateChanged || c instanceof TicketChange.MergedInto) {
          touched.putIfAbsent(e.ticketId(), false);
        } else if (c instanceof TicketChange.PriorityChanged pc) {
          ledger.reprioritize(e.ticketId(), pc.to());
        }
      }
      for (Map.Entry<TicketId, Boolean> t : touched.entrySet()) {
        freed |= reconcile(t.getKey(), t.getValue());
      }
    } finally {
      lock.unlock();
    }
    if (freed) {
      drain();
    }
  }
}
