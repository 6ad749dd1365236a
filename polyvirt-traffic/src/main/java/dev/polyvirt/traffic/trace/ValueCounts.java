package dev.polyvirt.traffic.trace;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Counts of recorded values for percentiles in bounded memory: exact (each distinct value
 * counted) while there are at most {@value #EXACT_LIMIT} distinct values — memory sizes, small
 * traces — then an HdrHistogram with 3 significant digits (values within 0.1 %). Percentiles use
 * the nearest rank: the smallest value with at least p of all values at or below it.
 */
final class ValueCounts {
  static final int EXACT_LIMIT = 4096;
  private TreeMap<Long, Long> exact = new TreeMap<>();
  private Histogram histogram;
  private long total;

  /** Records one non-negative value. */
  void record(long value) {
    total++;
    if (histogram != null) {
      histogram.recordValue(value);
      return;
    }
    exact.merge(value, 1L, Long::sum);
    if (exact.size() > EXACT_LIMIT) {
      histogram = new Histogram(3);
      for (Map.Entry<Long, Long> e : exact.entrySet()) histogram.recordValueWithCount(e.getKey(), e.getValue());
      exact = null;
    }
  }

  /** Returns how many values were recorded. */
  long count() {
    return total;
  }

  /** Returns the {@code p}-quantile (0 ≤ p ≤ 1) by nearest rank; 0 gives the least value, 1 the largest. */
  long quantile(double p) {
    if (total == 0) throw new IllegalStateException("no values recorded");
    if (histogram != null) {
      if (p <= 0) return histogram.getMinValue();
      if (p >= 1) return histogram.getMaxValue();
      return histogram.medianEquivalentValue(histogram.getValueAtPercentile(p * 100));
    }
    long rank = Math.max(1, (long) Math.ceil(p * total));
    long seen = 0;
    for (Map.Entry<Long, Long> e : exact.entrySet()) {
      seen += e.getValue();
      if (seen >= rank) return e.getKey();
    }
    return exact.lastKey();
  }
}
