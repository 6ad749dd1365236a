package dev.polyvirt.engine.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.polyvirt.engine.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DistributionTest {
  private static final long MS = 1_000_000L;
  private static final int N = 40_000;

  static Stream<Arguments> continuousKindsTimesSeeds() {
    List<Distribution> kinds = List.of(
        new Exponential(2_000 * MS),
        new Uniform(1_000 * MS, 3_000 * MS),
        LogNormal.ofQuantiles(0.5, 80 * MS, 0.99, 900 * MS),
        LogNormal.ofMeanSd(1_000 * MS, 500 * MS),
        new Empirical(new double[] {0, 0.01, 0.25, 0.5, 0.75, 0.99, 1},
            new long[] {5 * MS, 10 * MS, 40 * MS, 80 * MS, 150 * MS, 700 * MS, 2_000 * MS}),
        new Scaled(new Exponential(100 * MS), 2.5));
    List<Arguments> out = new ArrayList<>();
    for (Distribution d : kinds) for (long seed : new long[] {1, 2, 42}) out.add(Arguments.of(d, seed));
    return out.stream();
  }

  private static long[] sample(Distribution d, long seed, int n) {
    UniformRandomProvider rng = RandomStreams.root(seed).stream(d.describe());
    Distribution.Sampler s = d.sampler(rng);
    long[] out = new long[n];
    for (int i = 0; i < n; i++) out[i] = s.next();
    return out;
  }

  @ParameterizedTest
  @MethodSource("continuousKindsTimesSeeds")
  void sampleMeanIsWithinFourStandardErrorsOfMeanNanos(Distribution d, long seed) {
    // The sample mean of N draws lies within 4 standard errors (sample sd / sqrt N) of meanNanos().
    long[] xs = sample(d, seed, N);
    double sum = 0, sumSq = 0;
    for (long x : xs) {
      sum += x;
      sumSq += (double) x * x;
    }
    double mean = sum / N;
    double sd = Math.sqrt(sumSq / N - mean * mean);
    assertThat(mean).isCloseTo(d.meanNanos(), within(4 * sd / Math.sqrt(N)));
  }

  @ParameterizedTest
  @MethodSource("continuousKindsTimesSeeds")
  void quantilesAgreeWithTheSamplesEmpiricalQuantiles(Distribution d, long seed) {
    // The fraction of draws at or below quantileNanos(p) is p within 4 binomial standard errors.
    long[] xs = sample(d, seed, N);
    for (double p : new double[] {0.1, 0.25, 0.5, 0.9, 0.99}) {
      double q = d.quantileNanos(p);
      long below = 0;
      for (long x : xs) if (x <= q) below++;
      assertThat(below / (double) N).as("p=%s", p).isCloseTo(p, within(4 * Math.sqrt(p * (1 - p) / N)));
    }
  }

  @ParameterizedTest
  @MethodSource("continuousKindsTimesSeeds")
  void drawsAreNonNegativeAndQuantilesIncrease(Distribution d, long seed) {
    // Durations are never negative and the quantile function is non-decreasing.
    for (long x : sample(d, seed, 5_000)) assertThat(x).isNotNegative();
    double previous = -1;
    for (double p = 0.01; p < 1; p += 0.01) {
      assertThat(d.quantileNanos(p)).isGreaterThanOrEqualTo(previous);
      previous = d.quantileNanos(p);
    }
  }

  @Test
  void fixedAlwaysDrawsItsValue() {
    // A fixed duration is its own mean, every quantile and every draw.
    Fixed f = new Fixed(120 * MS);
    assertThat(sample(f, 1, 100)).containsOnly(120 * MS);
    assertThat(f.meanNanos()).isEqualTo(120e6);
    assertThat(f.quantileNanos(0.01)).isEqualTo(120e6);
    assertThat(f.quantileNanos(0.99)).isEqualTo(120e6);
    assertThat(f.describe()).isEqualTo("120ms");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.9, 0.95, 0.99, 0.999})
  void lognormalOfQuantilesReproducesTheGivenQuantiles(double upper) {
    // A log-normal fitted through (p50, x1) and (pU, x2) returns x1 and x2 as those quantiles (to rounding).
    LogNormal d = LogNormal.ofQuantiles(0.5, 80 * MS, upper, 900 * MS);
    assertThat(d.quantileNanos(0.5)).isCloseTo(80e6, withinPercentage(1e-10));
    assertThat(d.quantileNanos(upper)).isCloseTo(900e6, withinPercentage(1e-10));
    LogNormal asym = LogNormal.ofQuantiles(0.1, 20 * MS, upper, 900 * MS);
    assertThat(asym.quantileNanos(0.1)).isCloseTo(20e6, withinPercentage(1e-10));
    assertThat(asym.quantileNanos(upper)).isCloseTo(900e6, withinPercentage(1e-10));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.1, 0.5, 1.0, 3.0})
  void lognormalOfMeanSdReproducesMeanAndSd(double cv) {
    // The method-of-moments fit has exactly the requested mean and standard deviation.
    double mean = 1_000 * MS;
    double sd = cv * mean;
    LogNormal d = LogNormal.ofMeanSd(mean, sd);
    double s2 = d.sigma() * d.sigma();
    double fittedSd = Math.sqrt((Math.exp(s2) - 1) * Math.exp(2 * d.mu() + s2));
    assertThat(d.meanNanos()).isCloseTo(mean, withinPercentage(1e-10));
    assertThat(fittedSd).isCloseTo(sd, within(1e-9 * mean));
  }

  @Test
  void empiricalReproducesItsPercentilesAndInterpolatesLinearly() {
    // Each given percentile is returned exactly; between two points the inverse CDF is linear.
    Empirical e = new Empirical(new double[] {0, 0.5, 0.99, 1}, new long[] {5 * MS, 80 * MS, 700 * MS, 2_000 * MS});
    assertThat(e.quantileNanos(0)).isEqualTo(5e6);
    assertThat(e.quantileNanos(0.5)).isEqualTo(80e6);
    assertThat(e.quantileNanos(0.99)).isEqualTo(700e6);
    assertThat(e.quantileNanos(1)).isEqualTo(2_000e6);
    assertThat(e.quantileNanos(0.25)).isCloseTo(42.5e6, within(1e-3));
    // trapezoids: 0.5*(5+80)/2 + 0.49*(80+700)/2 + 0.01*(700+2000)/2 ms
    assertThat(e.meanNanos()).isCloseTo((21.25 + 191.1 + 13.5) * 1e6, within(1e-3));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42})
  void empiricalNeverSamplesOutsideItsRange(long seed) {
    // Every draw lies in [p0, p100].
    Empirical e = new Empirical(new double[] {0, 0.5, 1}, new long[] {5 * MS, 80 * MS, 2_000 * MS});
    for (long x : sample(e, seed, 100_000)) assertThat(x).isBetween(5 * MS, 2_000 * MS);
  }

  @Test
  void scaledMultipliesMeanQuantilesAndDraws() {
    // Scaling by f multiplies the mean, every quantile and every draw by f; a factor of 1 is the identity.
    Distribution base = LogNormal.ofQuantiles(0.5, 80 * MS, 0.99, 900 * MS);
    Distribution slow = base.scaled(1.5);
    assertThat(slow).isEqualTo(new Scaled(base, 1.5));
    assertThat(slow.meanNanos()).isCloseTo(1.5 * base.meanNanos(), withinPercentage(1e-12));
    for (double p : new double[] {0.1, 0.5, 0.99}) {
      assertThat(slow.quantileNanos(p)).isCloseTo(1.5 * base.quantileNanos(p), withinPercentage(1e-12));
    }
    long[] a = sample(new Fixed(100 * MS).scaled(3), 1, 3);
    assertThat(a).containsOnly(300 * MS);
    assertThat(base.scaled(1.0)).isSameAs(base);
  }

  static Stream<Arguments> invalidParameters() {
    return Stream.<Supplier<Object>>of(
        () -> new Fixed(-1),
        () -> new Exponential(0),
        () -> new Exponential(-5),
        () -> new Exponential(Double.NaN),
        () -> new Uniform(-1, 5),
        () -> new Uniform(5, 4),
        () -> new LogNormal(0, -1),
        () -> new LogNormal(Double.NaN, 1),
        () -> new LogNormal(0, Double.NaN),
        () -> LogNormal.ofMeanSd(0, 1),
        () -> LogNormal.ofMeanSd(-1, 1),
        () -> LogNormal.ofMeanSd(1, -1),
        () -> LogNormal.ofQuantiles(0.5, 0, 0.99, 10),
        () -> LogNormal.ofQuantiles(0.5, 10, 0.99, 10),
        () -> LogNormal.ofQuantiles(0.5, 20, 0.99, 10),
        () -> LogNormal.ofQuantiles(0.99, 10, 0.5, 20),
        () -> new Empirical(new double[] {0, 1}, new long[] {1}),
        () -> new Empirical(new double[] {0}, new long[] {1}),
        () -> new Empirical(new double[] {0.1, 1}, new long[] {1, 2}),
        () -> new Empirical(new double[] {0, 0.9}, new long[] {1, 2}),
        () -> new Empirical(new double[] {0, 0.5, 0.5, 1}, new long[] {1, 2, 3, 4}),
        () -> new Empirical(new double[] {0, 0.5, 1}, new long[] {1, 3, 2}),
        () -> new Scaled(new Fixed(1), 0),
        () -> new Scaled(new Fixed(1), -2),
        () -> new Scaled(new Fixed(1), Double.NaN)).map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("invalidParameters")
  void invalidParametersThrow(Supplier<Object> make) {
    // Every constructor and fit refuses parameters that do not describe a distribution of durations.
    assertThatThrownBy(make::get).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void empiricalRejectsNegativeDurations() {
    // Like Fixed and Uniform, an Empirical distribution must not produce negative durations.
    assertThatThrownBy(() -> new Empirical(new double[] {0, 0.5, 1}, new long[] {-10, 5, 20}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void describeNamesTheKind() {
    // Descriptions read the way a spec writes each distribution.
    assertThat(new Exponential(2e9).describe()).isEqualTo("exponential(mean 2s)");
    assertThat(new Uniform(1_000 * MS, 3_000 * MS).describe()).isEqualTo("uniform(1s..3s)");
    assertThat(LogNormal.ofQuantiles(0.5, 80 * MS, 0.99, 900 * MS).describe()).isEqualTo("lognormal(p50 80ms, p99 900ms)");
    assertThat(new Empirical(new double[] {0, 0.5, 1}, new long[] {1, 80 * MS, 2_000 * MS}).describe()).isEqualTo("empirical(p50 80ms)");
  }
}
