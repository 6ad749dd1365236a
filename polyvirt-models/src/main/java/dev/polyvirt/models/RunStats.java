package dev.polyvirt.models;

import dev.polyvirt.engine.metrics.LatencyRecorder;
import dev.polyvirt.engine.metrics.TimeWeighted;

/**
 * What every platform counts while it runs: requests and their fates, latencies, instances
 * alive and busy. Instances and busy time stop counting at the horizon (the span that is billed
 * and averaged); requests already admitted still finish and have their latency recorded.
 */
public final class RunStats {
  public final LatencyRecorder latency = new LatencyRecorder();
  /** Instances alive (booting, idle or busy), for avgInstances and peakInstances. */
  public final TimeWeighted instances = new TimeWeighted();
  /** Serving slots in use, for utilisation. */
  public final TimeWeighted busy = new TimeWeighted();
  /** Serving slots alive, for utilisation (instances × slots per instance). */
  public final TimeWeighted capacity = new TimeWeighted();
  public long requests;
  public long completed;
  public long failed;
  public long throttled;
  public long timedOut;
  public long coldStarts;
  private final long horizon;

  /** Creates stats for a run whose billed span ends at {@code horizon}. */
  public RunStats(long horizon) {
    this.horizon = horizon;
  }

  /** Returns the end of the billed span. */
  public long horizon() {
    return horizon;
  }

  /** Changes the alive-instance count at {@code now} (ignored past the horizon). */
  public void instances(long now, long delta) {
    if (now <= horizon) instances.add(now, delta);
  }

  /** Changes the busy-slot count at {@code now} (ignored past the horizon). */
  public void busy(long now, long delta) {
    if (now <= horizon) busy.add(now, delta);
  }

  /** Changes the alive-slot count at {@code now} (ignored past the horizon). */
  public void capacity(long now, long delta) {
    if (now <= horizon) capacity.add(now, delta);
  }

  /** Counts requests still waiting when nothing is left to serve them as failed. */
  public void unserved(long waiting) {
    failed += waiting;
  }

  /** Returns busy slot-time over alive slot-time in the billed span. */
  public double utilization() {
    double cap = capacity.integralSeconds(horizon);
    return cap <= 0 ? 0 : busy.integralSeconds(horizon) / cap;
  }
}
