package dev.frontline.helpdesk.jackson;

import dev.frontline.helpdesk.ValidationException;
import java.io.Serial;

/**
 * JSON text is not an automation definition this version can read: malformed JSON, an unsupported
 * format version, an unknown kind of definition, condition or action, a missing property, or a
 * value the definition types reject. Nothing was read.
 */
public class DefinitionFormatException extends ValidationException {
  @Serial private static final long serialVersionUID = 1L;

  /** @param message what went wrong */
  public DefinitionFormatException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public DefinitionFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
