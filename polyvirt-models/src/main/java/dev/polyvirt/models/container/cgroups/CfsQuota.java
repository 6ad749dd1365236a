package dev.polyvirt.models.container.cgroups;

import dev.polyvirt.engine.SimTime;

/**
 * CPU limits as the Linux CFS bandwidth controller enforces them (kernel docs,
 * "CFS Bandwidth Control"; Kubernetes sets {@code cpu.cfs_quota_us} = limit × {@code cpu.cfs_period_us},
 * period 100 ms): within each period a container may use at most its quota of CPU time; once it
 * has, all its threads are throttled until the next period starts, so work spreads into later
 * periods.
 *
 * <p>A request that keeps {@code demandCores} busy for {@code nanos} (its unthrottled duration)
 * in a container limited to {@code limitCores}, sharing it with {@code inFlight} − 1 other
 * requests that run alongside, gets {@code limit / inFlight} of each period's quota. It runs at
 * full speed until that share is used, waits for the period to end, and so on. Requests are taken
 * to start at a period boundary (the quota timer is per cgroup; the worst and the best phase
 * differ by less than one period).
 */
public final class CfsQuota {
  /** {@code cpu.cfs_period_us} default and Kubernetes' choice: 100 ms. */
  public static final long PERIOD = 100 * SimTime.NANOS_PER_MILLI;

  private CfsQuota() {}

  /** Returns the wall time of the request under the limit (≥ {@code nanos}). */
  public static long throttled(long nanos, double demandCores, double limitCores, int inFlight) {
    if (nanos <= 0 || demandCores <= 0) return nanos;
    double share = limitCores / Math.max(1, inFlight); // cores of quota this request gets per period
    if (share >= demandCores) return nanos;
    double work = nanos * demandCores; // core-ns
    double quota = share * PERIOD; // core-ns per period
    long full = (long) Math.floor(work / quota);
    double rest = work - full * quota;
    if (rest <= 1e-6) {
      full -= 1;
      rest = quota;
    }
    return full * PERIOD + (long) Math.ceil(rest / demandCores);
  }
}
