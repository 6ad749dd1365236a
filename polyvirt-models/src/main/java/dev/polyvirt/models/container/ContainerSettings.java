package dev.polyvirt.models.container;

import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.models.pool.LoadBalancer;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The settings of the {@code container} model, named as in Kubernetes.
 *
 * @param replicas pods when not autoscaled; empty means sized for the peak
 * @param concurrency requests one pod serves at once
 * @param cpuRequestMillis the pod's {@code resources.requests.cpu}
 * @param memoryRequestBytes the pod's {@code resources.requests.memory}
 * @param autoscaling a HorizontalPodAutoscaler on CPU, if any
 * @param podStart time from scheduling to ready on a node that has room
 * @param nodeType the node pool's instance type; empty means the cheapest at the mean load
 * @param overheadMin lower bound of the hypervisor overhead drawn per node (nodes are VMs)
 * @param overheadMax upper bound of the same
 * @param runtime the pods' runtime class (runc, gvisor, kata, firecracker)
 * @param cpuLimitMillis the pod's {@code resources.limits.cpu}, enforced as a CFS quota; -1 for none
 * @param memoryLimitBytes the pod's {@code resources.limits.memory}; -1 for none
 * @param rollout a rolling update of the Deployment during the run, if any
 * @param nodeFailureAt when one node is lost, if ever
 * @param image the pod's image and pull settings; empty means the default pod start
 * @param headroomPods pod places kept free ahead of need (over-provisioning with pause pods); 0 for none
 * @param timeline whether to attach the {@code timeline} table even without a rollout or node failure
 * @param statefulSet the pods form a StatefulSet with persistent volumes instead of a Deployment, if set
 * @param livenessMtbf mean time between a pod's liveness-probe failures, if they are modelled
 * @param scheduler the scoring policy of a kube-scheduler that binds each pod to a node; empty packs pods by count
 */
public record ContainerSettings(OptionalInt replicas, int concurrency, LoadBalancer loadBalancer,
    int cpuRequestMillis, long memoryRequestBytes, Optional<Hpa> autoscaling, Distribution podStart,
    Optional<String> nodeType, double overheadMin, double overheadMax, RuntimeClass runtime,
    int cpuLimitMillis, long memoryLimitBytes, Optional<Rollout> rollout, java.util.OptionalLong nodeFailureAt,
    Optional<ImageSettings> image, int headroomPods, boolean timeline,
    Optional<dev.polyvirt.models.container.stateful.StatefulSetSettings> statefulSet,
    Optional<dev.polyvirt.models.container.scheduling.ScoringPolicy> scheduler, java.util.OptionalLong livenessMtbf) {
  /** Creates the settings of a Deployment (no StatefulSet). */
  public ContainerSettings(OptionalInt replicas, int concurrency, LoadBalancer loadBalancer,
      int cpuRequestMillis, long memoryRequestBytes, Optional<Hpa> autoscaling, Distribution podStart,
      Optional<String> nodeType, double overheadMin, double overheadMax, RuntimeClass runtime,
      int cpuLimitMillis, long memoryLimitBytes, Optional<Rollout> rollout, java.util.OptionalLong nodeFailureAt,
      Optional<ImageSettings> image, int headroomPods, boolean timeline) {
    this(replicas, concurrency, loadBalancer, cpuRequestMillis, memoryRequestBytes, autoscaling, podStart, nodeType, overheadMin,
        overheadMax, runtime, cpuLimitMillis, memoryLimitBytes, rollout, nodeFailureAt, image, headroomPods, timeline, Optional.empty(),
        Optional.empty(), java.util.OptionalLong.empty());
  }

  /** Returns the mean factor by which the hypervisor (and the runtime) stretch a request. */
  public double meanSlowdown() {
    return 1 / (1 - (overheadMin + overheadMax) / 2) * runtime.meanSlowdown();
  }

  /** Returns these settings with the pods run as {@code set}. */
  public ContainerSettings withStatefulSet(dev.polyvirt.models.container.stateful.StatefulSetSettings set) {
    return new ContainerSettings(replicas, concurrency, loadBalancer, cpuRequestMillis, memoryRequestBytes, autoscaling, podStart, nodeType,
        overheadMin, overheadMax, runtime, cpuLimitMillis, memoryLimitBytes, rollout, nodeFailureAt, image, headroomPods, timeline,
        Optional.of(set), scheduler, livenessMtbf);
  }

  /** Returns these settings with each pod bound by a kube-scheduler scoring with {@code policy}. */
  public ContainerSettings withScheduler(dev.polyvirt.models.container.scheduling.ScoringPolicy policy) {
    return new ContainerSettings(replicas, concurrency, loadBalancer, cpuRequestMillis, memoryRequestBytes, autoscaling, podStart, nodeType,
        overheadMin, overheadMax, runtime, cpuLimitMillis, memoryLimitBytes, rollout, nodeFailureAt, image, headroomPods, timeline,
        statefulSet, Optional.of(policy), livenessMtbf);
  }

  /** Returns these settings with liveness-probe failures every {@code mtbfNanos} on average per pod. */
  public ContainerSettings withLivenessFailures(long mtbfNanos) {
    return new ContainerSettings(replicas, concurrency, loadBalancer, cpuRequestMillis, memoryRequestBytes, autoscaling, podStart, nodeType,
        overheadMin, overheadMax, runtime, cpuLimitMillis, memoryLimitBytes, rollout, nodeFailureAt, image, headroomPods, timeline,
        statefulSet, scheduler, java.util.OptionalLong.of(mtbfNanos));
  }

  /** A rolling update starting at {@code atNanos} with {@code strategy}. */
  public record Rollout(long atNanos, RolloutStrategy strategy) {}

  /**
   * HorizontalPodAutoscaler (autoscaling/v2) on average CPU utilisation of the requests, or, when
   * {@code queueLength} is above 0, KEDA-style on the backlog per pod ({@link QueueLengthScaler}).
   */
  public record Hpa(int minReplicas, int maxReplicas, double averageUtilization, int queueLength) {
    /** Creates a CPU-based HPA. */
    public Hpa(int minReplicas, int maxReplicas, double averageUtilization) {
      this(minReplicas, maxReplicas, averageUtilization, 0);
    }
  }
}
