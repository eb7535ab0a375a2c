package dev.frontline.helpdesk.internal;

import dev.frontline.helpdesk.automation.AutomationDefinition;
import dev.frontline.helpdesk.automation.StoredDefinition;
import dev.frontline.helpdesk.spi.AutomationDefinitionStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The definitions of one kind as last read from an {@link AutomationDefinitionStore}, re-read when
 * the store's change counter moved. The counter is read before the list, so a change that lands
 * between the two only causes one more re-read later, never a stale cache. Thread-safe.
 *
 * @param <D> the definition type
 */
public final class DefinitionCache<D extends AutomationDefinition> {
  /**
   * One consistent read.
   *
   * @param <D> the definition type
   * @param changes the store's change counter before the read
   * @param all the definitions in store order
   * @param byName the same, by name
   */
  public record Snapshot<D extends AutomationDefinition>(long changes, List<StoredDefinition<D>> all, Map<String, StoredDefinition<D>> byName) {}

  private final AutomationDefinitionStore store;
  private final AutomationDefinition.Kind kind;
  private final Class<D> type;
  private volatile @Nullable Snapshot<D> snapshot;

  /**
   * @param store the store
   * @param kind the kind to cache
   * @param type its definition type
   */
  public DefinitionCache(AutomationDefinitionStore store, AutomationDefinition.Kind kind, Class<D> type) {
    this.store = store;
    this.kind = kind;
    this.type = type;
  }

  /** @return the store */
  public AutomationDefinitionStore store() {
    return store;
  }

  /** @return the current definitions, re-read if the store changed since the last read */
  public Snapshot<D> current() {
    long changes = store.changeCount();
    Snapshot<D> s = snapshot;
    if (s != null && s.changes() == changes) {
      return s;
    }
    Map<String, StoredDefinition<D>> byName = new LinkedHashMap<>();
    for (StoredDefinition<?> d : store.list(kind)) {
      byName.put(d.name(), d.as(type));
    }
    s = new Snapshot<>(changes, List.copyOf(byName.values()), Map.copyOf(byName));
    snapshot = s;
    return s;
  }

  /** @return the last snapshot read, without asking the store (empty before the first read) */
  public Snapshot<D> last() {
    Snapshot<D> s = snapshot;
    return s == null ? new Snapshot<>(-1, List.of(), Map.of()) : s;
  }
}
