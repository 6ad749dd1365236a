package dev.polyvirt.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Compares the field-skipping search with a minute-by-minute reference on random expressions. */
class CronAgainstBruteForceTest {
  private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  private static final long MINUTE = 60_000_000_000L;

  /** One generated field: its text, the values it allows, and whether it starts with '*'. */
  record Field(String text, long values, boolean star) {}

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 5, 8, 13})
  void firingsMatchAMinuteByMinuteReference(long seed) {
    // Every firing the search finds in an eight-day window is exactly a minute the reference matcher accepts.
    UniformRandomProvider rng = SpecText.rng(seed);
    int checked = 0;
    long firings = 0;
    for (int expression = 0; expression < 25; expression++) {
      Field[] f = {field(rng, 0, 59, List.of()), field(rng, 0, 23, List.of()), field(rng, 1, 31, List.of()),
          field(rng, 1, 12, MONTHS), field(rng, 0, 7, DAYS)};
      String text = f[0].text + " " + f[1].text + " " + f[2].text + " " + f[3].text + " " + f[4].text;
      CronExpression cron;
      try {
        cron = CronExpression.parse(text);
      } catch (IllegalArgumentException neverFires) {
        continue;
      }
      long from = rng.nextLong(8L * 365 * 1440) * MINUTE + rng.nextLong(MINUTE);
      long to = from + 8 * 1440 * MINUTE;
      List<Long> expected = new ArrayList<>();
      for (long minute = -Math.floorDiv(-from, MINUTE); minute * MINUTE < to; minute++) {
        if (matches(f, minute)) expected.add(minute * MINUTE);
      }
      List<Long> found = new ArrayList<>();
      for (long t = cron.nextFiring(from, to); t != Long.MAX_VALUE; t = cron.nextFiring(t + 1, to)) found.add(t);
      assertThat(found).as(text + " from " + SpecText.dateTime(from)).isEqualTo(expected);
      checked++;
      firings += found.size();
    }
    assertThat(checked).isGreaterThan(20);
    assertThat(firings).isPositive();
  }

  private static boolean matches(Field[] f, long minute) {
    LocalDate date = LocalDate.of(2024, 1, 1).plusDays(Math.floorDiv(minute, 1440));
    int minuteOfDay = Math.floorMod(minute, 1440);
    int dayOfWeek = date.getDayOfWeek().getValue() % 7;
    long weekdays = f[4].values | (f[4].values >>> 7 & 1); // 7 is Sunday too
    boolean dom = has(f[2].values, date.getDayOfMonth());
    boolean dow = has(weekdays, dayOfWeek);
    boolean day = !f[2].star && !f[4].star ? dom || dow : dom && dow;
    return has(f[0].values, minuteOfDay % 60) && has(f[1].values, minuteOfDay / 60)
        && has(f[3].values, date.getMonthValue()) && day;
  }

  private static boolean has(long values, int v) {
    return (values >>> v & 1) != 0;
  }

  private static Field field(UniformRandomProvider rng, int min, int max, List<String> names) {
    int span = max - min + 1;
    switch (rng.nextInt(6)) {
      case 0:
        return new Field("*", range(min, max, 1), true);
      case 1: {
        int step = 1 + rng.nextInt(Math.max(1, span / 2));
        return new Field("*/" + step, range(min, max, step), true);
      }
      case 2: {
        int a = min + rng.nextInt(span);
        return new Field(name(rng, a, min, names), 1L << a, false);
      }
      case 5: {
        int a = min + rng.nextInt(span);
        int b = min + rng.nextInt(span);
        return new Field(a + "," + b, 1L << a | 1L << b, false);
      }
      default: {
        int a = min + rng.nextInt(span);
        int b = a + rng.nextInt(max - a + 1);
        int step = 1 + rng.nextInt(3);
        String text = name(rng, a, min, names) + "-" + name(rng, b, min, names) + (step == 1 ? "" : "/" + step);
        return new Field(text, range(a, b, step), false);
      }
    }
  }

  private static String name(UniformRandomProvider rng, int value, int min, List<String> names) {
    int index = value - min;
    return index < names.size() && rng.nextBoolean() ? names.get(index) : Integer.toString(value);
  }

  private static long range(int from, int to, int step) {
    long bits = 0;
    for (int v = from; v <= to; v += step) bits |= 1L << v;
    return bits;
  }
}
