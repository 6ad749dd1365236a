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
final class NodePool implements EventHandler {
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
  void start() {
    sim.after(SCAN_INTERVAL, this, 0);
  }

  /** Places a pod and returns how long it waits for its node to be ready (0 on a ready node). */
  long placePod(boolean initial) {
    long now = sim.now();
    if (pods == nodes * shape.podsPerNode()) launch(initial ? 0 : Math.max(0, boot.next()));
    int node = pods / shape.podsPerNode();
    pods++;
    lastSlowdown = slowdown[node];
    return Math.max(0, readyAt[node] - now);
  }

  /** Returns how much the node of the last placed pod stretches requests (its hypervisor overhead). */
  double lastSlowdown() {
    return lastSlowdown;
  }

  /** Frees a pod's place. */
  void releasePod() {
    pods--;
  }

  /** Returns the nodes running. */
  int nodes() {
    return nodes;
  }

  @Override
  public void onEvent(long payload) {
    long now = sim.now();
    if (now > horizon) return;
    int needed = Math.max(1, (pods + shape.podsPerNode() - 1) / shape.podsPerNode());
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
  }
}
