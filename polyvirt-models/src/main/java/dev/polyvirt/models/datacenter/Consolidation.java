package dev.polyvirt.models.datacenter;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.datacenter.power.OverloadDetector;
import java.util.ArrayList;
import java.util.List;

/**
 * Power-aware dynamic consolidation (Beloglazov &amp; Buyya, "Optimal online deterministic
 * algorithms and adaptive heuristics for energy and performance efficient dynamic consolidation
 * of virtual machines in cloud data centers", CCPE 2012, §5–6) on the spec-driven datacenter.
 * Every {@code intervalNanos} it records each VM's mean MIPS over the last interval (a host's
 * history is its current VMs' histories summed, so a history moves with its VM, as CloudSim's
 * {@code PowerHostUtilizationHistory} does), then:
 * <ol>
 *   <li>each host the {@link OverloadDetector} (THR, IQR, MAD, LR) finds overloaded sheds VMs
 *       chosen by minimum migration time — the smallest memory, as every VM of a host migrates over
 *       the same link — until the detector no longer fires;</li>
 *   <li>the shed VMs, largest demand first, go to the host whose power rises least and which the
 *       detector would not find overloaded with them (power-aware best fit decreasing, PABFD); a
 *       switched-off host counts its whole power;</li>
 *   <li>with {@code underload}, the least-utilised hosts are emptied in turn when every one of
 *       their VMs fits elsewhere on a powered-on host (all or none), and switch off.</li>
 * </ol>
 * Failover hosts are never targets; hosts that are down, VMs that are down or already migrating
 * are left alone; capacity is checked under the overcommit ratios. Cost per round: O(VMs × window)
 * to sample and sum the histories, a sort of the hosts, and per VM placed O(log hosts) per host
 * model and power state through {@link PowerAwareFit}'s {@link HostIndex} trees — never per task.
 */
public final class Consolidation {
  private final long intervalNanos;
  private final OverloadDetector detector;
  private final boolean underload;
  private double[][] vmHistory;
  private double[] previousWork;
  private int samples;
  private int window;

  /** Creates the policy: detection every {@code intervalNanos} with {@code detector}, emptying underloaded hosts when {@code underload}. */
  public Consolidation(long intervalNanos, OverloadDetector detector, boolean underload) {
    if (intervalNanos <= 0) throw new IllegalArgumentException("consolidation needs a positive interval");
    this.intervalNanos = intervalNanos;
    this.detector = detector;
    this.underload = underload;
  }

  /** Schedules the rounds on {@code run}; they stop once the run is over or nothing else is left to happen. */
  public void schedule(BatchRun run) {
    int vms = run.cluster().vms();
    window = Math.max(1, detector.window());
    vmHistory = new double[vms][window];
    previousWork = new double[vms];
    run.every(intervalNanos, () -> round(run));
  }

  /** Samples the VMs, sheds load from overloaded hosts and empties underloaded ones; returns the migrations made. */
  int round(BatchRun run) {
    sample(run);
    Cluster c = run.cluster();
    int hosts = c.hosts();
    int len = Math.min(samples, window);
    double[][] hist = new double[hosts][window];
    for (int v = 0; v < c.vms(); v++) if (c.hostOf(v) >= 0) add(hist, c, v, c.hostOf(v), 1);
    boolean[] overloaded = new boolean[hosts];
    boolean[] received = new boolean[hosts];
    int moves = 0;
    for (int h = 0; h < hosts; h++) {
      if (!c.isUp(h) || c.vmCount(h) == 0 || !overloaded(c, h, hist[h], len)) continue;
      overloaded[h] = true;
      run.operations().overloadDetections++;
    }
    PowerAwareFit fit = new PowerAwareFit(c, run.switchesOffEmptyHosts(), overloaded);
    for (int h = 0; h < hosts; h++) {
      if (!overloaded[h]) continue;
      List<Integer> shed = new ArrayList<>();
      while (overloaded(c, h, hist[h], len)) {
        int v = minimumMigrationTime(run, h, shed);
        if (v < 0) break;
        shed.add(v);
        add(hist, c, v, h, -1);
      }
      shed.sort((a, b) -> Double.compare(run.demand(b), run.demand(a)) != 0 ? Double.compare(run.demand(b), run.demand(a)) : a - b);
      for (int v : shed) {
        int t = target(fit, c, v, hist, len, true);
        if (t < 0) {
          add(hist, c, v, h, 1); // no host takes it: it stays
          continue;
        }
        add(hist, c, v, t, 1);
        run.migrate(v, t);
        fit.refresh(h);
        fit.refresh(t);
        received[t] = true;
        moves++;
      }
    }
    if (underload) moves += emptyUnderloaded(run, fit, hist, len, overloaded, received);
    run.operations().consolidationMigrations += moves;
    return moves;
  }

