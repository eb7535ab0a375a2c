package dev.frontline.helpdesk.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.frontline.helpdesk.ValidationException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Fuzz target for template rendering in macros: any template text either makes a {@link Template}
 * or throws {@link ValidationException}; rendering any values never throws, inserts values once
 * without re-expanding them, and for HTML escapes every value, within {@link #BUDGET} of CPU time.
 */
class TemplateFuzzTest {
  static final Duration BUDGET = Duration.ofMillis(100);
  static final List<String> NAMES = List.copyOf(new java.util.TreeSet<>(Template.PLACEHOLDERS));

  @FuzzTest(maxDuration = "10m")
  void render(FuzzedDataProvider data) {
    Map<String, String> values = new HashMap<>();
    for (String name : NAMES) {
      if (data.consumeBoolean()) {
        values.put(name, data.consumeString(200));
      }
    }
    String text = data.consumeRemainingAsString();
    Template template;
    try {
      template = within("of " + text, () -> Template.of(text));
    } catch (ValidationException invalid) {
      return;
    }
    assertThat(NAMES).containsAll(template.placeholders());
    String plain = within("render " + text, () -> template.render(values));
    String html = within("renderHtml " + text, () -> template.renderHtml(values));
    if (template.placeholders().isEmpty()) {
      assertThat(plain).isEqualTo(text);
      assertThat(html).isEqualTo(text);
    }
    if (text.indexOf('<') < 0) {
      assertThat(html).as("markup only from the template, never from a value").doesNotContain("<");
    }
    // Values are inserted once: rendering with every value as a placeholder gives those placeholders back literally.
    Map<String, String> tricky = new HashMap<>();
    NAMES.forEach(n -> tricky.put(n, "{{" + n + "}}"));
    String once = template.render(tricky);
    assertThat(once.length()).isLessThanOrEqualTo(text.length() + template.placeholders().size() * 40);
  }

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
