package dev.frontline.helpdesk.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target for the {@code scripts/sla-calc} line parser: any bytes as one input line get exactly
 * one answer line, {@code due} or {@code error}, within {@link #BUDGET}; and a good line after it
 * is still answered. The committed inputs in {@code SlaCalcFuzzTestInputs/line/} are lines verbatim
 * (the hostile-input findings among them); {@code scripts/fuzz SlaCalcFuzzTest#line 600} fuzzes.
 */
class SlaCalcFuzzTest {
  static final Duration BUDGET = Duration.ofMillis(100);

  @BeforeAll
  static void warmUp() {
    for (int i = 0; i < 200; i++) {
      SlaCalc.answer(SlaCalcTest.SAMPLE);
    }
  }

  @FuzzTest(maxDuration = "10m")
  void line(byte[] input) throws IOException {
    String line = new String(input, StandardCharsets.UTF_8);
    String first = line.lines().findFirst().orElse("");
    // CPU time of this thread, twice if needed: waiting for a core or a collection pause is not the input's cost.
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long t0 = threads.getCurrentThreadCpuTime();
    Map<String, String> answer = SlaCalc.answer(first);
    long took = threads.getCurrentThreadCpuTime() - t0;
    if (took > BUDGET.toNanos()) {
      t0 = threads.getCurrentThreadCpuTime();
      SlaCalc.answer(first);
      took = threads.getCurrentThreadCpuTime() - t0;
      if (took > BUDGET.toNanos()) {
        fail("over the budget of " + BUDGET.toMillis() + " ms CPU (" + took / 1_000_000 + " ms): " + first);
      }
    }
    assertThat(answer).hasSize(1);
    assertThat(answer.keySet()).containsAnyOf("due", "error");
    assertThat(answer.values().iterator().next()).doesNotContain("\n");
    assertThat(answer.getOrDefault("error", "")).doesNotStartWith("internal error");

    // Through the whole tool: the line, then a good one; one output line each, the good one answered.
    StringWriter out = new StringWriter();
    int status = SlaCalc.run(new StringReader(first.replace('\r', ' ') + "\n" + SlaCalcTest.SAMPLE + "\n"), out);
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(first.isBlank() ? 1 : 2);
    assertThat(lines.get(lines.size() - 1)).isEqualTo("{\"due\":\"2026-11-23T08:30:00Z\"}");
    assertThat(status).isEqualTo(answer.containsKey("error") && !first.isBlank() ? 1 : 0);
  }
}
