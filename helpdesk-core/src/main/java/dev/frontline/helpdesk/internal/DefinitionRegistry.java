package dev.frontline.helpdesk.internal;

import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.automation.AutomationDefinition;
import dev.frontline.helpdesk.automation.StoredDefinition;
import dev.frontline.helpdesk.spi.AutomationDefinitionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The definitions of one kind that an engine runs: those added to this process's memory by the host
 * (no permission check, may hold host code), then those defined in a store, managed by holders of
 * one permission. Shared by {@code TriggerEngine} and {@code AutomationRunner}. Thread-safe.
 *
 * @param <D> the definition type
 */
public final class DefinitionRegistry<D extends AutomationDefinition> {
  private static final Logger LOG = LoggerFactory.getLogger(DefinitionRegistry.class);

  private final AccessControl access;
  private final Permission manage;
  private final AutomationDefinition.Kind kind;
  private final String owner;
  private final List<D> local = new CopyOnWriteArrayList<>();
  private final DefinitionCache<D> stored;

  /**
   * @param store where defined definitions are kept
   * @param kind the kind kept here
   * @param type its definition type
   * @param access checks the managing permission
   * @param manage the permission needed to define, delete and list stored definitions
   * @param owner what runs them, for messages ("engine", "runner")
   */
  public DefinitionRegistry(AutomationDefinitionStore store, AutomationDefinition.Kind kind, Class<D> type, AccessControl access,
      Permission manage, String owner) {
    this.stored = new DefinitionCache<>(store, kind, type);
    this.kind = kind;
    this.access = access;
    this.manage = manage;
    this.owner = owner;
  }

  /**
   * Adds a definition to this process's memory, after the existing ones.
   *
   * @param d the definition
   * @throws dev.frontline.helpdesk.ValidationException if the name is taken by an added or a defined one
   */
  public synchronized void add(D d) {
    Objects.requireNonNull(d, kind.label());
    Checks.require(local.stream().noneMatch(x -> x.name().equals(d.name()))
        && !currentOrLast().byName().containsKey(d.name()), kind.label() + " " + d.name() + " exists");
    local.add(d);
  }

  /**
   * @param name a name
   * @return whether an added definition of that name was removed
   */
  public synchronized boolean remove(String name) {
    return local.removeIf(x -> x.name().equals(name));
  }

  /**
   * @param lenient whether a store that cannot be read gives the definitions last read (logged)
   *     instead of the failure
   * @return the added definitions, then the defined ones in store order
   */
  public List<D> all(boolean lenient) {
    List<D> all = new ArrayList<>(local);
    (lenient ? currentOrLast() : stored.current()).all().forEach(d -> all.add(d.definition()));
    return List.copyOf(all);
  }

  /**
   * Defines or replaces a definition in the store.
   *
   * @param principal needs the managing permission
   * @param d the definition; must be storable
   * @param expectedRevision see {@link AutomationDefinitionStore#save}
   * @return the stored definition with its new revision
   */
  public StoredDefinition<D> define(Principal principal, D d, long expectedRevision) {
    Checks.notNull(principal, "principal");
    Checks.notNull(d, kind.label());
    access.require(access.rightsOf(principal), manage);
    d.requireStorable();
    Checks.require(local.stream().noneMatch(x -> x.name().equals(d.name())),
        kind.label() + " " + d.name() + " is added to this " + owner + " in memory; pick another name");
    return stored.store().save(d, expectedRevision);
  }

  /**
   * Deletes a stored definition.
   *
   * @param principal needs the managing permission
   * @param name the name
   * @param expectedRevision see {@link AutomationDefinitionStore#delete}
   * @return whether it existed
   */
  public boolean delete(Principal principal, String name, long expectedRevision) {
    Checks.notNull(principal, "principal");
    Checks.notNull(name, "name");
    access.require(access.rightsOf(principal), manage);
    return stored.store().delete(kind, name, expectedRevision);
  }

  /**
   * @param principal needs the managing permission
   * @return the stored definitions with their revisions, in store order
   */
  public List<StoredDefinition<D>> list(Principal principal) {
    Checks.notNull(principal, "principal");
    access.require(access.rightsOf(principal), manage);
    return stored.current().all();
  }

  /**
   * @param principal needs the managing permission
   * @param name a name
   * @return the stored definition with its revision, if any
   */
  public Optional<StoredDefinition<D>> find(Principal principal, String name) {
    Checks.notNull(principal, "principal");
    Checks.notNull(name, "name");
    access.require(access.rightsOf(principal), manage);
    return Optional.ofNullable(stored.current().byName().get(name));
  }

  private DefinitionCache.Snapshot<D> currentOrLast() {
    try {
      return stored.current();
    } catch (RuntimeException e) {
      LOG.warn("cannot read the defined {}s, using the last ones read: {}", kind.label(), e.toString());
      return stored.last();
    }
  }
}
