package dev.polyvirt.models.datacenter;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.Simulation;

/**
 * Runs batch tasks on the VMs of a {@link Cluster} with exact event times.
 *
 * <p>Each VM keeps a work mark: the instructions one of its running tasks has received since the
 * VM started. All its running tasks advance at the same rate, so a task finishes when the mark
 * reaches its start mark plus its length, and the VM needs one pending event (its earliest
 * finisher) in a heap keyed by that target. A rate changes only when tasks start or end on the
 * VM, or when its host's demand crosses its capacity; then only that VM (or that host's VMs) is
 * brought up to date — never every VM of the datacenter, which is where CloudSim Plus spends its
 * time, and never on a scheduling interval.
 *
 * <p>Contention: a host's VMs demand (busy vCPUs × vCPU MIPS); when that exceeds the host's MIPS
 * after the hypervisor's overhead, every VM on it slows by capacity / demand (time-shared CPU).
 * Energy integrates the host's power curve at its exact utilisation between events; an empty
 * host can be switched off (0 W).
 */
public final class BatchRun {
  private final Cluster cluster;
  private final BatchJobs jobs;
  private final TaskExecution mode;
  private final boolean switchOffEmpty;
  private final Simulation sim;
  private final TaskHeap[] running;
  private final double[] mark;
  private final long[] markTime;
  private final double[] rate;
  private final long[] pending;
  private final double[] vmDemand;
  private final int[] waitHead;
  private final int[] waitTail;
  private final int[] nextWaiting;
  private final double[] hostCapacity;
  private final double[] hostDemand;
  private final double[] hostFactor;
  private final long[] hostSince;
  private final double[] hostJoules;
  private final double[] hostBusyMipsSeconds;
  private final long[] start;
  private final long[] finish;
  private int nextTask;
  private int unplaced;

  private BatchRun(Cluster cluster, BatchJobs jobs, TaskExecution mode, double hypervisorOverhead, boolean switchOffEmpty) {
    this.cluster = cluster;
    this.jobs = jobs;
    this.mode = mode;
    this.switchOffEmpty = switchOffEmpty;
    int vms = cluster.vms();
    int hosts = cluster.hosts();
    sim = new Simulation(Math.max(1024, vms + 16));
    running = new TaskHeap[vms];
    mark = new double[vms];
    markTime = new long[vms];
    rate = new double[vms];
    pending = new long[vms];
    vmDemand = new double[vms];
    waitHead = new int[vms];
    waitTail = new int[vms];
    java.util.Arrays.fill(pending, -1);
    java.util.Arrays.fill(waitHead, -1);
    java.util.Arrays.fill(waitTail, -1);
    nextWaiting = new int[jobs.size()];
    hostCapacity = new double[hosts];
    hostDemand = new double[hosts];
    hostFactor = new double[hosts];
    hostSince = new long[hosts];
    hostJoules = new double[hosts];
    hostBusyMipsSeconds = new double[hosts];
    for (int h = 0; h < hosts; h++) {
      hostCapacity[h] = cluster.model(h).totalMips() * (1 - hypervisorOverhead);
      hostFactor[h] = 1;
    }
    start = new long[jobs.size()];
    finish = new long[jobs.size()];
  }

  /** Runs every task to completion and returns the outcome. */
  public static BatchResult run(Cluster cluster, BatchJobs jobs, TaskExecution mode, double hypervisorOverhead,
      boolean switchOffEmpty) {
    if (!(hypervisorOverhead >= 0 && hypervisorOverhead < 1)) throw new IllegalArgumentException("overhead must be in [0, 1)");
    return new BatchRun(cluster, jobs, mode, hypervisorOverhead, switchOffEmpty).execute();
  }

  private BatchResult execute() {
    if (jobs.size() > 0) sim.at(jobs.arrivalNanos()[0], this::arrive, 0);
    sim.runUntil(Long.MAX_VALUE);
    long end = sim.now();
    double[] utilisation = new double[cluster.hosts()];
    double joules = 0;
    for (int h = 0; h < cluster.hosts(); h++) {
      accrue(h, end);
      joules += hostJoules[h];
      double seconds = SimTime.toSeconds(end);
      utilisation[h] = seconds == 0 ? 0 : hostBusyMipsSeconds[h] / (cluster.model(h).totalMips() * seconds);
    }
    return new BatchResult(jobs.arrivalNanos(), start, finish, unplaced, end, joules / 3.6e6, utilisation, sim.eventsFired());
  }

