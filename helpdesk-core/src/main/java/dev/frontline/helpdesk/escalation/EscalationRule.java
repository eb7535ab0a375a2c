package dev.frontline.helpdesk.escalation;

import dev.frontline.helpdesk.automation.AutomationDefinition;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.sla.SlaConditions;
import java.util.ArrayList;
import java.util.List;

/**
 * One escalation step: when its trigger holds for a ticket its conditions match, take its actions,
 * once per occurrence of the trigger (see {@link EscalationTrigger}). Multi-level chains are several
 * rules, for example
 *
 * <pre>{@code
 * EscalationRule.builder("fr-warning").when(EscalationTrigger.slaWarning(FIRST_RESPONSE))
 *     .then(EscalationAction.notification("tier1-lead", "first response due soon")).build();
 * EscalationRule.builder("fr-breach").when(EscalationTrigger.slaBreach(FIRST_RESPONSE))
 *     .then(EscalationAction.moveToTier(2, null)).build();
 * EscalationRule.builder("fr-breach-4h").when(EscalationTrigger.slaBreach(FIRST_RESPONSE, Duration.ofHours(4)))
 *     .then(EscalationAction.moveToTier(3, null)).build();
 * }</pre>
 *
 * Rules given to the builder ({@code Helpdesk.Builder#escalationRules}) run first, in that order,
 * then the rules defined in the store ({@link dev.frontline.helpdesk.Helpdesk#definitions()}), which
 * every node sharing the store runs, in the order they were first defined. Several steps firing in
 * one pass are applied in that order in one update. Immutable and thread-safe.
 *
 * @param name a unique identifier (letters, digits, {@code _.:@-}, up to 64), recorded in the history
 * @param trigger when it fires
 * @param conditions which tickets it applies to (the same facts SLA policies match on); default any
 * @param actions what it does, in order; at least one
 */
public record EscalationRule(String name, EscalationTrigger trigger, SlaConditions conditions, List<EscalationAction> actions)
    implements AutomationDefinition {
  /** Validates and copies. */
  public EscalationRule {
    Checks.identifier(name, "rule name");
    Checks.notNull(trigger, "trigger");
    Checks.notNull(conditions, "conditions");
    actions = List.copyOf(Checks.elements(actions, "actions", 50));
    Checks.require(!actions.isEmpty(), "rule " + name + " needs at least one action");
  }

  /** @return {@link AutomationDefinition.Kind#ESCALATION_RULE} */
  @Override
  public Kind kind() {
    return Kind.ESCALATION_RULE;
  }

  /**
   * @param name the rule's identifier
   * @return a builder
   */
  public static Builder builder(String name) {
    return new Builder(Checks.identifier(name, "rule name"));
  }

  /** Collects a rule. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private EscalationTrigger trigger = EscalationTrigger.manualEscalation();
    private SlaConditions conditions = SlaConditions.any();
    private final List<EscalationAction> actions = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    /**
     * @param t the trigger
     * @return this builder
     */
    public Builder when(EscalationTrigger t) {
      trigger = Checks.notNull(t, "trigger");
      return this;
    }

    /**
     * @param c which tickets the rule applies to
     * @return this builder
     */
    public Builder onlyFor(SlaConditions c) {
      conditions = Checks.notNull(c, "conditions");
      return this;
    }

    /**
     * @param a actions to append, in order
     * @return this builder
     */
    public Builder then(EscalationAction... a) {
      for (EscalationAction x : a) {
        actions.add(Checks.notNull(x, "action"));
      }
      return this;
    }

    /** @return the rule */
    public EscalationRule build() {
      return new EscalationRule(name, trigger, conditions, actions);
    }
  }
}
