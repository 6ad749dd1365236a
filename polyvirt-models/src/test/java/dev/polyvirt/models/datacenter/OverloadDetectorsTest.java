package dev.polyvirt.models.datacenter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.datacenter.power.AdaptiveThreshold;
import dev.polyvirt.models.datacenter.power.LocalRegression;
import dev.polyvirt.models.datacenter.power.StaticThreshold;
import org.junit.jupiter.api.Test;

/** Each overload detector's decision on small histories follows its formula (CCPE 2012 §5.1). */
class OverloadDetectorsTest {
  static double[] ramp(int n, double from, double step) {
    double[] h = new double[n];
    for (int i = 0; i < n; i++) h[i] = from + i * step;
    return h;
  }

  @Test
  void staticThresholdLooksAtTheNewestSampleOnly() {
    assertThat(new StaticThreshold(0.8).overloaded(new double[] {0.1, 0.81}, 2, 10, 300)).isTrue();
    assertThat(new StaticThreshold(0.8).overloaded(new double[] {0.99, 0.8}, 2, 10, 300)).isFalse();
  }

  @Test
  void iqrThresholdIsOneMinusSafetyTimesTheInterquartileRange() {
    // 0.30, 0.31, …, 0.41: Q1 0.3275, Q3 0.3825 (linear quantiles), IQR 0.055 → threshold 1 − 1.5 × 0.055 = 0.9175
    double[] h = ramp(12, 0.30, 0.01);
    assertThat(AdaptiveThreshold.iqr(1.5).overloaded(h, 12, 10, 300)).isFalse();
    h[11] = 0.92; // the quartiles stay put
    assertThat(AdaptiveThreshold.iqr(1.5).overloaded(h, 12, 10, 300)).isTrue();
  }

  @Test
  void madThresholdIsOneMinusSafetyTimesTheMedianAbsoluteDeviation() {
    // twelve samples alternating 0.4 and 0.6: median 0.5, MAD 0.1 → threshold 1 − 2.5 × 0.1 = 0.75
    double[] h = new double[12];
    for (int i = 0; i < 12; i++) h[i] = i % 2 == 0 ? 0.4 : 0.6;
    assertThat(AdaptiveThreshold.mad(2.5).overloaded(h, 12, 10, 300)).isFalse();
    h[11] = 0.76; // the median and MAD stay put
    assertThat(AdaptiveThreshold.mad(2.5).overloaded(h, 12, 10, 300)).isTrue();
  }

  @Test
  void shortHistoriesFallBackToAThresholdOfSeventyPercent() {
    assertThat(AdaptiveThreshold.iqr(1.5).overloaded(new double[] {0.71}, 1, 10, 300)).isTrue();
    assertThat(new LocalRegression(1.2).overloaded(new double[] {0.69}, 1, 10, 300)).isFalse();
  }

  @Test
  void localRegressionExtrapolatesALineToAfterTheMigration() {
    // an exact line 0.50, 0.53, …, 0.77 at x = 1..10 predicts 0.47 + 0.03 × 11 = 0.80 one interval on;
    // 1.2 × 0.80 = 0.96 < 1 is fine; a steeper line 0.05/step predicts 0.95 → 1.14 ≥ 1
    assertThat(new LocalRegression(1.2).overloaded(ramp(10, 0.50, 0.03), 10, 10, 300)).isFalse();
    assertThat(new LocalRegression(1.2).overloaded(ramp(10, 0.40, 0.05), 10, 10, 300)).isTrue();
  }
}
