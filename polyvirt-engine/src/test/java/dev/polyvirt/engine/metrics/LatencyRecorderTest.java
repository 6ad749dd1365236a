package dev.polyvirt.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LatencyRecorderTest {
  private static final int N = 10_007; // prime, so p × N / 100 is never a whole rank

  /** A right-skewed seeded sample in whole microseconds (ns values), from about 1 ms to 10 s. */
  private static long[] sample(long seed) {
    Random rnd = new Random(seed);
    long[] xs = new long[N];
    for (int i = 0; i < N; i++) {
      long micros = Math.max(1_000, Math.min(10_000_000, Math.round(Math.exp(11 + 1.2 * rnd.nextGaussian()))));
      xs[i] = micros * 1_000;
    }
    return xs;
  }

  @Test
  void emptyRecorderReportsZeros() {
    // Before any latency is recorded, count, mean, max and percentiles are all zero.
    LatencyRecorder r = new LatencyRecorder();
    assertThat(r.count()).isZero();
    assertThat(r.meanMs()).isZero();
    assertThat(r.maxMs()).isZero();
    assertThat(r.percentileMs(50)).isZero();
    assertThat(r.percentileMs(99)).isZero();
    assertThat(r.fractionAtOrBelow(1_000_000)).isEqualTo(1.0);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42})
  void percentilesAreWithinPointOnePercentOfExactOnes(long seed) {
    // Each percentile is the exact nearest-rank value of the sorted sample, within HdrHistogram's 0.1 %.
    long[] xs = sample(seed);
    LatencyRecorder r = new LatencyRecorder();
    for (long x : xs) r.record(x);
    long[] sorted = xs.clone();
    Arrays.sort(sorted);
    for (double p : new double[] {1, 25, 50, 90, 95, 99, 99.9, 100}) {
      double exactMs = sorted[(int) Math.ceil(p / 100 * N) - 1] / 1e6;
      assertThat(r.percentileMs(p)).as("p%s", p).isBetween(exactMs * 0.999, exactMs * 1.001);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void meanMaxAndCountAreExact(long seed) {
    // Mean and max come from exact sums, not from the histogram's buckets.
    Random rnd = new Random(seed);
    LatencyRecorder r = new LatencyRecorder();
    long sum = 0;
    long max = 0;
    for (int i = 0; i < N; i++) {
      long x = 1 + (rnd.nextLong() >>> 30); // arbitrary nanoseconds, not whole microseconds
      r.record(x);
      sum += x;
      max = Math.max(max, x);
    }
    assertThat(r.count()).isEqualTo(N);
    assertThat(r.meanMs()).isEqualTo((double) sum / N / 1e6);
    assertThat(r.maxMs()).isEqualTo(max / 1e6);
  }

  @Test
  void fractionAtOrBelowCountsTheThresholdItself() {
    // A latency equal to the threshold is "at or below" it: whole-µs and sub-µs thresholds alike.
    LatencyRecorder whole = new LatencyRecorder();
    whole.record(500_000_000);
    whole.record(600_000_000);
    assertThat(whole.fractionAtOrBelow(500_000_000)).isEqualTo(0.5);

    LatencyRecorder sub = new LatencyRecorder();
    sub.record(1_600); // recorded as 2 µs (rounded to nearest)
    assertThat(sub.fractionAtOrBelow(1_600)).isEqualTo(1.0);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 42})
  void cdfPointsAreNonDecreasingFromTheMinimumToTheExactMaximum(long seed) {
    // The CDF a report draws: p0 is the sample minimum, p100 the exact maximum, the body within 0.1 % of nearest rank.
    long[] xs = sample(seed);
    LatencyRecorder r = new LatencyRecorder();
    for (long x : xs) r.record(x);
    long[] sorted = xs.clone();
    Arrays.sort(sorted);
    double[] ps = {0, 10, 50, 90, 99, 99.99, 100};
    double[] ms = r.percentilesMs(ps);
    assertThat(ms[0]).isCloseTo(sorted[0] / 1e6, org.assertj.core.api.Assertions.withinPercentage(0.1));
    assertThat(ms[6]).isEqualTo(sorted[N - 1] / 1e6);
    int rank50 = (int) Math.ceil(0.5 * N) - 1;
    assertThat(ms[2]).isCloseTo(sorted[rank50] / 1e6, org.assertj.core.api.Assertions.withinPercentage(0.1));
    for (int i = 1; i < ms.length; i++) assertThat(ms[i]).isGreaterThanOrEqualTo(ms[i - 1]);
    assertThat(new LatencyRecorder().percentilesMs(ps)).containsOnly(0.0);
  }
}
