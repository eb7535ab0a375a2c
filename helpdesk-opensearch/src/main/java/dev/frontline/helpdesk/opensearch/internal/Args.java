package dev.frontline.helpdesk.opensearch.internal;

import dev.frontline.helpdesk.ValidationException;
import org.jspecify.annotations.Nullable;

/** Argument checks with the core's messages and exception ({@link ValidationException}). */
public final class Args {
  private Args() {}

  /**
   * @param value a value
   * @param what its name
   * @param <T> its type
   * @return the value
   * @throws ValidationException if it is null
   */
  public static <T> T notNull(@Nullable T value, String what) {
    if (value == null) {
      throw new ValidationException(what + " must not be null");
    }
    return value;
  }

  /**
   * @param condition what must hold
   * @param message the message if it does not
   * @throws ValidationException if it does not hold
   */
  public static void require(boolean condition, String message) {
    if (!condition) {
      throw new ValidationException(message);
    }
  }
}
