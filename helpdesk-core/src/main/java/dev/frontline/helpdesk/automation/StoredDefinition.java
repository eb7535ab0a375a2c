package dev.frontline.helpdesk.automation;

import dev.frontline.helpdesk.internal.Checks;

/**
 * A definition as stored, with its revision for optimistic locking: pass the revision back when
 * saving or deleting, and the store refuses if someone changed the definition meanwhile. Immutable.
 *
 * @param <D> the definition type
 * @param definition the definition
 * @param revision its revision, at least 1; a new revision is assigned by every save, and revisions
 *     are never reused within a store (not even after a delete and a new definition of that name)
 */
public record StoredDefinition<D extends AutomationDefinition>(D definition, long revision) {
  /** Validates. */
  public StoredDefinition {
    Checks.notNull(definition, "definition");
    Checks.require(revision >= 1, "a stored revision is at least 1");
  }

  /** @return the definition's kind */
  public AutomationDefinition.Kind kind() {
    return definition.kind();
  }

  /** @return the definition's name */
  public String name() {
    return definition.name();
  }

  /**
   * @param <E> the wanted definition type
   * @param type the wanted definition type
   * @return this, typed
   * @throws dev.frontline.helpdesk.ValidationException if the definition is not of that type
   */
  public <E extends AutomationDefinition> StoredDefinition<E> as(Class<E> type) {
    Checks.notNull(type, "type");
    Checks.require(type.isInstance(definition), definition.kind().label() + " " + definition.name() + " is not a " + type.getSimpleName());
    return new StoredDefinition<>(type.cast(definition), revision);
  }
}
