package dev.frontline.helpdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.ValidationException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seeded randomized tests of {@link BusinessCalendar} against its laws and against a brute-force
 * minute-stepping reference. Prints its seed; rerun one with {@code -Dfrontline.seed=<seed>}.
 */
class BusinessCalendarPropertyTest {
  static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("Europe/Copenhagen"),
          ZoneId.of("Europe/Budapest"),
          ZoneId.of("America/New_York"),
          ZoneId.of("Australia/Lord_Howe"), // 30-minute DST shift
          ZoneId.of("Asia/Kolkata"),
          ZoneId.of("UTC"));
  /** Around the 2026 DST changes of both hemispheres. */
  static final Instant WINDOW_START = Instant.parse("2026-02-20T00:00:00Z");

  static final long WINDOW_MINUTES = Duration.ofDays(300).toMinutes();

  static long seed;

  @BeforeAll
  static void seed() {
    seed = Long.getLong("frontline.seed", System.nanoTime());
    System.out.println("BusinessCalendarPropertyTest seed: " + seed + " (rerun with -Dfrontline.seed=" + seed + ")");
  }

  /** A random calendar and the same rules in a form the reference reads directly. */
  record Spec(ZoneId zone, List<Interval> intervals, Set<LocalDate> holidays, Set<MonthDay> yearly, BusinessCalendar calendar) {
    /** The definition of working time, evaluated independently of the calendar's walk. */
    boolean working(Instant t) {
      LocalDateTime local = LocalDateTime.ofInstant(t, zone);
      LocalDate date = local.toLocalDate();
      if (closed(date)) {
        return false;
      }
      int minute = local.getHour() * 60 + local.getMinute();
      for (Interval iv : intervals) {
        if (iv.day == date.getDayOfWeek() && iv.start <= minute && minute < iv.end) {
          return true;
        }
        if (iv.day == date.getDayOfWeek().minus(1) && iv.start <= minute + 1440 && minute + 1440 < iv.end) {
          return true;
        }
      }
      return false;
    }

    boolean closed(LocalDate d) {
      return holidays.contains(d) || yearly.contains(MonthDay.from(d));
    }
  }

  /** Minutes of day; end may exceed 1440 for an interval crossing midnight. */
  record Interval(DayOfWeek day, int start, int end) {}

  static Spec randomSpec(Random rnd) {
    ZoneId zone = ZONES.get(rnd.nextInt(ZONES.size()));
    BusinessCalendar.Builder b = BusinessCalendar.builder(zone);
    List<Interval> intervals = new ArrayList<>();
    int attempts = 1 + rnd.nextInt(14);
    for (int k = 0; k < attempts; k++) {
      DayOfWeek day = DayOfWeek.of(1 + rnd.nextInt(7));
      int start = 15 * rnd.nextInt(96);
      int end = rnd.nextInt(6) == 0 ? 1440 : 15 * rnd.nextInt(96);
      if (start == end) {
        continue;
      }
      LocalTime endTime = end == 1440 ? BusinessCalendar.END_OF_DAY : LocalTime.ofSecondOfDay(end * 60L);
      try {
        b.hours(day, LocalTime.ofSecondOfDay(start * 60L), endTime);
        intervals.add(new Interval(day, start, end > start ? end : end + 1440));
      } catch (ValidationException overlapping) {
        // Rejected: the reference must not know it either.
      }
    }
    Set<LocalDate> holidays = new HashSet<>();
    Set<MonthDay> yearly = new HashSet<>();
    for (int k = rnd.nextInt(6); k > 0; k--) {
      LocalDate d = LocalDate.of(2026, 2, 15).plusDays(rnd.nextInt(320));
      if (rnd.nextBoolean()) {
        holidays.add(d);
        b.holiday(d);
      } else {
        yearly.add(MonthDay.from(d));
        b.yearlyHoliday(MonthDay.from(d));
      }
    }
    return new Spec(zone, intervals, holidays, yearly, b.build());
  }

  static Instant randomStart(Random rnd) {
    return WINDOW_START.plus(Duration.ofMinutes((long) (rnd.nextDouble() * WINDOW_MINUTES)));
  }

  /** Minute-stepping add; null if it would need more than {@code maxSteps} minutes. */
  static Instant referenceAdd(Spec spec, Instant start, long minutes, long maxSteps) {
    if (minutes == 0) {
      return start;
    }
    Instant t = start;
    long counted = 0;
    for (long step = 0; step < maxSteps; step++) {
      if (spec.working(t)) {
        counted++;
        if (counted == minutes) {
          return t.plusSeconds(60);
        }
      }
      t = t.plusSeconds(60);
    }
    return null;
  }

  @Test
  @DisplayName("addBusinessTime, businessTimeBetween, isWorking and nextWorkingInstant agree with minute stepping")
  void matchesReference() {
    Random rnd = new Random(seed);
    int compared = 0;
    for (int run = 0; run < 150; run++) {
      Spec spec = randomSpec(rnd);
      if (spec.intervals.isEmpty()) {
        continue;
      }
      for (int k = 0; k < 3; k++) {
        Instant start = randomStart(rnd);
        long minutes = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(900);
        String where = "seed " + seed + ", " + spec.calendar + ", start " + start + ", minutes " + minutes;
        Instant expected = referenceAdd(spec, start, minutes, 30L * 24 * 60);
        if (expected == null) {
          continue; // too sparse for a quick reference
        }
        compared++;
        assertThat(spec.calendar.addBusinessTime(start, Duration.ofMinutes(minutes))).as(where).isEqualTo(expected);
        assertThat(spec.calendar.businessTimeBetween(start, expected)).as(where).isEqualTo(Duration.ofMinutes(minutes));
        // Brute-force between over an arbitrary range.
        Instant end = start.plus(Duration.ofMinutes(rnd.nextInt(3 * 24 * 60)));
        long working = 0;
        Instant next = null;
        for (Instant t = start; t.isBefore(end); t = t.plusSeconds(60)) {
          boolean w = spec.working(t);
          assertThat(spec.calendar.isWorking(t)).as(where + " at " + t).isEqualTo(w);
          if (w) {
            working++;
            if (next == null) {
              next = t;
            }
          }
        }
        assertThat(spec.calendar.businessTimeBetween(start, end)).as(where + " to " + end).isEqualTo(Duration.ofMinutes(working));
        if (next != null) {
          assertThat(spec.calendar.nextWorkingInstant(start)).as(where).isEqualTo(next);
        }
      }
    }
    assertThat(compared).isGreaterThan(100);
  }

  @Test
  @DisplayName("adding in two steps equals adding at once, and between inverts add")
  void laws() {
    Random rnd = new Random(seed + 1);
    for (int run = 0; run < 300; run++) {
      Spec spec = randomSpec(rnd);
      if (spec.intervals.isEmpty()) {
        continue;
      }
      BusinessCalendar cal = spec.calendar;
      // Sub-minute starts and durations too: the laws hold at nanosecond precision.
      Instant start = randomStart(rnd).plusNanos(rnd.nextInt(3) == 0 ? rnd.nextInt(60_000_000) * 1000L : 0);
      Duration d1 = randomDuration(rnd);
      Duration d2 = randomDuration(rnd);
      String where = "seed " + seed + ", " + cal + ", start " + start + ", d1 " + d1 + ", d2 " + d2;
      Instant once;
      try {
        once = cal.addBusinessTime(start, d1.plus(d2));
      } catch (ValidationException tooFar) {
        // A sparse calendar can need more than BusinessCalendar.MAX_SPAN for the sum; that is refused.
        assertThat(tooFar).as(where).hasMessageContaining("MAX_SPAN");
        continue;
      }
      Instant first = cal.addBusinessTime(start, d1);
      assertThat(cal.addBusinessTime(first, d2)).as(where).isEqualTo(once);
      assertThat(cal.businessTimeBetween(start, once)).as(where).isEqualTo(d1.plus(d2));
      assertThat(cal.businessTimeBetween(start, first)).as(where).isEqualTo(d1);
      // Monotone in the duration and in the start.
      assertThat(first).as(where).isBeforeOrEqualTo(once);
      Instant later = start.plus(Duration.ofMinutes(rnd.nextInt(5000)));
      try {
        assertThat(cal.addBusinessTime(later, d1)).as(where + ", later " + later).isAfterOrEqualTo(first);
      } catch (ValidationException tooFar) {
        assertThat(tooFar).as(where + ", later " + later).hasMessageContaining("MAX_SPAN");
      }
      if (!d1.isZero()) {
        // The result is working time or the end of a working interval.
        assertThat(cal.isWorking(first.minusNanos(1))).as(where).isTrue();
        assertThat(first).as(where).isAfter(start);
        assertThat(cal.isWorking(cal.nextWorkingInstant(start))).as(where).isTrue();
      }
      // between is additive.
      Instant mid = start.plus(Duration.ofMinutes(rnd.nextInt(20_000)));
      Instant end = mid.plus(Duration.ofMinutes(rnd.nextInt(20_000)));
      assertThat(cal.businessTimeBetween(start, mid).plus(cal.businessTimeBetween(mid, end)))
          .as(where + ", mid " + mid + ", end " + end)
          .isEqualTo(cal.businessTimeBetween(start, end));
    }
  }

  static Duration randomDuration(Random rnd) {
    return switch (rnd.nextInt(4)) {
      case 0 -> Duration.ZERO;
      case 1 -> Duration.ofMinutes(rnd.nextInt(600));
      case 2 -> Duration.ofMinutes(rnd.nextInt(100_000));
      default -> Duration.ofSeconds(rnd.nextInt(50_000), rnd.nextInt(1_000_000_000));
    };
  }
}
