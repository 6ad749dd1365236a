package dev.polyvirt.models.container.scheduling;

/**
 * A kube-scheduler scheduling cycle: filter, then score, then bind (Kubernetes docs, "Scheduling
 * Framework").
 *
 * <p>Filter: NodeResourcesFit (CPU, memory, GPUs), NodeSelector (node labels) and
 * TaintToleration (every {@code NoSchedule}/{@code NoExecute} taint tolerated); the last two are
 * decided once per node group. Like kube-scheduler, the cycle stops looking once it has found
 * {@code percentageOfNodesToScore} of the nodes feasible — by default 50 % − nodes/125, at least
 * 5 % and at least 100 nodes (Kubernetes docs, "Scheduler Performance Tuning") — and starts the
 * next cycle where this one stopped, so every node gets its turn. Score: the named
 * {@link ScoringPolicy}; ties go to the node found first. A pod no node fits stays pending
 * ({@link #place} returns null).
 */
public final class Scheduler {
  static final int MIN_FEASIBLE_NODES = 100;

  private final Cluster cluster;
  private final ScoringPolicy policy;
  private final int toFind;
  private final int[] start;
  private long decisions;

  /**
   * Creates a scheduler of {@code cluster} scoring with {@code policy}; {@code percentageOfNodesToScore}
   * is 1–100, or 0 for kube-scheduler's adaptive default.
   */
  public Scheduler(Cluster cluster, ScoringPolicy policy, int percentageOfNodesToScore) {
    this.cluster = cluster;
    this.policy = policy;
    this.toFind = feasibleNodesToFind(cluster.size(), percentageOfNodesToScore);
    this.start = new int[cluster.groups()];
  }

  /** Returns how many feasible nodes a cycle looks for (kube-scheduler's numFeasibleNodesToFind). */
  static int feasibleNodesToFind(int nodes, int percentage) {
    if (nodes < MIN_FEASIBLE_NODES || percentage >= 100) return nodes;
    int pct = percentage > 0 ? percentage : Math.max(5, 50 - nodes / 125);
    return Math.max(MIN_FEASIBLE_NODES, nodes * pct / 100);
  }

  /** Returns the scheduling decisions taken (bound or left pending). */
  public long decisions() {
    return decisions;
  }

  /** Returns the cluster scheduled. */
  public Cluster cluster() {
    return cluster;
  }

  /** Returns the best feasible node for {@code p}, or -1 when none fits; binds nothing. */
  public int select(PodRequest p) {
    decisions++;
    int found = 0;
    int best = -1;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int g = 0; g < cluster.groups() && found < toFind; g++) {
      if (!eligible(cluster.groupSample(g), p)) continue;
      FitIndex index = cluster.index(g);
      int[] members = cluster.members(g);
      int size = members.length;
      int from = start[g];
      int last = -1;
      boolean wrapped = false;
      while (found < toFind) {
        int pos = index.firstFit(from, p);
        if (pos < 0 || (wrapped && pos >= start[g])) {
          if (wrapped || start[g] == 0) break;
          wrapped = true;
          from = 0;
          continue;
        }
        int node = members[pos];
        double s = policy.score(cluster, node, p);
        if (s > bestScore) {
          bestScore = s;
          best = node;
        }
        found++;
        last = pos;
        from = pos + 1;
        if (from >= size) {
          if (wrapped || start[g] == 0) break;
          wrapped = true;
          from = 0;
        }
      }
      if (last >= 0) start[g] = (last + 1) % size;
    }
    return best;
  }

  /** Schedules and binds {@code p}; returns its placement, or null when it stays pending. */
  public Placement place(PodRequest p) {
    int node = select(p);
    if (node < 0) return null;
    return new Placement(node, cluster.bind(node, p), p);
  }

  /** Frees a placed pod (deleted, evicted or its node drained). */
  public void remove(Placement placement) {
    cluster.unbind(placement.node(), placement.pod(), placement.gpuMask());
  }

  /** Returns true when a node like {@code n} passes the NodeSelector and TaintToleration filters for {@code p}. */
  static boolean eligible(NodeSpec n, PodRequest p) {
    for (var e : p.nodeSelector().entrySet()) if (!e.getValue().equals(n.labels().get(e.getKey()))) return false;
    for (Taint t : n.taints()) {
      if (!t.repels()) continue;
      boolean ok = false;
      for (Toleration tol : p.tolerations()) ok |= tol.tolerates(t);
      if (!ok) return false;
    }
    return true;
  }
}
