package dev.frontline.helpdesk.spi;

import dev.frontline.helpdesk.automation.AutomationDefinition;
import dev.frontline.helpdesk.automation.StoredDefinition;
import java.util.List;
import java.util.Optional;

/**
 * Where the definitions of macros, triggers and time-based automations are kept, by kind and name,
 * so that administrators can change them at run time and every application node sharing the store
 * uses the same ones ({@link dev.frontline.helpdesk.automation.MacroService}, {@link
 * dev.frontline.helpdesk.automation.TriggerEngine} and {@link
 * dev.frontline.helpdesk.automation.AutomationRunner} read them from here).
 *
 * <p>Every save assigns the definition a new {@linkplain StoredDefinition#revision() revision}; a
 * caller that passes the revision it read as the expected one changes the definition only if no one
 * else did meanwhile (optimistic locking), else gets a {@link
 * dev.frontline.helpdesk.ConcurrentModificationException} and nothing changes. Revisions are the
 * values of one store-wide change counter: they grow with every save or delete in the store and are
 * never reused, so a definition deleted and made again never matches an old revision. {@link
 * #changeCount()} reads that counter, so services can cache the definitions and re-read them only
 * when it moved.
 *
 * <p>Only {@linkplain AutomationDefinition#storable() storable} definitions (conditions that are
 * standard {@link dev.frontline.helpdesk.automation.Rule}s) can be saved. A failed call changes
 * nothing. Implementations are thread-safe; a save or delete is atomic across every user of the
 * store (for the JDBC store, across nodes).
 */
public interface AutomationDefinitionStore {
  /** The expected revision of a definition that must not exist yet. */
  long NEW = 0;

  /** The expected revision that accepts whatever is stored (last writer wins). */
  long ANY_REVISION = -1;

  /**
   * Creates or replaces a definition. A replaced definition keeps its place in {@link #list} order.
   *
   * @param <D> the definition type
   * @param definition the definition
   * @param expectedRevision the revision the caller read, {@link #NEW} if the name must be free, or
   *     {@link #ANY_REVISION}
   * @return the stored definition with its new revision
   * @throws dev.frontline.helpdesk.ValidationException if the definition is null or not storable, or
   *     the expected revision is below {@link #ANY_REVISION}
   * @throws dev.frontline.helpdesk.ConcurrentModificationException if the stored revision is not the
   *     expected one (also: the name is taken although {@link #NEW} was expected, or the definition
   *     is gone although a revision was expected)
   */
  <D extends AutomationDefinition> StoredDefinition<D> save(D definition, long expectedRevision);

  /**
   * Deletes a definition.
   *
   * @param kind the kind
   * @param name the name
   * @param expectedRevision the revision the caller read, or {@link #ANY_REVISION}
   * @return whether a definition was deleted (false if there was none)
   * @throws dev.frontline.helpdesk.ValidationException if an argument is null or the expected
   *     revision is below {@link #ANY_REVISION}
   * @throws dev.frontline.helpdesk.ConcurrentModificationException if a definition with another
   *     revision is stored
   */
  boolean delete(AutomationDefinition.Kind kind, String name, long expectedRevision);

  /**
   * @param kind the kind
   * @param name the name
   * @return the definition, if stored
   * @throws dev.frontline.helpdesk.ValidationException if an argument is null
   */
  Optional<StoredDefinition<?>> find(AutomationDefinition.Kind kind, String name);

  /**
   * @param kind the kind
   * @return the definitions of that kind, in the order they were first saved (a replaced definition
   *     keeps its place; one deleted and saved again goes last)
   * @throws dev.frontline.helpdesk.ValidationException if the kind is null
   */
  List<StoredDefinition<?>> list(AutomationDefinition.Kind kind);

  /**
   * A cheap check for caches: the store-wide change counter, the highest revision ever assigned or
   * consumed by a delete. It only grows; if it did not change, no definition changed.
   *
   * @return the counter, 0 for a store that was never changed
   */
  long changeCount();
}
