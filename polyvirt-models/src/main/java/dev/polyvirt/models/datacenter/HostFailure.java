package dev.polyvirt.models.datacenter;

import dev.polyvirt.engine.Simulation;

/**
 * One host failure and the HA response (vSphere HA style): the host fails at {@code atNanos},
 * the failure is detected after {@code detectNanos}, its VMs boot on surviving hosts (placement
 * policy, then the reserved failover hosts) taking {@code bootNanos} — tasks that were running
 * restart from the beginning, tasks arriving meanwhile wait — and the host returns, empty, after
 * {@code repairNanos}. VMs that found no room are retried when the host returns (plus a boot), as
 * vSphere HA retries restarts; a failure of a host that is already down is ignored, and nothing
 * happens once the run is over ({@link BatchRun#over}).
 */
public record HostFailure(int host, long atNanos, long detectNanos, long bootNanos, long repairNanos) {
  /** Schedules this failure on {@code run}. */
  public void schedule(BatchRun run) {
    Simulation sim = run.simulation();
    sim.at(atNanos, p -> {
      if (run.over() || !run.cluster().isUp(host)) return;
      int[] vms = run.fail(host);
      sim.after(detectNanos + bootNanos, q -> {
        if (run.over()) return;
        for (int v : vms) run.restart(v);
      }, 0);
      sim.after(repairNanos, q -> {
        if (run.over()) return; // the run ended (horizon passed, every task done): the repair is not waited for
        run.repair(host);
        int[] waiting = run.takeNotRestarted();
        if (waiting.length > 0) sim.after(bootNanos, r -> {
          if (run.over()) return;
          for (int v : waiting) if (run.isDown(v)) run.restart(v);
        }, 0);
      }, 0);
    }, 0);
  }
}
