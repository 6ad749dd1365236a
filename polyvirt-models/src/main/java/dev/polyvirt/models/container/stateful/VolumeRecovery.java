package dev.polyvirt.models.container.stateful;

import dev.polyvirt.engine.SimTime;

/**
 * What happens to a StatefulSet pod and its volume when the pod's node is lost (its VM fails), step
 * by step with the Kubernetes defaults:
 *
 * <ol>
 *   <li><b>detect</b>: the node turns NotReady after {@code node-monitor-grace-period} 40 s and its
 *       pods leave the Service's endpoints; until then requests routed to the pod fail;
 *   <li><b>evict</b>: the pod is deleted after the unreachable taint's {@code tolerationSeconds}
 *       300 s (DefaultTolerationSeconds; Kubernetes docs, "Taints and Tolerations — Taint based
 *       Evictions"), the node's VM being gone; the StatefulSet recreates the pod with the same
 *       name and claim;
 *   <li><b>schedule</b>: the claim's volume lives in one zone, so the pod can only go to a node in
 *       that zone (the volume's node affinity; an EBS volume attaches only to an instance in its
 *       Availability Zone) — with one pod per node the cluster autoscaler boots one there;
 *   <li><b>detach / attach</b>: the attach/detach controller still sees the volume attached to the
 *       lost node and force-detaches it only after {@code maxWaitForUnmountDuration} 6 min
 *       ({@link StatefulSetSettings#FORCE_DETACH}); then the volume attaches to the new node;
 *   <li><b>start</b>: the container starts, then the database recovers (its own crash recovery)
 *       before it reports Ready.
 * </ol>
 *
 * @param lostAt when the node was lost
 * @param detectedAt when its pods left the endpoints
 * @param evictedAt when the pod was deleted and recreated
 * @param nodeReadyAt when a node in the volume's zone was ready for it
 * @param detachedAt when the volume was force-detached from the lost node
 * @param attachedAt when the volume was attached to the new node
 * @param readyAt when the pod was Ready again
 */
public record VolumeRecovery(long lostAt, long detectedAt, long evictedAt, long nodeReadyAt, long detachedAt, long attachedAt,
    long readyAt) {
  /** kube-controller-manager's {@code node-monitor-grace-period} default, 40 s. */
  public static final long DETECT = 40 * SimTime.NANOS_PER_SECOND;
  /** DefaultTolerationSeconds for {@code node.kubernetes.io/unreachable}: 300 s after detection. */
  public static final long EVICT = 300 * SimTime.NANOS_PER_SECOND;

  /**
   * Plans the recovery of a pod whose node was lost at {@code lostAt}: a node in the volume's zone
   * takes {@code nodeBoot} from the eviction (0 when one has room), the attach takes
   * {@code attach}, the container {@code podStart} and the database {@code appRecovery}.
   */
  public static VolumeRecovery plan(long lostAt, long nodeBoot, long forceDetachAfter, long attach, long podStart, long appRecovery) {
    long detected = lostAt + DETECT;
    long evicted = detected + EVICT;
    long nodeReady = evicted + Math.max(0, nodeBoot);
    long detached = evicted + forceDetachAfter;
    long attached = Math.max(detached, nodeReady) + Math.max(0, attach);
    long ready = attached + Math.max(0, podStart) + Math.max(0, appRecovery);
    return new VolumeRecovery(lostAt, detected, evicted, nodeReady, detached, attached, ready);
  }

  /** Returns the time from the node loss to the pod being Ready again, in seconds. */
  public double recoverySeconds() {
    return SimTime.toSeconds(readyAt - lostAt);
  }
}
