package dev.polyvirt.bench;

import dev.polyvirt.models.datacenter.BatchJobs;
import dev.polyvirt.models.datacenter.BatchResult;
import java.util.Locale;

/**
 * The scaling curve of the datacenter simulator: hosts 1,000 → 100,000 with VMs and tasks in
 * proportion (2 VMs and 100 tasks per host, as the side-by-side scenario), wall time of
 * placement + simulation (wall and this thread's CPU time), one run each after a warm-up. Linear growth means time per task stays
 * flat. Run: {@code java -cp <bench classpath> dev.polyvirt.bench.DatacenterScaling}.
 */
public final class DatacenterScaling {
  private DatacenterScaling() {}

  /** Prints one row per size: hosts, VMs, tasks, events, wall seconds, µs per task. */
  public static void main(String[] args) {
    int[] sizes = args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
        : new int[] {1_000, 3_000, 10_000, 30_000, 100_000};
    BatchScenario warm = new BatchScenario(1_000, 2_000, 100_000, 1);
    warm.runPolyvirt(warm.jobs());
    // CPU time of this thread as well as wall time: other work on the machine inflates wall time only
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    System.out.println("hosts,vms,tasks,events,wallSeconds,cpuSeconds,cpuMicrosPerTask");
    for (int hosts : sizes) {
      BatchScenario s = new BatchScenario(hosts, 2 * hosts, 100 * hosts, 7);
      BatchJobs jobs = s.jobs();
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      BatchResult r = s.runPolyvirt(jobs);
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
      System.out.println(String.format(Locale.ROOT, "%d,%d,%d,%d,%.3f,%.3f,%.2f", hosts, s.vms(), s.tasks(), r.events(), wall, cpu,
          cpu * 1e6 / s.tasks()));
    }
  }
}
