package dev.polyvirt.models.datacenter.power;

import dev.polyvirt.models.datacenter.HostModel;
import dev.polyvirt.models.datacenter.PreCopy;
import dev.polyvirt.models.datacenter.VmShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Replays utilisation traces on hosts under a {@link PowerManagement} policy, on the trace's own
 * sampling grid (the workload is only known every 300 s, so this model is interval-driven by
 * its input, not by a scheduler setting).
 *
 * <p>It follows CloudSim 3.0.3's power package, which produced the published results: VM demand
 * is its trace × its MIPS; initial placement at full MIPS (first fit for DVFS, power-aware best
 * fit for consolidation); energy per interval is the trapezoid between the power at the previous
 * and current utilisation, and nothing when the previous utilisation was 0 (host off); a live
 * migration lasts RAM / (half the host bandwidth) and costs the VM 10 % of its demand meanwhile.
 */
public final class ConsolidationRun {
  static final int HISTORY = 30; // CloudSim PowerVm.HISTORY_LENGTH
  static final double MIGRATION_DEGRADATION = 0.1;

  final HostModel[] hosts;
  final VmShape[] vms;
  final double[][] trace;
  final double interval;
  final PowerManagement policy;
  final int[] vmHost;
  final List<List<Integer>> hostVms = new ArrayList<>();
  final double[] hostMips;
  final long[] ramFree;
  /** Each host's MIPS demand over the last {@link #window()} samples, summed over its current VMs. */
  final double[][] hostHistory;
  int step;
  boolean instantiating = true;
  int migrations;
  double degradedMips;

  ConsolidationRun(List<HostModel> hosts, List<VmShape> vms, double[][] trace, double interval, PowerManagement policy) {
    if (trace.length != vms.size()) throw new IllegalArgumentException("one trace per VM: " + trace.length + " traces, " + vms.size() + " VMs");
    this.hosts = hosts.toArray(new HostModel[0]);
    this.vms = vms.toArray(new VmShape[0]);
    this.trace = trace;
    this.interval = interval;
    this.policy = policy;
    vmHost = new int[vms.size()];
    Arrays.fill(vmHost, -1);
    hostMips = new double[hosts.size()];
    ramFree = new long[hosts.size()];
    hostHistory = new double[hosts.size()][HISTORY];
    for (int h = 0; h < hosts.size(); h++) {
      hostVms.add(new ArrayList<>());
      ramFree[h] = this.hosts[h].memoryMiB();
    }
  }

  /** Runs one day (or the traces' length) and returns the policy's figures. */
  public static ConsolidationResult run(List<HostModel> hosts, List<VmShape> vms, double[][] trace, double intervalSeconds,
      PowerManagement policy) {
    return new ConsolidationRun(hosts, vms, trace, intervalSeconds, policy).execute();
  }

  private ConsolidationResult execute() {
    int samples = trace.length == 0 ? 0 : trace[0].length;
    Placement placement = new Placement(this);
    for (int v = 0; v < vms.length; v++) {
      int h = policy.consolidation().isPresent() ? placement.powerAwareHost(v, new boolean[hosts.length]) : placement.firstFitHost(v);
      if (h < 0) throw new IllegalStateException("VM " + v + " (" + vms[v].name() + ") fits on no host");
      attach(v, h);
    }
    instantiating = false;
    if (!policy.followsLoad()) {
      double watts = 0;
      for (HostModel m : hosts) watts += m.power().maxWatts();
      return new ConsolidationResult(policy.name(), watts * samples * interval / 3.6e6, 0, 0, 0, 0, hosts.length, 0);
    }
    double joules = 0, activeSeconds = 0, overSeconds = 0, requestedMips = 0, activeHostSteps = 0;
    int shutdowns = 0;
    double[] prevUtil = new double[hosts.length];
    boolean[] prevOver = new boolean[hosts.length];
    for (int k = 0; k <= samples; k++) {
      step = Math.min(k, samples - 1); // CloudSim repeats the last sample to close the day
      recomputeDemand();
      if (k > 0) {
        for (int h = 0; h < hosts.length; h++) {
          if (prevUtil[h] == 0) continue;
          double u = utilisation(h);
          joules += (hosts[h].power().watts(prevUtil[h]) + hosts[h].power().watts(u)) / 2 * interval;
          activeSeconds += interval;
          activeHostSteps++;
          if (prevOver[h]) overSeconds += interval;
          if (u == 0) shutdowns++;
        }
      }
      if (k == samples) break;
      for (int v = 0; v < vms.length; v++) requestedMips += demand(v) * interval;
      if (policy.consolidation().isPresent()) placement.optimise(policy.consolidation().get());
      for (int h = 0; h < hosts.length; h++) {
        prevUtil[h] = utilisation(h);
        // CloudSim's SLATAH counts time when a host allocates less than its VMs request
        prevOver[h] = hostMips[h] > hosts[h].totalMips();
      }
    }
    return new ConsolidationResult(policy.name(), joules / 3.6e6, migrations, activeSeconds == 0 ? 0 : overSeconds / activeSeconds,
        requestedMips == 0 ? 0 : degradedMips / requestedMips, shutdowns, samples == 0 ? 0 : activeHostSteps / samples,
        placement.fromOverloaded);
  }

