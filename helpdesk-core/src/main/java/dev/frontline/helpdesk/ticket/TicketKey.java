package dev.frontline.helpdesk.ticket;

import dev.frontline.helpdesk.ValidationException;
import java.util.regex.Pattern;

/**
 * The human-readable key of a ticket, such as {@code HD-1042}: a prefix of 1 to 10 upper-case
 * letters or digits (starting with a letter), a dash, and a positive number. Keys are for people
 * (subject tags, phone calls); they are sequential and therefore grant nothing by themselves.
 *
 * @param prefix the prefix, e.g. {@code HD}
 * @param number the sequence number
 */
public record TicketKey(String prefix, long number) implements Comparable<TicketKey> {
  private static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9]{0,9}");
  private static final Pattern KEY = Pattern.compile("([A-Z][A-Z0-9]{0,9})-([1-9][0-9]{0,17})");

  /** Validates prefix and number. */
  public TicketKey {
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new ValidationException("ticket key prefix must be 1-10 upper-case letters or digits starting with a letter");
    }
    if (number < 1) {
      throw new ValidationException("ticket key number must be positive");
    }
  }

  /**
   * Parses {@code PREFIX-NUMBER}.
   *
   * @param text the key text
   * @return the key
   * @throws ValidationException if the text is not a ticket key
   */
  public static TicketKey parse(String text) {
    if (text == null) {
      throw new ValidationException("ticket key must not be null");
    }
    var m = KEY.matcher(text.trim());
    if (!m.matches()) {
      throw new ValidationException("not a ticket key: expected PREFIX-NUMBER");
    }
    return new TicketKey(m.group(1), Long.parseLong(m.group(2)));
  }

  /**
   * @param prefix a candidate prefix
   * @return whether it is a valid prefix
   */
  public static boolean isValidPrefix(String prefix) {
    return prefix != null && PREFIX.matcher(prefix).matches();
  }

  @Override
  public int compareTo(TicketKey o) {
    int c = prefix.compareTo(o.prefix);
    return c != 0 ? c : Long.compare(number, o.number);
  }

  @Override
  public String toString() {
    return prefix + "-" + number;
  }
}
