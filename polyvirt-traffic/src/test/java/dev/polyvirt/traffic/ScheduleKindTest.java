package dev.polyvirt.traffic;

import static dev.polyvirt.traffic.SpecText.bind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.spec.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleKindTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "61 * * * *       | the minute field allows 0-59, found 61",
      "0 24 * * *       | the hour field allows 0-23, found 24",
      "0 0 0 * *        | the day-of-month field allows 1-31, found 0",
      "0 0 1 13 *       | the month field allows 1-12, found 13",
      "0 0 * FOO *      | the month field allows 1-12 or names JAN-DEC, found 'FOO'",
      "0 0 * * 8        | the day-of-week field allows 0-7, found 8",
      "0 0 * * FRI-MON  | the day-of-week field range FRI-MON runs backwards",
      "*/0 * * * *      | the minute field step '/0' must be a whole number from 1 to 60",
      "*/15 * * *       | cron needs 5 fields (minute hour day-of-month month day-of-week), found 4",
      "0 0 30 2 *       | the day-of-month field names no day that its months have"})
  void badCronNamesTheFieldAndItsRange(String cron, String reason) {
    // A bad cron expression is reported at the cron value, naming the bad field and what it allows.
    Problem p = bind("{schedule: {cron: \"" + cron + "\"}}").onlyProblem();
    assertThat(p.message()).startsWith("bad cron expression '" + cron + "': ").contains(reason);
    assertThat(p.where().column()).isEqualTo(28);
    assertThat(p.hint()).contains("minute hour day-of-month month day-of-week");
  }
}
