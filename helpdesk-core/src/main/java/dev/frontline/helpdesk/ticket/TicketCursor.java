package dev.frontline.helpdesk.ticket;

import dev.frontline.helpdesk.ValidationException;

/**
 * A keyset pagination position: the sort key and id of the last ticket of a page. Encoded as an
 * opaque string {@code sortName:key:id} for callers.
 *
 * @param sort the order the cursor belongs to
 * @param key the last ticket's {@link TicketSort#key}
 * @param id the last ticket's id
 */
public record TicketCursor(TicketSort sort, long key, TicketId id) {

  /**
   * @param t the last ticket of a page
   * @param sort the order
   * @return its cursor
   */
  public static TicketCursor after(Ticket t, TicketSort sort) {
    return new TicketCursor(sort, sort.key(t), t.id());
  }

  /** @return the opaque text form */
  public String encode() {
    return sort.name() + ":" + key + ":" + id.value();
  }

  /**
   * @param text an encoded cursor
   * @param sort the query's order; the cursor must belong to it
   * @return the cursor
   * @throws ValidationException if the text is not a cursor of that order
   */
  public static TicketCursor decode(String text, TicketSort sort) {
    String[] p = text.split(":", 3);
    try {
      if (p.length != 3 || !p[0].equals(sort.name())) {
        throw new ValidationException("cursor does not belong to this query");
      }
      return new TicketCursor(sort, Long.parseLong(p[1]), new TicketId(p[2]));
    } catch (NumberFormatException e) {
      throw new ValidationException("malformed cursor");
    }
  }

  /**
   * @param t a ticket
   * @return whether it comes strictly after this cursor in the cursor's order
   */
  public boolean isBefore(Ticket t) {
    long k = sort.key(t);
    return k > key || (k == key && t.id().compareTo(id) > 0);
  }
}
