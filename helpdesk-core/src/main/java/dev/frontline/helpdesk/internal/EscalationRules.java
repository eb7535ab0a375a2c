package dev.frontline.helpdesk.internal;

import dev.frontline.helpdesk.ConfigurationException;
import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.automation.AutomationDefinition;
import dev.frontline.helpdesk.automation.StoredDefinition;
import dev.frontline.helpdesk.escalation.EscalationRule;
import dev.frontline.helpdesk.spi.AutomationDefinitionStore;
import dev.frontline.helpdesk.spi.DirectoryStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The escalation rules in force: those given to the builder, then those defined in the store
 * (shared by every node, read again at most every {@link #REFRESH_NANOS} or at once after a change
 * on this node). A stored rule is checked against the directory when it is defined, like the
 * builder's rules at build. Thread-safe.
 */
public final class EscalationRules implements Supplier<List<EscalationRule>> {
  /** How long the rules read from the store are used before the store is asked again. */
  static final long REFRESH_NANOS = 1_000_000_000L;

  private final List<EscalationRule> configured;
  private final @Nullable DefinitionRegistry<EscalationRule> stored;
  private final @Nullable ConfigurationException noStore;
  private final DirectoryStore directory;
  private final AccessControl access;
  private volatile @Nullable List<EscalationRule> cached;
  private volatile long cachedAt;

  /**
   * @param configured the builder's rules, in order
   * @param store the definition store, or a supplier that throws the bundle's "not configured"
   * @param directory for checking defined rules
   * @param access for the right to define ({@link Permission#ADMINISTER})
   */
  public EscalationRules(List<EscalationRule> configured, Supplier<AutomationDefinitionStore> store, DirectoryStore directory,
      AccessControl access) {
    this.configured = List.copyOf(configured);
    this.directory = directory;
    this.access = access;
    DefinitionRegistry<EscalationRule> registry = null;
    ConfigurationException missing = null;
    try {
      registry = new DefinitionRegistry<>(store.get(), AutomationDefinition.Kind.ESCALATION_RULE, EscalationRule.class, access,
          Permission.ADMINISTER, "helpdesk's builder");
    } catch (ConfigurationException e) {
      missing = e;
    }
    this.stored = registry;
    this.noStore = missing;
    if (registry != null) {
      for (EscalationRule r : configured) {
        registry.add(r);
      }
    }
  }

  /** @return whether rules can be defined in the store (the bundle has a definition store) */
  public boolean storable() {
    return stored != null;
  }

  /** @return the builder's rules, then the stored ones */
  @Override
  public List<EscalationRule> get() {
    DefinitionRegistry<EscalationRule> s = stored;
    if (s == null) {
      return configured;
    }
    List<EscalationRule> c = cached;
    long now = System.nanoTime();
    if (c != null && now - cachedAt < REFRESH_NANOS) {
      return c;
    }
    c = s.all(true);
    cached = c;
    cachedAt = now;
    return c;
  }

  private DefinitionRegistry<EscalationRule> registry() {
    DefinitionRegistry<EscalationRule> s = stored;
    if (s == null) {
      throw new ConfigurationException("escalation rules are defined in the automation definition store, which the store bundle lacks: "
          + (noStore == null ? "" : noStore.getMessage()));
    }
    return s;
  }

  /**
   * @param principal needs {@code ADMINISTER}
   * @param rule the rule
   * @param expectedRevision the revision read, {@link AutomationDefinitionStore#NEW} or {@link
   *     AutomationDefinitionStore#ANY_REVISION}
   * @return the stored rule
   * @throws ConfigurationException if the rule names tiers, teams or agents the directory lacks
   */
  public StoredDefinition<EscalationRule> define(Principal principal, EscalationRule rule, long expectedRevision) {
    Checks.notNull(principal, "principal");
    Checks.notNull(rule, "escalation rule");
    DefinitionRegistry<EscalationRule> s = registry();
    // the right first: an unauthorized caller learns nothing about the directory
    access.require(access.rightsOf(principal), Permission.ADMINISTER);
    String prefix = "escalation rule '" + rule.name() + "'";
    List<String> problems = ConfigurationCheck.problems(directory, List.of(), List.of(rule), null).stream()
        .filter(p -> p.startsWith(prefix)).toList();
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    try {
      return s.define(principal, rule, expectedRevision);
    } finally {
      cached = null;
    }
  }

  /**
   * @param principal needs {@code ADMINISTER}
   * @param name a rule name
   * @param expectedRevision the revision read, or {@link AutomationDefinitionStore#ANY_REVISION}
   * @return whether it existed
   */
  public boolean delete(Principal principal, String name, long expectedRevision) {
    try {
      return registry().delete(principal, name, expectedRevision);
    } finally {
      cached = null;
    }
  }

  /**
   * @param principal needs {@code ADMINISTER}
   * @return the stored rules with their revisions
   */
  public List<StoredDefinition<EscalationRule>> list(Principal principal) {
    return registry().list(principal);
  }

  /**
   * @param principal needs {@code ADMINISTER}
   * @param name a rule name
   * @return the stored rule, if any
   */
  public Optional<StoredDefinition<EscalationRule>> find(Principal principal, String name) {
    return registry().find(principal, name);
  }
}
