package dev.frontline.helpdesk.ticket;

/** How urgent a ticket is, lowest first. */
public enum Priority {
  /** Can wait. */
  LOW,
  /** The default. */
  NORMAL,
  /** Should be handled before normal tickets. */
  HIGH,
  /** Business is stopped; handle first. */
  URGENT;

  /** @return the next higher priority, or this one if it is already {@link #URGENT} */
  public Priority raised() {
    return this == URGENT ? URGENT : values()[ordinal() + 1];
  }
}
