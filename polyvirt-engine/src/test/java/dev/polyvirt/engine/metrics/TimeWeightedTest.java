package dev.polyvirt.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeWeightedTest {
  private static final long S = 1_000_000_000L;
  private static final long YEAR = 365L * 24 * 3600 * S;

  private static double seconds(BigInteger valueNanos) {
    return new BigDecimal(valueNanos).divide(BigDecimal.valueOf(1_000_000_000L)).doubleValue();
  }

  @Test
  void integralMeanAndPeakOfAStepFunction() {
    // 2 for 10 s, then 5 for 20 s, then 0 for 10 s: integral 120 value-seconds, mean 3 over 40 s, peak 5.
    TimeWeighted tw = new TimeWeighted();
    tw.set(0, 2);
    tw.set(10 * S, 5);
    tw.set(30 * S, 0);
    assertThat(tw.integralSeconds(40 * S)).isEqualTo(120.0);
    assertThat(tw.mean(40 * S)).isEqualTo(3.0);
    assertThat(tw.peak()).isEqualTo(5);
    assertThat(tw.value()).isZero();
  }

  @Test
  void valueBeforeTheFirstSetIsZero() {
    // The function starts at 0 at time 0, so a first set at t > 0 adds nothing before t.
    TimeWeighted tw = new TimeWeighted();
    tw.set(10 * S, 4);
    assertThat(tw.integralSeconds(15 * S)).isEqualTo(20.0);
    assertThat(tw.mean(20 * S)).isEqualTo(2.0);
  }

  @Test
  void addChangesTheValueByDelta() {
    // add(+3) then add(-1) leaves 2; the integral follows each step, and the peak remembers 3.
    TimeWeighted tw = new TimeWeighted();
    tw.add(0, 3);
    tw.add(4 * S, -1);
    assertThat(tw.value()).isEqualTo(2);
    assertThat(tw.peak()).isEqualTo(3);
    assertThat(tw.integralSeconds(10 * S)).isEqualTo(3 * 4 + 2 * 6.0);
  }

  @Test
  void meanAtTimeZeroIsTheCurrentValue() {
    // Over an empty interval the mean is just the value.
    TimeWeighted tw = new TimeWeighted();
    tw.set(0, 7);
    assertThat(tw.mean(0)).isEqualTo(7.0);
  }

  @Test
  void timeGoingBackwardsThrows() {
    // Neither a set nor a read may move time backwards.
    TimeWeighted tw = new TimeWeighted();
    tw.set(10 * S, 1);
    assertThatThrownBy(() -> tw.set(5 * S, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tw.integralSeconds(9 * S)).isInstanceOf(IllegalArgumentException.class);
    tw.set(10 * S, 2); // the same instant is fine
    assertThat(tw.value()).isEqualTo(2);
  }

  @Test
  void aMillionForAYearDoesNotOverflow() {
    // 1e6 × one year in ns (3.15e22) exceeds a long, yet the integral matches BigInteger arithmetic.
    TimeWeighted tw = new TimeWeighted();
    tw.set(0, 1_000_000);
    BigInteger exact = BigInteger.valueOf(1_000_000).multiply(BigInteger.valueOf(YEAR));
    assertThat(tw.integralSeconds(YEAR)).isCloseTo(seconds(exact), withinPercentage(1e-12));
    assertThat(tw.mean(YEAR)).isCloseTo(1_000_000.0, within(1e-6));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 99})
  void integralMatchesBigIntegerForRandomHugeSteps(long seed) {
    // For random non-negative values and gaps up to 2^42, the integral equals the exact BigInteger sum.
    Random rnd = new Random(seed);
    TimeWeighted tw = new TimeWeighted();
    BigInteger exact = BigInteger.ZERO;
    long now = 0;
    long value = 0;
    long peak = 0;
    for (int i = 0; i < 2_000; i++) {
      long dt = rnd.nextLong() >>> 22;
      now += dt;
      exact = exact.add(BigInteger.valueOf(value).multiply(BigInteger.valueOf(dt)));
      value = rnd.nextLong() >>> 22;
      peak = Math.max(peak, value);
      tw.set(now, value);
    }
    assertThat(tw.integralSeconds(now)).isCloseTo(seconds(exact), withinPercentage(1e-12));
    assertThat(tw.peak()).isEqualTo(peak);
  }
}
