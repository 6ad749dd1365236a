package dev.polyvirt.models.container.scheduling;

/**
 * A segment tree over one node group holding, per subtree, the most free CPU, memory, whole GPUs
 * and GPU share of any node in it. A pod that needs more than a subtree's maximum cannot fit
 * anywhere in it, so finding the next node with room skips whole full regions: O(log n) per node
 * found instead of a scan, and an update after a bind is O(log n).
 */
final class FitIndex {
  /** Positions tried one by one before searching the tree. */
  static final int LINEAR_PROBES = 8;

  private final int[] members;
  private final Cluster cluster;
  private final int leaves;
  private final int[] maxCpu;
  private final long[] maxMem;
  private final int[] maxWhole;
  private final int[] maxShare;

  FitIndex(int[] members, Cluster cluster) {
    this.members = members;
    this.cluster = cluster;
    int l = 1;
    while (l < members.length) l <<= 1;
    leaves = l;
    maxCpu = new int[2 * l];
    maxMem = new long[2 * l];
    maxWhole = new int[2 * l];
    maxShare = new int[2 * l];
    java.util.Arrays.fill(maxCpu, -1);
    java.util.Arrays.fill(maxMem, -1);
    java.util.Arrays.fill(maxWhole, -1);
    java.util.Arrays.fill(maxShare, -1);
    for (int p = 0; p < members.length; p++) setLeaf(p);
    for (int t = l - 1; t >= 1; t--) pull(t);
  }

  /** Refreshes the position {@code p} after its node changed. */
  void update(int p) {
    setLeaf(p);
    for (int t = (p + leaves) >> 1; t >= 1; t >>= 1) pull(t);
  }

  /**
   * Returns the first position at or after {@code from} whose node fits {@code pod}, or -1. The
   * next few positions are tried directly (on a cluster with room the next node usually fits);
   * after that the tree skips the regions that cannot fit.
   */
  int firstFit(int from, PodRequest pod) {
    if (from >= members.length) return -1;
    int direct = Math.min(members.length, from + LINEAR_PROBES);
    for (int p = from; p < direct; p++) if (cluster.fits(members[p], pod)) return p;
    if (direct >= members.length) return -1;
    return descend(1, 0, leaves - 1, direct, pod);
  }

  private int descend(int t, int lo, int hi, int from, PodRequest pod) {
    if (hi < from || !mayFit(t, pod)) return -1;
    if (lo == hi) return cluster.fits(members[lo], pod) ? lo : -1;
    int mid = (lo + hi) >>> 1;
    int left = descend(2 * t, lo, mid, from, pod);
    return left >= 0 ? left : descend(2 * t + 1, mid + 1, hi, from, pod);
  }

  private boolean mayFit(int t, PodRequest pod) {
    if (maxCpu[t] < pod.cpuMilli() || maxMem[t] < pod.memoryMiB()) return false;
    if (pod.gpus() == 0) return true;
    return pod.gpuMilli() == 1000 ? maxWhole[t] >= pod.gpus() : maxShare[t] >= pod.gpuMilli();
  }

  private void setLeaf(int p) {
    int node = members[p];
    int t = p + leaves;
    maxCpu[t] = cluster.freeCpu(node);
    maxMem[t] = cluster.freeMemory(node);
    maxWhole[t] = cluster.wholeGpusFree(node);
    maxShare[t] = cluster.maxGpuShare(node);
  }

  private void pull(int t) {
    maxCpu[t] = Math.max(maxCpu[2 * t], maxCpu[2 * t + 1]);
    maxMem[t] = Math.max(maxMem[2 * t], maxMem[2 * t + 1]);
    maxWhole[t] = Math.max(maxWhole[2 * t], maxWhole[2 * t + 1]);
    maxShare[t] = Math.max(maxShare[2 * t], maxShare[2 * t + 1]);
  }
}
