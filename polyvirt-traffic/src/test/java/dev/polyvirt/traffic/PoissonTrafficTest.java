package dev.polyvirt.traffic;

import static dev.polyvirt.traffic.SpecText.rng;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoissonTrafficTest {
  private static final long HOUR = 3_600_000_000_000L;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2024})
  void countOverTheHorizonIsWithinFourSigma(long seed) {
    // A Poisson count over [0, T) has mean and variance λT, so it lands within 4σ of λT.
    long n = SpecText.count(new PoissonTraffic(20).arrivals(rng(seed), HOUR), 0, HOUR);
    double expected = 20 * 3600;
    assertThat((double) n).isCloseTo(expected, within(4 * Math.sqrt(expected)));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2024})
  void gapsAreExponentialWithMeanOneOverRate(long seed) {
    // Gaps have mean 1/λ and second moment 2/λ² (exponential), each within 4 standard errors.
    ArrivalProcess arrivals = new PoissonTraffic(20).arrivals(rng(seed), HOUR);
    double mean = 1e9 / 20;
    long n = 0;
    double sum = 0;
    double sumSquares = 0;
    long previous = 0;
    for (long t = arrivals.next(); t != ArrivalProcess.NONE; t = arrivals.next()) {
      double gap = (t - previous) / mean;
      sum += gap;
      sumSquares += gap * gap;
      previous = t;
      n++;
    }
    assertThat(sum / n).isCloseTo(1, within(4 / Math.sqrt(n)));
    assertThat(sumSquares / n).isCloseTo(2, within(4 * Math.sqrt(20.0 / n)));
  }

  @Test
  void analyticRatesAndDescription() {
    // A homogeneous process has the same mean and peak rate whatever the horizon.
    PoissonTraffic t = new PoissonTraffic(0.5);
    assertThat(t.meanRatePerSecond(HOUR)).isEqualTo(0.5);
    assertThat(t.peakRatePerSecond()).isEqualTo(0.5);
    assertThat(t.expectedRequests(HOUR)).isEqualTo(1800);
    assertThat(t.describe()).isEqualTo("Poisson 0.5/s");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void monthlyRequestsSpreadOverA730HourMonth(long seed) {
    // N monthly requests become a Poisson rate of N / (730 h × 3600 s), so a tenth of a month holds N/10 ± 4σ.
    MonthlyTraffic monthly = (MonthlyTraffic) SpecText.bind("{monthlyRequests: 2_000_000}").get();
    assertThat(monthly.meanRatePerSecond(HOUR)).isEqualTo(2_000_000 / (730 * 3600.0));
    long n = SpecText.count(monthly.arrivals(rng(seed), 73 * HOUR), 0, 73 * HOUR);
    assertThat((double) n).isCloseTo(200_000, within(4 * Math.sqrt(200_000)));
  }
}
