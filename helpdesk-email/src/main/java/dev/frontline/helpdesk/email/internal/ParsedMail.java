package dev.frontline.helpdesk.email.internal;

import dev.frontline.helpdesk.ticket.NewAttachment;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a message the intake uses.
 *
 * @param headers the top-level header fields in order (values unfolded, raw text: encoded words not
 *     decoded)
 * @param plainText the inline text/plain parts, joined, or null if there are none
 * @param htmlText the inline text/html parts converted to text, or null if there are none
 * @param htmlSources the decoded inline text/html parts, for {@link #htmlReplyText()}
 * @param attachments every other part
 * @param notes problems met while parsing (kept for the report)
 */
public record ParsedMail(
    List<Header> headers,
    @Nullable String plainText,
    @Nullable String htmlText,
    List<String> htmlSources,
    List<NewAttachment> attachments,
    List<String> notes) {

  /**
   * The HTML parts as text without quoted elements (blockquotes, Gmail and Outlook quote
   * containers; each leaves a {@code ">"} line), for the text of a reply. Converted on demand: only
   * replies without a text/plain part need it.
   *
   * @return the text, or null if there are no HTML parts
   */
  public @Nullable String htmlReplyText() {
    if (htmlSources.isEmpty()) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (String source : htmlSources) {
      if (b.length() > 0) {
        b.append("\n\n");
      }
      b.append(HtmlText.toText(source, true));
    }
    return b.toString();
  }

  /**
   * One header field.
   *
   * @param name the name as written
   * @param value the unfolded value
   */
  public record Header(String name, String value) {}

  /**
   * @param name a header name (case-insensitive)
   * @return the first value, or null
   */
  public @Nullable String first(String name) {
    for (Header h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        return h.value();
      }
    }
    return null;
  }

  /**
   * @param name a header name (case-insensitive)
   * @return every value, in order
   */
  public List<String> all(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return headers.stream().filter(h -> h.name().toLowerCase(Locale.ROOT).equals(n)).map(Header::value).toList();
  }
}
