package dev.polyvirt.engine.metrics;

import dev.polyvirt.engine.SimTime;
import org.HdrHistogram.Histogram;

/**
 * Records request latencies in an HdrHistogram at microsecond resolution, 3 significant digits
 * (relative error under 0.1 %), from 1 µs up to 30 days. Mean and max are kept exactly.
 */
public final class LatencyRecorder {
  private static final long MAX_MICROS = 30L * 24 * 3600 * 1_000_000;
  private final Histogram histogram = new Histogram(MAX_MICROS, 3);
  private long count;
  private double sumNanos;
  private long maxNanos;

  /** Records one latency in nanoseconds. */
  public void record(long nanos) {
    long micros = Math.max(1, Math.min(MAX_MICROS, (nanos + 500) / 1000));
    histogram.recordValue(micros);
    count++;
    sumNanos += nanos;
    if (nanos > maxNanos) maxNanos = nanos;
  }

  /** Returns how many latencies were recorded. */
  public long count() {
    return count;
  }

  /** Returns the mean in milliseconds (0 when empty). */
  public double meanMs() {
    return count == 0 ? 0 : sumNanos / count / SimTime.NANOS_PER_MILLI;
  }

  /** Returns the maximum in milliseconds (exact). */
  public double maxMs() {
    return SimTime.toMillis(maxNanos);
  }

  /** Returns the percentile {@code pct} (0–100) in milliseconds. */
  public double percentileMs(double pct) {
    if (count == 0) return 0;
    return histogram.getValueAtPercentile(pct) / 1000.0;
  }

  /** Returns the fraction of recorded latencies at or below {@code nanos}. */
  public double fractionAtOrBelow(long nanos) {
    if (count == 0) return 1;
    long micros = Math.max(1, Math.min(MAX_MICROS, (nanos + 500) / 1000));
    return histogram.getCountBetweenValues(0, micros) / (double) count;
  }

  /** Returns the minimum in milliseconds, at the histogram's resolution (0 when empty). */
  public double minMs() {
    return count == 0 ? 0 : histogram.getMinValue() / 1000.0;
  }

  /**
   * Returns the latency in milliseconds at each of {@code percentiles} (0–100, ascending): the
   * points of the empirical CDF a report draws. Percentile 0 is the minimum and 100 the exact
   * maximum; the others are read from the histogram (within 0.1 %), kept within [min, max] and
   * non-decreasing (the histogram reports a bucket's upper end, which can pass the exact maximum).
   */
  public double[] percentilesMs(double[] percentiles) {
    double[] ms = new double[percentiles.length];
    for (int i = 0; i < ms.length; i++) {
      double p = percentiles[i];
      ms[i] = p <= 0 ? minMs() : p >= 100 ? maxMs() : Math.min(maxMs(), percentileMs(p));
      if (i > 0 && ms[i] < ms[i - 1]) ms[i] = ms[i - 1];
    }
    return ms;
  }
}
