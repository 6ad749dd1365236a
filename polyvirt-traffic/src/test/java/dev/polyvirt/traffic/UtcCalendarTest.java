package dev.polyvirt.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class UtcCalendarTest {
  @Test
  void agreesWithJavaTimeAcrossCenturies() {
    // Day numbers, packed dates and weekdays match java.time for every day from 1900 to 2500.
    LocalDate epoch = LocalDate.of(2024, 1, 1);
    for (LocalDate d = LocalDate.of(1900, 1, 1); d.getYear() < 2500; d = d.plusDays(1)) {
      long day = d.toEpochDay() - epoch.toEpochDay();
      long packed = UtcCalendar.date(day);
      assertThat(UtcCalendar.year(packed) == d.getYear() && UtcCalendar.month(packed) == d.getMonthValue()
          && UtcCalendar.dayOfMonth(packed) == d.getDayOfMonth()).as(d.toString()).isTrue();
      assertThat(UtcCalendar.day(d.getYear(), d.getMonthValue(), d.getDayOfMonth())).isEqualTo(day);
      assertThat(UtcCalendar.dayOfWeek(day)).isEqualTo(d.getDayOfWeek().getValue() % 7);
      if (d.getDayOfMonth() == 1) assertThat(UtcCalendar.monthLength(d.getYear(), d.getMonthValue())).isEqualTo(d.lengthOfMonth());
    }
  }

  @Test
  void epochIsAMonday() {
    // Simulated time 0 is Monday 2024-01-01, so day 0 has cron weekday 1.
    assertThat(UtcCalendar.day(2024, 1, 1)).isZero();
    assertThat(UtcCalendar.dayOfWeek(0)).isEqualTo(1);
  }
}
