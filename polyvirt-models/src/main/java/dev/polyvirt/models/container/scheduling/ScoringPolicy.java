package dev.polyvirt.models.container.scheduling;

/**
 * A scheduler score plugin: rates a feasible node for a pod, higher is better (0–100 as in
 * kube-scheduler). Fractions are of the node's allocatable resources after placing the pod.
 */
public interface ScoringPolicy {
  /** Returns the name specs use ({@code scheduler.scoring}). */
  String name();

  /** Rates node {@code node} of {@code c} for pod {@code p}, which fits it. */
  double score(Cluster c, int node, PodRequest p);

  /**
   * Returns the requested share of node {@code node}'s CPU once {@code p} is placed. CPU, memory
   * and, on a GPU node, GPU thousandths are the resources weighed: kube-scheduler's
   * NodeResourcesFit weighs cpu and memory (weight 1 each) by default; GPUs are added as a third
   * resource of weight 1, as the "Resource Bin Packing" docs allow for extended resources.
   */
  static double cpuShare(Cluster c, int node, PodRequest p) {
    return 1 - (c.freeCpu(node) - p.cpuMilli()) * c.perCpu(node);
  }

  /** Returns the requested share of the node's memory once {@code p} is placed. */
  static double memoryShare(Cluster c, int node, PodRequest p) {
    return 1 - (c.freeMemory(node) - p.memoryMiB()) * c.perMemory(node);
  }

  /** Returns the requested share of the node's GPUs once {@code p} is placed (NaN without GPUs). */
  static double gpuShare(Cluster c, int node, PodRequest p) {
    int gpus = c.gpus(node);
    return gpus == 0 ? Double.NaN : 1 - (c.freeGpuMilli(node) - p.totalGpuMilli()) / (1000.0 * gpus);
  }
}
