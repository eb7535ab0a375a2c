package dev.frontline.helpdesk.access;

/** Which tickets a role's ticket permissions apply to. Ordered from narrowest to widest. */
public enum Scope {
  /** Tickets assigned to the agent. */
  OWN,
  /** Tickets of the agent's teams (as far as the team access level admits), and own tickets. */
  TEAM,
  /** Tickets in the tiers of the agent's teams, and team and own tickets. */
  TIER,
  /** Every ticket. */
  ALL
}
