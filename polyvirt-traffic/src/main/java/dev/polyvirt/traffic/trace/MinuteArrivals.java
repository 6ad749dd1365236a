package dev.polyvirt.traffic.trace;

import dev.polyvirt.traffic.ArrivalProcess;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One function's arrivals from its per-minute counts, each minute's invocations placed inside
 * that minute. {@link Spread#UNIFORM}: the i-th of c at (i + ½)/c of the minute. {@link Spread#POISSON}:
 * c uniform positions generated already sorted, one at a time — the next order statistic of k
 * remaining uniforms above u is u + (1 − u)(1 − V^(1/k)) (Bentley &amp; Saxe, "Generating sorted
 * lists of random numbers", ACM TOMS 6(3), 1980) — so nothing is stored or sorted, whatever the count.
 */
final class MinuteArrivals implements ArrivalProcess {
  private final MinuteCounts counts;
  private final boolean poisson;
  private final UniformRandomProvider rng;
  private int index = -1;
  private int inMinute;
  private int left;
  private int placed;
  private long minuteStart;
  private double position;

  MinuteArrivals(MinuteCounts counts, Spread spread, UniformRandomProvider rng) {
    this.counts = counts;
    this.poisson = spread == Spread.POISSON;
    this.rng = rng;
  }

  @Override
  public long next() {
    while (left == 0) {
      if (++index >= counts.minutes().length) {
        index = counts.minutes().length;
        return NONE;
      }
      inMinute = counts.counts()[index];
      left = inMinute;
      placed = 0;
      position = 0;
      minuteStart = counts.minutes()[index] * MinuteCounts.MINUTE;
    }
    long offset;
    if (poisson) {
      double v = 1.0 - rng.nextDouble(); // in (0, 1], so the position stays below the minute's end
      position += (1.0 - position) * -Math.expm1(Math.log(v) / left);
      offset = Math.min((long) (position * MinuteCounts.MINUTE), MinuteCounts.MINUTE - 1);
    } else {
      offset = (long) ((placed + 0.5) * MinuteCounts.MINUTE / inMinute);
    }
    placed++;
    left--;
    return minuteStart + offset;
  }
}
