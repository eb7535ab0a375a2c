package dev.frontline.helpdesk.automation;

import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.spi.AutomationDefinitionStore;
import java.util.List;
import java.util.Optional;

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
public interface TriggerEngine {
  /** The default deepest cascade. */
  int DEFAULT_MAX_DEPTH = 5;

  /**
   * Adds a trigger to this engine's memory, after the existing ones. The host's configuration: no
   * permission is checked (the host decides who may call this, typically only its start-up code),
   * the trigger is not stored and other nodes do not see it; its conditions may be host code.
   *
   * @param trigger the trigger
   * @throws dev.frontline.helpdesk.ValidationException if the name is taken by an added or a defined
   *     trigger
   */
  void add(Trigger trigger);

  /**
   * Removes a trigger {@linkplain #add added} to this engine (defined triggers are deleted with
   * {@link #delete}).
   *
   * @param name a trigger name
   * @return whether it was removed
   */
  boolean remove(String name);

  /** @return the triggers that run, in order: the added ones, then the defined ones */
  List<Trigger> triggers();

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
  StoredDefinition<Trigger> define(Principal principal, Trigger trigger);

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
  StoredDefinition<Trigger> define(Principal principal, Trigger trigger, long expectedRevision);

  /**
   * Deletes a defined trigger, whatever its revision.
   *
   * @param principal needs {@code ADMINISTER}
   * @param name the name
   * @return whether it existed
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   */
  boolean delete(Principal principal, String name);

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
  boolean delete(Principal principal, String name, long expectedRevision);

  /**
   * @param principal needs {@code ADMINISTER}
   * @return the defined triggers with their revisions, in the order they run
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   */
  List<StoredDefinition<Trigger>> list(Principal principal);

  /**
   * @param principal needs {@code ADMINISTER}
   * @param name a name
   * @return the defined trigger with its revision, if any
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   */
  Optional<StoredDefinition<Trigger>> findStored(Principal principal, String name);

  /** @return the deepest cascade allowed */
  int maxDepth();
}
