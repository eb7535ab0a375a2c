package dev.frontline.helpdesk.access;

import static dev.frontline.helpdesk.access.Permission.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Ready-made roles that match common helpdesk set-ups. Hosts may use them as they are, adapt
 * copies, or define their own.
 */
public final class Roles {
  private Roles() {}

  private static final Set<Permission> WORK =
      EnumSet.of(
          TICKET_READ, TICKET_READ_INTERNAL, TICKET_CREATE, TICKET_REPLY_PUBLIC, TICKET_NOTE_INTERNAL,
          TICKET_TAKE, TICKET_EDIT, TICKET_SET_OPEN, TICKET_SET_PENDING, TICKET_SET_ON_HOLD,
          TICKET_SOLVE, TICKET_ESCALATE, TICKET_LINK, KB_READ_INTERNAL);

  /** Front-line agent: works the tickets of their teams. */
  public static final Role AGENT = new Role("agent", WORK, Scope.TEAM);

  /** Second/third-line specialist: like an agent across their tier, and may hand tickets back down. */
  public static final Role SPECIALIST = new Role("specialist", plus(WORK, TICKET_DEESCALATE, TICKET_CHANGE_PRIORITY), Scope.TIER);

  /** Team lead: assigns, merges, splits and closes within their teams; sees reports. */
  public static final Role TEAM_LEAD =
      new Role(
          "team-lead",
          plus(WORK, TICKET_ASSIGN, TICKET_CHANGE_PRIORITY, TICKET_DEESCALATE, TICKET_CLOSE, TICKET_MERGE, TICKET_SPLIT, MACRO_MANAGE, REPORTS_VIEW),
          Scope.TEAM);

  /** Supervisor: every ticket permission on every ticket, and reports. */
  public static final Role SUPERVISOR =
      new Role("supervisor", minus(Permission.grantable(), ADMINISTER, KB_PUBLISH, KB_WRITE), Scope.ALL);

  /** Administrator: every grantable permission. */
  public static final Role ADMIN = new Role("admin", Permission.grantable(), Scope.ALL);

  /** Knowledge editor: writes and publishes articles; reads tickets of their teams. */
  public static final Role KNOWLEDGE_EDITOR =
      new Role("knowledge-editor", EnumSet.of(KB_READ_INTERNAL, KB_WRITE, KB_PUBLISH, TICKET_READ), Scope.TEAM);

  /** Read-only observer of their teams' tickets, e.g. for auditors. */
  public static final Role OBSERVER = new Role("observer", EnumSet.of(TICKET_READ, TICKET_READ_INTERNAL, REPORTS_VIEW), Scope.TEAM);

  /** @return all ready-made roles */
  public static List<Role> defaults() {
    return List.of(AGENT, SPECIALIST, TEAM_LEAD, SUPERVISOR, ADMIN, KNOWLEDGE_EDITOR, OBSERVER);
  }

  private static Set<Permission> plus(Set<Permission> base, Permission... more) {
    EnumSet<Permission> s = EnumSet.copyOf(base);
    s.addAll(List.of(more));
    return s;
  }

  private static Set<Permission> minus(Set<Permission> base, Permission... less) {
    EnumSet<Permission> s = EnumSet.copyOf(base);
    List.of(less).forEach(s::remove);
    return s;
  }
}
