package dev.frontline.helpdesk.routing;

import static dev.frontline.helpdesk.OpsDesk.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.OpsDesk;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.spi.memory.InMemoryAgentAvailability;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RouterConcurrencyTest {
  static final List<AgentId> FRONT_AGENTS = List.of(ALICE, AMY, LEAD);
  static final Channel[] CHANNELS = {Channel.PHONE, Channel.CHAT, Channel.EMAIL, Channel.WEB, Channel.IN_PERSON};

  @Test
  @DisplayName("many threads routing and solving many tickets never put an agent over capacity, and nothing is lost")
  void neverOverCapacity() throws Exception {
    long seed = Long.getLong("frontline.seed", System.nanoTime());
    System.out.println("RouterConcurrencyTest seed: " + seed + " (rerun with -Dfrontline.seed=" + seed + ")");
    Random seeds = new Random(seed);
    InMemoryAgentAvailability presence = new InMemoryAgentAvailability();
    FRONT_AGENTS.forEach(a -> presence.set(a, Availability.ONLINE));
    RoutingPolicy policy = RoutingPolicy.builder().defaultCapacity(Capacity.of(20).withLimit(Channel.CHAT, 3)).build();
    OpsDesk d = new OpsDesk(b -> b.routing(policy, new LeastLoaded(), presence));
    Router router = d.helpdesk.routing();
    int threads = 8;
    int perThread = 40;
    AtomicBoolean overCapacity = new AtomicBoolean();
    AtomicBoolean done = new AtomicBoolean();
    ConcurrentLinkedQueue<TicketId> created = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    futures.add(pool.submit(() -> {
      while (!done.get()) {
        for (AgentId a : FRONT_AGENTS) {
          if (router.load(a) > 20) {
            overCapacity.set(true);
          }
        }
        Thread.onSpinWait();
      }
      return null;
    }));
    for (int i = 0; i < threads; i++) {
      long s = seeds.nextLong();
      int n = i;
      futures.add(pool.submit(() -> {
        Random rnd = new Random(s);
        go.await();
        for (int k = 0; k < perThread; k++) {
          Ticket t = d.ticket("t" + n + "-" + k, CHANNELS[rnd.nextInt(CHANNELS.length)]);
          created.add(t.id());
          router.route(t.id());
          if (rnd.nextInt(3) == 0) {
            // solve a random assigned ticket, freeing capacity while others route
            List<Ticket> mine = d.store.query(TicketQuery.builder().assignee(FRONT_AGENTS.get(rnd.nextInt(3)))
                .states(TicketState.NEW).limit(5).build(), TicketVisibility.everything()).items();
            if (!mine.isEmpty()) {
              Ticket victim = mine.get(rnd.nextInt(mine.size()));
              try {
                d.tickets.transition(d.system, victim.id(), victim.version(), TicketState.SOLVED);
              } catch (dev.frontline.helpdesk.ConcurrentModificationException | dev.frontline.helpdesk.IllegalTransitionException e) {
                // another thread got there first
              }
            }
          }
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : futures.subList(1, futures.size())) {
      f.get(120, TimeUnit.SECONDS);
    }
    done.set(true);
    futures.get(0).get(10, TimeUnit.SECONDS);
    pool.shutdown();

    assertThat(overCapacity).isFalse();
    assertThat(router.drain()).as("held tickets left waiting although an agent had room").isZero();
    RoutingChecks.assertConsistent(created, id -> d.store.find(id).orElseThrow(), router, router, policy, FRONT_AGENTS, 20, 3);
    assertThat(created).hasSize(threads * perThread);
  }
}
