package dev.frontline.helpdesk.sla;

import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.internal.Checks;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * When support is working: weekly working hours in a time zone, minus holidays; and the arithmetic
 * of working time on it (due dates, elapsed working time). Immutable and thread-safe; build one with
 * {@link #builder(ZoneId)} or take {@link #always()}.
 *
 * <h2>What counts as working time</h2>
 *
 * An instant is <em>working</em> if and only if its local date-time in the calendar's zone
 * <ol>
 *   <li>falls on a local date that is not a holiday, and
 *   <li>lies in one of the working intervals, each half-open {@code [start, end)} in wall-clock time.
 * </ol>
 *
 * <ul>
 *   <li><b>Crossing midnight.</b> An interval whose end is not after its start runs into the next
 *       day: {@code FRIDAY 22:00–02:00} is Friday 22:00 (inclusive) to Saturday 02:00 (exclusive).
 *       It belongs to the day it starts on, so it is given for that day-of-week, but holidays are
 *       applied per local date: if that Saturday is a holiday, only Friday 22:00–24:00 is worked; if
 *       the Friday is a holiday, Saturday 00:00–02:00 is still worked.
 *   <li><b>24:00.</b> {@link #END_OF_DAY} (which is {@link LocalTime#MAX}) as an end means midnight at
 *       the end of the day, so {@code 00:00–END_OF_DAY} is the whole day. A start equal to the end is
 *       rejected as ambiguous.
 *   <li><b>Overlaps.</b> Intervals must not overlap, on the same day or through an interval that
 *       crosses into the next day (touching is allowed: {@code 08:00–12:00} and {@code 12:00–16:00}).
 *   <li><b>Daylight saving time.</b> Real elapsed time is what counts. In a spring-forward gap the
 *       nonexistent local times have no instants, so an interval covering the gap is simply shorter
 *       (a 00:00–24:00 day in Copenhagen on 2026-03-29 has 23 working hours). In a fall-back overlap
 *       every instant whose wall-clock time lies inside working hours is working, so the repeated
 *       hour counts twice (that day has 25 working hours if the whole day is worked).
 *   <li><b>Holidays</b> are fixed dates ({@link LocalDate}) or yearly ones ({@link MonthDay}); each
 *       closes the whole local day, 00:00 to 24:00. A yearly February 29 applies only in leap years.
 * </ul>
 *
 * <h2>Arithmetic</h2>
 *
 * {@link #addBusinessTime} returns the earliest instant by which the given amount of working time
 * has passed after the start; a due date may therefore be the (non-working) end of an interval, such
 * as 16:00 when work stops at 16:00. Adding zero returns the start unchanged, even outside working
 * hours. For all {@code d1, d2 >= 0}: {@code add(add(s, d1), d2) == add(s, d1 + d2)} and
 * {@code between(s, add(s, d)) == d}. Whole weeks without a holiday or a zone transition are
 * counted arithmetically, so the work done is proportional to the number of holidays and zone
 * transitions in the span (and a few days around each), never to the number of minutes or weeks.
 *
 * <h2>Supported range</h2>
 *
 * Dates from {@link #MIN_DATE} to {@link #MAX_DATE} (years 1 to 9999) are supported: a holiday
 * outside them is refused when it is added, and an instant before {@code MIN_DATE} or after {@code
 * MAX_DATE} (in UTC), as an argument or as a result, is a {@link ValidationException}. One
 * computation covers at most {@link #MAX_SPAN} (100 years) of calendar time: a due date further
 * away than that from its start, or a {@code businessTimeBetween} over a longer span, is refused.
 *
 * <p>Every method throws {@link ValidationException} for a null argument, a negative duration, or a
 * value outside the supported range; never an unchecked {@code java.time} exception.
 */
public final class BusinessCalendar {
  /** The end of a day, 24:00, when used as the end of a working interval. Equal to {@link LocalTime#MAX}. */
  public static final LocalTime END_OF_DAY = LocalTime.MAX;

  /** The earliest supported date, 0001-01-01. */
  public static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);

  /** The latest supported date, 9999-12-31. */
  public static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);

  /** The most working intervals one day of the week may have: 64. */
  public static final int MAX_INTERVALS_PER_DAY = 64;

  /** The longest span of calendar time one computation covers: 36,525 days (100 years). */
  public static final Duration MAX_SPAN = Duration.ofDays(36_525);

  private static final Instant MIN_INSTANT = MIN_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
  /** Exclusive. */
  private static final Instant MAX_INSTANT = MAX_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  private static final long WEEK_SECONDS = 7 * 86_400L;
  /** A paused walk stops after this much calendar time, to count the next whole weeks arithmetically. */
  private static final Duration WALK_CHUNK = Duration.ofDays(2);

  private static final long DAY = 86_400_000_000_000L;
  private static final long WEEK = 7 * DAY;

  private static final BusinessCalendar ALWAYS = alwaysIn(ZoneOffset.UTC);

  private final ZoneId zone;
  private final ZoneRules rules;
  /** Per day-of-week (index 0 = Monday): intervals as nanos of day, sorted; an end may exceed DAY. */
  private final long[][] starts;
  private final long[][] ends;
  private final Set<LocalDate> holidays;
  private final Set<MonthDay> yearlyHolidays;
  private final NavigableSet<LocalDate> sortedHolidays;
  private final NavigableSet<MonthDay> sortedYearly;
  /** Working time in one week, in nanoseconds of wall-clock time. */
  private final long weekNanos;
  private final boolean alwaysOpen;
  private final boolean neverOpen;

  private BusinessCalendar(Builder b) {
    this.zone = b.zone;
    this.rules = b.zone.getRules();
    this.starts = new long[7][];
    this.ends = new long[7][];
    long total = 0;
    for (DayOfWeek day : DayOfWeek.values()) {
      List<long[]> list = new ArrayList<>(b.intervals.get(day));
      list.sort((x, y) -> Long.compare(x[0], y[0]));
      long[] s = new long[list.size()];
      long[] e = new long[list.size()];
      for (int i = 0; i < s.length; i++) {
        s[i] = list.get(i)[0];
        e[i] = list.get(i)[1];
        total += e[i] - s[i];
      }
      starts[day.ordinal()] = s;
      ends[day.ordinal()] = e;
    }
    this.sortedHolidays = Collections.unmodifiableNavigableSet(new TreeSet<>(b.holidays));
    this.sortedYearly = Collections.unmodifiableNavigableSet(new TreeSet<>(b.yearlyHolidays));
    this.holidays = sortedHolidays;
    this.yearlyHolidays = sortedYearly;
    this.weekNanos = total;
    // Intervals never overlap, so a week's worth of interval length means every instant is working.
    this.alwaysOpen = total == WEEK && holidays.isEmpty() && yearlyHolidays.isEmpty();
    this.neverOpen = total == 0;
  }

  /**
   * Working every instant of every day (24/7), no holidays; the zone is UTC, which makes no
   * difference when every instant is working.
   *
   * @return the 24/7 calendar
   */
  public static BusinessCalendar always() {
    return ALWAYS;
  }

  private static BusinessCalendar alwaysIn(ZoneId zone) {
    Builder b = builder(zone);
    for (DayOfWeek d : DayOfWeek.values()) {
      b.allDay(d);
    }
    return b.build();
  }

  /**
   * Starts a calendar in a time zone, with no working hours and no holidays yet.
   *
   * @param zone the zone whose wall-clock time the working hours and holidays are in
   * @return a new builder
   * @throws ValidationException if the zone is null
   */
  public static Builder builder(ZoneId zone) {
    return new Builder(Checks.notNull(zone, "zone"));
  }

  /** @return the zone whose wall-clock time the working hours and holidays are in */
  public ZoneId zone() {
    return zone;
  }

  /**
   * @return the working time in one week without holidays, in wall-clock time (a week with a
   *     daylight-saving change may differ by the shift); zero for a calendar without working hours
   */
  public Duration weeklyWorkingTime() {
    return Duration.ofNanos(weekNanos);
  }

  /** @return the fixed holidays, sorted, unmodifiable */
  public Set<LocalDate> holidays() {
    return holidays;
  }

  /** @return the yearly holidays, sorted, unmodifiable */
  public Set<MonthDay> yearlyHolidays() {
    return yearlyHolidays;
  }

  /**
   * @param date a local date
   * @return whether the date is a fixed or yearly holiday
   */
  public boolean isHoliday(LocalDate date) {
    Checks.notNull(date, "date");
    return holidays.contains(date) || yearlyHolidays.contains(MonthDay.from(date));
  }

  /**
   * @param t an instant
   * @return whether {@code t} is working time (see the class description)
   * @throws ValidationException if {@code t} is null or outside the supported range
   */
  public boolean isWorking(Instant t) {
    checkInstant(t, "instant");
    if (alwaysOpen) {
      return true;
    }
    LocalDateTime local = toLocal(t, rules.getOffset(t));
    LocalDate date = local.toLocalDate();
    if (isHoliday(date)) {
      return false;
    }
    long tod = local.toLocalTime().toNanoOfDay();
    int today = date.getDayOfWeek().ordinal();
    if (contains(today, tod)) {
      return true;
    }
    return contains((today + 6) % 7, tod + DAY);
  }

  private boolean contains(int day, long nanos) {
    long[] s = starts[day];
    long[] e = ends[day];
    for (int i = 0; i < s.length; i++) {
      if (s[i] <= nanos && nanos < e[i]) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first working instant at or after {@code t}.
   *
   * @param t an instant
   * @return {@code t} itself if it is working time, otherwise the start of the next working interval
   * @throws ValidationException if {@code t} is null or outside the supported range, or if the
   *     calendar has no working time within {@link #MAX_SPAN} after {@code t}
   */
  public Instant nextWorkingInstant(Instant t) {
    checkInstant(t, "instant");
    if (alwaysOpen) {
      return t;
    }
    if (neverOpen) {
      throw new ValidationException("the calendar has no working hours at all");
    }
    Instant[] found = new Instant[1];
    boolean exhausted =
        walk(
            t,
            null,
            horizon(t),
            (from, to) -> {
              found[0] = from;
              return false;
            });
    if (exhausted) {
      throw noWorkingTime(t);
    }
    return checkResult(t, found[0]);
  }

  /**
   * The instant when {@code d} of working time has passed after {@code start}: counting begins at
   * {@code start} if it is working time, otherwise at the next working instant. The result is the
   * earliest such instant, so it may be the end of a working interval.
   *
   * @param start where counting begins
   * @param d how much working time, at most {@link #MAX_SPAN}; zero returns {@code start}
   *     unchanged, even outside working hours
   * @return the due instant
   * @throws ValidationException if an argument is null, {@code d} is negative or longer than {@link
   *     #MAX_SPAN}, {@code start} or the result is outside the supported range, the result is more
   *     than {@link #MAX_SPAN} after {@code start}, or {@code d} is positive and the calendar has no
   *     working time after {@code start}
   */
  public Instant addBusinessTime(Instant start, Duration d) {
    checkInstant(start, "start");
    Checks.notNull(d, "duration");
    Checks.require(!d.isNegative(), "duration must not be negative, was " + d);
    Checks.require(
        d.compareTo(MAX_SPAN) <= 0,
        "duration must not exceed " + MAX_SPAN.toDays() + " days (BusinessCalendar.MAX_SPAN), was " + d);
    if (d.isZero()) {
      return start;
    }
    if (alwaysOpen) {
      return checkResult(start, plus(start, d));
    }
    if (neverOpen) {
      throw new ValidationException("the calendar has no working hours at all");
    }
    LocalDate horizon = horizon(start);
    long[] remaining = {d.toNanos()};
    Instant[] cursor = {start};
    Instant[] due = new Instant[1];
    boolean[] worked = new boolean[1];
    while (due[0] == null) {
      long weeks = quietWeeks(cursor[0], remaining[0] / weekNanos - 1);
      if (weeks > 0) {
        cursor[0] = cursor[0].plusSeconds(weeks * WEEK_SECONDS);
        remaining[0] -= weeks * weekNanos;
        worked[0] = true;
        if (Duration.between(start, cursor[0]).compareTo(MAX_SPAN) > 0) {
          throw tooFar(start);
        }
      }
      Instant pauseAfter = cursor[0].plus(WALK_CHUNK);
      boolean exhausted =
          walk(
              cursor[0],
              null,
              horizon,
              (from, to) -> {
                long available = Duration.between(from, to).toNanos();
                if (remaining[0] <= available) {
                  due[0] = from.plusNanos(remaining[0]);
                  return false;
                }
                remaining[0] -= available;
                cursor[0] = to;
                worked[0] = true;
                // Pause to count whole weeks arithmetically once more than two weeks' work is left.
                return remaining[0] <= 2 * weekNanos || !to.isAfter(pauseAfter);
              });
      if (exhausted) {
        throw worked[0] ? tooFar(start) : noWorkingTime(start);
      }
    }
    return checkResult(start, due[0]);
  }

  /**
   * How much working time lies in {@code [a, b)}.
   *
   * @param a the start, inclusive
   * @param b the end, exclusive
   * @return the working time between them; zero if {@code b} is not after {@code a}
   * @throws ValidationException if an argument is null or outside the supported range, or if {@code
   *     b} is more than {@link #MAX_SPAN} after {@code a}
   */
  public Duration businessTimeBetween(Instant a, Instant b) {
    checkInstant(a, "a");
    checkInstant(b, "b");
    if (!b.isAfter(a) || neverOpen) {
      return Duration.ZERO;
    }
    Checks.require(
        Duration.between(a, b).compareTo(MAX_SPAN) <= 0,
        "span from " + a + " to " + b + " exceeds " + MAX_SPAN.toDays() + " days (BusinessCalendar.MAX_SPAN)");
    if (alwaysOpen) {
      return Duration.between(a, b);
    }
    LocalDate horizon = horizon(a);
    long[] sum = {0};
    Instant[] cursor = {a};
    boolean[] paused = new boolean[1];
    while (cursor[0].isBefore(b)) {
      long weeks = quietWeeks(cursor[0], (b.getEpochSecond() - cursor[0].getEpochSecond() - 1) / WEEK_SECONDS);
      if (weeks > 0) {
        cursor[0] = cursor[0].plusSeconds(weeks * WEEK_SECONDS);
        sum[0] += weeks * weekNanos;
      }
      Instant pauseAfter = cursor[0].plus(WALK_CHUNK);
      paused[0] = false;
      walk(
          cursor[0],
          b,
          horizon,
          (from, to) -> {
            Instant end = to.isAfter(b) ? b : to;
            sum[0] += Duration.between(from, end).toNanos();
            cursor[0] = end;
            if (!end.isBefore(b)) {
              return false;
            }
            if (end.isAfter(pauseAfter) && Duration.between(end, b).getSeconds() > 2 * WEEK_SECONDS) {
              paused[0] = true;
              return false;
            }
            return true;
          });
      if (!paused[0]) {
        break;
      }
    }
    return Duration.ofNanos(sum[0]);
  }

  /**
   * Whole weeks from {@code cursor}, at most {@code max}, in which the working time is exactly {@link
   * #weekNanos}: no zone transition and no holiday (on the dates touched, one day either side).
   */
  private long quietWeeks(Instant cursor, long max) {
    // Never further than the span (a week of one nanosecond's work would otherwise overflow Instant).
    max = Math.min(max, MAX_SPAN.toDays() / 7 + 1);
    if (max <= 0) {
      return 0;
    }
    ZoneOffsetTransition transition = rules.nextTransition(cursor);
    if (transition != null) {
      long seconds = transition.getInstant().getEpochSecond() - cursor.getEpochSecond();
      max = Math.min(max, (seconds - 1) / WEEK_SECONDS);
    }
    if (max <= 0) {
      return 0;
    }
    LocalDate first = toLocal(cursor, rules.getOffset(cursor)).toLocalDate().minusDays(1);
    LocalDate holiday = nextHoliday(first);
    if (holiday != null) {
      // Dates first .. first + 7 * weeks + 1 must all be free.
      max = Math.min(max, (ChronoUnit.DAYS.between(first, holiday) - 2) / 7);
    }
    return Math.max(0, max);
  }

  /** The first fixed or yearly holiday on or after {@code from}, if any. */
  private @Nullable LocalDate nextHoliday(LocalDate from) {
    LocalDate best = sortedHolidays.ceiling(from);
    if (sortedYearly.isEmpty()) {
      return best;
    }
    // A yearly February 29 alone may skip up to eight years (2096 to 2104).
    for (int year = from.getYear(); year <= from.getYear() + 8; year++) {
      Set<MonthDay> candidates =
          year == from.getYear() ? sortedYearly.tailSet(MonthDay.from(from), true) : sortedYearly;
      for (MonthDay md : candidates) {
        if (md.isValidYear(year)) {
          LocalDate found = md.atYear(year);
          return best == null || found.isBefore(best) ? found : best;
        }
      }
    }
    return best;
  }

  /** Receives working pieces in order; returns whether to continue. */
  private interface PieceVisitor {
    boolean visit(Instant from, Instant to);
  }

  /**
   * Calls the visitor with the working time at or after {@code from} as consecutive half-open pieces
   * in instant order (adjacent pieces are not merged), until it returns false or a piece would start
   * at or after {@code limit}.
   *
   * <p>Works through offset periods (spans between zone transitions, within which wall-clock time
   * runs in step with real time), and within each, through local days. Within a period the working
   * pieces therefore come out sorted, even though a fall-back overlap makes wall-clock time repeat.
   *
   * @return true if, without a limit, the walk passed the local date {@code horizon} (the caller
   *     reports that); false if the visitor stopped it or the limit was reached
   */
  private boolean walk(Instant from, @Nullable Instant limit, LocalDate horizon, PieceVisitor visitor) {
    Instant cursor = from;
    while (true) {
      if (limit != null && !cursor.isBefore(limit)) {
        return false;
      }
      ZoneOffset offset = rules.getOffset(cursor);
      ZoneOffsetTransition transition = rules.nextTransition(cursor);
      Instant periodEnd = transition == null ? null : transition.getInstant();
      LocalDateTime localCursor = toLocal(cursor, offset);
      // Intervals of the previous day may cross midnight into today.
      LocalDate date = localCursor.toLocalDate().minusDays(1);
      boolean periodDone = false;
      while (!periodDone) {
        Instant dayStart = toInstant(date.atStartOfDay(), offset);
        // The period check comes first: a later period may still start before the limit.
        if (periodEnd != null && !dayStart.isBefore(periodEnd)) {
          break;
        }
        if (limit != null && !dayStart.isBefore(limit)) {
          return false;
        }
        if (date.isAfter(horizon)) {
          return limit == null;
        }
        int day = date.getDayOfWeek().ordinal();
        long[] s = starts[day];
        long[] e = ends[day];
        boolean closedToday = isHoliday(date);
        boolean closedTomorrow = isHoliday(date.plusDays(1));
        LocalDateTime midnight = date.atStartOfDay();
        for (int i = 0; i < s.length && !periodDone; i++) {
          long segStart = s[i];
          long segEnd = e[i];
          if (closedToday) {
            segStart = Math.max(segStart, DAY);
          }
          if (closedTomorrow) {
            segEnd = Math.min(segEnd, DAY);
          }
          if (segStart >= segEnd) {
            continue;
          }
          LocalDateTime localEnd = midnight.plusNanos(segEnd);
          if (!localEnd.isAfter(localCursor)) {
            continue;
          }
          Instant a = toInstant(midnight.plusNanos(segStart), offset);
          if (periodEnd != null && !a.isBefore(periodEnd)) {
            periodDone = true;
            break;
          }
          if (limit != null && !a.isBefore(limit)) {
            return false;
          }
          Instant b = toInstant(localEnd, offset);
          Instant pieceStart = a.isAfter(cursor) ? a : cursor;
          Instant pieceEnd = periodEnd != null && periodEnd.isBefore(b) ? periodEnd : b;
          if (pieceStart.isBefore(pieceEnd)) {
            if (!visitor.visit(pieceStart, pieceEnd)) {
              return false;
            }
            cursor = pieceEnd;
          }
        }
        date = date.plusDays(1);
      }
      if (periodEnd == null) {
        // Unreachable in practice: without a further transition the day loop only ends by returning.
        return false;
      }
      cursor = periodEnd.isAfter(cursor) ? periodEnd : cursor;
    }
  }

  /** The last local date a walk from {@code origin} may visit: one day past {@link #MAX_SPAN}. */
  private LocalDate horizon(Instant origin) {
    Instant end = origin.plus(MAX_SPAN);
    return toLocal(end, rules.getOffset(end)).toLocalDate().plusDays(1);
  }

  private static void checkInstant(@Nullable Instant t, String what) {
    Instant checked = Checks.notNull(t, what);
    if (checked.isBefore(MIN_INSTANT) || !checked.isBefore(MAX_INSTANT)) {
      throw new ValidationException(
          what + " " + checked + " is outside the supported range " + MIN_DATE + " to " + MAX_DATE + " (UTC)");
    }
  }

  private static Instant checkResult(Instant start, Instant result) {
    if (!result.isBefore(MAX_INSTANT)) {
      throw new ValidationException(
          "result " + result + " (from " + start + ") is after the supported range, which ends " + MAX_DATE);
    }
    if (Duration.between(start, result).compareTo(MAX_SPAN) > 0) {
      throw tooFar(start);
    }
    return result;
  }

  private static ValidationException tooFar(Instant start) {
    return new ValidationException(
        "the result would be more than " + MAX_SPAN.toDays() + " days (BusinessCalendar.MAX_SPAN) after " + start);
  }

  private ValidationException noWorkingTime(Instant start) {
    return new ValidationException(
        "the calendar has no working time within "
            + MAX_SPAN.toDays()
            + " days (BusinessCalendar.MAX_SPAN) after "
            + start
            + " ("
            + zone
            + ")");
  }

  private static LocalDateTime toLocal(Instant t, ZoneOffset offset) {
    try {
      return LocalDateTime.ofInstant(t, offset);
    } catch (DateTimeException e) {
      throw new ValidationException("instant out of supported range: " + t, e);
    }
  }

  private static Instant toInstant(LocalDateTime local, ZoneOffset offset) {
    try {
      return local.toInstant(offset);
    } catch (DateTimeException | ArithmeticException e) {
      throw new ValidationException("date-time out of supported range: " + local, e);
    }
  }

  private static Instant plus(Instant start, Duration d) {
    try {
      return start.plus(d);
    } catch (DateTimeException | ArithmeticException e) {
      throw new ValidationException("result out of supported range: " + start + " + " + d, e);
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof BusinessCalendar c
        && zone.equals(c.zone)
        && Arrays.deepEquals(starts, c.starts)
        && Arrays.deepEquals(ends, c.ends)
        && holidays.equals(c.holidays)
        && yearlyHolidays.equals(c.yearlyHolidays);
  }

  @Override
  public int hashCode() {
    return ((zone.hashCode() * 31 + Arrays.deepHashCode(starts)) * 31 + Arrays.deepHashCode(ends)) * 31
        + holidays.hashCode() * 7
        + yearlyHolidays.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("BusinessCalendar[").append(zone);
    for (DayOfWeek day : DayOfWeek.values()) {
      long[] s = starts[day.ordinal()];
      if (s.length == 0) {
        continue;
      }
      sb.append(", ").append(day).append(' ');
      for (int i = 0; i < s.length; i++) {
        long e = ends[day.ordinal()][i];
        sb.append(i == 0 ? "" : ",").append(LocalTime.ofNanoOfDay(s[i])).append('-');
        sb.append(e == DAY ? "24:00" : LocalTime.ofNanoOfDay(e % DAY).toString());
      }
    }
    if (!holidays.isEmpty()) {
      sb.append(", holidays ").append(holidays);
    }
    if (!yearlyHolidays.isEmpty()) {
      sb.append(", yearly ").append(yearlyHolidays);
    }
    return sb.append(']').toString();
  }

  /**
   * Collects working hours and holidays, validating each call at once. Not thread-safe; {@link
   * #build()} can be called more than once and each calendar is independent of later changes.
   */
  public static final class Builder {
    private final ZoneId zone;
    private final Map<DayOfWeek, List<long[]>> intervals = new EnumMap<>(DayOfWeek.class);
    private final Set<LocalDate> holidays = new TreeSet<>();
    private final Set<MonthDay> yearlyHolidays = new TreeSet<>();

    private Builder(ZoneId zone) {
      this.zone = zone;
      for (DayOfWeek d : DayOfWeek.values()) {
        intervals.put(d, new ArrayList<>());
      }
    }

    /**
     * Adds a working interval on a day-of-week, in wall-clock time. An {@code end} not after {@code
     * start} crosses midnight into the next day; {@link #END_OF_DAY} as {@code end} means 24:00.
     *
     * @param day the day the interval starts on
     * @param start the start, inclusive
     * @param end the end, exclusive
     * @return this builder
     * @throws ValidationException if an argument is null, {@code start} equals {@code end}, {@code
     *     start} is {@link #END_OF_DAY}, the interval overlaps one added before (including through
     *     intervals crossing midnight, and from Sunday into Monday), or the day already has {@link
     *     #MAX_INTERVALS_PER_DAY} intervals
     */
    public Builder hours(DayOfWeek day, LocalTime start, LocalTime end) {
      Checks.notNull(day, "day");
      Checks.notNull(start, "start");
      Checks.notNull(end, "end");
      Checks.require(
          Objects.requireNonNull(intervals.get(day)).size() < MAX_INTERVALS_PER_DAY,
          "at most " + MAX_INTERVALS_PER_DAY + " working intervals per day, " + day + " has them already");
      Checks.require(!start.equals(END_OF_DAY), "start must not be END_OF_DAY (24:00)");
      Checks.require(
          !start.equals(end),
          "working interval " + day + " " + start + "-" + end + " is ambiguous: start equals end");
      long s = start.toNanoOfDay();
      long e = end.equals(END_OF_DAY) ? DAY : end.toNanoOfDay();
      if (e <= s) {
        e += DAY;
      }
      long ws = day.ordinal() * DAY + s;
      long we = day.ordinal() * DAY + e;
      for (Map.Entry<DayOfWeek, List<long[]>> entry : intervals.entrySet()) {
        long base = entry.getKey().ordinal() * DAY;
        for (long[] other : entry.getValue()) {
          long os = base + other[0];
          long oe = base + other[1];
          for (long shift = -WEEK; shift <= WEEK; shift += WEEK) {
            if (ws < oe + shift && os + shift < we) {
              throw new ValidationException(
                  "working interval "
                      + day
                      + " "
                      + start
                      + "-"
                      + (e == DAY ? "24:00" : end.toString())
                      + " overlaps "
                      + entry.getKey()
                      + " "
                      + LocalTime.ofNanoOfDay(other[0])
                      + "-"
                      + (other[1] == DAY ? "24:00" : LocalTime.ofNanoOfDay(other[1] % DAY).toString()));
            }
          }
        }
      }
      Objects.requireNonNull(intervals.get(day)).add(new long[] {s, e});
      return this;
    }

    /**
     * Adds the same working interval on each of several days.
     *
     * @param days the days
     * @param start the start, inclusive
     * @param end the end, exclusive ({@link #END_OF_DAY} for 24:00)
     * @return this builder
     * @throws ValidationException as {@link #hours(DayOfWeek, LocalTime, LocalTime)}
     */
    public Builder hours(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
      Checks.elements(days, "days", 7);
      for (DayOfWeek d : new TreeSet<>(days)) {
        hours(d, start, end);
      }
      return this;
    }

    /**
     * Adds the same working interval Monday to Friday.
     *
     * @param start the start, inclusive
     * @param end the end, exclusive ({@link #END_OF_DAY} for 24:00)
     * @return this builder
     * @throws ValidationException as {@link #hours(DayOfWeek, LocalTime, LocalTime)}
     */
    public Builder weekdays(LocalTime start, LocalTime end) {
      for (DayOfWeek d : DayOfWeek.values()) {
        if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) {
          hours(d, start, end);
        }
      }
      return this;
    }

    /**
     * Makes a whole day working time, 00:00 to 24:00.
     *
     * @param day the day
     * @return this builder
     * @throws ValidationException as {@link #hours(DayOfWeek, LocalTime, LocalTime)}
     */
    public Builder allDay(DayOfWeek day) {
      return hours(day, LocalTime.MIDNIGHT, END_OF_DAY);
    }

    /**
     * Adds a holiday on one date; it closes the whole local day.
     *
     * @param date the date, from {@link #MIN_DATE} to {@link #MAX_DATE}
     * @return this builder
     * @throws ValidationException if the date is null or outside the supported range
     */
    public Builder holiday(LocalDate date) {
      Checks.notNull(date, "holiday");
      Checks.require(
          !date.isBefore(MIN_DATE) && !date.isAfter(MAX_DATE),
          "holiday " + date + " is outside the supported dates " + MIN_DATE + " to " + MAX_DATE);
      holidays.add(date);
      return this;
    }

    /**
     * Adds a holiday every year on the same month and day; it closes the whole local day.
     *
     * @param day the month and day; February 29 applies only in leap years
     * @return this builder
     * @throws ValidationException if the day is null
     */
    public Builder yearlyHoliday(MonthDay day) {
      yearlyHolidays.add(Checks.notNull(day, "yearly holiday"));
      return this;
    }

    /**
     * Builds the calendar. A calendar without any working hours is allowed; adding positive working
     * time to it fails with a {@link ValidationException}.
     *
     * @return the calendar
     */
    public BusinessCalendar build() {
      return new BusinessCalendar(this);
    }
  }
}
