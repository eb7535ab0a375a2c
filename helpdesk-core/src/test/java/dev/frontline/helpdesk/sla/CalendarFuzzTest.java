package dev.frontline.helpdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.ticket.TicketState;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz targets for business calendars and the SLA clock: building a calendar from arbitrary hours
 * and holidays, due/between arithmetic at any instant, and policies with arbitrary targets evaluated
 * on arbitrary timelines (pause and resume through state changes). The contract: valid input works
 * and obeys the arithmetic's laws (checked against adding in small steps, which never counts whole
 * weeks at once), invalid input throws {@link ValidationException}, and no input costs more than
 * {@link #BUDGET}.
 *
 * <p>Without {@code JAZZER_FUZZ} these replay the committed inputs in {@code
 * src/test/resources/dev/frontline/helpdesk/sla/CalendarFuzzTestInputs/}; {@code scripts/fuzz
 * CalendarFuzzTest#calendar 600} fuzzes one of them.
 */
class CalendarFuzzTest {
  /** Per input, on a small shared machine (a query or a definition). */
  static final Duration BUDGET = Duration.ofMillis(100);

  static final ZoneId[] ZONES = {
    ZoneOffset.UTC,
    ZoneId.of("Europe/Copenhagen"),
    ZoneId.of("America/New_York"),
    ZoneId.of("Australia/Lord_Howe"),
    ZoneId.of("Asia/Kolkata"),
    ZoneId.of("Pacific/Kiritimati"),
    ZoneId.of("Pacific/Pago_Pago"),
    ZoneOffset.ofHoursMinutes(-18, 0),
    ZoneOffset.ofHours(18)
  };

  @BeforeAll
  static void warmUp() {
    // The budget is for steady-state cost, not for class loading and the first compilation.
    BusinessCalendar office = BusinessCalendar.builder(ZONES[1]).weekdays(LocalTime.of(8, 0), LocalTime.of(16, 0)).build();
    for (int i = 0; i < 300; i++) {
      Instant start = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofHours(13L * i));
      Instant due = office.addBusinessTime(start, Duration.ofMinutes(37L * i));
      office.businessTimeBetween(start, due);
    }
  }

  @FuzzTest(maxDuration = "10m")
  void calendar(FuzzedDataProvider data) {
    BusinessCalendar cal = fuzzedCalendar(data);
    Instant start = instant(data);
    Duration d = duration(data);
    // Where to split d for the two-step law (d.toNanos() would overflow for the longest durations).
    Duration d1 =
        d.isNegative() || d.compareTo(BusinessCalendar.MAX_SPAN) > 0
            ? d.dividedBy(2)
            : Duration.ofNanos(data.consumeLong(0, d.toNanos()));
    Instant other = instant(data);
    String what = "calendar " + cal + ", start " + start + ", d " + d;
    Instant due;
    try {
      due = within(BUDGET, what, () -> cal.addBusinessTime(start, d));
    } catch (ValidationException invalid) {
      return;
    }
    checkLaws(cal, start, d, d1, due, other, what);
  }

  @FuzzTest(maxDuration = "10m")
  void slaClock(FuzzedDataProvider data) {
    BusinessCalendar cal = fuzzedCalendar(data);
    Map<SlaMetric, Duration> targets = new EnumMap<>(SlaMetric.class);
    for (SlaMetric m : SlaMetric.values()) {
      if (data.consumeBoolean()) {
        targets.put(m, duration(data));
      }
    }
    Instant created = instant(data);
    List<SlaEvent> events = new ArrayList<>();
    events.add(new SlaEvent.Created(created));
    Instant at = created;
    for (int i = data.consumeInt(0, 30); i > 0; i--) {
      at = data.consumeBoolean() ? later(at, data.consumeLong(0, 400L * 86_400)) : at;
      Instant when = at;
      events.add(
          switch (data.consumeInt(0, 3)) {
            case 0 -> new SlaEvent.CustomerMessage(when);
            case 1 -> new SlaEvent.AgentPublicReply(when);
            case 2 -> new SlaEvent.Solved(when);
            default -> new SlaEvent.StateChanged(when, data.pickValue(TicketState.values()));
          });
    }
    Instant now = data.consumeBoolean() ? later(at, data.consumeLong(0, 40L * 86_400)) : instant(data);
    String what = "sla " + cal + " " + targets + " " + events + " at " + now;
    SlaPolicy.Builder policy = SlaPolicy.builder("fuzzed");
    try {
      within(BUDGET, what, () -> targets.forEach((m, t) -> policy.target(m, t, cal)));
    } catch (ValidationException invalid) {
      assertThat(targets.values())
          .as("a refused target is non-positive, too long, or too long for the calendar")
          .anyMatch(t -> t.isZero() || t.isNegative() || t.compareTo(SlaTarget.MAX_TARGET) > 0
              || (!cal.weeklyWorkingTime().isZero() && t.dividedBy(cal.weeklyWorkingTime()) > 2608));
      return;
    }
    SlaPolicy built = policy.build();
    SlaReport report;
    try {
      report = within(BUDGET, what, () -> SlaClock.evaluate(built, new SlaTimeline(events), now));
    } catch (ValidationException invalid) {
      return; // out of range, before creation, or a calendar without enough working time
    }
    assertThat(report.metrics().keySet()).isEqualTo(targets.keySet());
    for (SlaMetricStatus s : report.metrics().values()) {
      assertThat(s.elapsed().isNegative()).as("elapsed of %s negative", s.metric()).isFalse();
      if (s.due() != null && s.startedAt() != null) {
        assertThat(s.due()).as("due of %s", s.metric()).isAfterOrEqualTo(s.startedAt());
      }
    }
  }

  /** {@code at} plus {@code seconds}, or {@code at} itself where that would pass the last instant. */
  private static Instant later(Instant at, long seconds) {
    return at.isAfter(Instant.MAX.minusSeconds(seconds)) ? at : at.plusSeconds(seconds);
  }

  /** The laws of the arithmetic, and adding in small steps as the reference. */
  static void checkLaws(BusinessCalendar cal, Instant start, Duration d, Duration d1, Instant due, Instant other, String what) {
    assertThat(due).isAfterOrEqualTo(start);
    if (d.isZero()) {
      assertThat(due).isEqualTo(start);
      return;
    }
    assertThat(cal.isWorking(due.minusNanos(1))).as("working just before the due instant").isTrue();
    assertThat(cal.businessTimeBetween(start, due)).isEqualTo(d);
    assertThat(cal.addBusinessTime(cal.addBusinessTime(start, d1), d.minus(d1))).as("split at " + d1).isEqualTo(due);
    // Reference: small steps of under half a week's work never count whole weeks at once.
    Duration week = cal.weeklyWorkingTime();
    Duration step = week.dividedBy(2).plusNanos(1);
    if (d.dividedBy(step) < 200) {
      Instant t = start;
      Duration left = d;
      while (left.compareTo(step) > 0) {
        t = cal.addBusinessTime(t, step);
        left = left.minus(step);
      }
      assertThat(cal.addBusinessTime(t, left)).as(what + " in steps of " + step).isEqualTo(due);
    }
    Instant from = other.isBefore(start) ? other : start;
    Instant to = other.isBefore(start) ? start : other;
    try {
      Duration whole = cal.businessTimeBetween(from, to);
      assertThat(whole).isLessThanOrEqualTo(Duration.between(from, to));
    } catch (ValidationException tooLong) {
      assertThat(Duration.between(from, to)).isGreaterThan(BusinessCalendar.MAX_SPAN);
    }
  }

  /** A calendar from the input; each refused call must be a {@link ValidationException}. */
  static BusinessCalendar fuzzedCalendar(FuzzedDataProvider data) {
    BusinessCalendar.Builder b = BusinessCalendar.builder(data.pickValue(ZONES));
    for (int i = data.consumeInt(0, 20); i > 0; i--) {
      DayOfWeek day = data.pickValue(DayOfWeek.values());
      LocalTime start = time(data);
      LocalTime end = data.consumeInt(0, 7) == 0 ? BusinessCalendar.END_OF_DAY : time(data);
      try {
        b.hours(day, start, end);
      } catch (ValidationException refused) {
        // overlapping, empty or too many; the builder is unchanged
      }
    }
    for (int i = data.consumeInt(0, 6); i > 0; i--) {
      LocalDate date = date(data);
      boolean supported = !date.isBefore(BusinessCalendar.MIN_DATE) && !date.isAfter(BusinessCalendar.MAX_DATE);
      try {
        b.holiday(date);
        assertThat(supported).as("holiday %s accepted", date).isTrue();
      } catch (ValidationException refused) {
        assertThat(supported).as("holiday %s refused", date).isFalse();
      }
    }
    for (int i = data.consumeInt(0, 4); i > 0; i--) {
      int month = data.consumeInt(1, 12);
      b.yearlyHoliday(MonthDay.of(month, data.consumeInt(1, java.time.Month.of(month).maxLength())));
    }
    return b.build();
  }

  static LocalTime time(FuzzedDataProvider data) {
    return data.consumeBoolean()
        ? LocalTime.of(data.consumeInt(0, 23), data.consumeInt(0, 3) * 15)
        : LocalTime.ofNanoOfDay(data.consumeLong(0, 86_399_999_999_999L));
  }

  static LocalDate date(FuzzedDataProvider data) {
    return switch (data.consumeInt(0, 3)) {
      case 0 -> LocalDate.ofEpochDay(data.consumeLong(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay()));
      case 1 -> data.pickValue(new LocalDate[] {LocalDate.MIN, LocalDate.MAX, BusinessCalendar.MIN_DATE, BusinessCalendar.MAX_DATE});
      default -> LocalDate.of(2026, 1, 1).plusDays(data.consumeInt(-400, 800));
    };
  }

  static Instant instant(FuzzedDataProvider data) {
    return switch (data.consumeInt(0, 3)) {
      case 0 -> Instant.ofEpochSecond(data.consumeLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()), data.consumeInt(0, 999_999_999));
      case 1 -> data.pickValue(new Instant[] {Instant.MIN, Instant.MAX, Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59Z")});
      default -> Instant.parse("2026-01-01T00:00:00Z").plusSeconds(data.consumeLong(0, 3L * 365 * 86_400));
    };
  }

  static Duration duration(FuzzedDataProvider data) {
    return switch (data.consumeInt(0, 3)) {
      // consumeLong() without a range: the full long range crashes the provider's range arithmetic.
      case 0 -> Duration.ofSeconds(data.consumeLong(), data.consumeInt(0, 999_999_999));
      case 1 -> Duration.ofMinutes(data.consumeLong(0, 100_000_000L));
      default -> Duration.ofMinutes(data.consumeInt(0, 20_000));
    };
  }

  /**
   * Runs {@code op} (one call of an entry point) and fails if it costs more than {@code budget} of
   * the calling thread's CPU time twice in a row. CPU time, not wall-clock time, because the machine
   * is shared: waiting for a core is not the input's cost. An exception from {@code op} is passed on.
   */
  static <T> T within(Duration budget, String what, Supplier<T> op) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int attempt = 0; ; attempt++) {
      long t0 = threads.getCurrentThreadCpuTime();
      T result = op.get();
      long took = threads.getCurrentThreadCpuTime() - t0;
      if (took <= budget.toNanos()) {
        return result;
      }
      if (attempt == 1) {
        fail("over the budget of " + budget.toMillis() + " ms CPU (" + took / 1_000_000 + " ms): " + what);
      }
    }
  }

  static void within(Duration budget, String what, Runnable op) {
    within(
        budget,
        what,
        () -> {
          op.run();
          return null;
        });
  }
}