  /**
   * Empties the least-utilised hosts in turn (least first, ties to the lower host) when all their
   * VMs fit on powered-on hosts; returns the migrations. A host's utilisation changes in a round
   * only when it receives VMs, and then it is no longer a candidate, so one sort orders the round.
   */
  private int emptyUnderloaded(BatchRun run, PowerAwareFit fit, double[][] hist, int len, boolean[] overloaded, boolean[] received) {
    Cluster c = run.cluster();
    Integer[] order = new Integer[c.hosts()];
    for (int h = 0; h < order.length; h++) order[h] = h;
    java.util.Arrays.sort(order, (a, b) -> Double.compare(last(hist[a], len), last(hist[b], len)) != 0
        ? Double.compare(last(hist[a], len), last(hist[b], len)) : a - b);
    int moves = 0;
    for (int h : order) {
      if (overloaded[h] || received[h] || !c.isUp(h) || c.isReserved(h) || c.vmCount(h) == 0) continue;
      fit.close(h); // nothing moves onto a host being emptied
      int n = c.vmCount(h);
      int[] vms = new int[n];
      boolean movable = true;
      for (int i = 0; i < n; i++) {
        vms[i] = c.vmOn(h, i);
        movable &= !run.isDown(vms[i]) && !run.isMigrating(vms[i]);
      }
      if (!movable) continue;
      java.util.Arrays.sort(vms);
      int[] to = new int[n];
      int placed = 0;
      for (; placed < n; placed++) {
        int v = vms[placed];
        int t = target(fit, c, v, hist, len, false);
        if (t < 0) break;
        to[placed] = t;
        add(hist, c, v, t, 1);
        fit.reserve(v, t, 1);
      }
      for (int i = 0; i < placed; i++) { // undo the tentative placements; done for real below if all fit
        add(hist, c, vms[i], to[i], -1);
        fit.reserve(vms[i], to[i], -1);
      }
      if (placed < n) continue;
      for (int i = 0; i < n; i++) {
        add(hist, c, vms[i], h, -1);
        add(hist, c, vms[i], to[i], 1);
        run.migrate(vms[i], to[i]);
        fit.refresh(to[i]);
        received[to[i]] = true;
        moves++;
      }
      fit.refresh(h);
      run.operations().hostsEmptied++;
    }
    return moves;
  }

  /**
   * Returns the host whose power rises least with VM {@code v} and which the detector would not
   * find overloaded with it ({@link PowerAwareFit}); switched-off hosts only when {@code allowOff}
   * (their whole power counts as the rise); -1 if none.
   */
  private int target(PowerAwareFit fit, Cluster c, int v, double[][] hist, int len, boolean allowOff) {
    double[] with = new double[window];
    double interval = SimTime.toSeconds(intervalNanos);
    return fit.choose(v, allowOff, t -> {
      double mips = c.model(t).totalMips();
      for (int k = 0; k < window; k++) with[k] = hist[t][k] + vmHistory[v][k] / mips;
      return !detector.overloaded(with, len, migrationSeconds(c, v, t), interval);
    }, t -> {
      double mips = c.model(t).totalMips();
      PowerCurve p = c.model(t).power();
      double after = last(hist[t], len) + (len == 0 ? 0 : vmHistory[v][len - 1] / mips);
      return p.watts(after) - (fit.isOn(t) ? p.watts(last(hist[t], len)) : 0);
    });
  }

  /** Returns host {@code h}'s VM with the smallest memory (minimum migration time) that can move now, or -1. */
  private static int minimumMigrationTime(BatchRun run, int h, List<Integer> taken) {
    Cluster c = run.cluster();
    int pick = -1;
    for (int i = 0; i < c.vmCount(h); i++) {
      int v = c.vmOn(h, i);
      if (taken.contains(v) || run.isDown(v) || run.isMigrating(v)) continue;
      long m = c.shape(v).memoryMiB();
      if (pick < 0 || m < c.shape(pick).memoryMiB() || (m == c.shape(pick).memoryMiB() && v < pick)) pick = v;
    }
    return pick;
  }

  private boolean overloaded(Cluster c, int h, double[] history, int len) {
    double slowest = 0;
    for (int i = 0; i < c.vmCount(h); i++) slowest = Math.max(slowest, migrationSeconds(c, c.vmOn(h, i), h));
    return detector.overloaded(history, len, slowest, SimTime.toSeconds(intervalNanos));
  }

  /** CloudSim's migration-time estimate the detectors use: memory over half the host's NIC. */
  private static double migrationSeconds(Cluster c, int v, int h) {
    return PreCopy.cloudSimSeconds(c.shape(v).memoryMiB(), c.model(h).bandwidthMbps());
  }

  /** Adds ({@code sign} 1) or removes (-1) VM {@code v}'s history to host {@code h}'s, as utilisation of the host. */
  private void add(double[][] hist, Cluster c, int v, int h, int sign) {
    double mips = c.model(h).totalMips();
    for (int k = 0; k < window; k++) hist[h][k] += sign * vmHistory[v][k] / mips;
  }

  private static double last(double[] history, int len) {
    return len == 0 ? 0 : history[len - 1];
  }

  /** Appends each VM's mean MIPS over the interval just ended to its history (newest last). */
  private void sample(BatchRun run) {
    double seconds = SimTime.toSeconds(intervalNanos);
    int len = Math.min(samples, window);
    for (int v = 0; v < vmHistory.length; v++) {
      double work = run.workDone(v);
      double mips = (work - previousWork[v]) / seconds;
      previousWork[v] = work;
      double[] h = vmHistory[v];
      if (len == window) System.arraycopy(h, 1, h, 0, window - 1);
      h[Math.min(len, window - 1)] = mips;
    }
    samples++;
  }
}
