package dev.polyvirt.models;

import dev.polyvirt.engine.Simulation;
import dev.polyvirt.engine.metrics.LatencyRecorder;
import dev.polyvirt.engine.metrics.StepSeries;
import dev.polyvirt.engine.metrics.TimeWeighted;

/**
 * What every platform counts while it runs: requests and their fates, latencies, instances
 * alive and busy. Instances and busy time stop counting at the horizon (the span that is billed
 * and averaged); requests already admitted still finish and have their latency recorded.
 *
 * <p>It also keeps the run's time series for the report in {@link #BUCKETS} equal buckets over
 * the horizon: instances, busy and alive slots as exact per-bucket integrals (every change goes
 * through the methods below), and arrivals and cold starts per bucket, read from the counters by
 * a sampling event at each bucket boundary ({@link #sampleCountersOn}). Models need not know.
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
  /** Buckets of the time series: 200 points draw a smooth line on a laptop-wide chart and stay a few KB. */
  public static final int BUCKETS = 200;
  private final StepSeries instanceSeries;
  private final StepSeries busySeries;
  private final StepSeries capacitySeries;
  /** {@code requests} and {@code coldStarts} at the start of each bucket (index 0 is the start of the run). */
  private final long[] requestsAt = new long[BUCKETS];
  private final long[] coldStartsAt = new long[BUCKETS];
  private boolean sampled;

  /** Creates stats for a run whose billed span ends at {@code horizon}. */
  public RunStats(long horizon) {
    this.horizon = horizon;
    instanceSeries = new StepSeries(horizon, BUCKETS);
    busySeries = new StepSeries(horizon, BUCKETS);
    capacitySeries = new StepSeries(horizon, BUCKETS);
    java.util.Arrays.fill(requestsAt, 1, BUCKETS, -1);
    java.util.Arrays.fill(coldStartsAt, 1, BUCKETS, -1);
  }

  /** Returns the end of the billed span. */
  public long horizon() {
    return horizon;
  }

  /** Changes the alive-instance count at {@code now} (ignored past the horizon). */
  public void instances(long now, long delta) {
    if (now <= horizon) {
      instances.add(now, delta);
      instanceSeries.add(now, delta);
    }
  }

  /** Changes the busy-slot count at {@code now} (ignored past the horizon). */
  public void busy(long now, long delta) {
    if (now <= horizon) {
      busy.add(now, delta);
      busySeries.add(now, delta);
    }
  }

  /** Changes the alive-slot count at {@code now} (ignored past the horizon). */
  public void capacity(long now, long delta) {
    if (now <= horizon) {
      capacity.add(now, delta);
      capacitySeries.add(now, delta);
    }
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

  /**
   * Schedules a read of the request and cold-start counters at every bucket boundary. Called when
   * the run starts (before any arrival is scheduled), so each read fires before the other events
   * of its instant and a bucket counts what happened in [start, end). It changes no state a model
   * reads, so results do not move.
   */
  public void sampleCountersOn(Simulation sim) {
    if (sampled) return;
    sampled = true;
    for (int k = 1; k < BUCKETS; k++) {
      int bucket = k;
      sim.at(StepSeries.boundary(horizon, BUCKETS, k), payload -> {
        requestsAt[bucket] = requests;
        coldStartsAt[bucket] = coldStarts;
      }, 0);
    }
  }

  /**
   * Returns the run's time series. Arrivals and cold starts are per bucket; the last bucket also
   * holds those counted after the horizon (requests drained late), so each sums to its total.
   * Without {@link #sampleCountersOn} they are all zero but the last, which holds the totals.
   */
  public ModelResult.Series series() {
    double[] inst = instanceSeries.means();
    long[] peak = instanceSeries.peaks();
    double[] busyS = busySeries.integralsSeconds();
    double[] capS = capacitySeries.integralsSeconds();
    double[] util = new double[BUCKETS];
    for (int k = 0; k < BUCKETS; k++) util[k] = capS[k] <= 0 ? 0 : busyS[k] / capS[k];
    long[] arrivals = new long[BUCKETS];
    long[] cold = new long[BUCKETS];
    long[] reqAt = requestsAt.clone();
    long[] coldAt = coldStartsAt.clone();
    for (int k = 1; k < BUCKETS; k++) {
      // a boundary the run never reached (or none sampled): what follows lands in the last bucket reached
      if (reqAt[k] < 0) reqAt[k] = sampled ? requests : 0;
      if (coldAt[k] < 0) coldAt[k] = sampled ? coldStarts : 0;
    }
    for (int k = 0; k < BUCKETS; k++) {
      arrivals[k] = (k + 1 < BUCKETS ? reqAt[k + 1] : requests) - reqAt[k];
      cold[k] = (k + 1 < BUCKETS ? coldAt[k + 1] : coldStarts) - coldAt[k];
    }
    return new ModelResult.Series(StepSeries.boundary(horizon, BUCKETS, 1), horizon, inst, peak, util, arrivals, cold);
  }
}
