package dev.polyvirt.traffic;

import java.util.List;
import java.util.Locale;

/**
 * The five fields of a standard cron expression, each parsed into a bit set of allowed values.
 *
 * <p>Syntax as in Vixie cron (crontab(5)): {@code *}, a number, a range {@code a-b}, a step
 * <code>&#42;/n</code>, {@code a-b/n} or {@code a/n} (from a to the field's maximum), and comma-separated
 * lists of these; months and weekdays may be written as names (JAN, MON), and weekday 7 is Sunday.
 */
enum CronField {
  MINUTE("minute", 0, 59, List.of()),
  HOUR("hour", 0, 23, List.of()),
  DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
  MONTH("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
  DAY_OF_WEEK("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

  private final String label;
  private final int min;
  private final int max;
  private final List<String> names;

  CronField(String label, int min, int max, List<String> names) {
    this.label = label;
    this.min = min;
    this.max = max;
    this.names = names;
  }

  /** Returns the field's name as users know it, e.g. "day-of-month". */
  String label() {
    return label;
  }

  /** Parses the field's text into a bit set (bit v set when value v fires); throws with a hint. */
  long parse(String text) {
    long bits = 0;
    for (String item : text.split(",", -1)) {
      if (item.isEmpty()) throw bad("has an empty list item in '" + text + "'");
      int slash = item.indexOf('/');
      String range = slash < 0 ? item : item.substring(0, slash);
      int step = slash < 0 ? 1 : step(item.substring(slash + 1));
      int lo;
      int hi;
      int dash = range.indexOf('-');
      if (range.equals("*")) {
        lo = min;
        hi = max;
      } else if (dash >= 0) {
        lo = value(range.substring(0, dash));
        hi = value(range.substring(dash + 1));
        if (lo > hi) throw bad("range " + range + " runs backwards; write it from low to high");
      } else {
        lo = value(range);
        hi = slash < 0 ? lo : max;
      }
      for (int v = lo; v <= hi; v += step) bits |= 1L << v;
    }
    // weekday 7 is another name for Sunday (0)
    return this == DAY_OF_WEEK && (bits & 1L << 7) != 0 ? (bits | 1) & ~(1L << 7) : bits;
  }

  private int step(String text) {
    int most = max - min + 1;
    if (!text.matches("\\d{1,3}") || Integer.parseInt(text) == 0 || Integer.parseInt(text) > most) {
      throw bad("step '/" + text + "' must be a whole number from 1 to " + most);
    }
    return Integer.parseInt(text);
  }

  private int value(String text) {
    int named = names.indexOf(text.toUpperCase(Locale.ROOT));
    if (named >= 0) return min + named;
    if (!text.matches("\\d{1,4}")) {
      throw bad("allows " + min + "-" + max + (names.isEmpty() ? "" : " or names " + names.get(0) + "-"
          + names.get(names.size() - 1)) + ", found '" + text + "'");
    }
    int v = Integer.parseInt(text);
    if (v < min || v > max) throw bad("allows " + min + "-" + max + ", found " + v);
    return v;
  }

  private IllegalArgumentException bad(String what) {
    return new IllegalArgumentException("the " + label + " field " + what);
  }
}
