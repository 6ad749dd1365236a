package dev.polyvirt.traffic;

import static dev.polyvirt.traffic.SpecText.at;
import static dev.polyvirt.traffic.SpecText.dateTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronExpressionTest {
  private static final long FAR = at("2200-01-01T00:00");

  @ParameterizedTest
  @CsvSource({
      "*/15 * * * *,     2024-01-01T00:00:00,           2024-01-01T00:00",
      "*/15 * * * *,     2024-01-01T00:00:00.000000001, 2024-01-01T00:15",
      "*/15 * * * *,     2024-01-01T23:59,              2024-01-02T00:00",
      "0 2 * * *,        2024-01-01T00:00,              2024-01-01T02:00",
      "0 2 * * *,        2024-01-01T02:00:01,           2024-01-02T02:00",
      "0 2 * * *,        2024-12-31T03:00,              2025-01-01T02:00",
      "30 9 * * MON-FRI, 2024-01-05T10:00,              2024-01-08T09:30",
      "30 9 * * MON-FRI, 2024-01-06T09:30,              2024-01-08T09:30",
      "30 9 * * 1-5,     2024-01-03T09:29,              2024-01-03T09:30",
      "0 0 29 2 *,       2024-01-01T00:00,              2024-02-29T00:00",
      "0 0 29 2 *,       2024-02-29T00:01,              2028-02-29T00:00",
      "0 0 29 2 *,       2096-03-01T00:00,              2104-02-29T00:00",
      "0 0 * * 7,        2024-01-01T00:00,              2024-01-07T00:00",
      "0 0 * * SUN,      2024-01-01T00:00,              2024-01-07T00:00",
      "0 12 1 JUL *,     2024-01-01T00:00,              2024-07-01T12:00",
      "0-30/10 9-17/4 * * *, 2024-01-01T09:31,          2024-01-01T13:00",
      "5 4 31 * *,       2024-04-01T00:00,              2024-05-31T04:05",
      "@daily,           2024-03-10T00:00:01,           2024-03-11T00:00",
      "@hourly,          2024-03-10T00:00:01,           2024-03-10T01:00"})
  void nextFiringIsExact(String cron, String from, String expected) {
    // The next firing is the earliest matching minute at or after the given instant, in UTC.
    long next = CronExpression.parse(cron).nextFiring(at(from), FAR);
    assertThat(dateTime(next)).isEqualTo(LocalDateTime.parse(expected));
  }

  @Test
  void dayOfMonthOrDayOfWeekWhenBothAreRestricted() {
    // Vixie cron: with day-of-month and day-of-week both restricted, a day fires if either matches.
    CronExpression cron = CronExpression.parse("0 0 1,15 * 5");
    List<LocalDateTime> firings = new ArrayList<>();
    for (long t = cron.nextFiring(0, FAR); firings.size() < 8; t = cron.nextFiring(t + 1, FAR)) firings.add(dateTime(t));
    assertThat(firings).extracting(LocalDateTime::toLocalDate).extracting(Object::toString).containsExactly(
        "2024-01-01", "2024-01-05", "2024-01-12", "2024-01-15", "2024-01-19", "2024-01-26", "2024-02-01", "2024-02-02");
  }

  @Test
  void steppedStarCountsAsUnrestrictedDay() {
    // As in Vixie cron, a day field starting with '*' is unrestricted, so the other day field must also match.
    CronExpression cron = CronExpression.parse("0 0 */2 * TUE");
    assertThat(dateTime(cron.nextFiring(0, FAR))).isEqualTo(LocalDateTime.parse("2024-01-09T00:00"));
  }

  @Test
  void nothingAtOrBeyondTheLimit() {
    // A firing exactly at the limit is excluded, and none before the limit answers Long.MAX_VALUE.
    CronExpression cron = CronExpression.parse("0 0 29 2 *");
    assertThat(cron.nextFiring(0, at("2024-02-29T00:00"))).isEqualTo(Long.MAX_VALUE);
    assertThat(cron.nextFiring(0, at("2024-02-29T00:00:00.000000001"))).isEqualTo(at("2024-02-29T00:00"));
  }

  @Test
  void countsFiringsBeforeAHorizon() {
    // The analytic count of firings equals walking them one by one, including a partial last day.
    for (String text : List.of("*/15 * * * *", "30 9 * * MON-FRI", "0 0 1,15 * 5", "7 */3 * JAN,FEB,MAR *", "0 0 29 2 *")) {
      CronExpression cron = CronExpression.parse(text);
      long horizon = at("2024-03-17T13:07:30");
      long walked = 0;
      for (long t = cron.nextFiring(0, horizon); t != Long.MAX_VALUE; t = cron.nextFiring(t + 1, horizon)) walked++;
      assertThat(cron.firingsBefore(horizon)).as(text).isEqualTo(walked);
    }
    assertThat(CronExpression.parse("*/15 * * * *").firingsBefore(at("2024-01-02T00:00"))).isEqualTo(96);
  }

  @Test
  void findsRareFiringsWithoutWalkingMinutes() {
    // Skipping by field finds a leap day that falls on a Sunday 40 years ahead in microseconds, not by walking minutes.
    CronExpression leapSunday = CronExpression.parse("0 0 29 2 */7");
    long limit = at("2300-01-01T00:00");
    assertThat(dateTime(leapSunday.nextFiring(0, limit))).isEqualTo(LocalDateTime.parse("2032-02-29T00:00"));
    assertThat(dateTime(leapSunday.nextFiring(at("2088-03-01T00:00"), limit))).isEqualTo(LocalDateTime.parse("2128-02-29T00:00"));
    long started = System.nanoTime();
    for (int i = 0; i < 10_000; i++) leapSunday.nextFiring(at("2088-03-01T00:00"), limit);
    assertThat(System.nanoTime() - started).as("10,000 searches of 40 years").isLessThan(3_000_000_000L);
  }

  @Test
  void spellingsOfTheSameScheduleAreEqual() {
    // Names, numbers and 7-for-Sunday denote the same schedule, so they compare equal.
    assertThat(CronExpression.parse("30 9 * * MON-FRI")).isEqualTo(CronExpression.parse("30 9 * * 1-5"));
    assertThat(CronExpression.parse("0 0 * * 7")).isEqualTo(CronExpression.parse("0 0 * * SUN"))
        .hasSameHashCodeAs(CronExpression.parse("0 0 * * 0"));
    assertThat(CronExpression.parse("@daily")).isEqualTo(CronExpression.parse("0 0 * * *"));
  }
}
