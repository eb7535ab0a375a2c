package dev.frontline.helpdesk.email.internal;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Converts HTML to plain text by dropping markup: no rendering, no resolving of URLs or entities
 * beyond the character references, linear time (no regular expressions over untrusted input).
 * Script, style, head and title contents are dropped; block elements become line breaks. For the
 * text of a reply, quoted elements can be dropped too: {@code <blockquote>}, Gmail's {@code
 * div.gmail_quote}, Yahoo's {@code div.yahoo_quoted}, and Outlook's {@code div#divRplyFwdMsg} with
 * everything after it (Outlook puts the quoted message after that header block, not inside it).
 * A dropped element leaves a line {@code ">"} in its place, so that {@link ReplyText} sees where a
 * quote was (and cuts an attribution line before it, but keeps text written after it).
 */
public final class HtmlText {
  private static final Set<String> SKIP_CONTENT = Set.of("script", "style", "head", "title", "template", "noscript");
  private static final Set<String> BLOCK =
      Set.of("br", "p", "div", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr", "pre",
          "ul", "ol", "dl", "dt", "dd", "section", "article", "header", "footer");

  /** The line left where a quoted element was dropped. */
  public static final String QUOTE_MARK = ">";

  private HtmlText() {}

  /**
   * @param html untrusted HTML
   * @return its text
   */
  public static String toText(String html) {
    return toText(html, false);
  }

  /**
   * @param html untrusted HTML
   * @param dropQuotes whether to drop quoted elements (see the class description)
   * @return its text
   */
  public static String toText(String html, boolean dropQuotes) {
    StringBuilder out = new StringBuilder(html.length() / 2);
    int n = html.length();
    int i = 0;
    while (i < n) {
      char c = html.charAt(i);
      if (c == '<') {
        if (html.startsWith("<!--", i)) {
          int end = html.indexOf("-->", i + 4);
          i = end < 0 ? n : end + 3;
          continue;
        }
        int end = html.indexOf('>', i + 1);
        if (end < 0) {
          break; // an unterminated tag: drop the rest rather than emit markup
        }
        String name = tagName(html, i + 1, end);
        boolean closing = i + 1 < n && html.charAt(i + 1) == '/';
        int tagStart = i;
        i = end + 1;
        if (!closing && SKIP_CONTENT.contains(name)) {
          i = skipPast(html, i, name);
          continue;
        }
        if (dropQuotes && !closing) {
          if (name.equals("div") && containsIgnoreCase(html, tagStart, end, "divrplyfwdmsg")) {
            newline(out);
            out.append(QUOTE_MARK);
            break; // Outlook: the header block of the quoted message, which follows it
          }
          if (name.equals("blockquote")
              || name.equals("div") && (containsIgnoreCase(html, tagStart, end, "gmail_quote") || containsIgnoreCase(html, tagStart, end, "yahoo_quoted"))) {
            i = skipElement(html, i, name);
            newline(out);
            out.append(QUOTE_MARK).append('\n');
            continue;
          }
        }
        if (name.equals("li")) {
          if (!closing) {
            newline(out);
            out.append("- ");
          }
        } else if (BLOCK.contains(name)) {
          newline(out);
          if (name.equals("p") || name.equals("blockquote") || name.equals("table")) {
            out.append('\n');
          }
        } else if (name.equals("td") || name.equals("th")) {
          out.append(' ');
        }
      } else if (c == '&') {
        i = entity(html, i, out);
      } else {
        if (c == '\r' || c == '\n' || c == '\t' || c == ' ') {
          if (out.length() > 0 && out.charAt(out.length() - 1) != ' ' && out.charAt(out.length() - 1) != '\n') {
            out.append(' ');
          }
        } else {
          out.append(c);
        }
        i++;
      }
    }
    return tidy(out.toString());
  }

  private static void newline(StringBuilder out) {
    while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
      out.setLength(out.length() - 1);
    }
    out.append('\n');
  }

  private static String tagName(String s, int from, int end) {
    int i = from;
    if (i < end && s.charAt(i) == '/') {
      i++;
    }
    int start = i;
    while (i < end && (Character.isLetterOrDigit(s.charAt(i)))) {
      i++;
    }
    return s.substring(start, i).toLowerCase(Locale.ROOT);
  }

  private static int skipPast(String s, int from, String name) {
    int i = from;
    while (true) {
      int lt = s.indexOf("</", i);
      if (lt < 0) {
        return s.length();
      }
      if (s.regionMatches(true, lt + 2, name, 0, name.length())) {
        int gt = s.indexOf('>', lt);
        return gt < 0 ? s.length() : gt + 1;
      }
      i = lt + 2;
    }
  }

  /** Whether {@code s[from, to)} contains {@code lowerNeedle}, ignoring ASCII case. */
  private static boolean containsIgnoreCase(String s, int from, int to, String lowerNeedle) {
    int n = lowerNeedle.length();
    for (int i = from; i + n <= to; i++) {
      if (s.regionMatches(true, i, lowerNeedle, 0, n)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Skips past the end tag matching an element whose start tag ended before {@code from}, counting
   * nested elements of the same name; comments are skipped whole. Unclosed: the rest is dropped.
   */
  private static int skipElement(String s, int from, String name) {
    int depth = 1;
    int i = from;
    int n = s.length();
    while (i < n) {
      int lt = s.indexOf('<', i);
      if (lt < 0) {
        return n;
      }
      if (s.startsWith("<!--", lt)) {
        int end = s.indexOf("-->", lt + 4);
        if (end < 0) {
          return n;
        }
        i = end + 3;
        continue;
      }
      int gt = s.indexOf('>', lt + 1);
      if (gt < 0) {
        return n;
      }
      String tag = tagName(s, lt + 1, gt);
      if (tag.equals(name)) {
        boolean closing = s.charAt(lt + 1) == '/';
        depth += closing ? -1 : 1;
        if (depth == 0) {
          return gt + 1;
        }
      }
      i = gt + 1;
    }
    return n;
  }

  private static int entity(String s, int i, StringBuilder out) {
    int semi = -1;
    for (int j = i + 1; j < s.length() && j < i + 12; j++) {
      if (s.charAt(j) == ';') {
        semi = j;
        break;
      }
    }
    if (semi < 0) {
      out.append('&');
      return i + 1;
    }
    String e = s.substring(i + 1, semi);
    String r;
    if (e.startsWith("#x") || e.startsWith("#X")) {
      r = codePoint(e.substring(2), 16);
    } else if (e.startsWith("#")) {
      r = codePoint(e.substring(1), 10);
    } else {
      r = switch (e.toLowerCase(Locale.ROOT)) {
        case "amp" -> "&";
        case "lt" -> "<";
        case "gt" -> ">";
        case "quot" -> "\"";
        case "apos" -> "'";
        case "nbsp" -> " ";
        case "copy" -> "\u00a9";
        case "reg" -> "\u00ae";
        case "hellip" -> "\u2026";
        case "mdash" -> "\u2014";
        case "ndash" -> "\u2013";
        case "euro" -> "\u20ac";
        default -> null;
      };
    }
    if (r == null) {
      out.append('&');
      return i + 1;
    }
    out.append(r);
    return semi + 1;
  }

  private static @Nullable String codePoint(String digits, int radix) {
    try {
      int cp = Integer.parseInt(digits, radix);
      if (cp < 0x20 && cp != '\n' && cp != '\t' || cp == 0x7f || cp > Character.MAX_CODE_POINT
          || cp >= 0xd800 && cp <= 0xdfff) {
        return "";
      }
      return new String(Character.toChars(cp));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String tidy(String s) {
    StringBuilder b = new StringBuilder(s.length());
    int blank = 0;
    for (String line : s.split("\n", -1)) {
      String l = line.strip();
      if (l.isEmpty()) {
        blank++;
        continue;
      }
      if (b.length() > 0) {
        b.append(blank > 0 ? "\n\n" : "\n");
      }
      blank = 0;
      b.append(l);
    }
    return b.toString();
  }
}
