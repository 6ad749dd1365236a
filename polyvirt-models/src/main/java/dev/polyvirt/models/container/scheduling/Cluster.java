package dev.polyvirt.models.container.scheduling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes of a cluster and what is still free on each: CPU, memory and every GPU's share.
 *
 * <p>Nodes with the same labels and taints form a group (an equivalence class for the node
 * selector and taint filters, decided once per group, not per node); each group keeps a
 * {@link FitIndex} so the scheduler skips nodes that cannot fit a pod without looking at them.
 */
public final class Cluster {
  private final List<NodeSpec> nodes;
  private final int[] cpuCap;
  private final long[] memCap;
  private final int[] gpuCount;
  private final int[] freeCpu;
  private final long[] freeMem;
  private final int[] freeGpuSum;
  private final int[] wholeFree; // GPUs with all 1000 thousandths free
  private final int[] maxShare; // the largest free share of one GPU
  private final double[] perCpu; // 1 / capacity: scores multiply instead of divide
  private final double[] perMem;
  private final int[] gpuStart;
  private final int[] gpuFree;
  private final int[] group;
  private final int[] position;
  private final List<NodeSpec> groupSample = new ArrayList<>();
  private final List<FitIndex> indexes = new ArrayList<>();
  private final List<int[]> members = new ArrayList<>();
  private int pods;

