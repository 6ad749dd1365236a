package dev.polyvirt.models.datacenter;

/**
 * A DRS-style balancer: every {@code intervalNanos} it compares the most and least loaded hosts
 * that are up, empty ones included (DRS may power a standby host on; load = CPU demand /
 * capacity) and, when they differ by more than
 * {@code imbalance}, live-migrates from the busiest host the smallest busy VM that fits on the
 * idlest and narrows the gap — one move per round, as DRS rate-limits its recommendations.
 * It stops when nothing else is left to happen, or the run is over. The scan over hosts is once
 * per round, not per task. With {@code poweredOnOnly} (consolidation switches hosts off, as
 * vSphere DPM does) it balances among the hosts running VMs only, so the two do not undo each other.
 */
public record DrsBalancer(long intervalNanos, double imbalance, boolean poweredOnOnly) {
  /** A balancer that may move a VM to an empty host (DRS powering a standby host on). */
  public DrsBalancer(long intervalNanos, double imbalance) {
    this(intervalNanos, imbalance, false);
  }

  /** Schedules the balancer on {@code run}. */
  public void schedule(BatchRun run) {
    run.every(intervalNanos, () -> balance(run));
  }

  /** Makes at most one migration; returns true when it made one. */
  public boolean balance(BatchRun run) {
    Cluster c = run.cluster();
    int busiest = -1, idlest = -1;
    for (int h = 0; h < c.hosts(); h++) {
      if (!c.isUp(h) || c.isReserved(h)) continue; // DRS leaves the failover hosts empty
      if (poweredOnOnly && c.vmCount(h) == 0) continue; // with consolidation (DPM), standby hosts stay off
      if (c.vmCount(h) > 0 && (busiest < 0 || run.load(h) > run.load(busiest))) busiest = h;
      if (idlest < 0 || run.load(h) < run.load(idlest)) idlest = h;
    }
    if (busiest < 0 || busiest == idlest || run.load(busiest) - run.load(idlest) <= imbalance) return false;
    int pick = -1;
    double gap = run.load(busiest) - run.load(idlest);
    for (int i = 0; i < c.vmCount(busiest); i++) {
      int v = c.vmOn(busiest, i);
      double d = run.demand(v);
      double shift = d / (c.model(idlest).totalMips());
      if (d <= 0 || run.isMigrating(v) || !c.fits(v, idlest) || shift >= gap) continue;
      if (pick < 0 || d < run.demand(pick)) pick = v;
    }
    if (pick < 0) return false;
    run.migrate(pick, idlest);
    return true;
  }
}
