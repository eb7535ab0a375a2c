package dev.frontline.helpdesk.tools;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontline.helpdesk.HelpdeskException;
import dev.frontline.helpdesk.sla.BusinessCalendar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code scripts/sla-calc}: reads one JSON object per line on stdin, writes one JSON object per line
 * on stdout, {@code {"due":"<instant>"}} or {@code {"error":"<message>"}}. All working-time
 * arithmetic is {@link BusinessCalendar#addBusinessTime}. The contract is in {@code
 * docs/sla-calc.md}. Exit status 0 if every line succeeded, 1 if any failed, 2 on an I/O error.
 */
public final class SlaCalc {
  private static final Set<String> FIELDS = Set.of("zone", "hours", "holidays", "start", "minutes");
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private SlaCalc() {}

  /**
   * Runs the tool on stdin and stdout.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    int status;
    try {
      status =
          run(
              new InputStreamReader(System.in, StandardCharsets.UTF_8),
              new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      System.err.println("sla-calc: " + e.getMessage());
      status = 2;
    }
    System.exit(status);
  }

  /** The longest input line accepted, in characters; a longer one gets an error line. */
  static final int MAX_LINE = 65_536;

  /**
   * Processes every line of {@code in}; blank lines are skipped without output. No single line can
   * end the run: each gets exactly one output line, an error line if it fails in any way (including
   * a line longer than {@link #MAX_LINE} characters).
   *
   * @param in JSON lines
   * @param out where the result lines go, flushed after each
   * @return 0 if every line succeeded, 1 if any failed
   * @throws IOException if reading or writing fails
   */
  static int run(Reader in, Writer out) throws IOException {
    BufferedReader reader = new BufferedReader(in);
    PrintWriter writer = new PrintWriter(out);
    boolean failed = false;
    StringBuilder line = new StringBuilder();
    boolean tooLong = false;
    boolean end = false;
    while (!end) {
      int c = reader.read();
      if (c != -1 && c != '\n') {
        if (line.length() < MAX_LINE) {
          line.append((char) c);
        } else {
          tooLong = true;
        }
        continue;
      }
      end = c == -1;
      if (line.length() > 0 && line.charAt(line.length() - 1) == '\r' && !tooLong) {
        line.setLength(line.length() - 1);
      }
      String text = line.toString();
      line.setLength(0);
      if (!tooLong && text.isBlank()) {
        continue;
      }
      Map<String, String> result =
          tooLong
              ? Map.of("error", "line longer than " + MAX_LINE + " characters")
              : answer(text);
      tooLong = false;
      failed |= result.containsKey("error");
      writer.print(JSON.writeValueAsString(result));
      writer.print('\n');
      writer.flush();
      if (writer.checkError()) {
        throw new IOException("cannot write to stdout");
      }
    }
    return failed ? 1 : 0;
  }

  /**
   * The answer to one line, never an exception: {@code {"due": ...}} or {@code {"error": ...}} with
   * a one-line message.
   *
   * @param line one input line
   * @return a map with exactly one entry, {@code due} or {@code error}
   */
  static Map<String, String> answer(String line) {
    Map<String, String> result = new LinkedHashMap<>();
    try {
      result.put("due", due(line).toString());
    } catch (IllegalArgumentException | HelpdeskException e) {
      result.put("error", oneLine(e.getMessage()));
    } catch (RuntimeException e) {
      // A defect, not bad input; the line still gets its one answer and the run goes on.
      result.put("error", "internal error: " + oneLine(e.toString()));
    }
    return result;
  }

  private static String oneLine(@Nullable String message) {
    String s = String.valueOf(message);
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /**
   * Computes the due instant for one input line.
   *
   * @param line one JSON object
   * @return when {@code minutes} of working time have passed after {@code start}
   * @throws IllegalArgumentException if the line is not valid input, with a one-line message
   * @throws HelpdeskException if the calendar rejects it (overlapping hours, no working time, ...)
   */
  static Instant due(String line) {
    JsonNode root;
    try {
      root = JSON.readTree(line);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("input must be a JSON object");
    }
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      String name = field.getKey();
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException("unknown field: " + name);
      }
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(text(root, "zone"));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("invalid zone: " + root.get("zone").asText());
    }
    BusinessCalendar.Builder calendar = BusinessCalendar.builder(zone);
    JsonNode hours = required(root, "hours");
    if (!hours.isObject()) {
      throw new IllegalArgumentException("hours must be an object from day names to lists of [start, end]");
    }
    for (Map.Entry<String, JsonNode> day : hours.properties()) {
      DayOfWeek dow;
      try {
        dow = DayOfWeek.valueOf(day.getKey().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("invalid day: " + day.getKey());
      }
      if (!day.getValue().isArray()) {
        throw new IllegalArgumentException("hours." + day.getKey() + " must be a list of [start, end]");
      }
      for (JsonNode pair : day.getValue()) {
        if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
          throw new IllegalArgumentException(
              "hours." + day.getKey() + " entries must be [\"HH:MM\", \"HH:MM\"], was " + pair);
        }
        calendar.hours(dow, time(pair.get(0).asText(), false), time(pair.get(1).asText(), true));
      }
    }
    JsonNode holidays = root.get("holidays");
    if (holidays != null && !holidays.isNull()) {
      if (!holidays.isArray()) {
        throw new IllegalArgumentException("holidays must be a list of \"YYYY-MM-DD\" or \"--MM-DD\"");
      }
      for (JsonNode h : holidays) {
        String s = h.isTextual() ? h.asText() : "";
        try {
          if (s.startsWith("--")) {
            calendar.yearlyHoliday(MonthDay.parse(s));
          } else {
            calendar.holiday(LocalDate.parse(s));
          }
        } catch (DateTimeException e) {
          throw new IllegalArgumentException("invalid holiday (want \"YYYY-MM-DD\" or \"--MM-DD\"): " + h);
        }
      }
    }
    Instant start;
    try {
      start = Instant.parse(text(root, "start"));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("invalid start (want an ISO-8601 instant such as 2026-11-20T15:30:00Z): " + root.get("start"));
    }
    JsonNode minutes = required(root, "minutes");
    if (!minutes.isIntegralNumber() || !minutes.canConvertToLong() || minutes.asLong() < 0) {
      throw new IllegalArgumentException("minutes must be a non-negative whole number, was " + minutes);
    }
    Duration d;
    try {
      d = Duration.ofMinutes(minutes.asLong());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("minutes too large: " + minutes);
    }
    return calendar.build().addBusinessTime(start, d);
  }

  private static JsonNode required(JsonNode root, String field) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      throw new IllegalArgumentException("missing field: " + field);
    }
    return n;
  }

  private static String text(JsonNode root, String field) {
    JsonNode n = required(root, field);
    if (!n.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string, was " + n);
    }
    return n.asText();
  }

  private static LocalTime time(String s, boolean end) {
    if (end && s.equals("24:00")) {
      return BusinessCalendar.END_OF_DAY;
    }
    try {
      return LocalTime.parse(s);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "invalid time (want \"HH:MM\"" + (end ? " or \"24:00\"" : "") + "): \"" + s + "\"");
    }
  }
}
