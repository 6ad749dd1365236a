package dev.polyvirt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimTimeTest {
  @ParameterizedTest
  @CsvSource({
      "0, 1000, 0",
      "1, 1000, 1000",
      "999, 1000, 1000",
      "1000, 1000, 1000",
      "1001, 1000, 2000",
      "1500000, 1000000, 2000000",
      "-1, 1000, 0",
      "-1000, 1000, -1000",
      "-1001, 1000, -1000",
  })
  void ceilToRoundsUpToAWholeMultiple(long nanos, long unit, long expected) {
    // ceilTo returns the smallest multiple of the unit that is >= the duration (billing granularity).
    assertThat(SimTime.ceilTo(nanos, unit)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
      "0, 0ms",
      "500000, 500us",
      "1500, 1.5us",
      "1000000, 1ms",
      "250000000, 250ms",
      "123400000, 123ms",
      "12500000, 12.5ms",
      "1000000000, 1s",
      "2500000000, 2.5s",
      "1234000000, 1.234s",
      "90000000000, 90s",
      "600000000000, 10m",
      "3600000000000, 1h",
      "604800000000000, 7d",
      "86400000000000, 1d",
  })
  void formatWritesDurationsTheWaySpecsDo(long nanos, String expected) {
    // format picks the largest whole unit (d, h, m) or a trimmed decimal of s, ms or us.
    assertThat(SimTime.format(nanos)).isEqualTo(expected);
  }

  @Test
  void conversionsAreExactForWholeUnits() {
    // The conversions between seconds/milliseconds and nanoseconds agree with the unit constants.
    assertThat(SimTime.ofSeconds(1.5)).isEqualTo(1_500_000_000L);
    assertThat(SimTime.ofSeconds(7 * 86_400)).isEqualTo(7 * SimTime.NANOS_PER_DAY);
    assertThat(SimTime.ofMillis(0.25)).isEqualTo(250_000L);
    assertThat(SimTime.ofMillis(1e-7)).isZero();
    assertThat(SimTime.toSeconds(2_500_000_000L)).isEqualTo(2.5);
    assertThat(SimTime.toMillis(250_000L)).isEqualTo(0.25);
    assertThat(SimTime.NANOS_PER_HOUR).isEqualTo(3_600_000_000_000L);
    assertThat(SimTime.NANOS_PER_DAY).isEqualTo(24 * SimTime.NANOS_PER_HOUR);
    assertThat(SimTime.NANOS_PER_BILLING_MONTH).isEqualTo(730 * SimTime.NANOS_PER_HOUR);
  }
}
