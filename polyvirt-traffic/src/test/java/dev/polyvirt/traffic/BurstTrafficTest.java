package dev.polyvirt.traffic;

import static dev.polyvirt.traffic.SpecText.rng;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BurstTrafficTest {
  private static final long MINUTE = 60_000_000_000L;
  private static final long HOUR = 60 * MINUTE;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2024})
  void countsInsideAndOutsideBurstsMatchTheirRates(long seed) {
    // Inside bursts arrivals come at the burst rate and outside at the base rate, each count within 4σ.
    BurstTraffic t = new BurstTraffic(1, 50, HOUR, 2 * MINUTE, 0);
    ArrivalProcess arrivals = t.arrivals(rng(seed), 24 * HOUR);
    long inside = 0;
    long outside = 0;
    for (long a = arrivals.next(); a != ArrivalProcess.NONE; a = arrivals.next()) {
      if (a % HOUR < 2 * MINUTE) inside++;
      else outside++;
    }
    double expectedInside = 50 * 120 * 24;
    double expectedOutside = 1 * 58 * 60 * 24;
    assertThat((double) inside).isCloseTo(expectedInside, within(4 * Math.sqrt(expectedInside)));
    assertThat((double) outside).isCloseTo(expectedOutside, within(4 * Math.sqrt(expectedOutside)));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2024})
  void withoutABaseRateEveryArrivalFallsInABurst(long seed) {
    // With base rate 0 and start 30m, all arrivals lie in [30m + k·1h, 31m + k·1h) and none before the first burst.
    BurstTraffic t = new BurstTraffic(0, 20, HOUR, MINUTE, 30 * MINUTE);
    ArrivalProcess arrivals = t.arrivals(rng(seed), 6 * HOUR);
    long n = 0;
    for (long a = arrivals.next(); a != ArrivalProcess.NONE; a = arrivals.next()) {
      assertThat(a).isGreaterThanOrEqualTo(30 * MINUTE);
      assertThat((a - 30 * MINUTE) % HOUR).isLessThan(MINUTE);
      n++;
    }
    assertThat((double) n).isCloseTo(20 * 60 * 6, within(4 * Math.sqrt(20 * 60 * 6)));
  }

  @Test
  void burstTimeAndMeanRateAreExact() {
    // The time spent in bursts before a horizon counts whole periods plus the part of the current burst.
    BurstTraffic t = new BurstTraffic(1, 50, HOUR, 2 * MINUTE, 0);
    assertThat(t.burstNanosBefore(0)).isZero();
    assertThat(t.burstNanosBefore(MINUTE)).isEqualTo(MINUTE);
    assertThat(t.burstNanosBefore(HOUR)).isEqualTo(2 * MINUTE);
    assertThat(t.burstNanosBefore(HOUR + MINUTE)).isEqualTo(3 * MINUTE);
    assertThat(t.meanRatePerSecond(24 * HOUR)).isCloseTo((3480 + 50 * 120) / 3600.0, within(1e-12));
    BurstTraffic late = new BurstTraffic(1, 50, HOUR, 2 * MINUTE, 30 * MINUTE);
    assertThat(late.burstNanosBefore(30 * MINUTE)).isZero();
    assertThat(late.burstNanosBefore(31 * MINUTE)).isEqualTo(MINUTE);
    assertThat(late.peakRatePerSecond()).isEqualTo(50);
    assertThat(late.describe()).isEqualTo("bursts 1/s, 50/s for 2m every 1h from 30m");
  }

  @Test
  void silentWhenBothRatesAreZero() {
    // Zero base and burst rates yield no arrivals and terminate immediately.
    assertThat(new BurstTraffic(0, 0, HOUR, MINUTE, 0).arrivals(rng(1), 24 * HOUR).next()).isEqualTo(ArrivalProcess.NONE);
  }
}
