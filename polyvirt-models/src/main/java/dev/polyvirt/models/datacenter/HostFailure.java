package dev.polyvirt.models.datacenter;

import dev.polyvirt.engine.Simulation;

/**
 * One host failure and the HA response (vSphere HA style): the host fails at {@code atNanos},
 * the failure is detected after {@code detectNanos}, its VMs boot on surviving hosts (placement
 * policy) taking {@code bootNanos} — tasks that were running restart from the beginning, tasks
 * arriving meanwhile wait — and the host returns, empty, after {@code repairNanos}.
 */
public record HostFailure(int host, long atNanos, long detectNanos, long bootNanos, long repairNanos) {
  /** Schedules this failure on {@code run}. */
  public void schedule(BatchRun run) {
    Simulation sim = run.simulation();
    sim.at(atNanos, p -> {
      int[] vms = run.fail(host);
      sim.after(detectNanos + bootNanos, q -> {
        for (int v : vms) run.restart(v);
      }, 0);
      sim.after(repairNanos, q -> run.repair(host), 0);
    }, 0);
  }
}