  /** Creates an empty cluster of {@code nodes} (each node's GPUs at most 64). */
  public Cluster(List<NodeSpec> nodes) {
    this.nodes = List.copyOf(nodes);
    int n = nodes.size();
    cpuCap = new int[n];
    memCap = new long[n];
    gpuCount = new int[n];
    freeCpu = new int[n];
    freeMem = new long[n];
    freeGpuSum = new int[n];
    wholeFree = new int[n];
    maxShare = new int[n];
    perCpu = new double[n];
    perMem = new double[n];
    gpuStart = new int[n + 1];
    group = new int[n];
    position = new int[n];
    Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      NodeSpec s = nodes.get(i);
      if (s.gpus() > 64) throw new IllegalArgumentException("node " + s.name() + " has more than 64 GPUs");
      cpuCap[i] = freeCpu[i] = s.cpuMilli();
      memCap[i] = freeMem[i] = s.memoryMiB();
      gpuCount[i] = s.gpus();
      freeGpuSum[i] = 1000 * s.gpus();
      wholeFree[i] = s.gpus();
      maxShare[i] = s.gpus() > 0 ? 1000 : 0;
      perCpu[i] = 1.0 / Math.max(1, s.cpuMilli());
      perMem[i] = 1.0 / Math.max(1, s.memoryMiB());
      gpuStart[i + 1] = gpuStart[i] + s.gpus();
      groups.computeIfAbsent(List.of(s.labels(), s.taints()), k -> new ArrayList<>()).add(i);
    }
    gpuFree = new int[gpuStart[n]];
    java.util.Arrays.fill(gpuFree, 1000);
    for (List<Integer> g : groups.values()) {
      int[] m = g.stream().mapToInt(Integer::intValue).toArray();
      for (int p = 0; p < m.length; p++) {
        group[m[p]] = members.size();
        position[m[p]] = p;
      }
      members.add(m);
      groupSample.add(nodes.get(m[0]));
      indexes.add(new FitIndex(m, this));
    }
  }

  /** Returns the number of nodes. */
  public int size() {
    return nodes.size();
  }

  /** Returns node {@code i}'s description. */
  public NodeSpec node(int i) {
    return nodes.get(i);
  }

  /** Returns the pods bound to the cluster. */
  public int pods() {
    return pods;
  }

  /** Returns free millicores on node {@code i}. */
  public int freeCpu(int i) {
    return freeCpu[i];
  }

  /** Returns free MiB on node {@code i}. */
  public long freeMemory(int i) {
    return freeMem[i];
  }

  /** Returns the free thousandths of GPU {@code g} of node {@code i}. */
  public int gpuFree(int i, int g) {
    return gpuFree[gpuStart[i] + g];
  }

  /** Returns the free GPU thousandths of node {@code i}, summed over its GPUs. */
  public int freeGpuMilli(int i) {
    return freeGpuSum[i];
  }

  /** Returns node {@code i}'s allocatable millicores. */
  public int cpuCapacity(int i) {
    return cpuCap[i];
  }

  /** Returns node {@code i}'s allocatable MiB. */
  public long memoryCapacity(int i) {
    return memCap[i];
  }

  /** Returns node {@code i}'s GPUs. */
  public int gpus(int i) {
    return gpuCount[i];
  }

  /** Returns 1 / node {@code i}'s allocatable millicores. */
  double perCpu(int i) {
    return perCpu[i];
  }

  /** Returns 1 / node {@code i}'s allocatable MiB. */
  double perMemory(int i) {
    return perMem[i];
  }

  /**
   * Returns true when node {@code i} has room for {@code p}'s resources (labels and taints aside):
   * whole GPUs need that many GPUs entirely free, a shared GPU one GPU with the share free.
   */
  public boolean fits(int i, PodRequest p) {
    if (freeCpu[i] < p.cpuMilli() || freeMem[i] < p.memoryMiB()) return false;
    if (p.gpus() == 0) return true;
    return p.gpuMilli() == 1000 ? wholeFree[i] >= p.gpus() : maxShare[i] >= p.gpuMilli();
  }

  /** Returns how many of node {@code i}'s GPUs are entirely free. */
  int wholeGpusFree(int i) {
    return wholeFree[i];
  }

  /** Returns the largest free share of one GPU on node {@code i}. */
  int maxGpuShare(int i) {
    return maxShare[i];
  }

  private void refreshGpus(int i) {
    int whole = 0, max = 0;
    for (int g = gpuStart[i]; g < gpuStart[i + 1]; g++) {
      if (gpuFree[g] == 1000) whole++;
      max = Math.max(max, gpuFree[g]);
    }
    wholeFree[i] = whole;
    maxShare[i] = max;
  }

  /**
   * Binds {@code p} to node {@code i} and returns the GPUs it takes as a bit mask. A shared GPU
   * is the fullest one that still fits (best fit, as Alibaba's GPU-sharing scheduler extender
   * packs), so whole GPUs stay whole.
   */
  public long bind(int i, PodRequest p) {
    if (!fits(i, p)) throw new IllegalStateException("pod does not fit node " + nodes.get(i).name());
    freeCpu[i] -= p.cpuMilli();
    freeMem[i] -= p.memoryMiB();
    long mask = 0;
    if (p.gpus() == 1 && p.gpuMilli() < 1000) {
      int best = -1;
      for (int g = gpuStart[i]; g < gpuStart[i + 1]; g++) {
        if (gpuFree[g] >= p.gpuMilli() && (best < 0 || gpuFree[g] < gpuFree[best])) best = g;
      }
      gpuFree[best] -= p.gpuMilli();
      mask = 1L << (best - gpuStart[i]);
    } else {
      for (int g = gpuStart[i], taken = 0; taken < p.gpus(); g++) {
        if (gpuFree[g] >= p.gpuMilli()) {
          gpuFree[g] -= p.gpuMilli();
          mask |= 1L << (g - gpuStart[i]);
          taken++;
        }
      }
    }
    freeGpuSum[i] -= p.totalGpuMilli();
    if (p.gpus() > 0) refreshGpus(i);
    pods++;
    indexes.get(group[i]).update(position[i]);
    return mask;
  }

  /** Frees what {@code p} held on node {@code i} (its GPUs given by {@code gpuMask}). */
  public void unbind(int i, PodRequest p, long gpuMask) {
    freeCpu[i] += p.cpuMilli();
    freeMem[i] += p.memoryMiB();
    for (int g = 0; g < 64; g++) if ((gpuMask & (1L << g)) != 0) gpuFree[gpuStart[i] + g] += p.gpuMilli();
    freeGpuSum[i] += p.totalGpuMilli();
    if (p.gpus() > 0) refreshGpus(i);
    pods--;
    indexes.get(group[i]).update(position[i]);
  }

  int groups() {
    return members.size();
  }

  NodeSpec groupSample(int g) {
    return groupSample.get(g);
  }

  FitIndex index(int g) {
    return indexes.get(g);
  }

  int member(int g, int pos) {
    return members.get(g)[pos];
  }

  int[] members(int g) {
    return members.get(g);
  }

  int groupSize(int g) {
    return members.get(g).length;
  }
}
