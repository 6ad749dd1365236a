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
 *   <li>a function or a serverless container needs monitoring and debugging only ({@code serverless});</li>
 *   <li>microVM pods run on the same cluster as containers (orchestration, networking, storage: the
 *       container terms), on a node group of KVM hosts ({@code .metal} on AWS) that is patched like
 *       VMs — Table 1's "OS maintenance, patching" — once per group for the host image with the
 *       Kata/Firecracker runtime and the guest kernel and root file system ({@code kvmNodeGroup}),
 *       and per node ({@code vmPerInstance} × average nodes). Pods are not patched one by one: they
 *       boot the group's one guest image, so counting them as VM instances would count the same
 *       image many times.</li>
 * </ul>
 */
public record OpsEffort(double vmBase, double vmPerInstance, double containerBase, double cluster,
    double statefulContainer, double serverless, double kvmNodeGroup) {
  /** Creates efforts with the default KVM node-group upkeep (the shape before microVM node groups were priced). */
  public OpsEffort(double vmBase, double vmPerInstance, double containerBase, double cluster, double statefulContainer, double serverless) {
    this(vmBase, vmPerInstance, containerBase, cluster, statefulContainer, serverless, DEFAULT_KVM_NODE_GROUP);
  }

  /** Assumed: a KVM node group's host and guest images take as long to keep as one VM fleet's base (vmBase, 2 h). */
  static final double DEFAULT_KVM_NODE_GROUP = 2;

  /**
   * Assumed defaults (hours/month): VM 2 + 0.5 per instance, container 1 + 8 per cluster shared, stateful +4, serverless 1,
   * KVM node group 2 (+ 0.5 per node).
   */
  public static OpsEffort defaults() {
    return new OpsEffort(2, 0.5, 1, 8, 4, 1, DEFAULT_KVM_NODE_GROUP);
  }

  /**
   * Returns the hours per month to operate {@code model} with {@code avgInstances} instances on
   * average, a cluster shared by {@code clusterTenants} workloads, for a stateful workload or not.
   */
  public double hours(String model, double avgInstances, int clusterTenants, boolean stateful) {
    return hours(model, avgInstances, avgInstances, clusterTenants, stateful);
  }

  /**
   * Returns the hours per month as {@link #hours(String, double, int, boolean)}, with the average
   * number of nodes under the pods ({@code avgNodes}) for microVM node groups.
   */
  public double hours(String model, double avgInstances, double avgNodes, int clusterTenants, boolean stateful) {
    return switch (model) {
      case "vm" -> vmBase + vmPerInstance * avgInstances;
      // the cluster's share as for containers (the same cluster: not a second one), plus the KVM node
      // group: its images once, its metal hosts per node (not per pod; see the class comment)
      case "microvm" -> containerBase + cluster / Math.max(1, clusterTenants) + (stateful ? statefulContainer : 0)
          + kvmNodeGroup + vmPerInstance * avgNodes;
      // the datacenter model bills its own operations (models.datacenter ops: hours per VM at a rate) in its cost
      case "datacenter" -> 0;
      case "container" -> containerBase + cluster / Math.max(1, clusterTenants) + (stateful ? statefulContainer : 0);
      default -> serverless;
    };
  }
}
