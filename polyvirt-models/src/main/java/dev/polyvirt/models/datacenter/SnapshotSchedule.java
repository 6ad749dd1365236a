package dev.polyvirt.models.datacenter;

import dev.polyvirt.engine.SimTime;

/**
 * Periodic VM snapshots stored incrementally, as EBS's standard tier stores them (AWS re:Post,
 * "How am I billed for my Amazon EBS snapshots?": the first snapshot keeps the written data in
 * full, each later one only the blocks changed since the previous). A snapshot is taken every
 * {@code everyNanos} from t = 0; the {@code retention} newest are kept (deleting the oldest folds
 * its blocks into the next, so the chain holds one full copy plus {@code retention − 1} increments);
 * each increment is {@code changeShare} of the disk. Storage is integrated over time in GB-months
 * (730-hour months, the billing month); creation time is the data written over {@code throughputMBps}.
 */
public record SnapshotSchedule(long everyNanos, int retention, double changeShare, double throughputMBps) {
  public SnapshotSchedule {
    if (everyNanos <= 0 || retention < 1) throw new IllegalArgumentException("snapshots need a positive interval and retention ≥ 1");
    if (!(changeShare >= 0 && changeShare <= 1) || !(throughputMBps > 0)) throw new IllegalArgumentException("bad change share or throughput");
  }

  /** What one VM's snapshots over a horizon amount to. */
  public record Usage(long snapshots, double gbMonths, double creationSeconds) {}

  /** Returns one VM's snapshots over {@code horizonNanos} for a disk of {@code diskGb} written GB. */
  public Usage of(double diskGb, long horizonNanos) {
    long n = horizonNanos <= 0 ? 0 : (horizonNanos - 1) / everyNanos + 1; // at 0, every, 2·every, … before the horizon
    double gbNanos = 0;
    for (long k = 1; k <= n; k++) {
      long from = (k - 1) * everyNanos;
      long to = Math.min(horizonNanos, k * everyNanos);
      double stored = diskGb * (1 + changeShare * (Math.min(k, retention) - 1));
      gbNanos += stored * (to - from);
    }
    double written = n == 0 ? 0 : diskGb * (1 + changeShare * (n - 1));
    return new Usage(n, gbNanos / SimTime.NANOS_PER_BILLING_MONTH, written * 1000 / throughputMBps);
  }
}
