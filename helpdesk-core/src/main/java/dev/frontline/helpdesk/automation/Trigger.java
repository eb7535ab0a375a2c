package dev.frontline.helpdesk.automation;

import dev.frontline.helpdesk.internal.Checks;
import java.util.List;

/**
 * When an event of a kind happens to a ticket and all conditions hold on the ticket as it is then,
 * run the actions in order, as the system principal {@code system:trigger}. Immutable.
 *
 * @param name unique name (an identifier), recorded in the audit trail
 * @param event the event kind
 * @param conditions all must hold; only {@link Rule}s if the definition is to be stored
 * @param actions run in order
 */
public record Trigger(String name, TriggerEvent event, List<Condition> conditions, List<Action> actions)
    implements AutomationDefinition {
  /** Validates and copies. */
  public Trigger {
    Checks.identifier(name, "trigger name");
    Checks.notNull(event, "event");
    conditions = List.copyOf(Checks.elements(conditions, "conditions", 50));
    actions = List.copyOf(Checks.elements(actions, "actions", 50));
    Checks.require(!actions.isEmpty(), "a trigger needs at least one action");
  }

  /** @return {@link AutomationDefinition.Kind#TRIGGER} */
  @Override
  public Kind kind() {
    return Kind.TRIGGER;
  }
}
