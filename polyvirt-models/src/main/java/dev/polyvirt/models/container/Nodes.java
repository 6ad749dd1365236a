package dev.polyvirt.models.container;

/**
 * The nodes pods of a container run are placed on: {@link NodePool} (pods packed by count, freely
 * re-packable; the default) or {@link ScheduledNodePool} (each pod bound by the kube-scheduler
 * cycle of {@code scheduling.Scheduler}; {@code scheduler:} in the spec).
 */
interface Nodes {
  /** Starts the cluster autoscaler's scale-down scan. */
  void start();

  /** Places the next pod and returns how long it waits for a node (0 on a ready node with room). */
  long placePod(boolean initial);

  /** Returns the unique id (never reused) of the node of the last placed pod. */
  int lastNodeId();

  /** Returns the node of the last placed pod. */
  int lastNode();

  /** Returns how much the node of the last placed pod stretches requests (its hypervisor overhead). */
  double lastSlowdown();

  /** Frees the place of pod {@code pod} (the pods are numbered in placement order). */
  void releasePod(int pod);

  /** Loses a node (its VM fails) and returns its index, -1 if there is none. */
  int loseNode();

  /** Forgets {@code n} pods that were on the lost node. */
  void forgetPods(int n);

  /** Returns the nodes running. */
  int nodes();

  /** Returns the most nodes running at once. */
  int peakNodes();

  /** Returns the mean time a placed pod waited for a node, in seconds. */
  double meanPendingSeconds();

  /** Returns the longest time a pod waited for a node, in seconds. */
  double maxPendingSeconds();
}
