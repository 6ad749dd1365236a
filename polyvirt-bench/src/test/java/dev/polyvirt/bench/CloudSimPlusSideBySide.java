package dev.polyvirt.bench;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.datacenter.BatchJobs;
import dev.polyvirt.models.datacenter.BatchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cloudsimplus.allocationpolicies.VmAllocationPolicyFirstFit;
import org.cloudsimplus.brokers.DatacenterBrokerSimple;
import org.cloudsimplus.cloudlets.Cloudlet;
import org.cloudsimplus.cloudlets.CloudletSimple;
import org.cloudsimplus.core.CloudSimPlus;
import org.cloudsimplus.datacenters.DatacenterSimple;
import org.cloudsimplus.hosts.Host;
import org.cloudsimplus.hosts.HostSimple;
import org.cloudsimplus.resources.Pe;
import org.cloudsimplus.resources.PeSimple;
import org.cloudsimplus.schedulers.cloudlet.CloudletSchedulerTimeShared;
import org.cloudsimplus.utilizationmodels.UtilizationModelDynamic;
import org.cloudsimplus.utilizationmodels.UtilizationModelFull;
import org.cloudsimplus.vms.Vm;
import org.cloudsimplus.vms.VmSimple;

/**
 * Issue #7's side-by-side run: the {@link BatchScenario} in CloudSim Plus 8.5.7 (first-fit
 * allocation, time-shared cloudlet scheduler, cloudlets arriving by submission delay) and in
 * polyvirt, on the same drawn tasks. Prints both wall times, their ratio and how far the task
 * finish times agree. A {@code main}, not a test: CloudSim Plus needs minutes. Arguments: hosts
 * vms tasks (default 1000 2000 100000).
 */
public final class CloudSimPlusSideBySide {
  private CloudSimPlusSideBySide() {}

  public static void main(String[] args) {
    BatchScenario s = args.length == 3
        ? new BatchScenario(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), 7)
        : BatchScenario.issue();
    BatchJobs jobs = s.jobs();
    // polyvirt first (warm once on the same input, then timed)
    s.runPolyvirt(jobs);
    long c0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    BatchResult ours = s.runPolyvirt(jobs);
    double oursWall = (System.nanoTime() - t0) / 1e9;
    double oursCpu = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0) / 1e9;
    System.out.printf(Locale.ROOT, "polyvirt: %.3f s wall, %.3f s CPU, %d events, makespan %.1f s, mean response %.1f s%n",
        oursWall, oursCpu, ours.events(), ours.makespanSeconds(), ours.meanResponseSeconds());

    // thread CPU time too: on a shared machine wall time mostly measures the other tenants
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long c1 = threads.getCurrentThreadCpuTime();
    long t1 = System.nanoTime();
    double[] theirs = cloudSimPlus(s, jobs);
    double theirWall = (System.nanoTime() - t1) / 1e9;
    System.out.printf(Locale.ROOT, "cloudsimplus: %.3f s wall, %.3f s CPU%n", theirWall, (threads.getCurrentThreadCpuTime() - c1) / 1e9);

    double sumAbs = 0, maxAbs = 0, sumRel = 0, sumSigned = 0;
    int compared = 0, missing = 0;
    for (int i = 0; i < jobs.size(); i++) {
      if (theirs[i] < 0 || ours.finish()[i] < 0) {
        missing++;
        continue;
      }
      double a = SimTime.toSeconds(ours.finish()[i]);
      double d = Math.abs(a - theirs[i]);
      sumAbs += d;
      sumSigned += theirs[i] - a;
      maxAbs = Math.max(maxAbs, d);
      sumRel += d / Math.max(1e-9, a - SimTime.toSeconds(jobs.arrivalNanos()[i]));
      compared++;
    }
    System.out.printf(Locale.ROOT, "ratio: %.1fx faster%n", theirWall / oursWall);
    System.out.printf(Locale.ROOT, "finish times: %d compared, %d missing; mean |diff| %.4f s, max |diff| %.4f s, "
        + "mean |diff| / response %.6f, mean (cloudsimplus - polyvirt) %.4f s%n", compared, missing, sumAbs / Math.max(1, compared), maxAbs,
        sumRel / Math.max(1, compared), sumSigned / Math.max(1, compared));
  }

  /** Runs the scenario in CloudSim Plus; returns each task's finish time in seconds (-1 if unfinished). */
  static double[] cloudSimPlus(BatchScenario s, BatchJobs jobs) {
    // logging off, as CloudSim Plus advises for large runs: printing every cloudlet would dominate its time
    org.cloudsimplus.util.Log.setLevel(ch.qos.logback.classic.Level.WARN);
    CloudSimPlus sim = new CloudSimPlus();
    List<Host> hosts = new ArrayList<>(s.hosts());
    for (int h = 0; h < s.hosts(); h++) {
      List<Pe> pes = new ArrayList<>(BatchScenario.HOST_CORES);
      for (int p = 0; p < BatchScenario.HOST_CORES; p++) pes.add(new PeSimple(BatchScenario.MIPS));
      hosts.add(new HostSimple(BatchScenario.HOST_MEMORY_MIB, 10_000, 1_000_000, pes));
    }
    new DatacenterSimple(sim, hosts, new VmAllocationPolicyFirstFit());
    DatacenterBrokerSimple broker = new DatacenterBrokerSimple(sim);
    List<Vm> vms = new ArrayList<>(s.vms());
    for (int v = 0; v < s.vms(); v++) {
      Vm vm = new VmSimple(BatchScenario.MIPS, BatchScenario.VM_VCPUS, new CloudletSchedulerTimeShared());
      vm.setRam(BatchScenario.VM_MEMORY_MIB).setBw(100).setSize(1_000);
      vms.add(vm);
    }
    broker.submitVmList(vms);
    List<Cloudlet> cloudlets = new ArrayList<>(jobs.size());
    for (int i = 0; i < jobs.size(); i++) {
      Cloudlet c = new CloudletSimple((long) jobs.lengthMi()[i], 1, new UtilizationModelFull());
      c.setUtilizationModelRam(new UtilizationModelDynamic(0)).setUtilizationModelBw(new UtilizationModelDynamic(0));
      c.setSubmissionDelay(SimTime.toSeconds(jobs.arrivalNanos()[i]));
      c.setVm(vms.get(jobs.vm()[i]));
      cloudlets.add(c);
    }
    broker.submitCloudletList(cloudlets);
    sim.start();
    double[] finish = new double[jobs.size()];
    for (int i = 0; i < jobs.size(); i++) {
      Cloudlet c = cloudlets.get(i);
      finish[i] = c.isFinished() ? c.getFinishTime() : -1;
    }
    return finish;
  }
}
