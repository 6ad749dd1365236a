package dev.polyvirt.bench;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.random.RandomStreams;
import dev.polyvirt.models.datacenter.BatchJobs;
import dev.polyvirt.models.datacenter.BatchResult;
import dev.polyvirt.models.datacenter.BatchRun;
import dev.polyvirt.models.datacenter.Cluster;
import dev.polyvirt.models.datacenter.HostModel;
import dev.polyvirt.models.datacenter.PlacementPolicies;
import dev.polyvirt.models.datacenter.PowerCurve;
import dev.polyvirt.models.datacenter.TaskExecution;
import dev.polyvirt.models.datacenter.VmShape;
import java.util.Collections;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The side-by-side batch scenario of issue #7, built identically in polyvirt and CloudSim Plus:
 * hosts of 16 × 1000-MIPS cores, 64 GiB; VMs of 4 vCPUs and 4 GiB placed first fit; tasks of one
 * vCPU with Poisson arrivals over a day, exponential lengths (mean one CPU-hour), bound to VMs
 * round robin, run time-shared. Lengths are whole MI because CloudSim Plus counts them in longs.
 */
public record BatchScenario(int hosts, int vms, int tasks, long seed) {
  static final int HOST_CORES = 16;
  static final double MIPS = 1000;
  static final long HOST_MEMORY_MIB = 65_536;
  static final int VM_VCPUS = 4;
  static final long VM_MEMORY_MIB = 4096;
  static final double MEAN_LENGTH_MI = 3_600 * MIPS;
  static final long SPAN = SimTime.NANOS_PER_DAY;

  /** The issue's scenario: 1,000 hosts, 2,000 VMs, 100,000 tasks. */
  public static BatchScenario issue() {
    return new BatchScenario(1_000, 2_000, 100_000, 7);
  }

  /** Returns the host model (power: CCF's per-vCPU watts are not host figures, so a plain linear 100–250 W curve). */
  public static HostModel hostModel() {
    return new HostModel("bench-16c", HOST_CORES, MIPS, HOST_MEMORY_MIB, 10_000, PowerCurve.linear(100, 250));
  }

  /** Returns the VM shape. */
  public static VmShape vmShape() {
    return new VmShape("bench-4v", VM_VCPUS, MIPS, VM_MEMORY_MIB);
  }

  /** Draws the tasks: arrival order, whole-MI lengths, VM i mod vms. */
  public BatchJobs jobs() {
    RandomStreams streams = RandomStreams.root(seed).child("bench-batch");
    UniformRandomProvider arrivals = streams.stream("arrivals");
    UniformRandomProvider lengths = streams.stream("lengths");
    long[] at = new long[tasks];
    double[] len = new double[tasks];
    int[] vm = new int[tasks];
    double meanGapSeconds = SimTime.toSeconds(SPAN) / tasks;
    double t = 0;
    for (int i = 0; i < tasks; i++) {
      t += -Math.log(1 - arrivals.nextDouble()) * meanGapSeconds;
      at[i] = SimTime.ofMillis(Math.round(t * 1000)); // whole milliseconds, exact in both simulators' clocks
      len[i] = Math.max(1, Math.round(-Math.log(1 - lengths.nextDouble()) * MEAN_LENGTH_MI));
      vm[i] = i % vms;
    }
    return new BatchJobs(at, len, vm);
  }

  /** Builds the cluster with every VM placed first fit. */
  public Cluster cluster() {
    Cluster c = new Cluster(Collections.nCopies(hosts, hostModel()), 1, 1, PlacementPolicies.require("first-fit"));
    VmShape shape = vmShape();
    for (int i = 0; i < vms; i++) c.add(shape);
    return c;
  }

  /** Runs the scenario in polyvirt (placement included). */
  public BatchResult runPolyvirt(BatchJobs jobs) {
    return BatchRun.run(cluster(), jobs, TaskExecution.TIME_SHARED, 0, true);
  }
}
