package dev.frontline.helpdesk.micrometer.email;

import dev.frontline.helpdesk.email.IntakeResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Objects;

/**
 * Counts e-mail intake outcomes as {@value #INTAKE} (counter; {@code status}: {@code created},
 * {@code appended}, {@code duplicate}, {@code quarantined}; {@code threaded_by}: how the ticket was
 * found, e.g. {@code reply_address} or {@code new_ticket}). Pass every result through it:
 *
 * <pre>{@code
 * EmailIntakeMetrics meters = EmailIntakeMetrics.of(meterRegistry);
 * IntakeResult result = meters.record(intake.receive(rawMessage));
 * }</pre>
 *
 * <p>Needs {@code helpdesk-email} on the class path (an optional dependency of this module).
 * Thread-safe.
 */
public final class EmailIntakeMetrics {
  /** Counter: messages taken in, by outcome. */
  public static final String INTAKE = "frontline.email.intake";

  private final MeterRegistry registry;

  private EmailIntakeMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * @param registry where the counter is registered
   * @return the meters
   */
  public static EmailIntakeMetrics of(MeterRegistry registry) {
    return new EmailIntakeMetrics(Objects.requireNonNull(registry, "registry"));
  }

  /**
   * Counts one outcome.
   *
   * @param result what the intake did with a message
   * @return the same result
   */
  public IntakeResult record(IntakeResult result) {
    Objects.requireNonNull(result, "result");
    Counter.builder(INTAKE)
        .description("E-mail messages taken in, by outcome")
        .tag("status", result.status().name().toLowerCase(Locale.ROOT))
        .tag("threaded_by", result.threadedBy().name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
    return result;
  }
}
