package dev.polyvirt.models.faas.keepalive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.engine.dist.Exponential;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The hybrid histogram policy on its own: which idle times it records, and the windows it derives from them. */
class HybridHistogramTest {
  private static final long MIN = SimTime.NANOS_PER_MINUTE;
  private static final long HOUR = SimTime.NANOS_PER_HOUR;

  private static HybridHistogram fresh() {
    return new HybridHistogram(HybridHistogramPolicy.DEFAULT);
  }

  private static HybridHistogram withMinSamples(long minSamples) {
    HybridHistogramPolicy d = HybridHistogramPolicy.DEFAULT;
    return new HybridHistogram(new HybridHistogramPolicy(d.rangeNanos(), d.binNanos(), 5, 99, 0.1, 2, minSamples));
  }

  @Test
  void idleTimeRunsFromTheLatestEndToTheNextStartOncePerEnd() {
    // An idle time is recorded at a start that follows an end, measured from the latest end; starts with no end since the last sample record nothing.
    HybridHistogram h = fresh();
    h.invoked(0);
    assertThat(h.inRange()).as("the first invocation follows no end").isZero();
    h.invoked(SimTime.NANOS_PER_SECOND); // overlaps the first: the workload was never idle
    h.ended(2 * SimTime.NANOS_PER_SECOND);
    h.ended(3 * SimTime.NANOS_PER_SECOND);
    h.invoked(5 * MIN + 3 * SimTime.NANOS_PER_SECOND); // idle exactly 5 min since the latest end: bin 5
    h.invoked(5 * MIN + 4 * SimTime.NANOS_PER_SECOND); // no end since the last sample
    assertThat(h.inRange()).isEqualTo(1);
    assertThat(h.outOfRange()).isZero();
    assertThat(h.percentileBin(50)).isEqualTo(5);
    h.ended(6 * MIN);
    h.invoked(6 * MIN + 59 * SimTime.NANOS_PER_SECOND); // 59 s: bin 0
    assertThat(h.inRange()).isEqualTo(2);
    assertThat(h.percentileBin(1)).isZero();
  }

  @ParameterizedTest(name = "minSamples {0}")
  @ValueSource(longs = {1, 2, 5, 10, 50})
  void tooFewIdleTimesGiveTheStandardKeepAliveOfTheRange(long minSamples) {
    // Below minSamples idle times the policy keeps instances loaded for the whole range (4 h) with no pre-warm; at minSamples it reads the histogram.
    HybridHistogram h = withMinSamples(minSamples);
    for (long i = 0; i < minSamples - 1; i++) h.record(5 * MIN - 1);
    assertThat(h.mode()).isEqualTo(HybridHistogram.Mode.STANDARD);
    assertThat(h.preWarmNanos()).isZero();
    assertThat(h.keepAliveNanos()).isEqualTo(4 * HOUR);
    h.record(5 * MIN - 1);
    assertThat(h.mode()).isEqualTo(HybridHistogram.Mode.HISTOGRAM);
    // every idle time is in bin 4 [4 min, 5 min): pre-warm 4 min x 0.9, keep-alive 5 min x 1.1 minus the pre-warm
    assertThat(h.preWarmNanos()).isEqualTo(216 * SimTime.NANOS_PER_SECOND);
    assertThat(h.keepAliveNanos()).isEqualTo((330 - 216) * SimTime.NANOS_PER_SECOND);
  }

