package dev.polyvirt.models.container;

import dev.polyvirt.engine.EventHandler;
import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.models.vm.InstanceBilling;
import java.util.Arrays;

/**
 * The cluster's nodes: VMs of one type that pods are packed onto, grown and shrunk the way the
 * Kubernetes Cluster Autoscaler does it.
 *
 * <p>A pod that does not fit waits for a new node, which boots like any VM. Every 10 s (the
 * autoscaler's scan interval) nodes beyond what the pods need are marked unneeded, and removed
 * once unneeded for 10 minutes ({@code --scale-down-unneeded-time}, default 10m; Cluster
 * Autoscaler FAQ). Pods are treated as freely re-packable onto the remaining nodes. Each node
 * draws its hypervisor overhead once, and every pod placed on it runs that much slower.
 */
final class NodePool implements EventHandler, Nodes {
  static final long SCAN_INTERVAL = 10 * SimTime.NANOS_PER_SECOND;
  static final long UNNEEDED_TIME = 10 * SimTime.NANOS_PER_MINUTE;

  private final Simulation sim;
  private final NodeShape shape;
  private final Distribution.Sampler boot;
  private final org.apache.commons.rng.UniformRandomProvider overheadRng;
  private final double overheadMin;
  private final double overheadMax;
  private double[] slowdown = new double[8];
  private double lastSlowdown = 1;
  private final InstanceBilling billing;
  private final long horizon;
  private long[] readyAt = new long[8];
  private int[] id = new int[8];
  private int nodes;
  private int nextId;
  private int pods;
  private long unneededSince = -1;
  private int lastNode;
  private long pendingNanos;
  private long maxPendingNanos;
  private int placed;
  private int peakNodes;
  private int headroomPods;

  NodePool(Simulation sim, NodeShape shape, Distribution.Sampler boot, InstanceBilling billing, long horizon,
      org.apache.commons.rng.UniformRandomProvider overheadRng, double overheadMin, double overheadMax) {
    this.sim = sim;
    this.shape = shape;
    this.boot = boot;
    this.overheadRng = overheadRng;
    this.overheadMin = overheadMin;
    this.overheadMax = overheadMax;
    this.billing = billing;
    this.horizon = horizon;
  }

  /** Starts the scale-down scan. */
  @Override
  public void start() {
    sim.after(SCAN_INTERVAL, this, 0);
  }

  /**
   * Keeps room for {@code pods} more pods on nodes that are up or booting — the Cluster Autoscaler
   * FAQ's over-provisioning: low-priority pause pods hold the room, real pods preempt them at once,
   * and the displaced pause pods make the autoscaler add a node ahead of need. Returns this pool.
   */
  NodePool withHeadroom(int pods) {
    this.headroomPods = pods;
    return this;
  }

  /** Places a pod and returns how long it waits for its node to be ready (0 on a ready node). */
  @Override
  public long placePod(boolean initial) {
    long now = sim.now();
    if (pods == nodes * shape.podsPerNode()) launch(initial ? 0 : Math.max(0, boot.next()));
    int node = pods / shape.podsPerNode();
    pods++;
    while (headroomPods > 0 && (long) nodes * shape.podsPerNode() - pods < headroomPods) launch(initial ? 0 : Math.max(0, boot.next()));
    lastSlowdown = slowdown[node];
    lastNode = node;
    long wait = Math.max(0, readyAt[node] - now);
    placed++;
    pendingNanos += wait;
    maxPendingNanos = Math.max(maxPendingNanos, wait);
    return wait;
  }

  /** Returns the unique id (never reused) of the node of the last placed pod. */
  @Override
  public int lastNodeId() {
    return id[lastNode];
  }

  /** Returns the node of the last placed pod. */
  @Override
  public int lastNode() {
    return lastNode;
  }

  /** Returns the mean time a placed pod waited for a node (pending: no node had room), in seconds. */
  @Override
  public double meanPendingSeconds() {
    return placed == 0 ? 0 : dev.polyvirt.engine.SimTime.toSeconds(pendingNanos) / placed;
  }

  /** Returns the longest time a pod waited for a node, in seconds. */
  @Override
  public double maxPendingSeconds() {
    return dev.polyvirt.engine.SimTime.toSeconds(maxPendingNanos);
  }

  /**
   * Loses the newest node (its VM fails): billing stops now and the node is gone; returns its
   * index, so the caller can take that node's pods out of service.
   */
  @Override
  public int loseNode() {
    if (nodes == 0) return -1;
    billing.stopped(id[--nodes], sim.now());
    return nodes;
  }

  /** Forgets {@code n} pods that were on a lost node (their places went with it). */
  @Override
  public void forgetPods(int n) {
    pods = Math.max(0, pods - n);
  }

  /** Returns how much the node of the last placed pod stretches requests (its hypervisor overhead). */
  @Override
  public double lastSlowdown() {
    return lastSlowdown;
  }

  /** Frees a pod's place (not for pods of a lost node: see {@link #forgetPods}). */
  @Override
  public void releasePod(int pod) {
    pods--;
  }

  /** Returns the most nodes running at once. */
  @Override
  public int peakNodes() {
    return peakNodes;
  }

  /** Returns the nodes running. */
  @Override
  public int nodes() {
    return nodes;
  }

  @Override
  public void onEvent(long payload) {
    long now = sim.now();
    if (now > horizon) return;
    int needed = Math.max(1, (pods + headroomPods + shape.podsPerNode() - 1) / shape.podsPerNode());
    if (nodes > needed) {
      if (unneededSince < 0) unneededSince = now;
      if (now - unneededSince >= UNNEEDED_TIME) {
        while (nodes > needed) billing.stopped(id[--nodes], now);
        unneededSince = -1;
      }
    } else {
      unneededSince = -1;
    }
    sim.after(SCAN_INTERVAL, this, 0);
  }

  private void launch(long bootNanos) {
    if (nodes == readyAt.length) {
      readyAt = Arrays.copyOf(readyAt, nodes * 2);
      id = Arrays.copyOf(id, nodes * 2);
      slowdown = Arrays.copyOf(slowdown, nodes * 2);
    }
    slowdown[nodes] = 1 / (1 - (overheadMin + (overheadMax - overheadMin) * overheadRng.nextDouble()));
    readyAt[nodes] = sim.now() + bootNanos;
    id[nodes] = nextId++;
    billing.started(id[nodes], sim.now());
    nodes++;
    peakNodes = Math.max(peakNodes, nodes);
  }
}
