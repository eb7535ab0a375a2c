package dev.frontline.helpdesk.metrics;

import dev.frontline.helpdesk.internal.Checks;
import java.util.OptionalDouble;

/**
 * How the cycles of one SLA metric ended, summed over a report group: cycles that stopped within
 * their policy's target and cycles that breached it. Each ticket is measured against its own
 * policy (its targets, business hours and pauses), as recorded on the ticket ({@link
 * dev.frontline.helpdesk.ticket.Ticket#sla()}). Immutable.
 *
 * @param met cycles that stopped within the target (not negative)
 * @param breached cycles that breached the target (not negative)
 */
public record SlaCompliance(long met, long breached) {
  /** No cycles. */
  public static final SlaCompliance NONE = new SlaCompliance(0, 0);

  /** Rejects negative counts. */
  public SlaCompliance {
    Checks.require(met >= 0 && breached >= 0, "SLA cycle counts must not be negative");
  }

  /** @return all measured cycles, met or breached */
  public long cycles() {
    return met + breached;
  }

  /** @return met cycles per measured cycle; empty if none was measured */
  public OptionalDouble rate() {
    return cycles() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) met / cycles());
  }

  /**
   * @param o other counts
   * @return the sum
   */
  public SlaCompliance plus(SlaCompliance o) {
    return new SlaCompliance(met + o.met, breached + o.breached);
  }
}
