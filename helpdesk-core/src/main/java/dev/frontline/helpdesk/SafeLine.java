package dev.frontline.helpdesk;

/**
 * The one definition of a <em>safe single line</em>, used for every single-line value (subjects,
 * names, titles, file names) by the core when it validates and by the e-mail module when it writes
 * headers or cleans incoming header text, so that a value the core accepts can always be written
 * into an e-mail header.
 *
 * <p>A character is unsafe in a line if it is a C0 control ({@code U+0000}–{@code U+001F}, so also
 * tab, CR and LF), DEL ({@code U+007F}), a C1 control ({@code U+0080}–{@code U+009F}, so also NEL
 * {@code U+0085}), the line separator {@code U+2028} or the paragraph separator {@code U+2029}.
 *
 * <p>Stateless and thread-safe.
 */
public final class SafeLine {
  private SafeLine() {}

  /**
   * @param c a UTF-16 code unit
   * @return whether it may appear in a single-line value
   */
  public static boolean isSafe(char c) {
    return !(c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029');
  }

  /**
   * @param value a value
   * @return the index of the first character that is not {@linkplain #isSafe(char) safe}, or -1
   */
  public static int firstUnsafe(CharSequence value) {
    for (int i = 0; i < value.length(); i++) {
      if (!isSafe(value.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * @param value a value
   * @return whether every character is {@linkplain #isSafe(char) safe}
   */
  public static boolean isSafe(CharSequence value) {
    return firstUnsafe(value) < 0;
  }
}
