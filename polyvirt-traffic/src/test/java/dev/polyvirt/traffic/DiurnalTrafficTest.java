package dev.polyvirt.traffic;

import static dev.polyvirt.traffic.SpecText.rng;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiurnalTrafficTest {
  private static final long HOUR = 3_600_000_000_000L;
  private static final DiurnalTraffic CYCLE = new DiurnalTraffic(10, 0.5, 24 * HOUR, 14 * HOUR);

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2024})
  void peakAndTroughHoursHoldTheirExpectedCounts(long seed) {
    // Thinning reproduces λ(t): counts around the peak (14h) and trough (2h) each match ∫λ within 4σ, as does the total.
    ArrivalProcess arrivals = CYCLE.arrivals(rng(seed), 48 * HOUR);
    long peak = 0;
    long trough = 0;
    long total = 0;
    for (long t = arrivals.next(); t != ArrivalProcess.NONE; t = arrivals.next()) {
      long timeOfDay = t % (24 * HOUR);
      if (timeOfDay >= 13 * HOUR + HOUR / 2 && timeOfDay < 14 * HOUR + HOUR / 2) peak++;
      if (timeOfDay >= HOUR + HOUR / 2 && timeOfDay < 2 * HOUR + HOUR / 2) trough++;
      total++;
    }
    double expectedPeak = 2 * integral(13.5 * HOUR, 14.5 * HOUR);
    double expectedTrough = 2 * integral(1.5 * HOUR, 2.5 * HOUR);
    double expectedTotal = (10 + 0.5) / 2 * 48 * 3600;
    assertThat((double) peak).isCloseTo(expectedPeak, within(4 * Math.sqrt(expectedPeak)));
    assertThat((double) trough).isCloseTo(expectedTrough, within(4 * Math.sqrt(expectedTrough)));
    assertThat((double) total).isCloseTo(expectedTotal, within(4 * Math.sqrt(expectedTotal)));
    assertThat(peak).isGreaterThan(15 * trough);
  }

  @Test
  void rateFollowsTheRaisedCosine() {
    // The rate is the peak at peakAt, the trough half a period later, and their mean a quarter period away.
    assertThat(CYCLE.ratePerSecondAt(14 * HOUR)).isCloseTo(10, within(1e-9));
    assertThat(CYCLE.ratePerSecondAt(38 * HOUR)).isCloseTo(10, within(1e-9));
    assertThat(CYCLE.ratePerSecondAt(2 * HOUR)).isCloseTo(0.5, within(1e-9));
    assertThat(CYCLE.ratePerSecondAt(8 * HOUR)).isCloseTo(5.25, within(1e-9));
  }

  @Test
  void meanRateIsTheIntegralOverTheHorizon() {
    // The analytic mean equals the numeric integral of λ over any horizon, and (peak+trough)/2 over whole periods.
    assertThat(CYCLE.meanRatePerSecond(48 * HOUR)).isCloseTo(5.25, within(1e-9));
    for (long h : new long[] {HOUR, 7 * HOUR, 14 * HOUR, 31 * HOUR, 77 * HOUR + 123_456_789L}) {
      assertThat(CYCLE.meanRatePerSecond(h)).as("horizon %d h", h / HOUR).isCloseTo(integral(0, h) / (h / 1e9), within(1e-6));
    }
    assertThat(CYCLE.peakRatePerSecond()).isEqualTo(10);
    assertThat(CYCLE.describe()).isEqualTo("diurnal 0.5-10/s, peak at 14h every 1d");
  }

  /** Integrates λ over [from, to) ns by Simpson's rule, giving expected requests. */
  private static double integral(double from, double to) {
    int steps = 20_000;
    double h = (to - from) / steps;
    double sum = CYCLE.ratePerSecondAt(from) + CYCLE.ratePerSecondAt(to);
    for (int i = 1; i < steps; i++) sum += (i % 2 == 0 ? 2 : 4) * CYCLE.ratePerSecondAt(from + i * h);
    return sum * h / 3 / 1e9;
  }
}
