package dev.polyvirt.models.container;

import dev.polyvirt.engine.EventHandler;
import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.models.container.scheduling.Cluster;
import dev.polyvirt.models.container.scheduling.NodeSpec;
import dev.polyvirt.models.container.scheduling.Placement;
import dev.polyvirt.models.container.scheduling.PodRequest;
import dev.polyvirt.models.container.scheduling.Scheduler;
import dev.polyvirt.models.container.scheduling.ScoringPolicy;
import dev.polyvirt.models.vm.InstanceBilling;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The cluster's nodes with every pod bound by the kube-scheduler cycle ({@link Scheduler}: filter
 * on free CPU and memory, score with the chosen {@link ScoringPolicy}) instead of packed by count.
 *
 * <p>Unlike {@link NodePool}, pods are not re-packable: a pod stays on the node it was bound to, so
 * the scoring policy decides which nodes empty out. A pod no ready node fits is pending: it waits
 * for room reserved on a booting node, or the cluster autoscaler boots one for it (30–120 s, a VM
 * boot); the pod binds there when the node is Ready. The autoscaler removes a node once it has been
 * empty for 10 minutes ({@code --scale-down-unneeded-time}; Cluster Autoscaler FAQ). Not modelled:
 * the autoscaler's draining of nodes below 50 % utilisation whose pods fit elsewhere
 * ({@code --scale-down-utilization-threshold}), so with {@code LeastAllocated} nodes stay up
 * longer than a real cluster keeps them.
 *
 * <p>The cluster holds a fixed number of node places; places not running a node are held full, so
 * the scheduler never picks them. Each node's allocatable is the EKS AMI's (see {@link NodeShape}),
 * capped at {@code podsPerNode} pods' requests when {@code maxPods} is the tighter limit.
 */
final class ScheduledNodePool implements EventHandler, Nodes {
  private static final int DOWN = 0, BOOTING = 1, UP = 2;

  private final Simulation sim;
  private final NodeShape shape;
  private final Distribution.Sampler boot;
  private final InstanceBilling billing;
  private final long horizon;
  private final UniformRandomProvider overheadRng;
  private final double overheadMin;
  private final double overheadMax;
  private final int headroomPods;
  private final Cluster cluster;
  private final Scheduler scheduler;
  private final PodRequest pod;
  private final PodRequest fullNode;
  private final int[] state;
  private final int[] id;
  private final int[] podsOn;
  private final long[] readyAt;
  private final long[] unneededSince;
  private final long[] launchedAt;
  private final double[] slowdown;
  private final List<List<Integer>> reserved = new ArrayList<>();
  private final List<Placement> placements = new ArrayList<>();
  private final List<Integer> reservedNode = new ArrayList<>();
  private final Placement[] blockers;
  private int nextId;
  private int running;
  private int peak;
  private int lastNode;
  private long pendingNanos;
  private long maxPendingNanos;
  private int pendingPods;
  private int unschedulable;

