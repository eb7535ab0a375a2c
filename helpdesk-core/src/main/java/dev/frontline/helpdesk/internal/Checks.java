package dev.frontline.helpdesk.internal;

import dev.frontline.helpdesk.ValidationException;
import java.util.Collection;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Argument validation that throws {@link ValidationException} with a clear message. */
public final class Checks {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.:@-]{1,64}");

  private Checks() {}

  /**
   * Checks an identifier.
   *
   * @param value the value
   * @param what its name in the message
   * @return the value
   */
  public static String identifier(@Nullable String value, String what) {
    if (value == null) {
      throw new ValidationException(what + " must not be null");
    }
    if (!IDENTIFIER.matcher(value).matches()) {
      throw new ValidationException(what + " must be 1-64 characters of letters, digits, '-', '_', '.', ':' or '@'");
    }
    return value;
  }

  /**
   * Requires a non-null value.
   *
   * @param <T> its type
   * @param value the value
   * @param what its name in the message
   * @return the value
   */
  public static <T> T notNull(@Nullable T value, String what) {
    if (value == null) {
      throw new ValidationException(what + " must not be null");
    }
    return value;
  }

  /**
   * Requires non-blank text no longer than {@code max} characters, without control characters other
   * than tab, CR and LF.
   *
   * @param value the value
   * @param what its name in the message
   * @param max maximum length
   * @return the value
   */
  public static String text(@Nullable String value, String what, int max) {
    if (value == null) {
      throw new ValidationException(what + " must not be null");
    }
    if (value.isBlank()) {
      throw new ValidationException(what + " must not be blank");
    }
    if (value.length() > max) {
      throw new ValidationException(what + " must be at most " + max + " characters, was " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
        throw new ValidationException(what + " must not contain control characters");
      }
    }
    return value;
  }

  /**
   * Requires single-line text: like {@link #text} but every character must be {@linkplain
   * dev.frontline.helpdesk.SafeLine safe in a line} (no CR, LF, tab, DEL, C1 controls, U+2028,
   * U+2029: header injection).
   *
   * @param value the value
   * @param what its name in the message
   * @param max maximum length
   * @return the value
   */
  public static String line(@Nullable String value, String what, int max) {
    String v = text(value, what, max);
    if (!dev.frontline.helpdesk.SafeLine.isSafe(v)) {
      // the same rule as for e-mail headers: no CR, LF, tab, DEL, C1 controls (NEL), U+2028/U+2029
      throw new ValidationException(what + " must be a single line without control characters");
    }
    return v;
  }

  /**
   * Requires a collection without null elements and at most {@code max} elements.
   *
   * @param <C> the collection type
   * @param value the collection
   * @param what its name in the message
   * @param max maximum size
   * @return the collection
   */
  public static <C extends Collection<?>> C elements(@Nullable C value, String what, int max) {
    if (value == null) {
      throw new ValidationException(what + " must not be null");
    }
    if (value.size() > max) {
      throw new ValidationException(what + " must have at most " + max + " elements");
    }
    for (Object o : value) {
      if (o == null) {
        throw new ValidationException(what + " must not contain null");
      }
    }
    return value;
  }

  /**
   * Requires a condition.
   *
   * @param condition the condition
   * @param message the message if it does not hold
   */
  public static void require(boolean condition, String message) {
    if (!condition) {
      throw new ValidationException(message);
    }
  }
}
