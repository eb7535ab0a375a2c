package dev.frontline.helpdesk.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.frontline.helpdesk.access.Principal;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target for e-mail intake of raw MIME: any bytes are received without an exception (a
 * message that cannot be read is quarantined, never lost), a created or appended message names a
 * ticket that exists, a quarantined one names none, and one message costs at most {@link #BUDGET}
 * of CPU time. Inputs are whole messages, in {@code EmailIntakeFuzzTestInputs/receive/}; {@code
 * scripts/fuzz EmailIntakeFuzzTest#receive 600} fuzzes (add {@code :org.apache.james.mime4j.**} to
 * {@code JAZZER_INSTRUMENTATION_INCLUDES} to guide into the MIME parser too).
 */
class EmailIntakeFuzzTest {
  /**
   * One second of CPU per message, as the library promises. In fuzzing mode ({@code JAZZER_FUZZ}
   * set) every class runs instrumented, and Jazzer's comparison and regular-expression hooks make
   * work on a long header some hundred times slower (the 200 KB subject of {@code long-header}
   * takes about 5 ms warm without instrumentation, over 1.5 s with it): there the budget is four
   * seconds, which still catches anything that grows worse than linearly.
   */
  static final Duration BUDGET = System.getenv("JAZZER_FUZZ") != null ? Duration.ofSeconds(4) : Duration.ofSeconds(1);
  static final Principal SYSTEM = Principal.system("fuzz");

  static Fixtures fixtures;

  @BeforeAll
  static void intake() {
    fixtures = new Fixtures();
    for (int i = 0; i < 30; i++) {
      fixtures.receive("From: Warm <warm" + i + "@example.org>\nSubject: warm-up\nMessage-ID: <warm" + i + "@example.org>\n\nHello\n");
    }
  }

  @FuzzTest(maxDuration = "10m")
  void receive(byte[] raw) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long t0 = threads.getCurrentThreadCpuTime();
    IntakeResult result = fixtures.intake.receive(raw);
    long took = threads.getCurrentThreadCpuTime() - t0;
    // Up to twice more (now most likely a duplicate, which costs no less to parse): the cheapest
    // run is the input's cost; on a loaded machine the first runs of a new shape of input may run
    // interpreted, the compiler threads starved, which is not the input's cost.
    for (int retry = 0; retry < 2 && took > BUDGET.toNanos(); retry++) {
      t0 = threads.getCurrentThreadCpuTime();
      fixtures.intake.receive(raw);
      took = Math.min(took, threads.getCurrentThreadCpuTime() - t0);
    }
    if (took > BUDGET.toNanos()) {
      fail("over the budget of " + BUDGET.toMillis() + " ms CPU (" + took / 1_000_000 + " ms) for a message of " + raw.length + " bytes");
    }
    assertThat(result).isNotNull();
    switch (result.status()) {
      case CREATED, APPENDED -> {
        assertThat(result.ticket()).isNotNull();
        assertThat(fixtures.helpdesk.tickets().get(SYSTEM, result.ticket())).isNotNull();
      }
      case QUARANTINED -> assertThat(result.ticket()).isNull();
      default -> {}
    }
  }
}
