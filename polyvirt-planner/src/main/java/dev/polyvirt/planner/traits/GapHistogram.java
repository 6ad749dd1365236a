package dev.polyvirt.planner.traits;

/**
 * Gaps between arrivals counted in logarithmic bins, eight per doubling (each bin ≤ 9 % wide),
 * so any number of gaps fits in a few KB; a quantile is the mean of the gaps in its bin (exact
 * when they are equal, as a schedule's are, and within a bin's width otherwise).
 */
final class GapHistogram {
  private static final int PER_DOUBLING = 8;
  private final long[] counts = new long[64 * PER_DOUBLING];
  private final double[] sums = new double[64 * PER_DOUBLING];
  private long total;
  private long overKeepAlive;
  private final long keepAliveNanos;

  GapHistogram(long keepAliveNanos) {
    this.keepAliveNanos = keepAliveNanos;
  }

  /** Counts one gap. */
  void add(long gapNanos) {
    int b = bin(gapNanos);
    counts[b]++;
    sums[b] += gapNanos;
    total++;
    if (gapNanos > keepAliveNanos) overKeepAlive++;
  }

  /** Returns how many gaps were counted. */
  long count() {
    return total;
  }

  /** Returns the share of gaps longer than the keep-alive. */
  double overKeepAlive() {
    return total == 0 ? 0 : overKeepAlive / (double) total;
  }

  /** Returns the {@code q} quantile: the mean gap of the bin holding the nearest-rank gap (0 without gaps). */
  long quantile(double q) {
    if (total == 0) return 0;
    long rank = Math.max(1, (long) Math.ceil(q * total));
    long seen = 0;
    for (int b = 0; b < counts.length; b++) {
      seen += counts[b];
      if (seen >= rank) return Math.round(sums[b] / counts[b]);
    }
    return 0;
  }

  private static int bin(long v) {
    if (v <= 1) return 0;
    double log = Math.log(v) / Math.log(2) * PER_DOUBLING;
    return Math.min(64 * PER_DOUBLING - 1, (int) Math.floor(log));
  }
}
