package dev.frontline.helpdesk.ticket;

import dev.frontline.helpdesk.internal.Checks;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A change to a ticket's editable fields. Null means "leave as is". Each part needs its own
 * permission ({@code TICKET_CHANGE_PRIORITY} for priority, {@code TICKET_EDIT} for the rest).
 *
 * @param subject new subject
 * @param priority new priority
 * @param type new type
 * @param addTags tags to add
 * @param removeTags tags to remove
 * @param setFields custom fields to set
 * @param removeFields custom fields to remove
 */
public record TicketUpdate(
    @Nullable String subject,
    @Nullable Priority priority,
    @Nullable TicketType type,
    Set<String> addTags,
    Set<String> removeTags,
    Map<String, FieldValue> setFields,
    Set<String> removeFields) {

  /** Validates and copies. */
  public TicketUpdate {
    if (subject != null) {
      Checks.line(subject, "subject", Ticket.MAX_SUBJECT);
    }
    Set<String> a = new HashSet<>();
    Checks.elements(addTags, "tags to add", 100).forEach(t -> a.add(Tags.normalize(t)));
    addTags = Set.copyOf(a);
    Set<String> r = new HashSet<>();
    Checks.elements(removeTags, "tags to remove", 100).forEach(t -> r.add(Tags.normalize(t)));
    removeTags = Set.copyOf(r);
    Checks.notNull(setFields, "fields");
    setFields.forEach((k, v) -> {
      Checks.identifier(k, "field name");
      Checks.notNull(v, "field value");
    });
    setFields = Map.copyOf(new HashMap<>(setFields));
    removeFields = Set.copyOf(Checks.elements(removeFields, "fields to remove", 200));
    removeFields.forEach(f -> Checks.identifier(f, "field name"));
  }

  /** @return an update that changes nothing (use the withers) */
  public static TicketUpdate none() {
    return new TicketUpdate(null, null, null, Set.of(), Set.of(), Map.of(), Set.of());
  }

  /**
   * @param s subject
   * @return a copy with the subject set
   */
  public TicketUpdate withSubject(String s) {
    return new TicketUpdate(s, priority, type, addTags, removeTags, setFields, removeFields);
  }

  /**
   * @param p priority
   * @return a copy with the priority set
   */
  public TicketUpdate withPriority(Priority p) {
    return new TicketUpdate(subject, p, type, addTags, removeTags, setFields, removeFields);
  }

  /**
   * @param t type
   * @return a copy with the type set
   */
  public TicketUpdate withType(TicketType t) {
    return new TicketUpdate(subject, priority, t, addTags, removeTags, setFields, removeFields);
  }

  /**
   * @param add tags to add
   * @param remove tags to remove
   * @return a copy with the tag changes
   */
  public TicketUpdate withTags(Set<String> add, Set<String> remove) {
    return new TicketUpdate(subject, priority, type, add, remove, setFields, removeFields);
  }

  /**
   * @param set fields to set
   * @param remove fields to remove
   * @return a copy with the field changes
   */
  public TicketUpdate withFields(Map<String, FieldValue> set, Set<String> remove) {
    return new TicketUpdate(subject, priority, type, addTags, removeTags, set, remove);
  }

  /** @return whether only priority is changed */
  boolean onlyPriority() {
    return subject == null && type == null && addTags.isEmpty() && removeTags.isEmpty() && setFields.isEmpty() && removeFields.isEmpty();
  }
}
