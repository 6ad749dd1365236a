package dev.polyvirt.traffic;

import static dev.polyvirt.traffic.UtcCalendar.MINUTES_PER_DAY;

import dev.polyvirt.engine.SimTime;
import java.util.Locale;
import java.util.Map;

/**
 * A standard five-field cron expression (minute hour day-of-month month day-of-week) evaluated
 * in UTC on the simulation's calendar, where simulated time 0 is Monday 2024-01-01 00:00 UTC.
 *
 * <p>Semantics follow Vixie cron (crontab(5)): when both day-of-month and day-of-week are
 * restricted, a day fires if EITHER matches; a field counts as unrestricted when it starts with
 * {@code *} (so a stepped star still counts as unrestricted, as in Vixie cron). The next firing
 * is found field by field: unmatched months are skipped whole, days within a month are tested
 * once each, and the time of day comes from bit scans, so no search walks minute by minute.
 */
public final class CronExpression {
  private static final Map<String, String> MACROS = Map.of("@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *",
      "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
      "@hourly", "0 * * * *");

  private final String text;
  private final long minutes;
  private final long hours;
  private final long daysOfMonth;
  private final long months;
  private final long daysOfWeek;
  private final boolean eitherDay;

  private CronExpression(String text, long[] bits, boolean eitherDay) {
    this.text = text;
    this.minutes = bits[0];
    this.hours = bits[1];
    this.daysOfMonth = bits[2];
    this.months = bits[3];
    this.daysOfWeek = bits[4];
    this.eitherDay = eitherDay;
  }

  /** Parses an expression; the exception's message names the bad field and its allowed values. */
  public static CronExpression parse(String text) {
    String trimmed = text.trim();
    String[] parts = MACROS.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed).split("\\s+");
    if (parts.length != 5) {
      throw new IllegalArgumentException("cron needs 5 fields (minute hour day-of-month month day-of-week), found "
          + (trimmed.isEmpty() ? 0 : parts.length));
    }
    long[] bits = new long[5];
    for (CronField field : CronField.values()) bits[field.ordinal()] = field.parse(parts[field.ordinal()]);
    boolean eitherDay = !parts[2].startsWith("*") && !parts[4].startsWith("*");
    CronExpression cron = new CronExpression(trimmed, bits, eitherDay);
    if (!eitherDay && !parts[2].startsWith("*") && !cron.someMonthHasDay()) {
      throw new IllegalArgumentException("the day-of-month field names no day that its months have, so it never fires");
    }
    return cron;
  }

  /** Returns the expression as written. */
  public String text() {
    return text;
  }

  /** Returns the first firing time (ns) at or after {@code fromNanos} and before {@code limitNanos}, or Long.MAX_VALUE. */
  public long nextFiring(long fromNanos, long limitNanos) {
    long minute = nextMinute(ceilMinute(Math.max(0, fromNanos)), ceilMinute(limitNanos));
    return minute < 0 ? Long.MAX_VALUE : minute * SimTime.NANOS_PER_MINUTE;
  }

  /** Returns the number of firings in [0, {@code horizonNanos}). */
  public long firingsBefore(long horizonNanos) {
    long limit = ceilMinute(Math.max(0, horizonNanos));
    long fullDays = limit / MINUTES_PER_DAY;
    long perDay = (long) Long.bitCount(hours) * Long.bitCount(minutes);
    long count = 0;
    for (long day = 0; day < fullDays; day++) if (dayMatches(day)) count += perDay;
    int rest = (int) (limit % MINUTES_PER_DAY);
    if (rest > 0 && dayMatches(fullDays)) {
      for (int h = 0; h * 60 < rest; h++) {
        if ((hours >>> h & 1) != 0) count += Long.bitCount(minutes & ~(-1L << Math.min(60, rest - h * 60)));
      }
    }
    return count;
  }

  /** Returns the first firing minute in [from, limit), or -1. */
  long nextMinute(long from, long limit) {
    long day = Math.floorDiv(from, MINUTES_PER_DAY);
    int timeOfDay = (int) (from - day * MINUTES_PER_DAY);
    long date = UtcCalendar.date(day);
    long year = UtcCalendar.year(date);
    int month = UtcCalendar.month(date);
    int dayOfMonth = UtcCalendar.dayOfMonth(date);
    while (day * MINUTES_PER_DAY < limit) {
      if ((months >>> month & 1) == 0) { // skip the whole month
        do {
          if (++month > 12) {
            month = 1;
            year++;
          }
        } while ((months >>> month & 1) == 0);
        dayOfMonth = 1;
        timeOfDay = 0;
        day = UtcCalendar.day(year, month, 1);
        continue;
      }
      for (int length = UtcCalendar.monthLength(year, month); dayOfMonth <= length; dayOfMonth++, day++, timeOfDay = 0) {
        if (day * MINUTES_PER_DAY >= limit) return -1;
        if (!dayMatches(dayOfMonth, UtcCalendar.dayOfWeek(day))) continue;
        int at = firstTimeAtOrAfter(timeOfDay);
        if (at >= 0) return day * MINUTES_PER_DAY + at < limit ? day * MINUTES_PER_DAY + at : -1;
      }
      if (++month > 12) {
        month = 1;
        year++;
      }
      dayOfMonth = 1;
    }
    return -1;
  }

  private int firstTimeAtOrAfter(int timeOfDay) {
    int hour = timeOfDay / 60;
    if ((hours >>> hour & 1) != 0) {
      long later = minutes & (-1L << (timeOfDay % 60));
      if (later != 0) return hour * 60 + Long.numberOfTrailingZeros(later);
    }
    long laterHours = hours & (-1L << (hour + 1));
    return laterHours == 0 ? -1 : Long.numberOfTrailingZeros(laterHours) * 60 + Long.numberOfTrailingZeros(minutes);
  }

  private boolean dayMatches(long day) {
    long date = UtcCalendar.date(day);
    return (months >>> UtcCalendar.month(date) & 1) != 0
        && dayMatches(UtcCalendar.dayOfMonth(date), UtcCalendar.dayOfWeek(day));
  }

  private boolean dayMatches(int dayOfMonth, int dayOfWeek) {
    boolean byMonthDay = (daysOfMonth >>> dayOfMonth & 1) != 0;
    boolean byWeekday = (daysOfWeek >>> dayOfWeek & 1) != 0;
    return eitherDay ? byMonthDay || byWeekday : byMonthDay && byWeekday;
  }

  private boolean someMonthHasDay() {
    for (int month = 1; month <= 12; month++) {
      if ((months >>> month & 1) != 0 && (daysOfMonth & ~(-1L << (UtcCalendar.monthLength(2024, month) + 1))) != 0) {
        return true;
      }
    }
    return false;
  }

  private static long ceilMinute(long nanos) {
    return -Math.floorDiv(-nanos, SimTime.NANOS_PER_MINUTE);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CronExpression c && minutes == c.minutes && hours == c.hours && daysOfMonth == c.daysOfMonth
        && months == c.months && daysOfWeek == c.daysOfWeek && eitherDay == c.eitherDay;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(minutes ^ hours * 31 ^ daysOfMonth * 961 ^ months * 29_791 ^ daysOfWeek * 923_521) ^ (eitherDay ? 1 : 0);
  }

  @Override
  public String toString() {
    return text;
  }
}
