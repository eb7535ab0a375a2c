package dev.frontline.helpdesk.automation.internal;

import dev.frontline.helpdesk.automation.AutomationDefinition;
import dev.frontline.helpdesk.automation.Rule;
import dev.frontline.helpdesk.automation.StoredDefinition;
import dev.frontline.helpdesk.automation.Trigger;
import dev.frontline.helpdesk.automation.TriggerEngine;
import dev.frontline.helpdesk.internal.Kernel;
import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.internal.ActionRunner;
import dev.frontline.helpdesk.internal.DefinitionRegistry;
import dev.frontline.helpdesk.spi.AutomationDefinitionStore;
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
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Trigger}s on ticket events. Registered as a listener of the helpdesk, it sees every
 * stored change after it is committed; matching triggers act as {@code system:trigger} through the
 * ticket service: first the triggers {@linkplain #add added} in this process, in registration order,
 * then the {@linkplain #define defined} ones in the order of their store.
 *
 * <p>Two sources of triggers: {@link #add} keeps a trigger in this engine's memory (the host's own
 * configuration at start-up; its conditions may be host code). {@link #define}, {@link #delete} and
 * {@link #list} manage triggers in an {@link AutomationDefinitionStore} and need {@link
 * Permission#ADMINISTER}; with a shared store (e.g. the JDBC one) a trigger defined on one node runs
 * on every node. The engine caches the stored triggers and re-reads them when the store's
 * {@linkplain AutomationDefinitionStore#changeCount() change counter} moved, which it checks once
 * per delivered batch of events; if the store cannot be read, the last triggers read are used and
 * a warning is logged.
 *
 * <p>Loop protection: the changes a trigger makes are themselves events, delivered on the same
 * thread, and may fire other triggers (a cascade). Within one cascade each trigger fires at most
 * once per ticket, so its own changes never re-trigger it, and the cascade stops at {@link
 * #maxDepth()} nested rounds (default {@value #DEFAULT_MAX_DEPTH}) with a warning, so two triggers
 * cannot ping-pong forever. A trigger whose action fails is logged and skipped; the others still
 * run. Thread-safe.
 */
public final class DefaultTriggerEngine implements TriggerEngine, TicketListener {
  /** The default deepest cascade. */
  public static final int DEFAULT_MAX_DEPTH = 5;

  private static final Logger LOG = LoggerFactory.getLogger(TriggerEngine.class);
  private static final Principal ACTOR = Principal.system("trigger");

  private final Kernel helpdesk;
  private final AccessControl access;
  private final ActionRunner runner;
  private final int maxDepth;
  private final DefinitionRegistry<Trigger> definitions;
  private final ThreadLocal<Cascade> cascade = new ThreadLocal<>();

  private static final class Cascade {
    int depth;
    final Set<String> fired = new HashSet<>();
  }

  public DefaultTriggerEngine(Kernel helpdesk, NotificationSink sink, int maxDepth, AutomationDefinitionStore store) {
    this.helpdesk = helpdesk;
    this.access = helpdesk.access();
    this.runner = new ActionRunner(helpdesk, sink);
    this.maxDepth = maxDepth;
    this.definitions = new DefinitionRegistry<>(store, AutomationDefinition.Kind.TRIGGER, Trigger.class, access, Permission.ADMINISTER, "engine");
  }

  /**
   * Adds a trigger to this engine's memory, after the existing ones. The host's configuration: no
   * permission is checked (the host decides who may call this, typically only its start-up code),
   * the trigger is not stored and other nodes do not see it; its conditions may be host code.
   *
   * @param trigger the trigger
   * @throws dev.frontline.helpdesk.ValidationException if the name is taken by an added or a defined
   *     trigger
   */
  public synchronized void add(Trigger trigger) {
    definitions.add(trigger);
  }

  /**
   * Removes a trigger {@linkplain #add added} to this engine (defined triggers are deleted with
   * {@link #delete}).
   *
   * @param name a trigger name
   * @return whether it was removed
   */
  public boolean remove(String name) {
    return definitions.remove(name);
  }

  /** @return the triggers that run, in order: the added ones, then the defined ones */
  public List<Trigger> triggers() {
    return definitions.all(true);
  }

  /**
   * Defines or replaces a trigger in the store, whatever is stored (last writer wins).
   *
   * @param principal needs {@code ADMINISTER}
   * @param trigger the trigger; its conditions must be {@link Rule}s
   * @return the stored trigger with its revision
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   * @throws dev.frontline.helpdesk.ValidationException if a condition is host code, or the name is
   *     that of a trigger added to this engine
   */
  public StoredDefinition<Trigger> define(Principal principal, Trigger trigger) {
    return define(principal, trigger, AutomationDefinitionStore.ANY_REVISION);
  }

  /**
   * Defines or replaces a trigger in the store if it is still at the revision the caller read. A
   * replaced trigger keeps its place in the order.
   *
   * @param principal needs {@code ADMINISTER}
   * @param trigger the trigger; its conditions must be {@link Rule}s
   * @param expectedRevision the revision read (see {@link #findStored}), {@link
   *     AutomationDefinitionStore#NEW} for a new trigger, or {@link
   *     AutomationDefinitionStore#ANY_REVISION}
   * @return the stored trigger with its new revision
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   * @throws dev.frontline.helpdesk.ValidationException if a condition is host code, or the name is
   *     that of a trigger added to this engine
   * @throws dev.frontline.helpdesk.ConcurrentModificationException if the stored revision differs
   */
  public StoredDefinition<Trigger> define(Principal principal, Trigger trigger, long expectedRevision) {
    return definitions.define(principal, trigger, expectedRevision);
  }

  /**
   * Deletes a defined trigger, whatever its revision.
   *
   * @param principal needs {@code ADMINISTER}
   * @param name the name
   * @return whether it existed
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   */
  public boolean delete(Principal principal, String name) {
    return delete(principal, name, AutomationDefinitionStore.ANY_REVISION);
  }

  /**
   * Deletes a defined trigger if it is still at the revision the caller read.
   *
   * @param principal needs {@code ADMINISTER}
   * @param name the name
   * @param expectedRevision the revision read, or {@link AutomationDefinitionStore#ANY_REVISION}
   * @return whether it existed
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   * @throws dev.frontline.helpdesk.ConcurrentModificationException if the stored revision differs
   */
  public boolean delete(Principal principal, String name, long expectedRevision) {
    return definitions.delete(principal, name, expectedRevision);
  }

  /**
   * @param principal needs {@code ADMINISTER}
   * @return the defined triggers with their revisions, in the order they run
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   */
  public List<StoredDefinition<Trigger>> list(Principal principal) {
    return definitions.list(principal);
  }

  /**
   * @param principal needs {@code ADMINISTER}
   * @param name a name
   * @return the defined trigger with its revision, if any
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   */
  public Optional<StoredDefinition<Trigger>> findStored(Principal principal, String name) {
    return definitions.find(principal, name);
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
      List<Trigger> triggers = triggers();
      for (var entry : byTicket.entrySet()) {
        List<dev.frontline.helpdesk.ticket.TicketChange> changes = entry.getValue().stream().map(TicketEvent::change).toList();
        for (Trigger tr : triggers) {
          String key = tr.name() + "/" + entry.getKey().value();
          if (c.fired.contains(key) || entry.getValue().stream().noneMatch(tr.event()::matches)) {
            continue;
          }
          Optional<Ticket> t = helpdesk.tickets().find(ACTOR, entry.getKey());
          if (t.isEmpty()) {
            continue;
          }
          dev.frontline.helpdesk.automation.TicketFacts facts =
              helpdesk.facts(t.get()).withChanges(changes);
          if (!tr.conditions().stream().allMatch(cond -> cond.test(facts))) {
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
