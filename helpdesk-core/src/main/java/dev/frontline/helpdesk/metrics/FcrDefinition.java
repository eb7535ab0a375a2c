package dev.frontline.helpdesk.metrics;

import dev.frontline.helpdesk.internal.Checks;
import java.time.Duration;

/**
 * When a resolved ticket counts as resolved at first contact. Immutable.
 *
 * @param publicAgentReplies the exact number of public agent replies (1 by default)
 * @param notReopenedWithin the ticket must not have been reopened within this time after it was
 *     first solved (7 days by default)
 * @param withoutEscalation whether an escalated ticket is excluded (false by default)
 */
public record FcrDefinition(int publicAgentReplies, Duration notReopenedWithin, boolean withoutEscalation) {
  /** Validates. */
  public FcrDefinition {
    Checks.require(publicAgentReplies >= 0 && publicAgentReplies <= 100, "public agent replies must be between 0 and 100");
    Checks.notNull(notReopenedWithin, "reopen window");
    Checks.require(!notReopenedWithin.isNegative(), "reopen window must not be negative");
  }

  /** @return exactly one public agent reply, not reopened within 7 days, escalation allowed */
  public static FcrDefinition ofDefaults() {
    return new FcrDefinition(1, Duration.ofDays(7), false);
  }
}
