package dev.frontline.helpdesk.automation;

import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.FieldValue;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Tags;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketType;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A test on the current ticket snapshot, used by triggers and automations. Implementations must be
 * side-effect free and thread-safe. The factories cover the usual fields; hosts may write their own.
 */
@FunctionalInterface
public interface Condition {
  /**
   * @param ticket the current snapshot
   * @return whether the condition holds
   */
  boolean test(Ticket ticket);

  /**
   * @param states states
   * @return the ticket is in one of these states
   */
  static Condition stateIn(TicketState... states) {
    Set<TicketState> s = EnumSet.copyOf(List.of(states));
    return t -> s.contains(t.state());
  }

  /**
   * @param priorities priorities
   * @return the ticket has one of these priorities
   */
  static Condition priorityIn(Priority... priorities) {
    Set<Priority> s = EnumSet.copyOf(List.of(priorities));
    return t -> s.contains(t.priority());
  }

  /**
   * @param tag a tag
   * @return the ticket has the tag
   */
  static Condition hasTag(String tag) {
    String n = Tags.normalize(tag);
    return t -> t.tags().contains(n);
  }

  /**
   * @param tag a tag
   * @return the ticket lacks the tag
   */
  static Condition lacksTag(String tag) {
    String n = Tags.normalize(tag);
    return t -> !t.tags().contains(n);
  }

  /**
   * @param channels channels
   * @return the ticket came in through one of these channels
   */
  static Condition channelIn(Channel... channels) {
    Set<Channel> s = EnumSet.copyOf(List.of(channels));
    return t -> s.contains(t.channel());
  }

  /**
   * @param type a type
   * @return the ticket has this type
   */
  static Condition typeIs(TicketType type) {
    Objects.requireNonNull(type, "type");
    return t -> t.type() == type;
  }

  /**
   * @param tier a tier
   * @return the ticket is in this tier
   */
  static Condition tierIs(int tier) {
    return t -> t.tier() == tier;
  }

  /**
   * @param team a team
   * @return the ticket belongs to this team
   */
  static Condition teamIs(TeamId team) {
    Objects.requireNonNull(team, "team");
    return t -> team.equals(t.team());
  }

  /** @return the ticket has no assignee */
  static Condition unassigned() {
    return t -> t.assignee() == null;
  }

  /**
   * @param name a custom field
   * @param value a value
   * @return the field has this value
   */
  static Condition fieldEquals(String name, FieldValue value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    return t -> value.equals(t.fields().get(name));
  }
}
