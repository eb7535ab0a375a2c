package dev.frontline.helpdesk.email.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Cuts what a reply repeats: quoted lines ({@code >}), attribution lines ("On ... wrote:", "Am ...
 * schrieb ...:", "Den ... skrev ...:", "Le ... a écrit :", "... írta:"), Outlook header blocks
 * ("From: / Sent: / To: / Subject:" and their Danish, German, Hungarian and French forms), the
 * signature after the {@code "-- "} separator and forwarded/original-message blocks. An attribution
 * line with a date or an address that is followed by unmarked text (a quote without {@code >}, as
 * HTML mail converted to text has) cuts the rest of the message. The full message is always kept as
 * {@code original.eml}, so nothing is lost. Linear in the input: lines are matched without
 * backtracking-prone patterns, and attribution checks look at lines of at most 400 characters.
 */
public final class ReplyText {
  private static final int MAX_ATTRIBUTION = 400;
  private static final Pattern ORIGINAL =
      Pattern.compile("(?iu)^\\s*(-{2,}\\s*(original message|urspr\u00fcngliche nachricht|oprindelig meddelelse"
          + "|eredeti \u00fczenet|forwarded message|weitergeleitete nachricht|videresendt meddelelse"
          + "|tov\u00e1bb\u00edtott (\u00fczenet|lev\u00e9l))\\s*-{2,}|_{20,})\\s*$");

  /** Outlook header block fields (lower case), by role. */
  private static final Set<String> FROM = Set.of("from", "fra", "von", "felad\u00f3", "de");
  private static final Set<String> SENT =
      Set.of("sent", "date", "sendt", "dato", "gesendet", "datum", "elk\u00fcldve", "d\u00e1tum", "k\u00fcldve", "envoy\u00e9");
  private static final Set<String> SUBJECT = Set.of("subject", "emne", "betreff", "t\u00e1rgy", "objet");
  private static final Set<String> OTHER =
      Set.of("to", "cc", "bcc", "til", "an", "c\u00edmzett", "m\u00e1solat", "\u00e0", "reply-to", "importance", "wichtigkeit");
  private static final int MAX_HEADER_BLOCK = 8;

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
      if (isSignatureSeparator(line) || ORIGINAL.matcher(line).matches() || isHeaderBlock(lines, i)) {
        break;
      }
      if (isQuoted(line)) {
        continue;
      }
      int span = attributionSpan(lines, i);
      if (span > 0) {
        int next = nextNonBlank(lines, i + span);
        if (next < 0 || isQuoted(lines.get(next))) {
          i += span - 1; // the attribution of the quote that follows
          continue;
        }
        if (isQuoteHeader(span == 1 ? line : line + " " + lines.get(i + 1))) {
          break; // a quote without > marks: the rest is the quoted message
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

  // ---------------------------------------------------------------- attribution lines

  /**
   * @return 1 if line {@code i} is an attribution, 2 if lines {@code i} and {@code i + 1} are one
   *     that a mailer wrapped ("On Tue, 1 Jan 2026, Alice &lt;a@example.org&gt;" / "wrote:"), else 0
   */
  private static int attributionSpan(List<String> lines, int i) {
    String line = lines.get(i);
    if (line.length() > MAX_ATTRIBUTION) {
      return 0;
    }
    if (isAttribution(line)) {
      return 1;
    }
    if (i + 1 >= lines.size() || lines.get(i + 1).isBlank() || lines.get(i + 1).length() > MAX_ATTRIBUTION) {
      return 0;
    }
    String joined = line + " " + lines.get(i + 1);
    String start = line.strip().toLowerCase(Locale.ROOT);
    boolean starter = start.startsWith("on ") || start.startsWith("am ") || start.startsWith("den ") || start.startsWith("le ");
    boolean hungarianGmail = !starter && joined.toLowerCase(Locale.ROOT).contains("ezt \u00edrta (id\u0151pont:");
    return (starter || hungarianGmail) && isAttribution(joined) ? 2 : 0;
  }

  /**
   * "X wrote:", "X writes:", "On ... wrote:", "Am ... schrieb [X]:", "Den ... skrev [X]:", "X
   * skrev:", "Le ... a écrit :", "X [ezt] írta:", "X ezt írta (időpont: ...):".
   */
  private static boolean isAttribution(String line) {
    String s = attributionText(line);
    if (s == null) {
      return false;
    }
    return endsWithWord(s, "wrote") || endsWithWord(s, "writes") || endsWithWord(s, "schrieb") || endsWithWord(s, "skrev")
        || s.startsWith("am ") && hasWord(s, "schrieb")
        || s.startsWith("den ") && hasWord(s, "skrev")
        || s.startsWith("le ") && s.endsWith(" a \u00e9crit")
        || isHungarian(s);
  }

  /**
   * An attribution in a mailer's fixed form (a leading "On/Am/Den/Le", or the Hungarian form) that
   * names a date or an address: safe to treat as the start of a quote even without {@code >} marks.
   */
  private static boolean isQuoteHeader(String line) {
    String s = attributionText(line);
    if (s == null || !isAttribution(line)) {
      return false;
    }
    boolean form = s.startsWith("on ") && endsWithWord(s, "wrote")
        || s.startsWith("am ") && hasWord(s, "schrieb")
        || s.startsWith("den ") && hasWord(s, "skrev")
        || s.startsWith("le ") && s.endsWith(" a \u00e9crit")
        || isHungarian(s);
    return form && (s.indexOf('@') >= 0 || s.chars().anyMatch(c -> c >= '0' && c <= '9'));
  }

  private static boolean isHungarian(String s) {
    if (endsWithWord(s, "\u00edrta")) {
      return true; // "Kovács Péter <p@example.hu> írta:", "2026. jan. 5. 10:00 keltezéssel, Péter írta:"
    }
    int at = s.lastIndexOf(" \u00edrta (");
    return at >= 0 && s.endsWith(")"); // Gmail: "Péter <p@example.hu> ezt írta (időpont: 2026. jan. 5., H, 10:00):"
  }

  /** The line lower-cased, without its final colon, if it is short and ends with one; else null. */
  private static @Nullable String attributionText(String line) {
    if (line.length() > 2 * MAX_ATTRIBUTION + 1) {
      return null;
    }
    String s = line.strip().toLowerCase(Locale.ROOT);
    if (!s.endsWith(":")) {
      return null;
    }
    return s.substring(0, s.length() - 1).stripTrailing();
  }

  private static boolean endsWithWord(String s, String word) {
    return s.endsWith(word) && (s.length() == word.length() || !Character.isLetterOrDigit(s.charAt(s.length() - word.length() - 1)));
  }

  private static boolean hasWord(String s, String word) {
    for (int at = s.indexOf(word); at >= 0; at = s.indexOf(word, at + 1)) {
      int end = at + word.length();
      if ((at == 0 || !Character.isLetterOrDigit(s.charAt(at - 1))) && (end == s.length() || !Character.isLetterOrDigit(s.charAt(end)))) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- Outlook header blocks

  /**
   * Whether an Outlook-style header block of the quoted message starts at line {@code i}: a From
   * field followed (blank lines aside) only by header fields, among them a Sent/Date and a Subject.
   */
  private static boolean isHeaderBlock(List<String> lines, int i) {
    String first = fieldName(lines.get(i));
    if (first == null || !FROM.contains(first)) {
      return false;
    }
    boolean sent = false;
    boolean subject = false;
    int fields = 1;
    int last = Math.min(lines.size(), i + 2 * MAX_HEADER_BLOCK);
    for (int j = i + 1; j < last && fields < MAX_HEADER_BLOCK; j++) {
      String l = lines.get(j);
      if (l.isBlank()) {
        continue;
      }
      String name = fieldName(l);
      if (name == null || !(SENT.contains(name) || SUBJECT.contains(name) || OTHER.contains(name))) {
        return false;
      }
      fields++;
      sent |= SENT.contains(name);
      subject |= SUBJECT.contains(name);
      if (sent && subject) {
        return true;
      }
    }
    return false;
  }

  /** "From: x", "*From:* x", "De : x": the field name in lower case, or null if not such a line. */
  private static @Nullable String fieldName(String line) {
    String s = line.length() > 64 ? line.substring(0, 64).strip() : line.strip();
    int start = 0;
    while (start < s.length() && s.charAt(start) == '*') {
      start++;
    }
    int colon = s.indexOf(':', start);
    if (colon < 0 || colon - start > 20) {
      return null;
    }
    String name = s.substring(start, colon).replace("*", "").strip().toLowerCase(Locale.ROOT);
    if (name.isEmpty()) {
      return null;
    }
    for (int k = 0; k < name.length(); k++) {
      char c = name.charAt(k);
      if (!Character.isLetter(c) && c != '-') {
        return null;
      }
    }
    return name;
  }

  // ---------------------------------------------------------------- helpers

  private static boolean isQuoted(String line) {
    return line.stripLeading().startsWith(">");
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