  ScheduledNodePool(Simulation sim, NodeShape shape, int cpuRequestMillis, long memoryRequestBytes, ScoringPolicy policy,
      int percentageOfNodesToScore, int capacity, Distribution.Sampler boot, InstanceBilling billing, long horizon,
      UniformRandomProvider overheadRng, double overheadMin, double overheadMax, int headroomPods) {
    this.sim = sim;
    this.shape = shape;
    this.boot = boot;
    this.billing = billing;
    this.horizon = horizon;
    this.overheadRng = overheadRng;
    this.overheadMin = overheadMin;
    this.overheadMax = overheadMax;
    this.headroomPods = headroomPods;
    long memMiB = (memoryRequestBytes + (1 << 20) - 1) >> 20;
    this.pod = PodRequest.of(cpuRequestMillis, memMiB, 0, 0);
    int cpuAlloc = (int) (shape.type().vcpus() * 1000L - NodeShape.reservedCpuMillis(shape.type().vcpus()));
    long memAlloc = shape.type().memoryMiB() - (NodeShape.reservedMemoryBytes(shape.type().maxPods()) >> 20);
    // podsPerNode pods' requests never exceed the allocatable; capping at them keeps maxPods (the tighter limit
    // for small pods) and makes a node's requested share its pod count over podsPerNode
    int cpu = (int) Math.min(cpuAlloc, (long) shape.podsPerNode() * cpuRequestMillis);
    long mem = Math.min(memAlloc, shape.podsPerNode() * memMiB);
    List<NodeSpec> specs = new ArrayList<>(capacity);
    for (int i = 0; i < capacity; i++) specs.add(NodeSpec.of("node-" + i, cpu, mem, 0));
    this.cluster = new Cluster(specs);
    this.scheduler = new Scheduler(cluster, policy, 0);
    this.fullNode = PodRequest.of(cpu, mem, 0, 0);
    state = new int[capacity];
    id = new int[capacity];
    podsOn = new int[capacity];
    readyAt = new long[capacity];
    unneededSince = new long[capacity];
    launchedAt = new long[capacity];
    slowdown = new double[capacity];
    blockers = new Placement[capacity];
    for (int i = 0; i < capacity; i++) {
      blockers[i] = new Placement(i, cluster.bind(i, fullNode), fullNode);
      reserved.add(new ArrayList<>());
      unneededSince[i] = -1;
    }
  }

  @Override
  public void start() {
    sim.after(NodePool.SCAN_INTERVAL, this, 0);
  }

  @Override
  public long placePod(boolean initial) {
    long now = sim.now();
    int k = placements.size();
    placements.add(null);
    reservedNode.add(-1);
    long wait = 0;
    Placement p = scheduler.place(pod);
    if (p != null) {
      placements.set(k, p);
      lastNode = p.node();
      podsOn[p.node()]++;
    } else {
      int node = bootingWithRoom();
      if (node < 0) node = launch(initial ? 0 : Math.max(0, boot.next()));
      if (node < 0) { // no place left in the cluster: the pod never schedules
        unschedulable++;
        lastNode = 0;
        return 1000L * SimTime.NANOS_PER_DAY;
      }
      if (state[node] == UP) {
        Placement q = new Placement(node, cluster.bind(node, pod), pod);
        placements.set(k, q);
      } else {
        reserved.get(node).add(k);
        reservedNode.set(k, node);
      }
      podsOn[node]++;
      lastNode = node;
      wait = Math.max(0, readyAt[node] - now);
    }
    if (wait > 0) pendingPods++;
    pendingNanos += wait;
    maxPendingNanos = Math.max(maxPendingNanos, wait);
    while (headroomPods > 0 && freeRoom() < headroomPods) {
      if (launch(initial ? 0 : Math.max(0, boot.next())) < 0) break;
    }
    return wait;
  }

  private int bootingWithRoom() {
    for (int i = 0; i < state.length; i++) if (state[i] == BOOTING && podsOn[i] < shape.podsPerNode()) return i;
    return -1;
  }

  private int freeRoom() {
    int room = 0;
    for (int i = 0; i < state.length; i++) if (state[i] != DOWN) room += shape.podsPerNode() - podsOn[i];
    return room;
  }

  private int launch(long bootNanos) {
    int node = -1;
    for (int i = 0; i < state.length && node < 0; i++) if (state[i] == DOWN) node = i;
    if (node < 0) return -1;
    long now = sim.now();
    slowdown[node] = 1 / (1 - (overheadMin + (overheadMax - overheadMin) * overheadRng.nextDouble()));
    id[node] = nextId++;
    readyAt[node] = now + bootNanos;
    launchedAt[node] = now;
    unneededSince[node] = -1;
    billing.started(id[node], now);
    running++;
    peak = Math.max(peak, running);
    if (bootNanos <= 0) {
      ready(node);
    } else {
      state[node] = BOOTING;
      int n = node;
      sim.after(bootNanos, p -> {
        if (state[n] == BOOTING) ready(n);
      }, 0);
    }
    return node;
  }

