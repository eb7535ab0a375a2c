package dev.frontline.helpdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.ValidationException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Validation at the door and bounded cost of {@link BusinessCalendar}: the hostile-input findings
 * (holidays and starts at the ends of {@link LocalDate}, huge durations on sparse calendars) and the
 * whole-week arithmetic checked against step-by-step adding.
 */
class BusinessCalendarRangeTest {
  static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
  static long seed;

  @BeforeAll
  static void seed() {
    seed = Long.getLong("frontline.seed", System.nanoTime());
    System.out.println("BusinessCalendarRangeTest seed: " + seed + " (rerun with -Dfrontline.seed=" + seed + ")");
  }

  static BusinessCalendar.Builder office() {
    return BusinessCalendar.builder(CPH).weekdays(LocalTime.of(8, 0), LocalTime.of(16, 0));
  }

  /** One working minute a week: Monday 09:00-09:01. */
  static BusinessCalendar oneMinuteAWeek(ZoneId zone) {
    return BusinessCalendar.builder(zone).hours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(9, 1)).build();
  }

  @Test
  @DisplayName("holidays the arithmetic cannot represent are refused when added, with a typed error")
  void holidaysOutOfRange() {
    for (LocalDate d : new LocalDate[] {LocalDate.MAX, LocalDate.MIN, LocalDate.of(10_000, 1, 1), LocalDate.of(0, 12, 31)}) {
      assertThatThrownBy(() -> office().holiday(d))
          .as("holiday %s", d)
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("outside the supported dates");
    }
    BusinessCalendar edges = office().holiday(BusinessCalendar.MIN_DATE).holiday(BusinessCalendar.MAX_DATE).build();
    Instant start = Instant.parse("2026-11-20T10:00:00Z");
    assertThat(edges.addBusinessTime(start, Duration.ofHours(1))).isEqualTo(Instant.parse("2026-11-20T10:00:00Z").plusSeconds(3600));
  }

  @Test
  @DisplayName("starts at the ends of the date range are typed errors, never java.time exceptions")
  void startsOutOfRange() {
    BusinessCalendar cal = office().build();
    Instant fourHundredYearsBeforeMax = LocalDate.MAX.minusYears(400).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant[] bad = {
      fourHundredYearsBeforeMax, Instant.MAX, Instant.MIN, LocalDate.MIN.atStartOfDay(ZoneOffset.UTC).toInstant(),
      Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("0000-12-31T23:59:59Z")
    };
    for (Instant t : bad) {
      assertThatThrownBy(() -> cal.addBusinessTime(t, Duration.ofMinutes(90))).as("start %s", t).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> cal.isWorking(t)).as("isWorking %s", t).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> cal.nextWorkingInstant(t)).as("next %s", t).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> cal.businessTimeBetween(t, Instant.EPOCH)).as("between %s", t).isInstanceOf(ValidationException.class);
    }
    // The last supported day still works, and a result beyond it is a typed error.
    Instant lastFriday = Instant.parse("9999-12-31T08:00:00Z");
    assertThat(cal.addBusinessTime(lastFriday, Duration.ofHours(1))).isEqualTo(Instant.parse("9999-12-31T08:00:00Z").plusSeconds(3600));
    assertThatThrownBy(() -> cal.addBusinessTime(lastFriday, Duration.ofHours(100)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("supported range");
    assertThat(cal.addBusinessTime(Instant.parse("0001-01-01T09:00:00Z"), Duration.ofHours(1))).isNotNull();
  }

  @Test
  @DisplayName("10^8 minutes on a calendar with one working minute a week is refused at once")
  void hugeDurationOnSparseCalendar() {
    for (ZoneId zone : new ZoneId[] {ZoneOffset.UTC, CPH}) {
      BusinessCalendar sparse = oneMinuteAWeek(zone);
      Instant start = Instant.parse("2026-11-20T10:00:00Z");
      assertThatThrownBy(() -> sparse.addBusinessTime(start, Duration.ofMinutes(100_000_000L)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("MAX_SPAN");
      // Within the span: 5,000 minutes is 5,000 Mondays, about 96 years.
      Instant due = sparse.addBusinessTime(start, Duration.ofMinutes(5_000));
      assertThat(sparse.businessTimeBetween(start, due)).isEqualTo(Duration.ofMinutes(5_000));
      assertThat(due).isBetween(start.plus(Duration.ofDays(7 * 4_999)), start.plus(Duration.ofDays(7 * 5_001)));
      // Just over the span.
      assertThatThrownBy(() -> sparse.addBusinessTime(start, Duration.ofMinutes(5_300)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("MAX_SPAN");
    }
    assertThatThrownBy(() -> BusinessCalendar.always().addBusinessTime(Instant.EPOCH, BusinessCalendar.MAX_SPAN.plusNanos(1)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> BusinessCalendar.always().businessTimeBetween(Instant.EPOCH, Instant.EPOCH.plus(BusinessCalendar.MAX_SPAN).plusSeconds(1)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  @DisplayName("a week with a nanosecond of work is refused by the span, not by an Instant overflow (fuzzing finding)")
  void nanosecondWeek() {
    BusinessCalendar tiny =
        BusinessCalendar.builder(ZoneOffset.UTC).hours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(9, 0, 0, 1)).build();
    assertThat(tiny.weeklyWorkingTime()).isEqualTo(Duration.ofNanos(1));
    assertThatThrownBy(() -> tiny.addBusinessTime(Instant.parse("2026-11-20T10:00:00Z"), Duration.ofDays(30)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("MAX_SPAN");
  }

  @Test
  @DisplayName("SLA targets are bounded")
  void slaTargetsBounded() {
    BusinessCalendar cal = office().build();
    assertThat(SlaTarget.of(SlaMetric.values()[0], SlaTarget.MAX_TARGET, cal).target()).isEqualTo(SlaTarget.MAX_TARGET);
    assertThatThrownBy(() -> SlaTarget.of(SlaMetric.values()[0], SlaTarget.MAX_TARGET.plusSeconds(1), cal))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  @DisplayName("whole weeks counted at once equal adding in steps of less than a week's work")
  void weeksMatchSteps() {
    Random rnd = new Random(seed);
    ZoneId[] zones = {CPH, ZoneId.of("America/New_York"), ZoneId.of("Australia/Lord_Howe"), ZoneOffset.UTC};
    for (int run = 0; run < 40; run++) {
      ZoneId zone = zones[rnd.nextInt(zones.length)];
      BusinessCalendar.Builder b = BusinessCalendar.builder(zone);
      for (DayOfWeek d : DayOfWeek.values()) {
        if (rnd.nextInt(3) > 0) {
          int start = rnd.nextInt(24 * 4) * 15;
          int length = 15 + rnd.nextInt(12 * 4) * 15;
          b.hours(d, LocalTime.ofSecondOfDay(start * 60L), LocalTime.ofSecondOfDay(((start + length) % (24 * 60)) * 60L));
          break; // one interval per calendar keeps overlaps impossible
        }
      }
      for (int h = rnd.nextInt(4); h > 0; h--) {
        b.yearlyHoliday(MonthDay.of(1 + rnd.nextInt(12), 1 + rnd.nextInt(28)));
      }
      for (int h = rnd.nextInt(4); h > 0; h--) {
        b.holiday(LocalDate.of(2026 + rnd.nextInt(10), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)));
      }
      BusinessCalendar cal = b.build();
      if (cal.addBusinessTime(Instant.EPOCH, Duration.ZERO) == null) {
        continue;
      }
      Instant start = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(rnd.nextInt(365 * 86_400));
      Duration step = Duration.ofMinutes(1 + rnd.nextInt(10));
      int steps = 1 + rnd.nextInt(3000);
      String where = "seed " + seed + ", " + cal + ", start " + start + ", " + steps + " x " + step;
      Instant stepped;
      try {
        stepped = start;
        for (int i = 0; i < steps; i++) {
          stepped = cal.addBusinessTime(stepped, step);
        }
      } catch (ValidationException e) {
        continue; // no working hours drawn
      }
      Duration total = step.multipliedBy(steps);
      assertThat(cal.addBusinessTime(start, total)).as(where).isEqualTo(stepped);
      assertThat(cal.businessTimeBetween(start, stepped)).as(where).isEqualTo(total);
    }
  }
}
