package dev.frontline.helpdesk.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SlaCalcTest {
  static final String SAMPLE =
      "{\"zone\":\"Europe/Copenhagen\",\"hours\":{\"MONDAY\":[[\"08:00\",\"16:00\"]],\"TUESDAY\":[[\"08:00\",\"16:00\"]],"
          + "\"WEDNESDAY\":[[\"08:00\",\"16:00\"]],\"THURSDAY\":[[\"08:00\",\"16:00\"]],\"FRIDAY\":[[\"08:00\",\"16:00\"]]},"
          + "\"holidays\":[\"2026-12-24\"],\"start\":\"2026-11-20T15:30:00Z\",\"minutes\":90}";

  record Run(int status, String out) {}

  static Run run(String input) throws IOException {
    StringWriter out = new StringWriter();
    int status = SlaCalc.run(new StringReader(input), out);
    return new Run(status, out.toString());
  }

  @Test
  @DisplayName("the README example: after hours on Friday, due Monday 08:30Z")
  void sample() throws IOException {
    // Friday 16:30 local is after 16:00; Monday 2026-11-23 08:00 CET = 07:00Z, plus 90 minutes.
    assertThat(run(SAMPLE + "\n")).isEqualTo(new Run(0, "{\"due\":\"2026-11-23T08:30:00Z\"}\n"));
  }

  @Test
  @DisplayName("each line gets one output line; bad lines get an error and make the exit status 1")
  void errorsContinue() throws IOException {
    String input =
        String.join(
            "\n",
            SAMPLE,
            "not json",
            "",
            "{\"zone\":\"Mars/Olympus\",\"hours\":{},\"start\":\"2026-11-20T15:30:00Z\",\"minutes\":1}",
            "{\"zone\":\"UTC\",\"hours\":{},\"start\":\"2026-11-20T15:30:00Z\",\"minutes\":1}",
            "{\"zone\":\"UTC\",\"hours\":{},\"start\":\"2026-11-20T15:30:00Z\",\"minutes\":0}",
            "{\"zone\":\"UTC\",\"hours\":{\"FRIDAY\":[[\"22:00\",\"02:00\"]],\"SUNDAY\":[[\"00:00\",\"24:00\"]]},"
                + "\"holidays\":[\"--11-21\"],\"start\":\"2026-11-20T23:30:00Z\",\"minutes\":60}",
            "{\"zone\":\"UTC\",\"hours\":{\"MONDAY\":[[\"08:00\",\"16:00\"],[\"15:00\",\"17:00\"]]},\"start\":\"2026-11-20T15:30:00Z\",\"minutes\":1}",
            "{\"zone\":\"UTC\",\"hours\":{},\"start\":\"2026-11-20T15:30:00Z\",\"minutes\":-5}",
            "{\"zone\":\"UTC\",\"hours\":{},\"start\":\"2026-11-20T15:30:00Z\",\"minutes\":1.5}",
            "{\"zone\":\"UTC\",\"hours\":{},\"start\":\"yesterday\",\"minutes\":1}",
            "{\"zone\":\"UTC\",\"hours\":{\"FUNDAY\":[]},\"start\":\"2026-11-20T15:30:00Z\",\"minutes\":1}",
            "{\"zone\":\"UTC\",\"hours\":{},\"start\":\"2026-11-20T15:30:00Z\",\"minutes\":1,\"extra\":true}",
            "[1,2]");
    Run r = run(input);
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out().lines())
        .containsExactly(
            "{\"due\":\"2026-11-23T08:30:00Z\"}",
            "{\"error\":\"invalid JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\"}",
            "{\"error\":\"invalid zone: Mars/Olympus\"}",
            "{\"error\":\"the calendar has no working hours at all\"}",
            "{\"due\":\"2026-11-20T15:30:00Z\"}",
            // Friday 23:30-24:00 counts, Saturday (a yearly holiday) does not, Sunday from 00:00.
            "{\"due\":\"2026-11-22T00:30:00Z\"}",
            "{\"error\":\"working interval MONDAY 15:00-17:00 overlaps MONDAY 08:00-16:00\"}",
            "{\"error\":\"minutes must be a non-negative whole number, was -5\"}",
            "{\"error\":\"minutes must be a non-negative whole number, was 1.5\"}",
            "{\"error\":\"invalid start (want an ISO-8601 instant such as 2026-11-20T15:30:00Z): \\\"yesterday\\\"\"}",
            "{\"error\":\"invalid day: FUNDAY\"}",
            "{\"error\":\"unknown field: extra\"}",
            "{\"error\":\"input must be a JSON object\"}");
  }

  @Test
  @DisplayName("no input, no output, status 0")
  void empty() throws IOException {
    assertThat(run("")).isEqualTo(new Run(0, ""));
  }

  static String line(String hours, String holidays, String start, long minutes) {
    return "{\"zone\":\"Europe/Copenhagen\",\"hours\":" + hours + ",\"holidays\":" + holidays
        + ",\"start\":\"" + start + "\",\"minutes\":" + minutes + "}";
  }

  @Test
  @DisplayName("the hostile-input findings get one error line each and the good lines after them get answers")
  void hostileLinesDoNotEndTheRun() throws IOException {
    String office = "{\"MONDAY\":[[\"08:00\",\"16:00\"]],\"FRIDAY\":[[\"08:00\",\"16:00\"]]}";
    String oneMinute = "{\"MONDAY\":[[\"09:00\",\"09:01\"]]}";
    String input =
        String.join(
            "\n",
            line(office, "[\"+999999999-12-31\"]", "2026-11-20T15:30:00Z", 90),
            SAMPLE,
            line(office, "[]", "+999999599-12-31T00:00:00Z", 90),
            line(office, "[]", "-999999999-01-01T00:00:00Z", 90),
            line(office, "[\"-999999999-01-01\"]", "2026-11-20T15:30:00Z", 90),
            line(oneMinute, "[]", "2026-11-20T15:30:00Z", 100_000_000L),
            "x".repeat(SlaCalc.MAX_LINE + 10),
            SAMPLE);
    long t0 = System.nanoTime();
    Run r = run(input + "\n");
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(r.status()).isEqualTo(1);
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(8);
    assertThat(lines.get(0)).startsWith("{\"error\":\"holiday +999999999-12-31 is outside the supported dates");
    assertThat(lines.get(1)).isEqualTo("{\"due\":\"2026-11-23T08:30:00Z\"}");
    assertThat(lines.get(2)).startsWith("{\"error\":\"start +999999599-12-31T00:00:00Z is outside the supported range");
    assertThat(lines.get(3)).startsWith("{\"error\":\"start -999999999-01-01T00:00:00Z is outside the supported range");
    assertThat(lines.get(4)).startsWith("{\"error\":\"holiday -999999999-01-01 is outside the supported dates");
    assertThat(lines.get(5)).startsWith("{\"error\":\"duration must not exceed 36525 days");
    assertThat(lines.get(6)).isEqualTo("{\"error\":\"line longer than 65536 characters\"}");
    assertThat(lines.get(7)).isEqualTo("{\"due\":\"2026-11-23T08:30:00Z\"}");
    // A generous budget for eight lines on a shared machine; the sparse line alone took over 30 s before.
    assertThat(millis).as("milliseconds for the hostile lines").isLessThan(5_000);
  }
}
