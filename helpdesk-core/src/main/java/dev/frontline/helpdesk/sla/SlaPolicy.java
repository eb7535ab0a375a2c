package dev.frontline.helpdesk.sla;

import dev.frontline.helpdesk.automation.TicketFacts;
import dev.frontline.helpdesk.internal.Checks;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A named service level: which tickets it applies to and a target per metric. Policies are kept in
 * an ordered list and the first that matches a ticket applies ({@link #firstMatching}). Immutable
 * and thread-safe.
 *
 * @param name a short name, 1-200 characters on one line
 * @param conditions which tickets it applies to
 * @param targets a target for each metric the policy covers (an unmodifiable copy); metrics without
 *     a target are not measured
 */
public record SlaPolicy(String name, SlaConditions conditions, Map<SlaMetric, SlaTarget> targets) {
  /** Validates and copies. */
  public SlaPolicy {
    Checks.line(name, "policy name", 200);
    Checks.notNull(conditions, "conditions");
    Checks.notNull(targets, "targets");
    Map<SlaMetric, SlaTarget> copy = new EnumMap<>(SlaMetric.class);
    targets.forEach(
        (m, t) -> copy.put(Checks.notNull(m, "metric"), Checks.notNull(t, "target for " + m)));
    targets = Collections.unmodifiableMap(copy);
  }

  /**
   * Starts a policy with no conditions (it matches every ticket) and no targets.
   *
   * @param name the policy's name
   * @return a builder
   */
  public static Builder builder(String name) {
    return new Builder(Checks.line(name, "policy name", 200));
  }

  /**
   * @param metric a metric
   * @return the policy's target for it, if it has one
   */
  public Optional<SlaTarget> target(SlaMetric metric) {
    return Optional.ofNullable(targets.get(metric));
  }

  /**
   * @param facts a ticket's facts
   * @return whether this policy applies to it
   */
  public boolean matches(TicketFacts facts) {
    return conditions.matches(facts);
  }

  /**
   * @param policies policies in order of precedence
   * @param facts a ticket's facts
   * @return the first policy that applies, if any
   */
  public static Optional<SlaPolicy> firstMatching(List<SlaPolicy> policies, TicketFacts facts) {
    Checks.elements(policies, "policies", 10_000);
    Checks.notNull(facts, "facts");
    return policies.stream().filter(p -> p.matches(facts)).findFirst();
  }

  /** Collects a policy. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private SlaConditions conditions = SlaConditions.any();
    private final Map<SlaMetric, SlaTarget> targets = new EnumMap<>(SlaMetric.class);

    private Builder(String name) {
      this.name = name;
    }

    /**
     * @param c which tickets the policy applies to
     * @return this builder
     */
    public Builder conditions(SlaConditions c) {
      this.conditions = Checks.notNull(c, "conditions");
      return this;
    }

    /**
     * Sets a metric's target, replacing any earlier one.
     *
     * @param metric the metric
     * @param target its target
     * @return this builder
     */
    public Builder target(SlaMetric metric, SlaTarget target) {
      targets.put(Checks.notNull(metric, "metric"), Checks.notNull(target, "target"));
      return this;
    }

    /**
     * Sets a metric's target with its default pauses and a warning at 75% ({@link SlaTarget#of}).
     *
     * @param metric the metric
     * @param target working time allowed
     * @param calendar whose working time counts
     * @return this builder
     */
    public Builder target(SlaMetric metric, java.time.Duration target, BusinessCalendar calendar) {
      return target(metric, SlaTarget.of(metric, target, calendar));
    }

    /** @return the policy */
    public SlaPolicy build() {
      return new SlaPolicy(name, conditions, targets);
    }
  }
}
