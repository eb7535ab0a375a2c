package dev.frontline.helpdesk.automation;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.internal.ActionRunner;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.spi.NotificationSink;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketListener;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Trigger}s on ticket events. Registered as a listener of the helpdesk, it sees every
 * stored change after it is committed; matching triggers act as {@code system:trigger} through the
 * ticket service, in registration order.
 *
 * <p>Loop protection: the changes a trigger makes are themselves events, delivered on the same
 * thread, and may fire other triggers (a cascade). Within one cascade each trigger fires at most
 * once per ticket, so its own changes never re-trigger it, and the cascade stops at {@link
 * #maxDepth()} nested rounds (default 5) with a warning, so two triggers cannot ping-pong forever.
 * A trigger whose action fails is logged and skipped; the others still run. Thread-safe.
 */
public final class TriggerEngine implements TicketListener {
  private static final Logger LOG = LoggerFactory.getLogger(TriggerEngine.class);
  private static final Principal ACTOR = Principal.system("trigger");

  private final Helpdesk helpdesk;
  private final ActionRunner runner;
  private final int maxDepth;
  private final List<Trigger> triggers = new CopyOnWriteArrayList<>();
  private final ThreadLocal<Cascade> cascade = new ThreadLocal<>();

  private static final class Cascade {
    int depth;
    final Set<String> fired = new HashSet<>();
  }

  private TriggerEngine(Helpdesk helpdesk, NotificationSink sink, int maxDepth) {
    this.helpdesk = helpdesk;
    this.runner = new ActionRunner(helpdesk, sink);
    this.maxDepth = maxDepth;
  }

  /**
   * Creates an engine with the default maximum cascade depth (5) and registers it with the helpdesk.
   *
   * @param helpdesk the helpdesk
   * @param sink where notifications go
   * @return the engine, without triggers yet
   */
  public static TriggerEngine create(Helpdesk helpdesk, NotificationSink sink) {
    return create(helpdesk, sink, 5);
  }

  /**
   * @param helpdesk the helpdesk
   * @param sink where notifications go
   * @param maxDepth the deepest cascade of trigger-caused changes, 1 to 20
   * @return the engine, registered with the helpdesk
   */
  public static TriggerEngine create(Helpdesk helpdesk, NotificationSink sink, int maxDepth) {
    Checks.require(maxDepth >= 1 && maxDepth <= 20, "max depth must be between 1 and 20");
    TriggerEngine e = new TriggerEngine(Objects.requireNonNull(helpdesk, "helpdesk"), Objects.requireNonNull(sink, "sink"), maxDepth);
    helpdesk.addListener(e);
    return e;
  }

  /**
   * Adds a trigger after the existing ones. Administrators' configuration: the host must check who
   * may call this (typically {@code ADMINISTER}).
   *
   * @param trigger the trigger
   * @throws dev.frontline.helpdesk.ValidationException if the name is taken
   */
  public synchronized void add(Trigger trigger) {
    Objects.requireNonNull(trigger, "trigger");
    Checks.require(triggers.stream().noneMatch(t -> t.name().equals(trigger.name())), "trigger " + trigger.name() + " exists");
    triggers.add(trigger);
  }

  /**
   * @param name a trigger name
   * @return whether it was removed
   */
  public synchronized boolean remove(String name) {
    return triggers.removeIf(t -> t.name().equals(name));
  }

  /** @return the triggers in order */
  public List<Trigger> triggers() {
    return List.copyOf(triggers);
  }

  /** @return the deepest cascade allowed */
  public int maxDepth() {
    return maxDepth;
  }

  @Override
  public void onEvents(List<TicketEvent> events) {
    Cascade c = cascade.get();
    boolean outer = c == null;
    if (outer) {
      c = new Cascade();
      cascade.set(c);
    }
    if (c.depth >= maxDepth) {
      LOG.warn("trigger cascade reached depth {}; not running triggers on {} more events", maxDepth, events.size());
      return;
    }
    c.depth++;
    try {
      Map<TicketId, List<TicketEvent>> byTicket = new LinkedHashMap<>();
      for (TicketEvent e : events) {
        byTicket.computeIfAbsent(e.ticketId(), k -> new ArrayList<>()).add(e);
      }
      for (var entry : byTicket.entrySet()) {
        for (Trigger tr : triggers) {
          String key = tr.name() + "/" + entry.getKey().value();
          if (c.fired.contains(key) || entry.getValue().stream().noneMatch(tr.event()::matches)) {
            continue;
          }
          Optional<Ticket> t = helpdesk.tickets().find(ACTOR, entry.getKey());
          if (t.isEmpty() || !tr.conditions().stream().allMatch(cond -> cond.test(t.get()))) {
            continue;
          }
          c.fired.add(key);
          try {
            runner.run(ACTOR, entry.getKey(), tr.actions(), "trigger:" + tr.name(), null);
          } catch (RuntimeException ex) {
            LOG.warn("trigger {} failed on ticket {}: {}", tr.name(), t.get().key(), ex.toString());
          }
        }
      }
    } finally {
      c.depth--;
      if (outer) {
        cascade.remove();
      }
    }
  }
}
