package dev.polyvirt.models.container.stateful;

/**
 * When the pods of a StatefulSet become Ready. With {@code podManagementPolicy: OrderedReady} (the
 * default) the controller creates pod i+1 only once pod i is Running and Ready (Kubernetes docs,
 * "StatefulSets — Deployment and Scaling Guarantees": "Before a scaling operation is applied to a
 * Pod, all of its predecessors must be Running and Ready"); with {@code Parallel} it creates them
 * all at once.
 */
public final class OrderedReady {
  private OrderedReady() {}

  /**
   * Returns each ordinal's creation time, given the set created at {@code createdAt} and each pod's
   * time from creation to Ready ({@code startNanos[i]}, for pod i).
   */
  public static long[] createdTimes(long createdAt, long[] startNanos, boolean ordered) {
    long[] created = new long[startNanos.length];
    long previousReady = createdAt;
    for (int i = 0; i < startNanos.length; i++) {
      created[i] = ordered ? previousReady : createdAt;
      previousReady = created[i] + Math.max(0, startNanos[i]);
    }
    return created;
  }

  /** Returns each ordinal's Ready time (creation + its start). */
  public static long[] readyTimes(long createdAt, long[] startNanos, boolean ordered) {
    long[] created = createdTimes(createdAt, startNanos, ordered);
    long[] ready = new long[created.length];
    for (int i = 0; i < ready.length; i++) ready[i] = created[i] + Math.max(0, startNanos[i]);
    return ready;
  }
}
