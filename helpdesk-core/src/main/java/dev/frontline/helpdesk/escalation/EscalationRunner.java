package dev.frontline.helpdesk.escalation;

/**
 * Fires escalation steps on due tickets. Call {@link #runOnce()} periodically (e.g. every minute from
 * a scheduler the host owns); several runners, in one or many processes, may share one store.
 *
 * <p>Each run pages through {@link dev.frontline.helpdesk.spi.TicketStore#due} in batches (keyset
 * paging over the deadline index, never a full scan), re-evaluates each due ticket's SLA as of the
 * run's start, fires the steps whose trigger holds and which the ticket's own history does not show
 * as fired, and stores the steps, their actions' changes and the ticket's new next deadline in one
 * update as {@code Principal.system("escalation")}.
 *
 * <p><b>Exactly once without a claim table.</b> The update carries the version the runner read
 * (optimistic locking), and the fired steps are part of the ticket's history. If two runners
 * race on one ticket, one update wins; the other gets a {@link
 * dev.frontline.helpdesk.ConcurrentModificationException}, re-reads the ticket, sees the steps in
 * its history and skips them. A step therefore fires once per store, with no separate claims SPI:
 * a claim would only save the losing runner a little work, at the cost of a lease protocol. Racing
 * with an agent's edit works the same way.
 *
 * <p>A ticket whose processing fails unexpectedly is logged and skipped; it stays due and is tried
 * again by the next run. Thread-safe.
 */
public interface EscalationRunner {
  /**
   * Processes every ticket due at the current instant.
   *
   * @return how many tickets were updated (steps fired or deadline recomputed)
   */
  int runOnce();
}
