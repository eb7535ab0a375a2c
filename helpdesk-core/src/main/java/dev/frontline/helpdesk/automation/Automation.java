package dev.frontline.helpdesk.automation;

import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Duration;
import java.util.List;

/**
 * A time-based rule: when a ticket has been in {@code state} for at least {@code after} and the
 * conditions hold, run the actions once for that stay in the state (e.g. remind the customer after
 * 3 days PENDING, close after 7). Run by {@link AutomationRunner#runDue()}. Immutable.
 *
 * @param name unique name (an identifier), recorded in the audit trail
 * @param state the state the ticket waits in (an active state or SOLVED)
 * @param after how long it must have been in that state
 * @param conditions all must hold; only {@link Rule}s if the definition is to be stored
 * @param actions run in order
 */
public record Automation(String name, TicketState state, Duration after, List<Condition> conditions, List<Action> actions)
    implements AutomationDefinition {
  /** Validates and copies. */
  public Automation {
    Checks.identifier(name, "automation name");
    Checks.notNull(state, "state");
    Checks.require(state.isActive() || state == TicketState.SOLVED, "automations act on active or solved tickets");
    Checks.notNull(after, "after");
    Checks.require(!after.isNegative() && !after.isZero(), "after must be positive");
    conditions = List.copyOf(Checks.elements(conditions, "conditions", 50));
    actions = List.copyOf(Checks.elements(actions, "actions", 50));
    Checks.require(!actions.isEmpty(), "an automation needs at least one action");
  }

  /** @return {@link AutomationDefinition.Kind#AUTOMATION} */
  @Override
  public Kind kind() {
    return Kind.AUTOMATION;
  }
}
