package dev.polyvirt.models.datacenter;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.metrics.StepSeries;
import dev.polyvirt.models.ModelResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Busy MIPS-seconds of the first hosts in equal time buckets over [0, horizon], for the report's
 * per-host heat map: each interval a {@link BatchRun} accrues is split exactly across the buckets
 * it overlaps, so a bucket's utilisation is its busy work over the host's MIPS × the bucket's
 * width. Work after the horizon (a batch that runs past it) falls in no bucket and is left out.
 * Memory is hosts × buckets whatever the number of events.
 */
final class HostHeat {
  /** Buckets over the horizon: 48 gives half-hour cells on a one-day run, legible in one chart row. */
  static final int BUCKETS = 48;

  private final long horizon;
  private final int buckets;
  private final double[][] busy;

  HostHeat(long horizonNanos, int buckets, int hosts) {
    if (horizonNanos <= 0 || buckets <= 0 || hosts < 0) throw new IllegalArgumentException("need a horizon, buckets and hosts");
    this.horizon = horizonNanos;
    this.buckets = buckets;
    this.busy = new double[hosts][buckets];
  }

  /** Adds host {@code h} serving {@code mips} from {@code from} to {@code to} (ns); hosts past the tracked ones are ignored. */
  void add(int h, long from, long to, double mips) {
    if (h >= busy.length || mips == 0) return;
    long end = Math.min(to, horizon);
    long t = Math.max(0, from);
    if (t >= end) return;
    int k = bucketOf(t);
    while (t < end) {
      long bucketEnd = StepSeries.boundary(horizon, buckets, k + 1);
      long stop = Math.min(end, bucketEnd);
      busy[h][k] += mips * SimTime.toSeconds(stop - t);
      t = stop;
      k++;
    }
  }

  private int bucketOf(long t) {
    int k = (int) Math.min(buckets - 1, (long) ((double) t / horizon * buckets));
    while (k > 0 && StepSeries.boundary(horizon, buckets, k) > t) k--;
    while (k < buckets - 1 && StepSeries.boundary(horizon, buckets, k + 1) <= t) k++;
    return k;
  }

  /** Returns the busy MIPS-seconds of tracked host {@code h} in bucket {@code k}. */
  double busyMipsSeconds(int h, int k) {
    return busy[h][k];
  }

  /** Returns the heat map: per tracked host, busy work over capacity in each bucket (0–1). */
  ModelResult.HostHeatMap map(Cluster cluster) {
    List<String> names = new ArrayList<>(busy.length);
    List<List<Double>> rows = new ArrayList<>(busy.length);
    for (int h = 0; h < busy.length; h++) {
      names.add("host " + h);
      double mips = cluster.model(h).totalMips();
      List<Double> row = new ArrayList<>(buckets);
      for (int k = 0; k < buckets; k++) {
        double seconds = SimTime.toSeconds(StepSeries.boundary(horizon, buckets, k + 1) - StepSeries.boundary(horizon, buckets, k));
        row.add(seconds == 0 || mips == 0 ? 0 : busy[h][k] / (mips * seconds));
      }
      rows.add(row);
    }
    return new ModelResult.HostHeatMap(StepSeries.boundary(horizon, buckets, 1), horizon, names, rows);
  }
}
