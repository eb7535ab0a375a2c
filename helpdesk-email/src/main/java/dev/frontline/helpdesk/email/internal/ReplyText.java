package dev.frontline.helpdesk.email.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts what a reply repeats: quoted lines ({@code >}), attribution lines ("On ... wrote:"), the
 * signature after the {@code "-- "} separator and forwarded/original-message blocks. The full
 * message is always kept as {@code original.eml}, so nothing is lost.
 */
public final class ReplyText {
  private static final Pattern ATTRIBUTION =
      Pattern.compile("(?i)^(on\\b.{0,300}\\bwrote|am\\b.{0,300}\\bschrieb|le\\b.{0,300}\\ba \u00e9crit|.{0,300}\\b(wrote|writes))\\s*:\\s*$");
  private static final Pattern ON_START = Pattern.compile("(?i)^(on|am|le)\\s.{0,300}$");
  private static final Pattern ORIGINAL =
      Pattern.compile("(?i)^\\s*(-{2,}\\s*(original message|urspr\u00fcngliche nachricht|forwarded message)\\s*-{2,}|_{20,})\\s*$");

  private ReplyText() {}

  /**
   * @param text a reply's text (LF line ends)
   * @return the new text only; the input unchanged if nothing would remain
   */
  public static String stripQuotes(String text) {
    List<String> lines = lines(text);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (isSignatureSeparator(line) || ORIGINAL.matcher(line).matches()) {
        break;
      }
      if (line.stripLeading().startsWith(">")) {
        continue;
      }
      int next = nextNonBlank(lines, i + 1);
      boolean quoteFollows = next < 0 || lines.get(next).stripLeading().startsWith(">");
      if (line.length() <= 400 && ATTRIBUTION.matcher(line).matches() && quoteFollows) {
        continue;
      }
      // "On Tue, 1 Jan 2026, Alice <a@example.org>\nwrote:" split over two lines
      if (line.length() <= 400 && ON_START.matcher(line).matches() && i + 1 < lines.size()
          && lines.get(i + 1).strip().endsWith("wrote:")) {
        int after = nextNonBlank(lines, i + 2);
        if (after < 0 || lines.get(after).stripLeading().startsWith(">")) {
          i++;
          continue;
        }
      }
      kept.add(line);
    }
    String r = join(kept);
    return r.isBlank() ? text : r;
  }

  /**
   * @param text a message's text
   * @return the text before the signature separator; the input unchanged if nothing would remain
   */
  public static String stripSignature(String text) {
    List<String> lines = lines(text);
    List<String> kept = new ArrayList<>();
    for (String line : lines) {
      if (isSignatureSeparator(line)) {
        break;
      }
      kept.add(line);
    }
    String r = join(kept);
    return r.isBlank() ? text : r;
  }

  private static boolean isSignatureSeparator(String line) {
    return line.equals("-- ") || line.equals("--");
  }

  private static int nextNonBlank(List<String> lines, int from) {
    for (int j = from; j < lines.size(); j++) {
      if (!lines.get(j).isBlank()) {
        return j;
      }
    }
    return -1;
  }

  private static List<String> lines(String text) {
    return List.of(text.replace("\r\n", "\n").split("\n", -1));
  }

  private static String join(List<String> lines) {
    StringBuilder b = new StringBuilder();
    int blank = 0;
    for (String l : lines) {
      String line = l.stripTrailing();
      if (line.isEmpty()) {
        blank++;
        continue;
      }
      if (b.length() > 0) {
        b.append(blank > 0 ? "\n\n" : "\n");
      }
      blank = 0;
      b.append(line);
    }
    return b.toString();
  }
}
