package dev.frontline.helpdesk.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.automation.AutomationDefinition;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fuzz targets for the JSON readers of stored definitions (automations, triggers, escalation rules,
 * SLA policies, macros: everything {@link AutomationDefinitionJson} reads) and of webhook payloads
 * (bodies correctly signed by the target, so the fuzzer reaches the reader behind the signature
 * check). The contract: any text either reads, and then writes back to text that reads to the same
 * thing, or throws {@link ValidationException} (for definitions its {@link
 * DefinitionFormatException}); within {@link #BUDGET} of CPU time. Inputs are the texts verbatim.
 */
class JsonReadersFuzzTest {
  static final Duration BUDGET = Duration.ofMillis(100);
  static final byte[] SECRET = "fuzz-secret-0123456789abcdef-0123456789".getBytes(StandardCharsets.UTF_8);
  static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  static final WebhookPayloads PAYLOADS = WebhookPayloads.withSecret(SECRET);

  @FuzzTest(maxDuration = "10m")
  void definitions(byte[] input) {
    String json = new String(input, StandardCharsets.UTF_8);
    try {
      AutomationDefinition d = within("read " + json, () -> AutomationDefinitionJson.read(json));
      String written = AutomationDefinitionJson.write(d);
      assertThat(AutomationDefinitionJson.write(AutomationDefinitionJson.read(written))).as("round trip").isEqualTo(written);
    } catch (DefinitionFormatException expected) {
      // not a definition this version can read
    }
    try {
      List<AutomationDefinition> all = within("readAll " + json, () -> AutomationDefinitionJson.readAll(json));
      String written = AutomationDefinitionJson.writeAll(all);
      assertThat(AutomationDefinitionJson.readAll(written)).hasSameSizeAs(all);
    } catch (DefinitionFormatException expected) {
      // not an export this version can read
    }
  }

  /**
   * Signed webhook bodies through both verifiers. Fuzz it with Jackson instrumented too, or random
   * bytes never become JSON: {@code JAZZER_INSTRUMENTATION_INCLUDES='dev.frontline.**:com.fasterxml.jackson.**'
   * scripts/fuzz JsonReadersFuzzTest#webhookPayloads 600}.
   *
   * @param input the body
   */
  @FuzzTest(maxDuration = "10m")
  void webhookPayloads(byte[] input) {
    String body = new String(input, StandardCharsets.UTF_8);
    String header = sign(body, NOW);
    try {
      within("verify " + body, () -> PAYLOADS.verify(body, header, NOW, Duration.ofMinutes(5)));
    } catch (ValidationException expected) {
      // malformed body or a customer delivery
    }
    try {
      within("verifyCustomer " + body, () -> PAYLOADS.verifyCustomer(body, header, NOW, Duration.ofMinutes(5)));
    } catch (ValidationException expected) {
      // malformed body or not a customer delivery
    }
    // A wrong signature is always refused, whatever the body.
    try {
      PAYLOADS.verify(body, sign(body + " ", NOW), NOW, Duration.ofMinutes(5));
      fail("accepted a body with another body's signature");
    } catch (ValidationException expected) {
      // refused
    }
  }

  /** The documented header: {@code t=<epoch seconds>,v1=<hex HMAC-SHA256 of t + "." + body>}. */
  static String sign(String body, Instant at) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
      String t = Long.toString(at.getEpochSecond());
      byte[] sig = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
      return "t=" + t + ",v1=" + HexFormat.of().formatHex(sig);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One entry-point call within the budget of this thread's CPU time (twice over to fail). */
  static <T> T within(String what, Supplier<T> op) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int attempt = 0; ; attempt++) {
      long t0 = threads.getCurrentThreadCpuTime();
      T result = op.get();
      long took = threads.getCurrentThreadCpuTime() - t0;
      if (took <= BUDGET.toNanos()) {
        return result;
      }
      if (attempt == 1) {
        fail("over the budget of " + BUDGET.toMillis() + " ms CPU (" + took / 1_000_000 + " ms): "
            + (what.length() > 300 ? what.substring(0, 300) + "..." : what));
      }
    }
  }
}
