package dev.frontline.helpdesk.routing;

/** Whether an agent takes new work right now. Only {@link #ONLINE} agents receive routed tickets. */
public enum Availability {
  /** Takes new work. */
  ONLINE,
  /** Signed in but not taking new work (break, meeting). */
  AWAY,
  /** Not working. */
  OFFLINE
}
