package dev.polyvirt.traffic.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Distributions known by percentiles: interpolation, CDF, and exact mixtures. */
class PercentileCurveTest {
  static final double[] AZURE = {0, 0.01, 0.25, 0.5, 0.75, 0.99, 1};

  @Test
  void dipsInPublishedPercentilesAreLifted() {
    // A percentile below the one before (rounding in averaged percentiles) is raised to it.
    PercentileCurve c = PercentileCurve.of(AZURE, new double[] {2, 2, 3, 2.9, 5, 11, 453});
    assertThat(c.values()).containsExactly(2, 2, 3, 3, 5, 11, 453);
  }

  @Test
  void mixtureOfTwoUniformsIsTheirSpan() {
    // Equal parts of U(0,1) and U(1,2) make U(0,2): quartiles 0.5, 1, 1.5 and mean 1.
    PercentileCurve a = new PercentileCurve(new double[] {0, 1}, new double[] {0, 1});
    PercentileCurve b = new PercentileCurve(new double[] {0, 1}, new double[] {1, 2});
    PercentileCurve m = PercentileCurve.mixture(List.of(a, b), new long[] {5, 5});
    assertThat(m.quantile(0.25)).isCloseTo(0.5, within(1e-9));
    assertThat(m.quantile(0.5)).isCloseTo(1, within(1e-9));
    assertThat(m.quantile(0.75)).isCloseTo(1.5, within(1e-9));
    assertThat(m.mean()).isCloseTo(1, within(1e-9));
  }

  @Test
  void mixtureOfPointMassesKeepsTheirWeights() {
    // 4 requests of 10 ms and 6 of 30 ms: 40 % at 10, the rest at 30, mean 22.
    PercentileCurve ten = new PercentileCurve(new double[] {0, 1}, new double[] {10, 10});
    PercentileCurve thirty = new PercentileCurve(new double[] {0, 1}, new double[] {30, 30});
    PercentileCurve m = PercentileCurve.mixture(List.of(ten, thirty), new long[] {4, 6});
    assertThat(m.quantile(0.39)).isEqualTo(10);
    assertThat(m.quantile(0.41)).isEqualTo(30);
    assertThat(m.mean()).isCloseTo(22, within(1e-6));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void mixtureCdfIsTheWeightedSumOfCdfs(long seed) {
    // At any value, the mixture's CDF equals the invocation-weighted sum of its parts' CDFs, and its mean their weighted mean.
    SplittableRandom r = new SplittableRandom(seed);
    PercentileCurve[] parts = new PercentileCurve[4];
    long[] w = new long[4];
    for (int k = 0; k < 4; k++) {
      double[] v = new double[AZURE.length];
      v[0] = r.nextInt(5);
      for (int i = 1; i < v.length; i++) v[i] = v[i - 1] + (r.nextBoolean() ? 0 : r.nextInt(50));
      parts[k] = PercentileCurve.of(AZURE, v);
      w[k] = 1 + r.nextInt(1000);
    }
    PercentileCurve m = PercentileCurve.mixture(List.of(parts), w);
    double total = w[0] + w[1] + w[2] + w[3];
    double mean = 0;
    for (int k = 0; k < 4; k++) mean += w[k] / total * parts[k].mean();
    assertThat(m.mean()).isCloseTo(mean, within(1e-6 * Math.max(1, mean)));
    for (int i = 0; i < 200; i++) {
      double x = r.nextDouble() * 250;
      double expected = 0;
      for (int k = 0; k < 4; k++) expected += w[k] / total * parts[k].cdf(x);
      assertThat(m.cdf(x)).as("cdf at %s", x).isCloseTo(expected, within(1e-6));
    }
  }

  @Test
  void empiricalReproducesTheGivenPercentiles() {
    // Turned into a duration in ns, the curve keeps each given percentile exactly.
    PercentileCurve c = PercentileCurve.of(AZURE, new double[] {2, 2, 3, 4, 5, 11, 453});
    assertThat(c.toEmpirical(1e6).quantileNanos(0.99)).isEqualTo(11e6);
    assertThat(c.cdf(4)).isEqualTo(0.5);
  }
}
