package dev.frontline.helpdesk.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * An agent's access level within one team: it caps what the agent's roles allow on that team's
 * tickets. Ordered from least to most.
 */
public enum TeamAccess {
  /** The team's tickets appear in lists and counts (key, subject, state), but cannot be opened. */
  OVERVIEW,
  /** May open and read the team's tickets, including internal notes if the role allows. */
  READ,
  /** May read and create tickets for the team. */
  CREATE,
  /** May read and add internal notes, but not reply to customers or change anything. */
  INTERNAL_NOTE,
  /** May read, create, note and reply publicly. */
  REPLY,
  /** May also change the ticket: state, priority, fields, assignment, escalation. */
  CHANGE,
  /** Everything the role allows, including merge, split and delete. */
  FULL;

  /**
   * @param permission a permission
   * @return whether this level admits the permission on the team's tickets
   */
  public boolean admits(Permission permission) {
    return allowed().contains(permission);
  }

  private Set<Permission> allowed() {
    EnumSet<Permission> read = EnumSet.of(Permission.TICKET_READ, Permission.TICKET_READ_INTERNAL);
    return switch (this) {
      case OVERVIEW -> EnumSet.noneOf(Permission.class);
      case READ -> read;
      case CREATE -> with(read, Permission.TICKET_CREATE);
      case INTERNAL_NOTE -> with(read, Permission.TICKET_NOTE_INTERNAL);
      case REPLY -> with(read, Permission.TICKET_CREATE, Permission.TICKET_NOTE_INTERNAL, Permission.TICKET_REPLY_PUBLIC);
      case CHANGE -> {
        EnumSet<Permission> all = EnumSet.allOf(Permission.class);
        all.removeAll(EnumSet.of(Permission.TICKET_MERGE, Permission.TICKET_SPLIT));
        yield all;
      }
      case FULL -> EnumSet.allOf(Permission.class);
    };
  }

  private static EnumSet<Permission> with(EnumSet<Permission> base, Permission... more) {
    EnumSet<Permission> s = EnumSet.copyOf(base);
    s.addAll(java.util.Arrays.asList(more));
    return s;
  }
}
