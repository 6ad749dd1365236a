package dev.polyvirt.planner.score;

/**
 * Operational effort, in engineer-hours per month, for running one workload on a model. Seed 002
 * Table 1 names what each paradigm's management overhead is — VMs: OS maintenance, patching,
 * licensing; containers: orchestration, networking, storage; serverless: monitoring, debugging,
 * vendor integration — and §3.4 adds that the total "may remain similar but redistributed". It
 * gives no hours, so the defaults below are stated assumptions (every one configurable under
 * {@code planner: {opsHoursPerMonth: {...}}}), shaped by what scales with what:
 * <ul>
 *   <li>a VM fleet is patched per instance: {@code vmBase} + {@code vmPerInstance} × average instances;</li>
 *   <li>a Kubernetes cluster's upkeep ({@code cluster}) is shared by the workloads on it, each
 *       adding its own manifests ({@code containerBase}); state on Kubernetes (StatefulSets,
 *       volumes, backups — "possible with care", seed 003's table) adds {@code statefulContainer};</li>
 *   <li>a function or a serverless container needs monitoring and debugging only ({@code serverless}).</li>
 * </ul>
 */
public record OpsEffort(double vmBase, double vmPerInstance, double containerBase, double cluster,
    double statefulContainer, double serverless) {
  /** Assumed defaults (hours/month): VM 2 + 0.5 per instance, container 1 + 8 per cluster shared, stateful +4, serverless 1. */
  public static OpsEffort defaults() {
    return new OpsEffort(2, 0.5, 1, 8, 4, 1);
  }

  /**
   * Returns the hours per month to operate {@code model} with {@code avgInstances} instances on
   * average, a cluster shared by {@code clusterTenants} workloads, for a stateful workload or not.
   */
  public double hours(String model, double avgInstances, int clusterTenants, boolean stateful) {
    return switch (model) {
      case "vm" -> vmBase + vmPerInstance * avgInstances;
      // microvm pods each carry a guest kernel and root file system that the team builds, patches and
      // tests with the Kata/Firecracker runtime, on KVM-capable (bare-metal) node groups: operated like
      // VMs, per instance (an assumption, as the other hours; the model does not yet price metal nodes)
      case "microvm" -> vmBase + vmPerInstance * avgInstances;
      // the datacenter model bills its own operations (models.datacenter ops: hours per VM at a rate) in its cost
      case "datacenter" -> 0;
      case "container" -> containerBase + cluster / Math.max(1, clusterTenants) + (stateful ? statefulContainer : 0);
      default -> serverless;
    };
  }
}