  @Test
  void aFlatHistogramFailsTheCvTest() {
    // Idle times spread evenly over every bin have a coefficient of variation of 0, below the threshold: the policy falls back to the standard keep-alive.
    HybridHistogram h = fresh();
    for (int rep = 0; rep < 10; rep++) for (int b = 0; b < 240; b++) h.record(b * MIN + 30 * SimTime.NANOS_PER_SECOND);
    assertThat(h.coefficientOfVariation()).isCloseTo(0, within(1e-12));
    assertThat(h.mode()).isEqualTo(HybridHistogram.Mode.STANDARD);
    assertThat(h.preWarmNanos()).isZero();
    assertThat(h.keepAliveNanos()).isEqualTo(4 * HOUR);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void coefficientOfVariationIsThatOfTheBinCounts(long seed) {
    // The incrementally kept CV equals the population standard deviation over the mean of the 240 bin counts, computed directly.
    UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(seed);
    HybridHistogram h = fresh();
    long[] counts = new long[240];
    for (int i = 0; i < 5000; i++) {
      long it = (long) (rng.nextDouble() * rng.nextDouble() * 5 * HOUR); // some beyond the range
      h.record(it);
      if (it < 4 * HOUR) counts[(int) (it / MIN)]++;
    }
    double mean = Arrays.stream(counts).sum() / 240.0;
    double var = Arrays.stream(counts).mapToDouble(c -> (c - mean) * (c - mean)).sum() / 240;
    assertThat(h.coefficientOfVariation()).isCloseTo(Math.sqrt(var) / mean, within(1e-9));
    assertThat(h.inRange()).isEqualTo(Arrays.stream(counts).sum());
  }

  @ParameterizedTest(name = "mean {0} min, seed {1}")
  @CsvSource({"8.36, 1", "8.36, 2", "8.36, 3", "20.5, 1", "20.5, 2", "20.5, 3"})
  void poissonIdleTimesGiveTheExponentialPercentilesWithMargins(double meanMinutes, long seed) {
    // With exponential idle times of mean m, pre-warm = floor(m ln(1/0.95)) min x 0.9 and pre-warm + keep-alive = (floor(m ln 100) + 1) min x 1.1.
    int n = 400_000;
    Distribution.Sampler s = new Exponential(meanMinutes * MIN).sampler(RandomSource.XO_SHI_RO_256_PP.create(seed));
    HybridHistogram h = fresh();
    long[] sample = new long[n];
    for (int i = 0; i < n; i++) {
      sample[i] = s.next();
      h.record(sample[i]);
    }
    assertThat(h.outOfRange()).as("mean %s min: practically nothing beyond 4 h", meanMinutes).isLessThan(n / 1000);
    assertThat(h.coefficientOfVariation()).as("narrow enough to pass the CV test").isGreaterThan(2);
    assertThat(h.mode()).isEqualTo(HybridHistogram.Mode.HISTOGRAM);
    // by hand: the analytic percentiles m ln(1/(1-p)), to the bin, give or take 4 standard errors of a sample quantile
    // (sqrt(p(1-p)/n) / density, the density at the p-quantile being (1-p)/m)
    double headMin = meanMinutes * Math.log(1 / 0.95);
    double tailMin = meanMinutes * Math.log(100);
    double headSlack = 4 * Math.sqrt(0.05 * 0.95 / n) / (0.95 / meanMinutes);
    double tailSlack = 4 * Math.sqrt(0.99 * 0.01 / n) / (0.01 / meanMinutes);
    long pre = h.preWarmNanos();
    long reach = pre + h.keepAliveNanos();
    assertThat(pre).isBetween(Math.round(Math.floor(Math.max(0, headMin - headSlack)) * MIN * 0.9),
        Math.round(Math.floor(headMin + headSlack) * MIN * 0.9));
    assertThat(reach).isBetween(Math.round((Math.floor(tailMin - tailSlack) + 1) * MIN * 1.1),
        Math.round((Math.floor(tailMin + tailSlack) + 1) * MIN * 1.1));
    // exactly: the nearest-rank percentiles of the recorded idle times, rounded to their bins, with the 10 % margins
    long[] sorted = sample.clone();
    Arrays.sort(sorted);
    long head = sorted[(int) Math.ceil(0.05 * n) - 1] / MIN;
    long tail = sorted[(int) Math.ceil(0.99 * n) - 1] / MIN;
    assertThat(pre).isEqualTo(Math.round(head * MIN * 0.9));
    assertThat(reach).isEqualTo(Math.round((tail + 1) * MIN * 1.1));
  }

  @Test
  void aBroadExponentialFailsTheCvTest() {
    // Exponential idle times with a 68-min mean spread over most of the 240 bins (CV about 0.9 < 2): not representative, so the standard keep-alive.
    Distribution.Sampler s = new Exponential(68 * MIN).sampler(RandomSource.XO_SHI_RO_256_PP.create(9));
    HybridHistogram h = fresh();
    for (int i = 0; i < 50_000; i++) h.record(s.next());
    assertThat(h.coefficientOfVariation()).isBetween(0.5, 1.5);
    assertThat(h.mode()).isEqualTo(HybridHistogram.Mode.STANDARD);
    assertThat(h.keepAliveNanos()).isEqualTo(4 * HOUR);
  }

  @Test
  void mostlyOutOfRangeIdleTimesAreForecast() {
    // When more than half of the idle times exceed the range, the windows come from the forecast f: pre-warm 0.85 f, keep-alive 0.30 f.
    HybridHistogram h = fresh();
    for (int i = 0; i < 10; i++) h.record(6 * HOUR);
    assertThat(h.mode()).isEqualTo(HybridHistogram.Mode.FORECAST);
    assertThat(h.forecastNanos()).isEqualTo(6.0 * HOUR);
    assertThat(h.preWarmNanos()).isEqualTo(Math.round(0.85 * 6 * HOUR));
    assertThat(h.keepAliveNanos()).isEqualTo(Math.round(0.30 * 6 * HOUR));
    assertThat(h.preWarmNanos() + h.keepAliveNanos()).isEqualTo(Math.round(1.15 * 6 * HOUR));
  }

  @Test
  void theForecastSmoothsTheOutOfRangeIdleTimes() {
    // The forecast that replaces the paper's ARIMA is simple exponential smoothing with alpha 0.5 over the out-of-range idle times only.
    HybridHistogram h = withMinSamples(1);
    h.record(5 * HOUR);
    assertThat(h.forecastNanos()).isEqualTo(5.0 * HOUR);
    h.record(7 * HOUR);
    assertThat(h.forecastNanos()).isEqualTo(6.0 * HOUR);
    h.record(10 * MIN); // in range: not part of the forecast
    h.record(9 * HOUR);
    assertThat(h.forecastNanos()).isEqualTo(7.5 * HOUR);
    assertThat(h.mode()).isEqualTo(HybridHistogram.Mode.FORECAST);
    assertThat(h.preWarmNanos()).isEqualTo(Math.round(0.85 * 7.5 * HOUR));
  }

  @ParameterizedTest(name = "{0} beyond, {1} within")
  @CsvSource({"6, 5, FORECAST", "5, 5, HISTOGRAM", "5, 6, HISTOGRAM", "10, 0, FORECAST"})
  void forecastOnlyWhenOutOfRangeIdleTimesAreMoreThanHalf(int beyond, int within, HybridHistogram.Mode mode) {
    // The forecast takes over only when strictly more than half of the idle times are beyond the range; otherwise the in-range histogram decides.
    HybridHistogram h = fresh();
    for (int i = 0; i < beyond; i++) h.record(5 * HOUR);
    for (int i = 0; i < within; i++) h.record(5 * MIN + 1);
    assertThat(h.mode()).isEqualTo(mode);
    if (mode == HybridHistogram.Mode.HISTOGRAM) {
      // percentiles over the in-range idle times only: all in bin 5
      assertThat(h.preWarmNanos()).isEqualTo(Math.round(5 * MIN * 0.9));
      assertThat(h.preWarmNanos() + h.keepAliveNanos()).isEqualTo(Math.round(6 * MIN * 1.1));
    }
  }

  @Test
  void windowsAreCountedByModeAsTheyAreHandedOut() {
    // Each end of an invocation hands out one pair of windows and counts it under the mode it came from.
    HybridHistogram h = withMinSamples(3);
    long t = 0;
    for (int i = 0; i < 6; i++) {
      h.invoked(t);
      h.ended(t + 1);
      t += 5 * MIN;
    }
    // ends 0..2 saw 0, 1, 2 idle times (standard); ends 3..5 saw 3, 4, 5 (histogram)
    assertThat(h.handedOut(HybridHistogram.Mode.STANDARD)).isEqualTo(3);
    assertThat(h.handedOut(HybridHistogram.Mode.HISTOGRAM)).isEqualTo(3);
    assertThat(h.handedOut(HybridHistogram.Mode.FORECAST)).isZero();
    assertThat(h.summary()).contains("3 from the histogram, 3 standard (4h), 0 forecast");
  }
}
