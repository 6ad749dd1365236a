package dev.polyvirt.models.faas.keepalive;

import dev.polyvirt.engine.SimTime;
import java.util.Locale;

/**
 * One run of the {@link HybridHistogramPolicy}: the workload's idle-time histogram and the
 * windows it gives.
 *
 * <p><b>Idle time.</b> The paper's idle time of an application runs from the end of its last
 * execution to its next invocation (not between starts): the windows are counted from the moment
 * the app falls idle, so the histogram must measure the same span, and long invocations must not
 * inflate it. The platform ({@code AppInstances}) calls {@link #ended} when the app falls idle (no
 * invocation running any more) and {@link #invoked} when it wakes, so each call pair records one
 * app idle time; calls in between are harmless (an invocation with no end since the previous
 * sample records nothing). Under Poisson traffic of short invocations it is exponential with the
 * arrival rate, by memorylessness.
 *
 * <p><b>Several instances.</b> The histogram is per workload (one function replayed from a trace
 * is its own workload, so per function; the paper's is per application, which is the same for
 * the many single-function apps of the Azure trace). The windows govern the app's image; the
 * other instances of a busy app follow {@link HybridHistogramPolicy#instanceKeepAliveNanos()}.
 * Keep-warm pings are invocations like any other to the policy: the platform cannot tell them
 * apart.
 *
 * <p>Each idle time costs O(log bins) (a Fenwick tree gives the percentiles); the coefficient of
 * variation is kept incrementally.
 */
public final class HybridHistogram implements KeepAliveWindows {
  /** Where a pair of windows came from. */
  public enum Mode {
    /** Not representative (too few idle times, or CV below the threshold): no pre-warm, keep-alive = range. */
    STANDARD,
    /** Percentiles of the histogram. */
    HISTOGRAM,
    /** Most idle times beyond the range: a forecast of the next one. */
    FORECAST
  }

  private final HybridHistogramPolicy policy;
  private final int bins;
  private final long[] counts;
  private final long[] tree; // Fenwick tree over counts, 1-based
  private long inRange;
  private long outOfRange;
  private double sumSquares; // sum of counts², exact in a double up to 2^53
  private double forecast;
  private long lastEnd = -1;
  private boolean sampledSinceEnd = true;
  private boolean dirty = true;
  private Mode mode = Mode.STANDARD;
  private long preWarm;
  private long keepAlive;
  private final long[] handedOut = new long[Mode.values().length];

  /** Starts an empty histogram for {@code policy}. */
  public HybridHistogram(HybridHistogramPolicy policy) {
    this.policy = policy;
    this.bins = policy.bins();
    this.counts = new long[bins];
    this.tree = new long[bins + 1];
  }

  @Override
  public void invoked(long now) {
    if (lastEnd >= 0 && !sampledSinceEnd) {
      record(now - lastEnd);
      sampledSinceEnd = true;
    }
  }

  @Override
  public void ended(long now) {
    lastEnd = now;
    sampledSinceEnd = false;
    refresh();
    handedOut[mode.ordinal()]++;
  }

  /** Adds one idle time to the histogram (the platform does it through {@link #invoked}). */
  public void record(long idleNanos) {
    long it = Math.max(0, idleNanos);
    long bin = it / policy.binNanos();
    if (bin >= bins) {
      outOfRange++;
      forecast = outOfRange == 1 ? it : HybridHistogramPolicy.FORECAST_SMOOTHING * it
          + (1 - HybridHistogramPolicy.FORECAST_SMOOTHING) * forecast;
    } else {
      int b = (int) bin;
      sumSquares += 2.0 * counts[b] + 1;
      counts[b]++;
      for (int i = b + 1; i <= bins; i += i & -i) tree[i]++;
      inRange++;
    }
    dirty = true;
  }

  @Override
  public long preWarmNanos() {
    refresh();
    return preWarm;
  }

  @Override
  public long keepAliveNanos() {
    refresh();
    return keepAlive;
  }

  @Override
  public long instanceKeepAliveNanos() {
    return policy.instanceKeepAliveNanos();
  }

  /** Returns where the current windows come from. */
  public Mode mode() {
    refresh();
    return mode;
  }

  /** Returns how many idle times fell inside the range. */
  public long inRange() {
    return inRange;
  }

  /** Returns how many idle times exceeded the range. */
  public long outOfRange() {
    return outOfRange;
  }

  /** Returns the coefficient of variation of the bin counts (0 while empty). */
  public double coefficientOfVariation() {
    if (inRange == 0) return 0;
    double mean = inRange / (double) bins;
    double variance = Math.max(0, sumSquares / bins - mean * mean);
    return Math.sqrt(variance) / mean;
  }

  /** Returns the current forecast of the next out-of-range idle time, in ns (0 before any). */
  public double forecastNanos() {
    return forecast;
  }

  /** Returns the 0-based bin holding the nearest-rank {@code percentile} of the in-range idle times. */
  public int percentileBin(double percentile) {
    if (inRange == 0) throw new IllegalStateException("no in-range idle time yet");
    long rank = Math.min(inRange, Math.max(1, (long) Math.ceil(percentile / 100 * inRange - 1e-9)));
    int pos = 0;
    for (int step = Integer.highestOneBit(bins); step > 0; step >>= 1) {
      int next = pos + step;
      if (next <= bins && tree[next] < rank) {
        pos = next;
        rank -= tree[next];
      }
    }
    return pos;
  }

  /** Returns how many windows each mode handed out, indexed by {@link Mode#ordinal()}. */
  public long handedOut(Mode m) {
    return handedOut[m.ordinal()];
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "hybrid keep-alive windows: %d from the histogram, %d standard (%s), %d forecast;"
            + " idle times %d within %s, %d beyond", handedOut[Mode.HISTOGRAM.ordinal()], handedOut[Mode.STANDARD.ordinal()],
        SimTime.format(policy.rangeNanos()), handedOut[Mode.FORECAST.ordinal()], inRange, SimTime.format(policy.rangeNanos()),
        outOfRange);
  }

  private void refresh() {
    if (!dirty) return;
    dirty = false;
    long total = inRange + outOfRange;
    if (total < policy.minSamples()) {
      standard();
    } else if (outOfRange > HybridHistogramPolicy.OUT_OF_RANGE_SHARE * total) {
      mode = Mode.FORECAST;
      double m = HybridHistogramPolicy.FORECAST_MARGIN;
      preWarm = Math.round(forecast * (1 - m));
      keepAlive = Math.max(1, Math.round(forecast * 2 * m));
    } else if (coefficientOfVariation() < policy.cvThreshold()) {
      standard();
    } else {
      mode = Mode.HISTOGRAM;
      long head = percentileBin(policy.headPercentile());
      long tail = percentileBin(policy.tailPercentile());
      preWarm = Math.round(head * policy.binNanos() * (1 - policy.margin()));
      keepAlive = Math.round((tail + 1) * policy.binNanos() * (1 + policy.margin())) - preWarm;
    }
  }

  private void standard() {
    mode = Mode.STANDARD;
    preWarm = 0;
    keepAlive = policy.rangeNanos();
  }
}
