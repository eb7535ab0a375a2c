package dev.frontline.helpdesk.sla;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
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
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {
  static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
  static final ZoneId BUD = ZoneId.of("Europe/Budapest");
  static final ZoneId NYC = ZoneId.of("America/New_York");

  static Instant i(String s) {
    return Instant.parse(s);
  }

  static LocalTime t(String s) {
    return s.equals("24:00") ? BusinessCalendar.END_OF_DAY : LocalTime.parse(s);
  }

  static Duration h(long hours) {
    return Duration.ofHours(hours);
  }

  static Duration m(long minutes) {
    return Duration.ofMinutes(minutes);
  }

  static BusinessCalendar officeHours(ZoneId zone) {
    return BusinessCalendar.builder(zone).weekdays(t("08:00"), t("16:00")).build();
  }

  @Nested
  @DisplayName("Ordinary office hours")
  class Office {
    final BusinessCalendar cal = officeHours(CPH);

    @Test
    @DisplayName("counting starts at the next working instant when the start is after hours")
    void startsNextMorning() {
      // Friday 2026-11-20 16:30 local (CET) is after 16:00; Monday 08:00 CET = 07:00Z.
      assertThat(cal.nextWorkingInstant(i("2026-11-20T15:30:00Z"))).isEqualTo(i("2026-11-23T07:00:00Z"));
      assertThat(cal.addBusinessTime(i("2026-11-20T15:30:00Z"), m(90))).isEqualTo(i("2026-11-23T08:30:00Z"));
    }

    @Test
    @DisplayName("a due date exactly at closing time is the end of the interval, not the next morning")
    void endOfInterval() {
      assertThat(cal.addBusinessTime(i("2026-11-23T07:00:00Z"), h(8))).isEqualTo(i("2026-11-23T15:00:00Z"));
      assertThat(cal.isWorking(i("2026-11-23T15:00:00Z"))).isFalse();
      assertThat(cal.isWorking(i("2026-11-23T14:59:59.999999999Z"))).isTrue();
      assertThat(cal.addBusinessTime(i("2026-11-23T07:00:00Z"), h(8).plusNanos(1)))
          .isEqualTo(i("2026-11-24T07:00:00.000000001Z"));
    }

    @Test
    @DisplayName("adding zero returns the start unchanged, even outside working hours")
    void zero() {
      Instant sunday = i("2026-11-22T12:00:00Z");
      assertThat(cal.addBusinessTime(sunday, Duration.ZERO)).isEqualTo(sunday);
      assertThat(cal.isWorking(sunday)).isFalse();
    }

    @Test
    @DisplayName("working time between two instants skips nights and weekends")
    void between() {
      assertThat(cal.businessTimeBetween(i("2026-11-20T14:00:00Z"), i("2026-11-23T08:00:00Z"))).isEqualTo(h(2));
      assertThat(cal.businessTimeBetween(i("2026-11-23T08:00:00Z"), i("2026-11-20T14:00:00Z"))).isZero();
      assertThat(cal.businessTimeBetween(i("2026-11-23T08:00:00Z"), i("2026-11-23T08:00:00Z"))).isZero();
      // One full week is 40 hours.
      assertThat(cal.businessTimeBetween(i("2026-11-16T00:00:00Z"), i("2026-11-23T00:00:00Z"))).isEqualTo(h(40));
    }

    @Test
    @DisplayName("nextWorkingInstant returns the instant itself inside working hours")
    void nextInside() {
      assertThat(cal.nextWorkingInstant(i("2026-11-23T10:11:12Z"))).isEqualTo(i("2026-11-23T10:11:12Z"));
    }

    @Test
    @DisplayName("10,000 business hours are added quickly, by walking days rather than minutes")
    void large() {
      BusinessCalendar withHolidays =
          BusinessCalendar.builder(CPH)
              .weekdays(t("08:00"), t("16:00"))
              .yearlyHoliday(MonthDay.of(12, 24))
              .yearlyHoliday(MonthDay.of(12, 25))
              .yearlyHoliday(MonthDay.of(1, 1))
              .build();
      Instant start = i("2026-01-05T07:00:00Z");
      long t0 = System.nanoTime();
      Instant due = withHolidays.addBusinessTime(start, h(10_000));
      long millis = (System.nanoTime() - t0) / 1_000_000;
      assertThat(millis).isLessThan(2_000);
      assertThat(withHolidays.businessTimeBetween(start, due)).isEqualTo(h(10_000));
      assertThat(due).isAfter(i("2030-01-01T00:00:00Z")).isBefore(i("2031-12-31T00:00:00Z"));
    }
  }

  @Nested
  @DisplayName("Daylight saving time in Copenhagen")
  class Copenhagen {
    final BusinessCalendar sundays = BusinessCalendar.builder(CPH).allDay(SUNDAY).build();

    @Test
    @DisplayName("the spring-forward Sunday has 23 working hours, the fall-back Sunday 25")
    void dayLengths() {
      // 2026-03-29 00:00 CET = 03-28 23:00Z; 24:00 CEST = 03-29 22:00Z.
      assertThat(sundays.businessTimeBetween(i("2026-03-28T00:00:00Z"), i("2026-03-30T12:00:00Z"))).isEqualTo(h(23));
      // 2026-10-25 00:00 CEST = 10-24 22:00Z; 24:00 CET = 10-25 23:00Z.
      assertThat(sundays.businessTimeBetween(i("2026-10-24T00:00:00Z"), i("2026-10-26T12:00:00Z"))).isEqualTo(h(25));
      assertThat(sundays.nextWorkingInstant(i("2026-10-24T00:00:00Z"))).isEqualTo(i("2026-10-24T22:00:00Z"));
      assertThat(sundays.addBusinessTime(i("2026-10-24T00:00:00Z"), h(25))).isEqualTo(i("2026-10-25T23:00:00Z"));
      assertThat(sundays.addBusinessTime(i("2026-03-28T00:00:00Z"), h(23))).isEqualTo(i("2026-03-29T22:00:00Z"));
    }

    @Test
    @DisplayName("an interval covering the spring-forward gap is shorter; one starting in the gap starts when it ends")
    void gap() {
      BusinessCalendar early = BusinessCalendar.builder(CPH).hours(SUNDAY, t("01:00"), t("04:00")).build();
      // 01:00 CET = 00:00Z, 04:00 CEST = 02:00Z.
      assertThat(early.businessTimeBetween(i("2026-03-28T12:00:00Z"), i("2026-03-29T12:00:00Z"))).isEqualTo(h(2));
      assertThat(early.addBusinessTime(i("2026-03-28T12:00:00Z"), m(90))).isEqualTo(i("2026-03-29T01:30:00Z"));
      BusinessCalendar inGap = BusinessCalendar.builder(CPH).hours(SUNDAY, t("02:30"), t("05:00")).build();
      // 02:30 does not exist: work starts at 03:00 CEST = 01:00Z and ends 05:00 CEST = 03:00Z.
      assertThat(inGap.nextWorkingInstant(i("2026-03-28T12:00:00Z"))).isEqualTo(i("2026-03-29T01:00:00Z"));
      assertThat(inGap.businessTimeBetween(i("2026-03-28T12:00:00Z"), i("2026-03-29T12:00:00Z"))).isEqualTo(h(2));
      // A week later the same interval is 2.5 hours again: 02:30 CEST = 00:30Z.
      assertThat(inGap.nextWorkingInstant(i("2026-04-04T12:00:00Z"))).isEqualTo(i("2026-04-05T00:30:00Z"));
    }

    @Test
    @DisplayName("in the fall-back overlap every instant whose wall-clock time is inside working hours counts")
    void overlap() {
      BusinessCalendar night = BusinessCalendar.builder(CPH).hours(SUNDAY, t("01:00"), t("02:30")).build();
      // Wall clock 01:00-02:30 happens as 23:00Z-00:30Z (CEST) and again 02:00-02:30 CET = 01:00Z-01:30Z.
      assertThat(night.isWorking(i("2026-10-25T00:15:00Z"))).isTrue();
      assertThat(night.isWorking(i("2026-10-25T00:45:00Z"))).isFalse(); // 02:45 CEST
      assertThat(night.isWorking(i("2026-10-25T01:15:00Z"))).isTrue(); // 02:15 CET
      assertThat(night.isWorking(i("2026-10-25T01:30:00Z"))).isFalse(); // 02:30 CET
      assertThat(night.businessTimeBetween(i("2026-10-24T12:00:00Z"), i("2026-10-25T12:00:00Z"))).isEqualTo(h(2));
      assertThat(night.addBusinessTime(i("2026-10-24T23:00:00Z"), m(100))).isEqualTo(i("2026-10-25T01:10:00Z"));
      assertThat(night.nextWorkingInstant(i("2026-10-25T00:30:00Z"))).isEqualTo(i("2026-10-25T01:00:00Z"));
    }
  }

  @Nested
  @DisplayName("Daylight saving time in Budapest")
  class Budapest {
    @Test
    @DisplayName("office hours move by an hour in UTC across the spring change")
    void office() {
      BusinessCalendar cal = officeHours(BUD);
      // Friday 2026-03-27 15:00 CET = 14:00Z; one hour left that day; Monday 08:00 CEST = 06:00Z.
      assertThat(cal.addBusinessTime(i("2026-03-27T14:00:00Z"), h(2))).isEqualTo(i("2026-03-30T07:00:00Z"));
      // Friday 2026-10-23 15:00 CEST = 13:00Z; Monday 08:00 CET = 07:00Z.
      assertThat(cal.addBusinessTime(i("2026-10-23T13:00:00Z"), h(2))).isEqualTo(i("2026-10-26T08:00:00Z"));
    }

    @Test
    @DisplayName("a night shift crossing midnight into the gap or the overlap counts real elapsed time")
    void nightShift() {
      BusinessCalendar cal =
          BusinessCalendar.builder(BUD).hours(SATURDAY, t("22:00"), t("02:00")).build();
      // Sat 22:00 CET = 21:00Z to Sun 02:00, which does not exist: ends at 03:00 CEST = 01:00Z.
      assertThat(cal.businessTimeBetween(i("2026-03-28T12:00:00Z"), i("2026-03-29T12:00:00Z"))).isEqualTo(h(4));
      BusinessCalendar late =
          BusinessCalendar.builder(BUD).hours(SATURDAY, t("22:00"), t("03:00")).build();
      // Sat 22:00 CEST = 20:00Z to Sun 03:00 CET = 02:00Z: six hours for five on the wall clock.
      assertThat(late.businessTimeBetween(i("2026-10-24T12:00:00Z"), i("2026-10-25T12:00:00Z"))).isEqualTo(h(6));
      assertThat(late.addBusinessTime(i("2026-10-24T12:00:00Z"), h(6))).isEqualTo(i("2026-10-25T02:00:00Z"));
    }
  }

  @Nested
  @DisplayName("Daylight saving time in New York")
  class NewYork {
    @Test
    @DisplayName("Sundays have 23 and 25 hours on 2026-03-08 and 2026-11-01")
    void dayLengths() {
      BusinessCalendar sundays = BusinessCalendar.builder(NYC).allDay(SUNDAY).build();
      assertThat(sundays.businessTimeBetween(i("2026-03-07T12:00:00Z"), i("2026-03-09T12:00:00Z"))).isEqualTo(h(23));
      assertThat(sundays.businessTimeBetween(i("2026-10-31T12:00:00Z"), i("2026-11-02T12:00:00Z"))).isEqualTo(h(25));
    }

    @Test
    @DisplayName("office hours and the repeated 01:00-02:00 hour")
    void office() {
      BusinessCalendar cal = BusinessCalendar.builder(NYC).weekdays(t("09:00"), t("17:00")).build();
      // Friday 2026-03-06 16:00 EST = 21:00Z; Monday 09:00 EDT = 13:00Z.
      assertThat(cal.addBusinessTime(i("2026-03-06T21:00:00Z"), h(2))).isEqualTo(i("2026-03-09T14:00:00Z"));
      BusinessCalendar repeated = BusinessCalendar.builder(NYC).hours(SUNDAY, t("01:00"), t("01:30")).build();
      // 01:00 EDT = 05:00Z for 30 minutes, then again 01:00 EST = 06:00Z.
      assertThat(repeated.addBusinessTime(i("2026-11-01T05:00:00Z"), m(45))).isEqualTo(i("2026-11-01T06:15:00Z"));
      assertThat(repeated.businessTimeBetween(i("2026-10-31T00:00:00Z"), i("2026-11-02T00:00:00Z"))).isEqualTo(h(1));
    }
  }

  @Nested
  @DisplayName("Holidays")
  class Holidays {
    final BusinessCalendar cal =
        BusinessCalendar.builder(CPH)
            .weekdays(t("08:00"), t("16:00"))
            .holiday(LocalDate.of(2026, 12, 24))
            .yearlyHoliday(MonthDay.of(12, 25))
            .build();

    @Test
    @DisplayName("fixed and yearly holidays close whole days")
    void closed() {
      // Wednesday 2026-12-23 15:00 CET = 14:00Z; Thu 24 and Fri 25 closed; Monday 28 08:00 CET = 07:00Z.
      assertThat(cal.addBusinessTime(i("2026-12-23T14:00:00Z"), h(2))).isEqualTo(i("2026-12-28T08:00:00Z"));
      assertThat(cal.isHoliday(LocalDate.of(2027, 12, 25))).isTrue();
      assertThat(cal.isHoliday(LocalDate.of(2027, 12, 24))).isFalse();
      // 2028-12-25 is a Monday, 2028-12-24 a Sunday.
      assertThat(cal.nextWorkingInstant(i("2028-12-22T16:00:00Z"))).isEqualTo(i("2028-12-26T07:00:00Z"));
    }

    @Test
    @DisplayName("a holiday closes only its own local date of an interval crossing midnight")
    void crossing() {
      BusinessCalendar base = BusinessCalendar.builder(ZoneOffset.UTC).hours(FRIDAY, t("22:00"), t("02:00")).build();
      assertThat(base.businessTimeBetween(i("2026-11-20T00:00:00Z"), i("2026-11-22T00:00:00Z"))).isEqualTo(h(4));
      BusinessCalendar saturdayOff =
          BusinessCalendar.builder(ZoneOffset.UTC).hours(FRIDAY, t("22:00"), t("02:00")).holiday(LocalDate.of(2026, 11, 21)).build();
      assertThat(saturdayOff.businessTimeBetween(i("2026-11-20T00:00:00Z"), i("2026-11-22T00:00:00Z"))).isEqualTo(h(2));
      assertThat(saturdayOff.isWorking(i("2026-11-21T01:00:00Z"))).isFalse();
      BusinessCalendar fridayOff =
          BusinessCalendar.builder(ZoneOffset.UTC).hours(FRIDAY, t("22:00"), t("02:00")).holiday(LocalDate.of(2026, 11, 20)).build();
      assertThat(fridayOff.businessTimeBetween(i("2026-11-20T00:00:00Z"), i("2026-11-22T00:00:00Z"))).isEqualTo(h(2));
      assertThat(fridayOff.nextWorkingInstant(i("2026-11-20T00:00:00Z"))).isEqualTo(i("2026-11-21T00:00:00Z"));
    }

    @Test
    @DisplayName("a yearly February 29 applies only in leap years")
    void leapDay() {
      BusinessCalendar leap = BusinessCalendar.builder(ZoneOffset.UTC).yearlyHoliday(MonthDay.of(2, 29)).build();
      assertThat(leap.isHoliday(LocalDate.of(2028, 2, 29))).isTrue();
      assertThat(leap.isHoliday(LocalDate.of(2027, 2, 28))).isFalse();
      assertThat(leap.isHoliday(LocalDate.of(2027, 3, 1))).isFalse();
    }
  }

  @Nested
  @DisplayName("Interval shapes")
  class Shapes {
    @Test
    @DisplayName("several intervals a day skip the lunch break")
    void lunch() {
      BusinessCalendar cal =
          BusinessCalendar.builder(ZoneOffset.UTC)
              .weekdays(t("08:00"), t("12:00"))
              .weekdays(t("13:00"), t("17:00"))
              .build();
      assertThat(cal.addBusinessTime(i("2026-11-23T11:00:00Z"), h(2))).isEqualTo(i("2026-11-23T14:00:00Z"));
      assertThat(cal.addBusinessTime(i("2026-11-23T11:00:00Z"), h(1))).isEqualTo(i("2026-11-23T12:00:00Z"));
      assertThat(cal.isWorking(i("2026-11-23T12:30:00Z"))).isFalse();
      assertThat(cal.businessTimeBetween(i("2026-11-23T00:00:00Z"), i("2026-11-24T00:00:00Z"))).isEqualTo(h(8));
    }

    @Test
    @DisplayName("touching intervals and 24:00 make continuous time")
    void touching() {
      BusinessCalendar cal =
          BusinessCalendar.builder(ZoneOffset.UTC)
              .hours(MONDAY, t("00:00"), t("12:00"))
              .hours(MONDAY, t("12:00"), t("24:00"))
              .hours(DayOfWeek.TUESDAY, t("00:00"), t("06:00"))
              .build();
      assertThat(cal.addBusinessTime(i("2026-11-23T00:00:00Z"), h(30))).isEqualTo(i("2026-11-24T06:00:00Z"));
      assertThat(cal.isWorking(i("2026-11-23T23:59:59.999999999Z"))).isTrue();
    }

    @Test
    @DisplayName("an interval from Sunday night crosses into Monday")
    void weekWrap() {
      BusinessCalendar cal = BusinessCalendar.builder(ZoneOffset.UTC).hours(SUNDAY, t("20:00"), t("04:00")).build();
      assertThat(cal.isWorking(i("2026-11-23T03:00:00Z"))).isTrue();
      assertThat(cal.addBusinessTime(i("2026-11-23T03:00:00Z"), h(2))).isEqualTo(i("2026-11-29T21:00:00Z"));
    }

    @Test
    @DisplayName("the 24/7 calendar is plain time arithmetic")
    void always() {
      BusinessCalendar cal = BusinessCalendar.always();
      assertThat(cal.addBusinessTime(i("2026-03-29T00:00:00Z"), h(10_000))).isEqualTo(i("2026-03-29T00:00:00Z").plus(h(10_000)));
      assertThat(cal.businessTimeBetween(i("2026-03-29T00:00:00Z"), i("2026-03-30T00:00:00Z"))).isEqualTo(h(24));
      assertThat(cal.isWorking(i("2026-11-22T03:00:00Z"))).isTrue();
      BusinessCalendar cph =
          BusinessCalendar.builder(CPH).hours(Set.of(DayOfWeek.values()), t("00:00"), t("24:00")).build();
      assertThat(cph.businessTimeBetween(i("2026-03-28T00:00:00Z"), i("2026-03-30T00:00:00Z"))).isEqualTo(h(48));
    }
  }

  @Nested
  @DisplayName("Validation")
  class Validation {
    @Test
    @DisplayName("overlapping intervals are rejected, also across midnight and from Sunday into Monday")
    void overlaps() {
      assertThatThrownBy(() -> BusinessCalendar.builder(CPH).hours(MONDAY, t("08:00"), t("12:00")).hours(MONDAY, t("11:00"), t("13:00")))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("overlaps");
      assertThatThrownBy(() -> BusinessCalendar.builder(CPH).hours(THURSDAY, t("22:00"), t("02:00")).hours(FRIDAY, t("01:00"), t("05:00")))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> BusinessCalendar.builder(CPH).hours(MONDAY, t("01:00"), t("05:00")).hours(SUNDAY, t("22:00"), t("02:00")))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> BusinessCalendar.builder(CPH).hours(MONDAY, t("08:00"), t("08:00")))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> BusinessCalendar.builder(CPH).hours(MONDAY, t("24:00"), t("08:00")))
          .isInstanceOf(ValidationException.class);
    }

    @Test
    @DisplayName("nulls and negative durations are rejected")
    void nullsAndNegatives() {
      BusinessCalendar cal = officeHours(CPH);
      Instant now = i("2026-11-23T10:00:00Z");
      assertThatThrownBy(() -> cal.addBusinessTime(now, Duration.ofSeconds(-1))).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> cal.addBusinessTime(castNull(), h(1))).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> cal.addBusinessTime(now, castNull())).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> cal.isWorking(castNull())).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> BusinessCalendar.builder(castNull())).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> BusinessCalendar.builder(CPH).holiday(castNull())).isInstanceOf(ValidationException.class);
    }

    @Test
    @DisplayName("a calendar without working time fails instead of looping forever")
    void noWorkingTime() {
      Instant now = i("2026-11-23T10:00:00Z");
      BusinessCalendar empty = BusinessCalendar.builder(CPH).build();
      assertThat(empty.addBusinessTime(now, Duration.ZERO)).isEqualTo(now);
      assertThat(empty.businessTimeBetween(now, now.plus(h(1000)))).isZero();
      assertThatThrownBy(() -> empty.addBusinessTime(now, m(1))).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> empty.nextWorkingInstant(now)).isInstanceOf(ValidationException.class);
      // Every day of the year is a holiday: there are hours, but never any working time.
      BusinessCalendar.Builder b = BusinessCalendar.builder(ZoneOffset.UTC).weekdays(t("08:00"), t("16:00"));
      for (LocalDate d = LocalDate.of(2028, 1, 1); d.getYear() == 2028; d = d.plusDays(1)) {
        b.yearlyHoliday(MonthDay.from(d));
      }
      BusinessCalendar closed = b.build();
      assertThatThrownBy(() -> closed.addBusinessTime(now, m(1)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("no working time");
    }

    @Test
    @DisplayName("a result beyond the representable range is a validation error")
    void range() {
      BusinessCalendar cal = officeHours(CPH);
      assertThatThrownBy(() -> cal.addBusinessTime(Instant.MAX.minusSeconds(86_400 * 30), h(1000)))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> BusinessCalendar.always().addBusinessTime(Instant.MAX, h(1)))
          .isInstanceOf(ValidationException.class);
    }
  }

  @Test
  @DisplayName("equal builders give equal calendars")
  void equality() {
    assertThat(officeHours(CPH)).isEqualTo(officeHours(CPH)).hasSameHashCodeAs(officeHours(CPH));
    assertThat(officeHours(CPH)).isNotEqualTo(officeHours(BUD));
    assertThat(officeHours(CPH).toString()).contains("MONDAY 08:00-16:00");
  }

  @SuppressWarnings("unchecked")
  static <T> T castNull() {
    return (T) null;
  }
}
