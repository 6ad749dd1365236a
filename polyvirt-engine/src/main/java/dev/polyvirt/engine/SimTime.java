package dev.polyvirt.engine;

/**
 * The simulation clock's unit: integer nanoseconds since the start of a run.
 *
 * <p>Integer time means no floating-point drift: a week of simulated time (6.05e14 ns) sits far
 * inside a {@code long}, and billing granularities (1 ms, 1 s) divide it exactly.
 */
public final class SimTime {
  public static final long NANOS_PER_MICRO = 1_000L;
  public static final long NANOS_PER_MILLI = 1_000_000L;
  public static final long NANOS_PER_SECOND = 1_000_000_000L;
  public static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
  public static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;
  public static final long NANOS_PER_DAY = 24 * NANOS_PER_HOUR;
  /** A month as cloud bills count it: 730 hours. */
  public static final long NANOS_PER_BILLING_MONTH = 730 * NANOS_PER_HOUR;

  private SimTime() {}

  /** Converts seconds to nanoseconds, rounding to the nearest nanosecond. */
  public static long ofSeconds(double seconds) {
    return Math.round(seconds * NANOS_PER_SECOND);
  }

  /** Converts milliseconds to nanoseconds, rounding to the nearest nanosecond. */
  public static long ofMillis(double millis) {
    return Math.round(millis * NANOS_PER_MILLI);
  }

  /** Converts nanoseconds to seconds. */
  public static double toSeconds(long nanos) {
    return nanos / (double) NANOS_PER_SECOND;
  }

  /** Converts nanoseconds to milliseconds. */
  public static double toMillis(long nanos) {
    return nanos / (double) NANOS_PER_MILLI;
  }

  /** Rounds a duration up to a whole multiple of {@code unit} (billing granularity). */
  public static long ceilTo(long nanos, long unit) {
    long q = Math.floorDiv(nanos, unit);
    return (q * unit == nanos ? q : q + 1) * unit;
  }

  /** Formats a duration the way specs write it: 250ms, 2.5s, 10m, 1h; 100 ms and more to the whole ms. */
  public static String format(long nanos) {
    if (nanos % NANOS_PER_DAY == 0 && nanos != 0) return nanos / NANOS_PER_DAY + "d";
    if (nanos % NANOS_PER_HOUR == 0 && nanos != 0) return nanos / NANOS_PER_HOUR + "h";
    if (nanos % NANOS_PER_MINUTE == 0 && nanos != 0) return nanos / NANOS_PER_MINUTE + "m";
    if (nanos >= NANOS_PER_SECOND) return trim(toSeconds(nanos)) + "s";
    if (nanos >= 100 * NANOS_PER_MILLI) return Math.round(toMillis(nanos)) + "ms";
    if (nanos >= NANOS_PER_MILLI || nanos == 0) return trim(toMillis(nanos)) + "ms";
    return trim(nanos / 1e3) + "us";
  }

  private static String trim(double v) {
    String s = String.format(java.util.Locale.ROOT, "%.3f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