  private void ready(int node) {
    state[node] = UP;
    cluster.unbind(node, fullNode, blockers[node].gpuMask());
    blockers[node] = null;
    // the pods that waited for this node bind to it now
    for (int k : reserved.get(node)) {
      placements.set(k, new Placement(node, cluster.bind(node, pod), pod));
      reservedNode.set(k, -1);
    }
    reserved.get(node).clear();
  }

  private void takeDown(int node, long now) {
    billing.stopped(id[node], now);
    state[node] = DOWN;
    podsOn[node] = 0;
    blockers[node] = new Placement(node, cluster.bind(node, fullNode), fullNode);
    running--;
  }

  @Override
  public int lastNodeId() {
    return id[lastNode];
  }

  @Override
  public int lastNode() {
    return lastNode;
  }

  @Override
  public double lastSlowdown() {
    return slowdown[lastNode];
  }

  @Override
  public void releasePod(int k) {
    if (k < 0 || k >= placements.size()) return;
    Placement p = placements.get(k);
    if (p != null) {
      scheduler.remove(p);
      podsOn[p.node()]--;
      placements.set(k, null);
    } else if (reservedNode.get(k) >= 0) {
      int node = reservedNode.get(k);
      reserved.get(node).remove(Integer.valueOf(k));
      podsOn[node]--;
      reservedNode.set(k, -1);
    }
  }

  @Override
  public int loseNode() {
    int newest = -1;
    for (int i = 0; i < state.length; i++) {
      if (state[i] == UP && (newest < 0 || id[i] > id[newest])) newest = i;
    }
    if (newest < 0) return -1;
    // its pods are gone with it: free their places in the scheduler's books
    for (int k = 0; k < placements.size(); k++) {
      Placement p = placements.get(k);
      if (p != null && p.node() == newest) {
        scheduler.remove(p);
        placements.set(k, null);
      }
    }
    takeDown(newest, sim.now());
    return newest;
  }

  @Override
  public void forgetPods(int n) {
    // loseNode already freed them
  }

  @Override
  public int nodes() {
    return running;
  }

  @Override
  public int peakNodes() {
    return peak;
  }

  @Override
  public double meanPendingSeconds() {
    return placements.isEmpty() ? 0 : SimTime.toSeconds(pendingNanos) / placements.size();
  }

  @Override
  public double maxPendingSeconds() {
    return SimTime.toSeconds(maxPendingNanos);
  }

  /** Returns the pods that waited for a node (pending when created). */
  int pendingPods() {
    return pendingPods;
  }

  /** Returns the pods for which the cluster had no node place left (never scheduled). */
  int unschedulable() {
    return unschedulable;
  }

  /** Returns the scheduling cycles run. */
  long decisions() {
    return scheduler.decisions();
  }

  /** Returns the pods bound to node {@code node} now. */
  int podsOn(int node) {
    return state[node] == DOWN ? 0 : podsOn[node];
  }

  @Override
  public void onEvent(long payload) {
    long now = sim.now();
    if (now > horizon) return;
    int room = freeRoom(); // once per scan: a node taken down below was empty, so it held exactly podsPerNode of it
    for (int i = 0; i < state.length; i++) {
      if (state[i] != UP) continue;
      boolean empty = podsOn[i] == 0 && running > 1 && room - shape.podsPerNode() >= headroomPods;
      if (!empty) {
        unneededSince[i] = -1;
      } else if (unneededSince[i] < 0) {
        unneededSince[i] = now;
      } else if (now - unneededSince[i] >= NodePool.UNNEEDED_TIME) {
        takeDown(i, now);
        room -= shape.podsPerNode();
      }
    }
    sim.after(NodePool.SCAN_INTERVAL, this, 0);
  }
}
