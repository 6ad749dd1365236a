package dev.polyvirt.models.datacenter.power;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The decisions of dynamic consolidation at one step (CCPE 2012 §5, CloudSim 3.0.3's
 * {@code PowerVmAllocationPolicyMigrationAbstract}): find overloaded hosts, shed VMs from each
 * by minimum migration time (least RAM first) until it is no longer overloaded, place them by
 * power-aware best fit decreasing (the host whose power rises least, never one the move would
 * overload), then drain the least-utilised hosts one by one when all their VMs fit elsewhere.
 * Placement scans the hosts (the minimum power increase has no index), as the paper's does.
 * In CloudSim mode ({@link PowerManagement#asCloudSim()}) it reads hosts as CloudSim's policy
 * does, at their state when the round started, and drains the targets of overload migrations too.
 */
final class Placement {
  private final ConsolidationRun run;
  private final double[] buffer = new double[ConsolidationRun.HISTORY];
  /** Each host's MIPS at the start of this round (all 0 while the VMs are created): CloudSim mode reads these. */
  private final double[] roundStart;
  private final boolean cloudSim;
  private OverloadDetector detector;
  /** Migrations ordered by the overloaded-host phase (the rest drained underloaded hosts). */
  int fromOverloaded;

  Placement(ConsolidationRun run) {
    this.run = run;
    this.roundStart = new double[run.hosts.length];
    this.cloudSim = run.policy.cloudSim();
  }

  /** Returns the first host that fits VM {@code v}, or -1. */
  int firstFitHost(int v) {
    for (int h = 0; h < run.hosts.length; h++) if (run.suitable(v, h)) return h;
    return -1;
  }

  /** Returns the host whose power rises least by taking VM {@code v} without overloading, or -1. */
  int powerAwareHost(int v, boolean[] excluded) {
    int best = -1;
    double bestIncrease = Double.MAX_VALUE;
    double demand = run.demand(v);
    for (int h = 0; h < run.hosts.length; h++) {
      if (excluded[h] || !run.suitable(v, h)) continue;
      double total = run.hosts[h].totalMips();
      double before = cloudSim ? Math.min(1, roundStart[h] / total) : run.hostMips[h] / total;
      double increase = run.hosts[h].power().watts((run.hostMips[h] + demand) / total) - run.hosts[h].power().watts(before);
      if (increase >= bestIncrease) continue;
      // the detector only for a host that would win: same choice, far fewer detector runs
      boolean empty = cloudSim ? roundStart[h] == 0 : run.hostMips[h] == 0;
      if (!empty && detector != null && overloaded(h, v)) continue;
      bestIncrease = increase;
      best = h;
    }
    return best;
  }

  /** Returns true when host {@code h} is overloaded, counting VM {@code plus} as placed on it (-1: none). */
  boolean overloaded(int h, int plus) {
    int full = run.window();
    int w = Math.min(full, detector.window());
    int from = full - w;
    double total = run.hosts[h].totalMips();
    double slowest = 0;
    for (int v : run.hostVms.get(h)) slowest = Math.max(slowest, run.migrationSeconds(v, h));
    if (plus >= 0) slowest = Math.max(slowest, run.migrationSeconds(plus, h));
    for (int j = 0; j < w; j++) buffer[j] = (run.hostHistory[h][from + j] + (plus >= 0 ? run.demandAt(plus, from + j) : 0)) / total;
    return detector.overloaded(buffer, w, slowest, run.interval);
  }

  /** Starts a round with detector {@code d}: notes each host's MIPS as CloudSim's between-rounds view. */
  void startRound(OverloadDetector d) {
    detector = d;
    System.arraycopy(run.hostMips, 0, roundStart, 0, run.hosts.length);
  }

  /** Runs one round of consolidation with {@code d}. */
  void optimise(OverloadDetector d) {
    startRound(d);
    int hosts = run.hosts.length;
    boolean[] over = new boolean[hosts];
    boolean[] off = new boolean[hosts];
    List<int[]> shed = new ArrayList<>(); // {vm, source}
    for (int h = 0; h < hosts; h++) {
      off[h] = run.hostMips[h] == 0;
      if (run.hostVms.get(h).isEmpty() || !overloaded(h, -1)) continue;
      over[h] = true;
      while (!run.hostVms.get(h).isEmpty()) {
        int pick = run.hostVms.get(h).stream().min(Comparator.comparingLong((Integer v) -> run.vms[v].memoryMiB())).get();
        run.detach(pick);
        shed.add(new int[] {pick, h});
        if (!overloaded(h, -1)) break;
      }
    }
    shed.sort(Comparator.comparingDouble((int[] a) -> -run.demand(a[0])));
    boolean[] exclude = over.clone();
    boolean[] notToDrain = new boolean[hosts];
    for (int[] s : shed) {
      int to = powerAwareHost(s[0], exclude);
      if (to < 0) {
        run.attach(s[0], s[1]);
        continue;
      }
      run.attach(s[0], s[1]);
      run.migrate(s[0], to);
      fromOverloaded++;
      // spared from draining this round, as CloudSim's comment intends; its list of them is still empty there
      if (!cloudSim) notToDrain[to] = true;
    }
    drainUnderloaded(over, off, notToDrain);
  }

  private void drainUnderloaded(boolean[] over, boolean[] off, boolean[] notToDrain) {
    int hosts = run.hosts.length;
    boolean[] noTarget = new boolean[hosts];
    for (int h = 0; h < hosts; h++) {
      noTarget[h] = over[h] || off[h];
      notToDrain[h] |= over[h] || off[h];
    }
    while (true) {
      int least = -1;
      double min = Double.MAX_VALUE;
      for (int h = 0; h < hosts; h++) {
        if (notToDrain[h] || run.hostMips[h] <= 0) continue;
        double u = cloudSim ? Math.min(1, roundStart[h] / run.hosts[h].totalMips()) : run.utilisation(h);
        if (u < min && !(cloudSim && u >= 1)) {
          min = u;
          least = h;
        }
      }
      if (least < 0) return;
      notToDrain[least] = true;
      noTarget[least] = true;
      List<Integer> out = new ArrayList<>(run.hostVms.get(least));
      out.sort(Comparator.comparingDouble((Integer v) -> -run.demand(v)));
      List<int[]> moved = new ArrayList<>();
      boolean all = true;
      for (int v : out) {
        int to = powerAwareHost(v, noTarget);
        if (to < 0) {
          all = false;
          break;
        }
        run.detach(v);
        run.attach(v, to);
        moved.add(new int[] {v, to});
      }
      for (int i = moved.size() - 1; i >= 0; i--) {
        int v = moved.get(i)[0];
        run.detach(v);
        run.attach(v, least);
      }
      if (!all) continue;
      for (int[] m : moved) {
        run.migrate(m[0], m[1]);
        notToDrain[m[1]] = true;
      }
    }
  }
}
