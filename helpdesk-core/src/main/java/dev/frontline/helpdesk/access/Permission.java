package dev.frontline.helpdesk.access;

import dev.frontline.helpdesk.ticket.TicketState;
import java.util.EnumSet;
import java.util.Set;

/**
 * Everything a principal may be allowed to do: the one vocabulary of every access decision and of
 * every recorded denial ({@link AccessDecision#permission()}). Denied unless allowed.
 *
 * <p>Most permissions are <em>granted</em> by {@link Role}s within a {@link Scope}. A few are
 * {@linkplain #inherent() inherent}: who holds them follows from who the principal is, and no role
 * can grant them ({@link Role} refuses them). They are listed last: {@link #MACRO_USE}, {@link
 * #INTERACTION_RECORD}, {@link #CSAT_ANSWER}, {@link #ASSET_READ}, {@link #KB_READ}, {@link
 * #KB_FEEDBACK} and {@link #TICKET_AUTO_CLOSE}. {@link AccessControl} decides both kinds from the same {@link Rights}.
 */
public enum Permission {
  /** Open a ticket and read its public conversation. */
  TICKET_READ,
  /** Read internal notes, system entries and the full audit trail. */
  TICKET_READ_INTERNAL,
  /** Create tickets on behalf of customers. */
  TICKET_CREATE,
  /** Reply publicly to the customer. */
  TICKET_REPLY_PUBLIC,
  /** Add internal notes. */
  TICKET_NOTE_INTERNAL,
  /** Assign a ticket to any agent or team. */
  TICKET_ASSIGN,
  /** Assign a ticket to oneself. */
  TICKET_TAKE,
  /** Change the priority. */
  TICKET_CHANGE_PRIORITY,
  /** Change subject, type, tags and custom fields. */
  TICKET_EDIT,
  /** Move a ticket to OPEN (including reopening a solved one). */
  TICKET_SET_OPEN,
  /** Move a ticket to PENDING. */
  TICKET_SET_PENDING,
  /** Move a ticket to ON_HOLD. */
  TICKET_SET_ON_HOLD,
  /** Move a ticket to SOLVED. */
  TICKET_SOLVE,
  /** Move a ticket to CLOSED. */
  TICKET_CLOSE,
  /** Move a ticket to a higher tier. */
  TICKET_ESCALATE,
  /** Move a ticket to a lower tier, with a hand-off note. */
  TICKET_DEESCALATE,
  /** Link tickets. */
  TICKET_LINK,
  /** Merge a ticket into another (needs the right on both). */
  TICKET_MERGE,
  /** Split an entry out into a new ticket. */
  TICKET_SPLIT,
  /** Create, change and delete macros. */
  MACRO_MANAGE,
  /** Read internal knowledge articles. */
  KB_READ_INTERNAL,
  /** Write knowledge article drafts. */
  KB_WRITE,
  /** Publish and archive knowledge articles. */
  KB_PUBLISH,
  /** View reports and metrics. */
  REPORTS_VIEW,
  /** Manage agents, teams, roles, SLA policies and settings. */
  ADMINISTER,

  /**
   * Inherent: list, read and apply macros (applying also needs the ticket permissions of the
   * macro's changes). Held by every active agent and the system principal.
   */
  MACRO_USE,
  /**
   * Inherent: record a phone call, chat or walk-in (and open or update a ticket from it; that also
   * needs the ticket permissions). Held by every active agent and the system principal.
   */
  INTERACTION_RECORD,
  /**
   * Inherent: answer the satisfaction survey of a ticket. Held only by the ticket's requester, a
   * known customer; not even the system principal answers for a customer.
   */
  CSAT_ANSWER,
  /**
   * Inherent: read a customer's assets. A customer reads their own (and their organization's
   * shared assets where they see its tickets), an active agent those of customers whose tickets it
   * sees, the system principal all.
   */
  ASSET_READ,
  /**
   * Inherent: read knowledge articles. Everyone reads published public articles, anonymous visitors
   * included; what else is readable follows from {@link #KB_READ_INTERNAL} and {@link #KB_WRITE}.
   */
  KB_READ,
  /**
   * Inherent: tell whether a readable article helped, and record that it was linked to or solved a
   * ticket (the ticket itself must be seen). Held by every known principal (active agents, known
   * customers, the system principal), never by anonymous visitors, who cannot be told apart.
   */
  KB_FEEDBACK,
  /** Inherent: close solved tickets after their grace period. Held only by the system principal. */
  TICKET_AUTO_CLOSE;

  private static final Set<Permission> INHERENT =
      EnumSet.of(MACRO_USE, INTERACTION_RECORD, CSAT_ANSWER, ASSET_READ, KB_READ, KB_FEEDBACK, TICKET_AUTO_CLOSE);
  private static final Set<Permission> GRANTABLE = EnumSet.complementOf(EnumSet.copyOf(INHERENT));

  /**
   * @return whether who holds this follows from who the principal is (no {@link Role} grants it)
   */
  public boolean inherent() {
    return INHERENT.contains(this);
  }

  /** @return the permissions a {@link Role} may grant, that is all but the inherent ones */
  public static Set<Permission> grantable() {
    return EnumSet.copyOf(GRANTABLE);
  }

  /**
   * @param target a target state
   * @return the permission needed to move a ticket to that state
   * @throws IllegalArgumentException for MERGED or NEW (reached only by merging or creation)
   */
  public static Permission forTransition(TicketState target) {
    return switch (target) {
      case OPEN -> TICKET_SET_OPEN;
      case PENDING -> TICKET_SET_PENDING;
      case ON_HOLD -> TICKET_SET_ON_HOLD;
      case SOLVED -> TICKET_SOLVE;
      case CLOSED -> TICKET_CLOSE;
      case MERGED -> TICKET_MERGE;
      case NEW -> throw new IllegalArgumentException("no transition leads to NEW");
    };
  }
}