  /** Returns VM {@code v}'s CPU demand in MIPS now (its full MIPS while being created). */
  double demand(int v) {
    return instantiating ? vms[v].mipsPerVcpu() * vms[v].vcpus() : trace[v][step] * vms[v].mipsPerVcpu() * vms[v].vcpus();
  }

  double utilisation(int h) {
    return Math.min(1, hostMips[h] / hosts[h].totalMips());
  }

  void recomputeDemand() {
    Arrays.fill(hostMips, 0);
    for (int v = 0; v < vms.length; v++) if (vmHost[v] >= 0) hostMips[vmHost[v]] += demand(v);
    rebuildHistory();
  }

  /**
   * Returns true when host {@code h} can take VM {@code v} now: core speed, free MIPS, and free
   * memory — which CloudSim 3.0.3 checks only when a VM is created: a migrating PlanetLab VM asks
   * for its cloudlet's RAM utilisation, and the example gives cloudlets {@code UtilizationModelNull}
   * (0). {@link PowerManagement#strictMemory} checks memory at every move instead.
   */
  boolean suitable(int v, int h) {
    return hosts[h].mipsPerCore() >= coreDemand(v) && hosts[h].totalMips() - hostMips[h] >= demand(v)
        && (!(instantiating || policy.strictMemory()) || ramFree[h] >= vms[v].memoryMiB());
  }

  /**
   * Returns the speed one of VM {@code v}'s vCPUs needs from a host core: its nominal MIPS, so a
   * VM never lands where its vCPU could not run at full speed; in CloudSim mode its current demand
   * per vCPU once created ({@code Host.isSuitableForVm} compares the PE capacity with
   * {@code Vm.getCurrentRequestedMaxMips()}), which lets a 2,500-MIPS VM running at 12 % move
   * onto a 1,860-MIPS G4 core.
   */
  double coreDemand(int v) {
    return policy.cloudSim() && !instantiating ? demand(v) / vms[v].vcpus() : vms[v].mipsPerVcpu();
  }

  void attach(int v, int h) {
    vmHost[v] = h;
    hostVms.get(h).add(v);
    hostMips[h] += demand(v);
    ramFree[h] -= vms[v].memoryMiB();
    addHistory(v, h, 1);
  }

  void detach(int v) {
    int h = vmHost[v];
    hostVms.get(h).remove((Integer) v);
    hostMips[h] -= demand(v);
    ramFree[h] += vms[v].memoryMiB();
    vmHost[v] = -1;
    addHistory(v, h, -1);
  }

  /** Returns how many samples of history the detectors see now (up to CloudSim's 30). */
  int window() {
    return instantiating ? 1 : Math.min(HISTORY, step + 1);
  }

  /** Returns VM {@code v}'s demand {@code j} samples into the current window. */
  double demandAt(int v, int j) {
    if (instantiating) return demand(v);
    return trace[v][step - window() + 1 + j] * vms[v].mipsPerVcpu() * vms[v].vcpus();
  }

  private void addHistory(int v, int h, int sign) {
    int w = window();
    for (int j = 0; j < w; j++) hostHistory[h][j] += sign * demandAt(v, j);
  }

  /** Rebuilds every host's history window for the current step. */
  void rebuildHistory() {
    for (double[] row : hostHistory) Arrays.fill(row, 0);
    for (int v = 0; v < vms.length; v++) if (vmHost[v] >= 0) addHistory(v, vmHost[v], 1);
  }

  /** Moves VM {@code v} live to host {@code to}, counting the migration and its degradation. */
  void migrate(int v, int to) {
    double seconds = migrationSeconds(v, to);
    degradedMips += MIGRATION_DEGRADATION * demand(v) * seconds;
    migrations++;
    detach(v);
    attach(v, to);
  }

  /** Pre-copy time as CloudSim counts it: RAM over half the target's bandwidth (MB over MB/s). */
  double migrationSeconds(int v, int host) {
    return PreCopy.cloudSimSeconds(vms[v].memoryMiB(), hosts[host].bandwidthMbps());
  }
}