  private void arrive(long payload) {
    int t = (int) payload;
    if (++nextTask < jobs.size()) sim.at(jobs.arrivalNanos()[nextTask], this::arrive, nextTask);
    int v = jobs.vm()[t];
    if (v < 0 || v >= cluster.vms() || cluster.hostOf(v) < 0) {
      start[t] = finish[t] = -1;
      unplaced++;
      return;
    }
    if (running[v] == null) running[v] = new TaskHeap();
    advance(v);
    if (mode == TaskExecution.TIME_SHARED || running[v].size() < cluster.shape(v).vcpus()) {
      begin(v, t);
    } else {
      nextWaiting[t] = -1;
      if (waitTail[v] < 0) waitHead[v] = t;
      else nextWaiting[waitTail[v]] = t;
      waitTail[v] = t;
    }
    changed(v);
  }

  private void begin(int v, int t) {
    start[t] = sim.now();
    running[v].push(mark[v] + jobs.lengthMi()[t], t);
  }

  private void complete(long payload) {
    int v = (int) payload;
    pending[v] = -1;
    advance(v);
    TaskHeap heap = running[v];
    double tolerance = Math.abs(mark[v]) * 1e-12 + 1e-9;
    while (heap.size() > 0 && heap.minKey() <= mark[v] + tolerance) {
      finish[heap.minTask()] = sim.now();
      heap.pop();
      if (mode == TaskExecution.SPACE_SHARED && waitHead[v] >= 0) {
        int next = waitHead[v];
        waitHead[v] = nextWaiting[next];
        if (waitHead[v] < 0) waitTail[v] = -1;
        begin(v, next);
      }
    }
    changed(v);
  }

  /** Brings VM {@code v}'s work mark up to now at its current rate. */
  private void advance(int v) {
    long now = sim.now();
    mark[v] += rate[v] * SimTime.toSeconds(now - markTime[v]);
    markTime[v] = now;
  }

  /** Re-rates VM {@code v} after its task count changed, and its host's VMs when contention changed. */
  private void changed(int v) {
    int h = cluster.hostOf(v);
    VmShape s = cluster.shape(v);
    double demand = Math.min(s.vcpus(), running[v].size()) * s.mipsPerVcpu();
    if (demand != vmDemand[v]) {
      accrue(h, sim.now());
      hostDemand[h] += demand - vmDemand[v];
      vmDemand[v] = demand;
      double factor = hostDemand[h] <= hostCapacity[h] ? 1 : hostCapacity[h] / hostDemand[h];
      if (factor != hostFactor[h]) {
        hostFactor[h] = factor;
        for (int i = 0; i < cluster.vmCount(h); i++) {
          int u = cluster.vmOn(h, i);
          if (running[u] == null || u == v) continue;
          advance(u);
          reschedule(u);
        }
      }
    }
    reschedule(v);
  }

  private void reschedule(int v) {
    VmShape s = cluster.shape(v);
    int n = running[v].size();
    double share = mode == TaskExecution.TIME_SHARED && n > s.vcpus() ? s.vcpus() / (double) n : 1;
    rate[v] = s.mipsPerVcpu() * share * hostFactor[cluster.hostOf(v)];
    if (pending[v] >= 0) sim.cancel(pending[v]);
    pending[v] = -1;
    if (n == 0) return;
    double seconds = Math.max(0, running[v].minKey() - mark[v]) / rate[v];
    pending[v] = sim.after(Math.max(1, (long) Math.ceil(seconds * SimTime.NANOS_PER_SECOND)), this::complete, v);
  }

  /** Adds host {@code h}'s energy and busy work from its last change up to {@code now}. */
  private void accrue(int h, long now) {
    long dt = now - hostSince[h];
    if (dt <= 0) return;
    double seconds = SimTime.toSeconds(dt);
    double served = Math.min(hostDemand[h], hostCapacity[h]);
    hostBusyMipsSeconds[h] += served * seconds;
    boolean on = cluster.isUp(h) && (!switchOffEmpty || cluster.vmCount(h) > 0);
    if (on) hostJoules[h] += cluster.model(h).power().watts(served / cluster.model(h).totalMips()) * seconds;
    hostSince[h] = now;
  }
}
