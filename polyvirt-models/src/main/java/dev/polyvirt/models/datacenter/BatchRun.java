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
  private final boolean[] vmDown;
  private final Operations ops = new Operations();
  private final MemoryReclaim reclaim;
  private final double[] hostMemFactor;
  private double balloonMiBSeconds;
  private final long[] downSince;
  private final boolean[] booting;
  private final java.util.ArrayDeque<Integer> notRestarted = new java.util.ArrayDeque<>();
  private double swapMiBSeconds;
  private int nextTask;
  private int unplaced;
  private HostHeat heat;
  /** Tasks not yet finished (or given up); with the horizon set, the run ends when this reaches 0 past it. */
  private int outstanding;
  private long horizon = -1;
  private int periodicPending;
  private long endNanos = -1;
  private PreCopy preCopy = PreCopy.CLOUDSIM;
  private int[] hostZone;
  /** Per VM: 1, or 0.9 while it migrates (CloudSim's SLA degradation), 0 while paused (downtime, restore). */
  private final double[] vmSpeed;
  private final long[] migratingUntil;
  private final long[] pausedUntil;
  private final int[] epoch;
  /** Per VM: instructions its tasks received so far (for the consolidation's utilisation history). */
  private final double[] vmWork;

  private BatchRun(Cluster cluster, BatchJobs jobs, TaskExecution mode, double hypervisorOverhead, boolean switchOffEmpty,
      MemoryReclaim reclaim) {
    this.cluster = cluster;
    this.reclaim = reclaim;
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
    hostMemFactor = new double[hosts];
    for (int h = 0; h < hosts; h++) {
      hostCapacity[h] = cluster.model(h).totalMips() * (1 - hypervisorOverhead);
      hostMemFactor[h] = memoryFactor(h);
      hostFactor[h] = hostMemFactor[h];
    }
    start = new long[jobs.size()];
    finish = new long[jobs.size()];
    vmDown = new boolean[vms];
    downSince = new long[vms];
    booting = new boolean[vms];
    vmSpeed = new double[vms];
    java.util.Arrays.fill(vmSpeed, 1);
    migratingUntil = new long[vms];
    pausedUntil = new long[vms];
    epoch = new int[vms];
    vmWork = new double[vms];
    outstanding = jobs.size();
  }

  /**
   * Ends the run at {@code horizonNanos}, or when its last task finishes if that is later:
   * operations due after that (a repair, an HA retry, a balancing round) no longer happen and
   * add no energy. Without it the run lasts until its last event.
   */
  public void endAt(long horizonNanos) {
    this.horizon = Math.max(0, horizonNanos);
    sim.at(this.horizon, p -> {
      if (outstanding == 0 && endNanos < 0) endNanos = sim.now();
    }, 0);
  }

  /**
   * Runs {@code round} every {@code intervalNanos} (DRS, consolidation) until the run is over or
   * nothing but other periodic rounds is left to happen — so two periodic operations never keep
   * each other going.
   */
  public void every(long intervalNanos, Runnable round) {
    periodicPending++;
    sim.after(intervalNanos, new dev.polyvirt.engine.EventHandler() {
      @Override
      public void onEvent(long payload) {
        periodicPending--;
        if (over()) return;
        round.run();
        if (sim.pending() > periodicPending) {
          periodicPending++;
          sim.after(intervalNanos, this, 0);
        }
      }
    }, 0);
  }

  /** Returns true once the run is over (past the horizon with every task done): operations then do nothing. */
  public boolean over() {
    return endNanos >= 0;
  }

  /** Migrates by {@code preCopy} from now on (CloudSim's one-copy estimate by default). */
  public void migrateBy(PreCopy preCopy) {
    this.preCopy = preCopy;
  }

  /** Tells the run each host's zone (any numbering), to count the memory migrations send across zones. */
  public void zones(int[] zoneOfHost) {
    this.hostZone = zoneOfHost.clone();
  }

  /** Returns true while VM {@code v} is being live-migrated (it is not moved again meanwhile). */
  public boolean isMigrating(int v) {
    return migratingUntil[v] > sim.now();
  }

  /** Returns the instructions VM {@code v}'s tasks have received so far. */
  double workDone(int v) {
    if (running[v] != null && !vmDown[v]) advance(v);
    return vmWork[v];
  }

  private void taskDone() {
    if (--outstanding == 0 && horizon >= 0 && sim.now() >= horizon && endNanos < 0) endNanos = sim.now();
  }

  /** Runs every task to completion and returns the outcome. */
  public static BatchResult run(Cluster cluster, BatchJobs jobs, TaskExecution mode, double hypervisorOverhead,
      boolean switchOffEmpty) {
    return run(cluster, jobs, mode, hypervisorOverhead, switchOffEmpty, run -> {});
  }

  /** Runs every task to completion with {@code operations} (host failures, DRS) scheduled on the run first. */
  public static BatchResult run(Cluster cluster, BatchJobs jobs, TaskExecution mode, double hypervisorOverhead,
      boolean switchOffEmpty, java.util.function.Consumer<BatchRun> operations) {
    return run(cluster, jobs, mode, hypervisorOverhead, switchOffEmpty, MemoryReclaim.DEFAULT, operations);
  }

  /** Runs every task with memory beyond physical reclaimed by {@code reclaim} and {@code operations} scheduled first. */
  public static BatchResult run(Cluster cluster, BatchJobs jobs, TaskExecution mode, double hypervisorOverhead,
      boolean switchOffEmpty, MemoryReclaim reclaim, java.util.function.Consumer<BatchRun> operations) {
    if (!(hypervisorOverhead >= 0 && hypervisorOverhead < 1)) throw new IllegalArgumentException("overhead must be in [0, 1)");
    BatchRun run = new BatchRun(cluster, jobs, mode, hypervisorOverhead, switchOffEmpty, reclaim);
    operations.accept(run);
    return run.execute();
  }

  /** Returns the run's simulation (for operations that schedule events on it). */
  public Simulation simulation() {
    return sim;
  }

  /** Splits the busy work of the first hosts into {@code heat}'s time buckets as the run accrues it. */
  void track(HostHeat heat) {
    this.heat = heat;
  }

  /** Returns true when empty hosts are switched off. */
  boolean switchesOffEmptyHosts() {
    return switchOffEmpty;
  }

  /** Returns the operations counted so far. */
  Operations operations() {
    return ops;
  }

  /** Returns the run's cluster. */
  public Cluster cluster() {
    return cluster;
  }

  private BatchResult execute() {
    if (jobs.size() > 0) sim.at(jobs.arrivalNanos()[0], this::arrive, 0);
    sim.runUntil(Long.MAX_VALUE);
    long end = endNanos >= 0 ? endNanos : sim.now();
    double[] utilisation = new double[cluster.hosts()];
    double joules = 0;
    for (int h = 0; h < cluster.hosts(); h++) {
      accrue(h, end);
      joules += hostJoules[h];
      double seconds = SimTime.toSeconds(end);
      utilisation[h] = seconds == 0 ? 0 : hostBusyMipsSeconds[h] / (cluster.model(h).totalMips() * seconds);
    }
    for (int v = 0; v < vmDown.length; v++) {
      if (!vmDown[v]) continue;
      ops.vmsNotRestarted++;
      while (waitHead[v] >= 0) { // HA never found room for this VM: its waiting tasks are lost
        int t = unpark(v);
        start[t] = finish[t] = -1;
        ops.tasksLost++;
      }
    }
    ops.balloonedGbHours = balloonMiBSeconds / 1024 / 3600;
    ops.swappedGbHours = swapMiBSeconds / 1024 / 3600;
    return new BatchResult(jobs.arrivalNanos(), start, finish, unplaced, end, joules / 3.6e6, utilisation, sim.eventsFired(), ops);
  }

  private void arrive(long payload) {
    int t = (int) payload;
    if (++nextTask < jobs.size()) sim.at(jobs.arrivalNanos()[nextTask], this::arrive, nextTask);
    int v = jobs.vm()[t];
    if (v >= 0 && v < cluster.vms() && vmDown[v]) {
      park(v, t); // its VM is down: the task waits for the HA restart
      return;
    }
    if (v < 0 || v >= cluster.vms() || cluster.hostOf(v) < 0) {
      start[t] = finish[t] = -1;
      unplaced++;
      taskDone();
      return;
    }
    if (pausedUntil[v] > sim.now()) { // it lands in the migration's stop-and-copy: served once the VM resumes
      ops.tasksDelayedByMigration++;
      ops.migrationDelaySeconds += SimTime.toSeconds(pausedUntil[v] - sim.now());
    }
    if (running[v] == null) running[v] = new TaskHeap();
    advance(v);
    if (mode == TaskExecution.TIME_SHARED || running[v].size() < cluster.shape(v).vcpus()) {
      begin(v, t);
    } else {
      park(v, t);
    }
    changed(v);
  }

  private void park(int v, int t) {
    nextWaiting[t] = -1;
    if (waitTail[v] < 0) waitHead[v] = t;
    else nextWaiting[waitTail[v]] = t;
    waitTail[v] = t;
  }

  private int unpark(int v) {
    int t = waitHead[v];
    waitHead[v] = nextWaiting[t];
    if (waitHead[v] < 0) waitTail[v] = -1;
    return t;
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
      taskDone();
      if (mode == TaskExecution.SPACE_SHARED && waitHead[v] >= 0) begin(v, unpark(v));
    }
    changed(v);
  }

  /** Brings VM {@code v}'s work mark up to now at its current rate. */
  private void advance(int v) {
    long now = sim.now();
    double seconds = SimTime.toSeconds(now - markTime[v]);
    mark[v] += rate[v] * seconds;
    if (running[v] != null) vmWork[v] += rate[v] * running[v].size() * seconds;
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
      refactor(h, v);
    }
    reschedule(v);
  }

  /** Recomputes host {@code h}'s contention factor and re-rates its VMs (but {@code skip}) if it changed. */
  private void refactor(int h, int skip) {
    hostMemFactor[h] = memoryFactor(h);
    double factor = (hostDemand[h] <= hostCapacity[h] ? 1 : hostCapacity[h] / hostDemand[h]) * hostMemFactor[h];
    if (factor == hostFactor[h]) return;
    hostFactor[h] = factor;
    for (int i = 0; i < cluster.vmCount(h); i++) {
      int u = cluster.vmOn(h, i);
      if (running[u] == null || u == skip) continue;
      advance(u);
      reschedule(u);
    }
  }

  /** Returns the speed factor swapping imposes on host {@code h}'s VMs (1 unless its memory is overcommitted past ballooning). */
  private double memoryFactor(int h) {
    double physical = cluster.model(h).memoryMiB();
    return reclaim.speedFactor(cluster.memoryAllocated(h) * physical, physical);
  }

  /** Returns host {@code h}'s CPU demand over its capacity (above 1: contended). */
  public double load(int h) {
    return hostDemand[h] / hostCapacity[h];
  }

  /** Returns VM {@code v}'s CPU demand in MIPS now. */
  public double demand(int v) {
    return vmDemand[v];
  }

  /**
   * Live-migrates VM {@code v} to host {@code to} (the caller checked it fits) by pre-copy
   * ({@link PreCopy}) over half the slower NIC (CloudSim's convention, MiB/s = Mbit/s / 2 / 8).
   * The destination's capacity is taken at once (as CloudSim reserves it) and the VM's load counts
   * there; its tasks keep running at 90 % of their speed during pre-copy (CloudSim's SLA
   * degradation due to migration), stop for the downtime (tasks arriving meanwhile wait for the
   * resume) and run at full speed after. The memory sent is counted, across zones apart.
   */
  public void migrate(int v, int to) {
    int from = cluster.hostOf(v);
    if (running[v] != null) advance(v);
    long now = sim.now();
    accrue(from, now);
    accrue(to, now);
    hostDemand[from] -= vmDemand[v];
    cluster.move(v, to);
    hostDemand[to] += vmDemand[v];
    refactor(from, v);
    refactor(to, v);
    double mbps = Math.min(cluster.model(from).bandwidthMbps(), cluster.model(to).bandwidthMbps());
    PreCopy.Plan plan = preCopy.plan(cluster.shape(v).memoryMiB(), PreCopy.halfNicMiBps(mbps));
    ops.migrations++;
    ops.migrationSeconds += plan.preCopySeconds();
    ops.migrationDowntimeSeconds += plan.downtimeSeconds();
    ops.preCopyRounds += plan.rounds();
    ops.migratedGb += plan.transferredMiB() / 1024;
    if (hostZone != null && hostZone[from] != hostZone[to]) ops.crossZoneMigratedGb += plan.transferredMiB() / 1024;
    ops.degradedMipsSeconds += (1 - MIGRATION_SPEED) * vmDemand[v] * plan.preCopySeconds();
    long preCopyEnd = now + Math.max(0, (long) Math.ceil(plan.preCopySeconds() * SimTime.NANOS_PER_SECOND));
    long resume = preCopyEnd + Math.max(0, (long) Math.ceil(plan.downtimeSeconds() * SimTime.NANOS_PER_SECOND));
    int e = ++epoch[v];
    migratingUntil[v] = resume;
    setSpeed(v, MIGRATION_SPEED);
    if (resume > preCopyEnd) sim.at(preCopyEnd, p -> {
      if (epoch[v] != e) return;
      pausedUntil[v] = resume;
      setSpeed(v, 0);
    }, v);
    sim.at(resume, p -> {
      if (epoch[v] != e) return;
      pausedUntil[v] = 0;
      setSpeed(v, 1);
    }, v);
  }

  /** The share of its speed a migrating VM keeps (CloudSim: 10 % of its MIPS go to the migration). */
  static final double MIGRATION_SPEED = 0.9;

  private void setSpeed(int v, double speed) {
    if (running[v] != null && !vmDown[v]) advance(v);
    vmSpeed[v] = speed;
    if (running[v] != null && !vmDown[v]) reschedule(v);
  }

  /**
   * Stops VM {@code v} where it is: its running tasks go back, in arrival order, to the head of
   * its queue to restart from the beginning, a migration in progress is dropped, and its demand
   * leaves its host. Returns how many tasks were running.
   */
  private int halt(int v) {
    int h = cluster.hostOf(v);
    epoch[v]++;
    vmSpeed[v] = 1;
    migratingUntil[v] = 0;
    pausedUntil[v] = 0;
    if (running[v] == null) return 0;
    advance(v);
    int n = running[v].size();
    int[] lost = new int[n];
    for (int i = 0; i < n; i++) {
      lost[i] = running[v].taskAt(i);
      ops.lostMi += mark[v] - (running[v].keyAt(i) - jobs.lengthMi()[lost[i]]);
    }
    java.util.Arrays.sort(lost); // restart in arrival order, ahead of the tasks already waiting
    for (int i = n - 1; i >= 0; i--) {
      nextWaiting[lost[i]] = waitHead[v];
      waitHead[v] = lost[i];
      if (waitTail[v] < 0) waitTail[v] = lost[i];
    }
    running[v].clear();
    if (pending[v] >= 0) sim.cancel(pending[v]);
    pending[v] = -1;
    if (h >= 0 && vmDemand[v] != 0) {
      accrue(h, sim.now());
      hostDemand[h] -= vmDemand[v];
    }
    vmDemand[v] = 0;
    rate[v] = 0;
    return n;
  }

  /**
   * Rolls VM {@code v} back to its last snapshot: its tasks in flight lose their progress and
   * restart, and it stays stopped for {@code restoreNanos} (the snapshot read back) on its host.
   * Ignored while it is down or unplaced.
   */
  public void rollback(int v, long restoreNanos) {
    if (over() || vmDown[v] || cluster.hostOf(v) < 0) return;
    double lostBefore = ops.lostMi;
    ops.rollbackRestartedTasks += halt(v);
    ops.rollbackLostMi += ops.lostMi - lostBefore;
    refactor(cluster.hostOf(v), v);
    vmDown[v] = true;
    downSince[v] = sim.now();
    ops.rollbacks++;
    ops.rollbackSeconds += SimTime.toSeconds(restoreNanos);
    int e = epoch[v];
    sim.after(Math.max(0, restoreNanos), p -> {
      if (epoch[v] != e || !vmDown[v] || cluster.hostOf(v) < 0) return;
      for (int t = waitHead[v]; t >= 0; t = nextWaiting[t]) ops.tasksDelayedByRollback++;
      resume(v);
    }, v);
  }

  /** Starts a stopped VM again on its host: its waiting tasks begin, in arrival order. */
  private void resume(int v) {
    vmDown[v] = false;
    refactor(cluster.hostOf(v), v);
    if (running[v] == null) running[v] = new TaskHeap();
    mark[v] = 0;
    markTime[v] = sim.now();
    while (waitHead[v] >= 0 && (mode == TaskExecution.TIME_SHARED || running[v].size() < cluster.shape(v).vcpus())) begin(v, unpark(v));
    changed(v);
  }

  /** Fails host {@code h}: its VMs go down and their running tasks are lost (to restart); returns those VMs. */
  public int[] fail(int h) {
    accrue(h, sim.now());
    int[] vms = new int[cluster.vmCount(h)];
    for (int i = 0; i < vms.length; i++) vms[i] = cluster.vmOn(h, i);
    for (int v : vms) {
      ops.restartedTasks += halt(v);
      vmDown[v] = true;
      booting[v] = false;
      downSince[v] = sim.now();
    }
    cluster.fail(h);
    hostDemand[h] = 0;
    hostFactor[h] = 1;
    hostMemFactor[h] = 1;
    ops.hostFailures++;
    return vms;
  }

  /** Restarts a down VM on a host the placement policy picks; returns false when none has room. */
  public boolean restart(int v) {
    if (cluster.hostOf(v) < 0) {
      int h = cluster.choose(v);
      if (h < 0) h = reservedHostFor(v);
      if (h < 0) {
        notRestarted.add(v);
        return false;
      }
      accrue(h, sim.now()); // energy and memory pressure up to now, before the VM adds to them
      cluster.move(v, h);
    }
    vmDown[v] = false;
    ops.vmRestarts++;
    for (int t = waitHead[v]; t >= 0; t = nextWaiting[t]) { // tasks that waited out the outage
      ops.tasksDelayed++;
      ops.outageDelaySeconds += SimTime.toSeconds(sim.now() - Math.max(downSince[v], jobs.arrivalNanos()[t]));
    }
    resume(v);
    return true;
  }

  /**
   * Keeps VM {@code v} booting until {@code readyNanos} (provisioning: a full OS boot); tasks for
   * it wait meanwhile and start, in arrival order, when it is up. Call before the run starts.
   */
  public void boot(int v, long readyNanos) {
    if (cluster.hostOf(v) < 0 || readyNanos <= 0) return;
    vmDown[v] = true;
    booting[v] = true;
    downSince[v] = 0;
    ops.bootSeconds += SimTime.toSeconds(readyNanos);
    ops.vmBoots++;
    sim.at(readyNanos, p -> {
      if (!booting[v]) return; // its host failed while it booted: HA restarts it instead
      booting[v] = false;
      vmDown[v] = false;
      if (running[v] == null) running[v] = new TaskHeap();
      mark[v] = 0;
      markTime[v] = sim.now();
      for (int t = waitHead[v]; t >= 0; t = nextWaiting[t]) ops.tasksDelayedByBoot++;
      while (waitHead[v] >= 0 && (mode == TaskExecution.TIME_SHARED || running[v].size() < cluster.shape(v).vcpus())) begin(v, unpark(v));
      changed(v);
    }, v);
  }

  /** Brings a repaired host back into service (empty). */
  public void repair(int h) {
    accrue(h, sim.now());
    cluster.repair(h);
  }

  /** Returns (and forgets) the VMs HA could not restart so far, for a retry once capacity returns. */
  public int[] takeNotRestarted() {
    int[] out = notRestarted.stream().mapToInt(Integer::intValue).toArray();
    notRestarted.clear();
    return out;
  }

  /** Returns true when VM {@code v} is down (its host failed and HA has not restarted it yet). */
  public boolean isDown(int v) {
    return vmDown[v];
  }

  /** Returns a failover host kept free by HA admission control (a reserved host) that fits VM {@code v}, or -1. */
  private int reservedHostFor(int v) {
    for (int h : cluster.reservedHosts()) if (cluster.fitsIgnoringReservation(v, h)) return h;
    return -1;
  }

  private void reschedule(int v) {
    VmShape s = cluster.shape(v);
    int n = running[v].size();
    double share = mode == TaskExecution.TIME_SHARED && n > s.vcpus() ? s.vcpus() / (double) n : 1;
    rate[v] = s.mipsPerVcpu() * share * hostFactor[cluster.hostOf(v)] * vmSpeed[v];
    if (pending[v] >= 0) sim.cancel(pending[v]);
    pending[v] = -1;
    if (n == 0 || rate[v] <= 0) return;
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
    if (heat != null) heat.add(h, hostSince[h], now, served);
    if (cluster.isUp(h)) {
      double physical = cluster.model(h).memoryMiB();
      double allocated = cluster.memoryAllocated(h) * physical;
      balloonMiBSeconds += reclaim.balloonedMiB(allocated, physical) * seconds;
      swapMiBSeconds += reclaim.swappedMiB(allocated, physical) * seconds;
    }
    // failover hosts stay powered on (vSphere DPM never puts them in standby)
    boolean on = cluster.isUp(h) && (!switchOffEmpty || cluster.vmCount(h) > 0 || cluster.isReserved(h));
    if (on) hostJoules[h] += cluster.model(h).power().watts(served / cluster.model(h).totalMips()) * seconds;
    hostSince[h] = now;
  }
}
