package dev.frontline.helpdesk.automation;

import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text with placeholders such as {@code {{ticket.key}}}, {@code {{ticket.subject}}}, {@code
 * {{customer.name}}} and {@code {{agent.name}}}. Placeholders are checked when the template is
 * made: an unknown name or a malformed {@code {{...}}} is rejected. Values are inserted once and
 * never re-expanded, so a customer named {@code {{agent.name}}} stays just that. {@link #render}
 * gives plain text (entry bodies, notification texts and subjects are plain text; whoever shows
 * them as HTML escapes them, as for any other entry), with control characters other than newlines
 * removed from the values; {@link #renderHtml} escapes the values for a template whose text is HTML
 * markup, so a customer named {@code <script>} cannot inject markup. The template text itself is
 * trusted (written by people with {@code MACRO_MANAGE} or administrators). Immutable.
 */
public final class Template {
  /** The placeholder names that may be used. */
  public static final Set<String> PLACEHOLDERS =
      Set.of("ticket.key", "ticket.subject", "ticket.state", "ticket.priority", "customer.name", "agent.name");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z.]+)\\s*}}");
  private final String text;
  private final List<String> names;

  private Template(String text, List<String> names) {
    this.text = text;
    this.names = List.copyOf(names);
  }

  /**
   * @param text the template text
   * @return the template
   * @throws ValidationException if a placeholder is unknown or malformed
   */
  public static Template of(String text) {
    Checks.text(text, "template", 50_000);
    List<String> names = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder rest = new StringBuilder();
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1))) {
        throw new ValidationException("unknown placeholder {{" + m.group(1) + "}}; known: " + new java.util.TreeSet<>(PLACEHOLDERS));
      }
      names.add(m.group(1));
      m.appendReplacement(rest, "");
    }
    m.appendTail(rest);
    if (rest.indexOf("{{") >= 0 || rest.indexOf("}}") >= 0) {
      throw new ValidationException("malformed placeholder in template");
    }
    return new Template(text, names);
  }

  /** @return the template text */
  public String text() {
    return text;
  }

  /** @return the placeholder names used, in order of appearance */
  public List<String> placeholders() {
    return names;
  }

  /**
   * @param values a value per placeholder name; missing ones render as empty text
   * @return plain text: the template with every placeholder replaced by its value as it is (less
   *     control characters other than newlines)
   */
  public String render(Map<String, String> values) {
    return render(values, false);
  }

  /**
   * For templates whose text is HTML markup (e.g. an HTML e-mail body of the host's).
   *
   * @param values a value per placeholder name; missing ones render as empty text
   * @return the template with every placeholder replaced by its HTML-escaped value
   */
  public String renderHtml(Map<String, String> values) {
    return render(values, true);
  }

  private String render(Map<String, String> values, boolean html) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.getOrDefault(m.group(1), "");
      m.appendReplacement(out, Matcher.quoteReplacement(html ? escape(value) : plain(value)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String plain(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 || c == '\n') {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * @param s plain text
   * @return the text with {@code & < > " '} escaped and control characters (but newlines) removed
   */
  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\n') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  @Override
  public boolean equals(@org.jspecify.annotations.Nullable Object o) {
    return o instanceof Template t && t.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
