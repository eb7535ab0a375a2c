package dev.frontline.helpdesk.email.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Charset decoding and text sanitising that never throws on bad input. */
public final class Texts {
  private Texts() {}

  /**
   * Decodes bytes in the declared charset. Unknown charsets and US-ASCII text that is really UTF-8
   * (common in mail) fall back to UTF-8 if the bytes are valid UTF-8, else to windows-1252.
   *
   * @param bytes the bytes
   * @param declared the declared charset name, or null
   * @return the text (malformed sequences replaced)
   */
  public static String decode(byte[] bytes, @Nullable String declared) {
    Charset cs = lookup(declared);
    if (cs == null || cs.equals(StandardCharsets.US_ASCII)) {
      String utf8 = strictUtf8(bytes);
      if (utf8 != null) {
        return utf8;
      }
      return new String(bytes, windows1252());
    }
    return new String(bytes, cs);
  }

  /**
   * @param bytes bytes
   * @return the text if the bytes are valid UTF-8, else null
   */
  public static @Nullable String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static Charset windows1252() {
    Charset cs = lookup("windows-1252");
    return cs != null ? cs : StandardCharsets.ISO_8859_1;
  }

  private static @Nullable Charset lookup(@Nullable String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.startsWith("\"") && n.endsWith("\"") && n.length() > 1) {
      n = n.substring(1, n.length() - 1);
    }
    try {
      return Charset.forName(n);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Removes control characters other than tab, CR and LF (core rejects them in bodies).
   *
   * @param s text
   * @return cleaned text, with CRLF normalised to LF
   */
  public static String cleanBody(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r') {
        if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          continue;
        }
        b.append('\n');
      } else if (c == '\n' || c == '\t' || c >= 0x20 && c != 0x7f) {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Makes untrusted text a safe single line: characters not {@linkplain dev.frontline.helpdesk.SafeLine
   * safe in a line} (CR, LF, tab, DEL, C1 controls, U+2028, ...) become spaces,
   * runs of whitespace collapse, and the result is trimmed and cut to {@code max} characters.
   *
   * @param s text
   * @param max maximum length
   * @return the line (possibly empty)
   */
  public static String oneLine(@Nullable String s, int max) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(Math.min(s.length(), max + 1));
    boolean space = false;
    for (int i = 0; i < s.length() && b.length() < max; i++) {
      char c = s.charAt(i);
      if (!dev.frontline.helpdesk.SafeLine.isSafe(c) || Character.isWhitespace(c)) {
        space = b.length() > 0;
      } else {
        if (space) {
          b.append(' ');
          space = false;
        }
        b.append(c);
      }
    }
    String r = b.toString().strip();
    if (r.length() > max) {
      r = r.substring(0, max);
    }
    // never end on a lone high surrogate after cutting
    if (!r.isEmpty() && Character.isHighSurrogate(r.charAt(r.length() - 1))) {
      r = r.substring(0, r.length() - 1);
    }
    return r;
  }
}
