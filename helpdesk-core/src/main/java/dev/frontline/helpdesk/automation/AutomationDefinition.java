package dev.frontline.helpdesk.automation;

import dev.frontline.helpdesk.escalation.EscalationRule;
import dev.frontline.helpdesk.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A definition administrators write and a {@link dev.frontline.helpdesk.spi.AutomationDefinitionStore}
 * keeps, shared by every node on the store: a {@link Macro}, a {@link Trigger}, a time-based {@link
 * Automation} or an {@link EscalationRule}. Definitions are identified by kind and name; {@link
 * dev.frontline.helpdesk.Helpdesk#definitions()} administers every kind. Immutable.
 */
public sealed interface AutomationDefinition permits Macro, Trigger, Automation, EscalationRule {

  /** The kinds of definitions; names are unique within a kind. */
  enum Kind {
    /** A {@link Macro}. */
    MACRO(Macro.class),
    /** A {@link Trigger}. */
    TRIGGER(Trigger.class),
    /** A time-based {@link Automation}. */
    AUTOMATION(Automation.class),
    /** An {@link EscalationRule}. */
    ESCALATION_RULE(EscalationRule.class);

    private final Class<? extends AutomationDefinition> type;

    Kind(Class<? extends AutomationDefinition> type) {
      this.type = type;
    }

    /** @return the definition type of this kind */
    public Class<? extends AutomationDefinition> type() {
      return type;
    }

    /** @return the kind in lower case, as in messages and JSON ({@code macro}, {@code trigger}, {@code automation}) */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** @return the name, unique within the kind (an identifier) */
  String name();

  /** @return the kind */
  Kind kind();

  /**
   * Whether the definition can be stored: every condition is a standard {@link Rule} (actions and
   * macros always can).
   *
   * @return whether it can be stored
   */
  default boolean storable() {
    return hostConditions().isEmpty();
  }

  /**
   * Requires {@link #storable()}.
   *
   * @throws ValidationException naming the first condition that is host code (a lambda or a class of
   *     the host) instead of a standard {@link Rule}
   */
  default void requireStorable() {
    List<Integer> host = hostConditions();
    if (!host.isEmpty()) {
      throw new ValidationException(kind().label() + " " + name() + ": condition " + (host.get(0) + 1)
          + " is host code (a lambda or a class of the host), not a standard Rule; only definitions whose"
          + " conditions are Rules (the Condition factories) can be stored");
    }
  }

  private List<Integer> hostConditions() {
    List<Condition> conditions;
    if (this instanceof Trigger t) {
      conditions = t.conditions();
    } else if (this instanceof Automation a) {
      conditions = a.conditions();
    } else {
      return List.of();
    }
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      if (!(conditions.get(i) instanceof Rule)) {
        out.add(i);
      }
    }
    return out;
  }
}
