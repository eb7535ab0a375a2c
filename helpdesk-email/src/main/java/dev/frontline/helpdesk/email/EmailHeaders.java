package dev.frontline.helpdesk.email;

import dev.frontline.helpdesk.SafeLine;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.email.internal.MimeReader;
import dev.frontline.helpdesk.email.internal.ParsedMail;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.field.DateTimeField;
import org.apache.james.mime4j.field.DateTimeFieldLenientImpl;
import org.apache.james.mime4j.stream.RawField;

/** Helpers for header values: reading a raw message's date and checking generated values. Stateless. */
public final class EmailHeaders {
  /** Longest header value Frontline generates (RFC 5322 line limit). */
  public static final int MAX_VALUE = 998;

  private EmailHeaders() {}

  /**
   * Reads the {@code Date:} header of a raw message leniently.
   *
   * @param rawMessage the message bytes (only the header block is read)
   * @return the date, or empty if missing or unparsable
   */
  public static Optional<Instant> date(byte[] rawMessage) {
    Objects.requireNonNull(rawMessage, "rawMessage");
    String value = null;
    for (ParsedMail.Header h : MimeReader.headersOnly(rawMessage)) {
      if (h.name().equalsIgnoreCase("Date")) {
        value = h.value();
        break;
      }
    }
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      DateTimeField f = DateTimeFieldLenientImpl.PARSER.parse(new RawField("Date", value), DecodeMonitor.SILENT);
      Date d = f.getDate();
      return d == null ? Optional.empty() : Optional.of(d.toInstant());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Checks a header value before it is written into an outgoing message: every character {@linkplain
   * SafeLine safe in a line} (the core's rule for single-line values, so no CR, LF or other control
   * characters: header injection), at most {@link #MAX_VALUE} characters.
   *
   * @param what the header's name, for the message
   * @param value the value
   * @return the value
   * @throws ValidationException if the value is unsafe
   */
  public static String requireSafe(String what, String value) {
    Objects.requireNonNull(value, what);
    if (value.length() > MAX_VALUE) {
      throw new ValidationException(what + " must be at most " + MAX_VALUE + " characters");
    }
    if (!SafeLine.isSafe(value)) {
      throw new ValidationException(what + " must not contain CR, LF or other control characters");
    }
    return value;
  }
}
