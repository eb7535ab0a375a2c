package dev.frontline.examples.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns a search snippet into plain-text parts, each marked as highlighted or not, so that a template
 * renders every part with {@code th:text} (escaped) and wraps the highlighted ones in {@code <mark>}.
 *
 * <p>Frontline's snippets ({@link dev.frontline.helpdesk.knowledge.SearchHit#snippet()}) wrap matches
 * in {@code <b>...</b>} and HTML-escape all other text. Rather than trusting that and writing the
 * snippet out unescaped ({@code th:utext}), the page splits it on exactly those two markers and
 * decodes the character references in between back to text; Thymeleaf escapes it again on output.
 * Any other markup that might be in a snippet therefore shows as text and never becomes an element.
 */
public final class Snippets {
  private static final String OPEN = "<b>";
  private static final String CLOSE = "</b>";

  /**
   * One piece of a snippet.
   *
   * @param text plain text (not HTML)
   * @param highlighted whether it matched the query
   */
  public record Part(String text, boolean highlighted) {}

  private Snippets() {}

  /**
   * @param snippet a snippet as returned by the knowledge search
   * @return its parts in order; empty parts are dropped
   */
  public static List<Part> parse(String snippet) {
    List<Part> parts = new ArrayList<>();
    int i = 0;
    while (i < snippet.length()) {
      int open = snippet.indexOf(OPEN, i);
      if (open < 0) {
        add(parts, snippet.substring(i), false);
        break;
      }
      add(parts, snippet.substring(i, open), false);
      int close = snippet.indexOf(CLOSE, open + OPEN.length());
      if (close < 0) {
        add(parts, snippet.substring(open + OPEN.length()), true);
        break;
      }
      add(parts, snippet.substring(open + OPEN.length(), close), true);
      i = close + CLOSE.length();
    }
    return parts;
  }

  private static void add(List<Part> parts, String html, boolean highlighted) {
    String text = unescape(html);
    if (!text.isEmpty()) {
      parts.add(new Part(text, highlighted));
    }
  }

  /**
   * Decodes the character references an HTML-escaping formatter writes ({@code &amp; &lt; &gt;
   * &quot; &apos;} and numeric ones); anything else stays as it is and is shown as text.
   *
   * @param html escaped text
   * @return plain text
   */
  static String unescape(String html) {
    if (html.indexOf('&') < 0) {
      return html;
    }
    StringBuilder out = new StringBuilder(html.length());
    int i = 0;
    while (i < html.length()) {
      char c = html.charAt(i);
      int semi = c == '&' ? html.indexOf(';', i) : -1;
      if (semi > i && semi - i <= 10) {
        String ref = html.substring(i + 1, semi);
        @Nullable String decoded = decode(ref);
        if (decoded != null) {
          out.append(decoded);
          i = semi + 1;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static @Nullable String decode(String ref) {
    switch (ref) {
      case "amp": return "&";
      case "lt": return "<";
      case "gt": return ">";
      case "quot": return "\"";
      case "apos": return "'";
      default: break;
    }
    if (ref.length() < 2 || ref.charAt(0) != '#') {
      return null;
    }
    try {
      int cp = ref.charAt(1) == 'x' || ref.charAt(1) == 'X'
          ? Integer.parseInt(ref.substring(2), 16)
          : Integer.parseInt(ref.substring(1));
      return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
