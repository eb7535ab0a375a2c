package dev.frontline.helpdesk.automation;

import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.FieldValue;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Tags;
import dev.frontline.helpdesk.ticket.TicketState;
import java.util.Set;

/**
 * One change a trigger, automation or macro makes to a ticket. Every action is carried out through
 * the ticket service, so it is validated, permission-checked and audited like a manual change.
 * Immutable.
 */
public sealed interface Action {

  /** @return the permissions the acting principal needs on the ticket */
  Set<Permission> permissions();

  /**
   * Sets the priority.
   *
   * @param priority the new priority
   */
  record SetPriority(Priority priority) implements Action {
    /** Validates. */
    public SetPriority {
      Checks.notNull(priority, "priority");
    }

    @Override
    public Set<Permission> permissions() {
      return Set.of(Permission.TICKET_CHANGE_PRIORITY);
    }
  }

  /**
   * Adds a tag.
   *
   * @param tag the tag (normalized)
   */
  record AddTag(String tag) implements Action {
    /** Normalizes. */
    public AddTag {
      tag = Tags.normalize(tag);
    }

    @Override
    public Set<Permission> permissions() {
      return Set.of(Permission.TICKET_EDIT);
    }
  }

  /**
   * Removes a tag.
   *
   * @param tag the tag (normalized)
   */
  record RemoveTag(String tag) implements Action {
    /** Normalizes. */
    public RemoveTag {
      tag = Tags.normalize(tag);
    }

    @Override
    public Set<Permission> permissions() {
      return Set.of(Permission.TICKET_EDIT);
    }
  }

  /**
   * Moves the ticket to a team of its tier; the assignee stays if a member of that team.
   *
   * @param team the team
   */
  record AssignTeam(TeamId team) implements Action {
    /** Validates. */
    public AssignTeam {
      Checks.notNull(team, "team");
    }

    @Override
    public Set<Permission> permissions() {
      return Set.of(Permission.TICKET_ASSIGN);
    }
  }

  /**
   * Moves the ticket to a state (skipped if it is already there).
   *
   * @param state the target state (not NEW or MERGED)
   */
  record SetState(TicketState state) implements Action {
    /** Validates. */
    public SetState {
      Checks.notNull(state, "state");
      Checks.require(state != TicketState.NEW && state != TicketState.MERGED, "actions cannot move tickets to " + state);
    }

    @Override
    public Set<Permission> permissions() {
      return Set.of(Permission.forTransition(state));
    }
  }

  /**
   * Adds an internal note.
   *
   * @param text the note, with placeholders
   */
  record AddInternalNote(Template text) implements Action {
    /** Validates. */
    public AddInternalNote {
      Checks.notNull(text, "text");
    }

    @Override
    public Set<Permission> permissions() {
      return Set.of(Permission.TICKET_NOTE_INTERNAL);
    }
  }

  /**
   * Sets a custom field, or removes it.
   *
   * @param field the field name (an identifier)
   * @param value the new value, or null to remove the field
   */
  record SetField(String field, @org.jspecify.annotations.Nullable FieldValue value) implements Action {
    /** Validates. */
    public SetField {
      Checks.identifier(field, "field name");
    }

    @Override
    public Set<Permission> permissions() {
      return Set.of(Permission.TICKET_EDIT);
    }
  }

  /**
   * Adds a public reply the requester reads (an acknowledgement, a canned answer), in the ticket's
   * conversation like an agent's reply. Triggers fire at most once per ticket and cascade, so a
   * reply trigger cannot answer itself.
   *
   * @param text the reply, with placeholders
   */
  record AddPublicReply(Template text) implements Action {
    /** Validates. */
    public AddPublicReply {
      Checks.notNull(text, "text");
    }

    @Override
    public Set<Permission> permissions() {
      return Set.of(Permission.TICKET_REPLY_PUBLIC);
    }
  }

  /**
   * Sends a notification through the {@link dev.frontline.helpdesk.spi.NotificationSink}.
   *
   * @param recipient who gets it
   * @param subject single-line subject, with placeholders
   * @param body the body, with placeholders
   */
  record Notify(Recipient recipient, Template subject, Template body) implements Action {
    /** Validates. */
    public Notify {
      Checks.notNull(recipient, "recipient");
      Checks.notNull(subject, "subject");
      Checks.notNull(body, "body");
      Checks.line(subject.text(), "subject", 500);
    }

    @Override
    public Set<Permission> permissions() {
      return Set.of(recipient == Recipient.REQUESTER ? Permission.TICKET_REPLY_PUBLIC : Permission.TICKET_READ);
    }
  }

  /**
   * @param p the priority
   * @return the action
   */
  static Action setPriority(Priority p) {
    return new SetPriority(p);
  }

  /**
   * @param tag the tag
   * @return the action
   */
  static Action addTag(String tag) {
    return new AddTag(tag);
  }

  /**
   * @param tag the tag
   * @return the action
   */
  static Action removeTag(String tag) {
    return new RemoveTag(tag);
  }

  /**
   * @param team the team
   * @return the action
   */
  static Action assignTeam(TeamId team) {
    return new AssignTeam(team);
  }

  /**
   * @param state the state
   * @return the action
   */
  static Action setState(TicketState state) {
    return new SetState(state);
  }

  /**
   * @param text the note with placeholders
   * @return the action
   * @throws dev.frontline.helpdesk.ValidationException for unknown placeholders
   */
  static Action addInternalNote(String text) {
    return new AddInternalNote(Template.of(text));
  }

  /**
   * @param field a custom field
   * @param value its new value, or null to remove it
   * @return the action
   */
  static Action setField(String field, @org.jspecify.annotations.Nullable FieldValue value) {
    return new SetField(field, value);
  }

  /**
   * @param text the reply with placeholders
   * @return the action
   * @throws dev.frontline.helpdesk.ValidationException for unknown placeholders
   */
  static Action addPublicReply(String text) {
    return new AddPublicReply(Template.of(text));
  }

  /**
   * @param recipient who
   * @param subject subject with placeholders
   * @param body body with placeholders
   * @return the action
   * @throws dev.frontline.helpdesk.ValidationException for unknown placeholders
   */
  static Action notify(Recipient recipient, String subject, String body) {
    return new Notify(recipient, Template.of(subject), Template.of(body));
  }
}
