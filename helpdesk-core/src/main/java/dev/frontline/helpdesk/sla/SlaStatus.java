package dev.frontline.helpdesk.sla;

/** Where one SLA metric stands at a given instant. */
public enum SlaStatus {
  /** No cycle has started (for example no customer message awaits a next response). */
  INACTIVE,
  /** The clock is counting working time towards the target. */
  RUNNING,
  /** The clock is stopped by a pause state; the target has not been reached. */
  PAUSED,
  /** The cycle stopped before the target was reached. */
  MET,
  /** The target was reached before the cycle stopped (or has not stopped yet). */
  BREACHED
}
