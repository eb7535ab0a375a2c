package dev.frontline.helpdesk.spi.memory;

import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.automation.AutomationDefinition;
import dev.frontline.helpdesk.automation.StoredDefinition;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.spi.AutomationDefinitionStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link AutomationDefinitionStore} in this process's memory: for a single application node
 * (services in other processes do not see it), tests and demos. Every operation holds one monitor.
 * Thread-safe.
 */
public final class InMemoryAutomationDefinitionStore implements AutomationDefinitionStore {
  private record Key(AutomationDefinition.Kind kind, String name) {}

  /** Insertion-ordered: the first save of a name fixes its place. */
  private final Map<Key, StoredDefinition<?>> definitions = new LinkedHashMap<>();
  private long changes;

  /** Creates an empty store. */
  public InMemoryAutomationDefinitionStore() {}

  @Override
  public synchronized <D extends AutomationDefinition> StoredDefinition<D> save(D definition, long expectedRevision) {
    Checks.notNull(definition, "definition");
    checkExpected(expectedRevision);
    definition.requireStorable();
    Key key = new Key(definition.kind(), definition.name());
    StoredDefinition<?> current = definitions.get(key);
    if (expectedRevision != ANY_REVISION) {
      long actual = current == null ? NEW : current.revision();
      if (actual != expectedRevision) {
        throw stale(definition.kind(), definition.name(), expectedRevision, actual);
      }
    }
    StoredDefinition<D> stored = new StoredDefinition<>(definition, ++changes);
    definitions.put(key, stored); // replacing keeps the entry's place in the map
    return stored;
  }

  @Override
  public synchronized boolean delete(AutomationDefinition.Kind kind, String name, long expectedRevision) {
    Checks.notNull(kind, "kind");
    Checks.notNull(name, "name");
    checkExpected(expectedRevision);
    Key key = new Key(kind, name);
    StoredDefinition<?> current = definitions.get(key);
    if (current == null) {
      return false;
    }
    if (expectedRevision != ANY_REVISION && current.revision() != expectedRevision) {
      throw stale(kind, name, expectedRevision, current.revision());
    }
    definitions.remove(key);
    changes++;
    return true;
  }

  @Override
  public synchronized Optional<StoredDefinition<?>> find(AutomationDefinition.Kind kind, String name) {
    Checks.notNull(kind, "kind");
    Checks.notNull(name, "name");
    return Optional.ofNullable(definitions.get(new Key(kind, name)));
  }

  @Override
  public synchronized List<StoredDefinition<?>> list(AutomationDefinition.Kind kind) {
    Checks.notNull(kind, "kind");
    List<StoredDefinition<?>> out = new ArrayList<>();
    definitions.forEach((k, v) -> {
      if (k.kind() == kind) {
        out.add(v);
      }
    });
    return List.copyOf(out);
  }

  @Override
  public synchronized long changeCount() {
    return changes;
  }

  static void checkExpected(long expectedRevision) {
    Checks.require(expectedRevision >= ANY_REVISION, "expected revision must be a revision, NEW (0) or ANY_REVISION (-1)");
  }

  static ConcurrentModificationException stale(AutomationDefinition.Kind kind, String name, long expected, long actual) {
    return new ConcurrentModificationException(kind.label() + " " + name + " is at revision "
        + (actual == NEW ? "none (not stored)" : actual) + ", not " + (expected == NEW ? "none (new)" : expected) + "; reload and retry");
  }
}
