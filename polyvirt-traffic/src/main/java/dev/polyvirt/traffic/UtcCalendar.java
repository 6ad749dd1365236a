package dev.polyvirt.traffic;

/**
 * The proleptic Gregorian calendar in UTC, counted in days since the simulation's epoch,
 * Monday 2024-01-01 (simulated time 0), without allocating: dates travel packed in a long.
 *
 * <p>Conversions follow H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"
 * (days_from_civil / civil_from_days), http://howardhinnant.github.io/date_algorithms.html.
 */
final class UtcCalendar {
  /** Days from 1970-01-01 to the epoch 2024-01-01. */
  static final long UNIX_DAY_OF_EPOCH = 19_723;
  static final long MINUTES_PER_DAY = 1_440;

  private UtcCalendar() {}

  /** Returns true for Gregorian leap years. */
  static boolean isLeap(long year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  }

  /** Returns the number of days in {@code month} (1–12) of {@code year}. */
  static int monthLength(long year, int month) {
    return switch (month) {
      case 2 -> isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Returns the day number (0 = 2024-01-01) of a date. */
  static long day(long year, int month, int dayOfMonth) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + dayOfMonth - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468 - UNIX_DAY_OF_EPOCH;
  }

  /** Returns the date of a day number, packed as {@code year << 9 | month << 5 | dayOfMonth}. */
  static long date(long day) {
    long z = day + UNIX_DAY_OF_EPOCH + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    long dayOfMonth = dayOfYear - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    return year << 9 | month << 5 | dayOfMonth;
  }

  /** Returns the year of a packed date. */
  static long year(long date) {
    return date >> 9;
  }

  /** Returns the month (1–12) of a packed date. */
  static int month(long date) {
    return (int) (date >> 5 & 0xF);
  }

  /** Returns the day of the month (1–31) of a packed date. */
  static int dayOfMonth(long date) {
    return (int) (date & 0x1F);
  }

  /** Returns the weekday of a day number as cron counts it: 0 = Sunday … 6 = Saturday. */
  static int dayOfWeek(long day) {
    return (int) Math.floorMod(day + 1, 7); // day 0 is a Monday
  }
}
