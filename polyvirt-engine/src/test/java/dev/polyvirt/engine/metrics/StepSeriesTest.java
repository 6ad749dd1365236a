package dev.polyvirt.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StepSeriesTest {
  private static final long S = 1_000_000_000L;

  @Test
  void bucketsHoldTheExactIntegralAndPeakOfEachSpan() {
    // 40 s in 4 buckets of 10 s: value 2 on [0,15), 6 on [15,25), 0 after.
    StepSeries s = new StepSeries(40 * S, 4);
    s.add(0, 2);
    s.add(15 * S, 4);
    s.add(25 * S, -6);
    assertThat(s.integralsSeconds()).containsExactly(20.0, 10 + 30.0, 30.0, 0.0);
    assertThat(s.means()).containsExactly(2.0, 4.0, 3.0, 0.0);
    // bucket 2 starts at 6 (carried in), bucket 3 at 0
    assertThat(s.peaks()).containsExactly(2L, 6L, 6L, 0L);
  }

  @Test
  void aChangeExactlyAtABoundaryBelongsToTheLaterBucket() {
    // The buckets are half-open [start, end): a rise at 10 s is no part of the first bucket's peak.
    StepSeries s = new StepSeries(20 * S, 2);
    s.add(10 * S, 3);
    assertThat(s.peaks()).containsExactly(0L, 3L);
    assertThat(s.means()).containsExactly(0.0, 3.0);
  }

  @Test
  void boundariesAreExactForHorizonsThatDoNotDivideAndDoNotOverflow() {
    // floor(k × H / n) computed without forming k × H, which overflows a long for H of a few years × 200.
    long h = Long.MAX_VALUE / 3;
    for (int k = 0; k <= 200; k++) {
      long expected = java.math.BigInteger.valueOf(h).multiply(java.math.BigInteger.valueOf(k))
          .divide(java.math.BigInteger.valueOf(200)).longValueExact();
      assertThat(StepSeries.boundary(h, 200, k)).isEqualTo(expected);
    }
    assertThat(StepSeries.boundary(7, 3, 3)).isEqualTo(7);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 7, 42})
  void bucketIntegralsAddUpToTheWholeSpanIntegral(long seed) {
    // The series and a TimeWeighted fed the same random steps agree on the total (to double rounding of the sum).
    SplittableRandom rnd = new SplittableRandom(seed);
    long h = 3600 * S + 17;
    StepSeries s = new StepSeries(h, 200);
    TimeWeighted tw = new TimeWeighted();
    long t = 0, v = 0;
    while (true) {
      t += rnd.nextLong(1, 40 * S);
      if (t > h) break;
      long d = v == 0 ? rnd.nextLong(1, 50) : rnd.nextLong(-v, 50);
      v += d;
      s.add(t, d);
      tw.add(t, d);
    }
    double sum = 0;
    for (double x : s.integralsSeconds()) sum += x;
    assertThat(sum).isCloseTo(tw.integralSeconds(h), org.assertj.core.api.Assertions.withinPercentage(1e-9));
    long peak = 0;
    for (long p : s.peaks()) peak = Math.max(peak, p);
    assertThat(peak).isEqualTo(tw.peak());
  }

  @Test
  void refusesTimeGoingBackwardsOrPastTheHorizon() {
    StepSeries s = new StepSeries(10 * S, 2);
    s.add(5 * S, 1);
    assertThatThrownBy(() -> s.add(4 * S, 1)).hasMessageContaining("backwards");
    assertThatThrownBy(() -> s.add(11 * S, 1)).hasMessageContaining("past the horizon");
  }
}
