package dev.frontline.helpdesk.ticket;

import dev.frontline.helpdesk.ValidationException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Tag normalisation: tags are lower-case words of letters, digits, {@code - _ . :}, at most 50. */
public final class Tags {
  private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_.:-]{1,50}");

  private Tags() {}

  /**
   * @param tag a tag as entered
   * @return the normalised tag
   * @throws ValidationException if it is not a valid tag
   */
  public static String normalize(String tag) {
    if (tag == null) {
      throw new ValidationException("tag must not be null");
    }
    String t = tag.trim().toLowerCase(Locale.ROOT);
    if (!TAG.matcher(t).matches()) {
      throw new ValidationException("tag must be 1-50 letters, digits, '-', '_', '.' or ':'");
    }
    return t;
  }
}
