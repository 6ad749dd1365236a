package dev.polyvirt.bench;

import dev.polyvirt.models.container.scheduling.Cluster;
import dev.polyvirt.models.container.scheduling.NodeSpec;
import dev.polyvirt.models.container.scheduling.Placement;
import dev.polyvirt.models.container.scheduling.PodRequest;
import dev.polyvirt.models.container.scheduling.ScoringPolicies;
import dev.polyvirt.models.container.scheduling.Scheduler;
import dev.polyvirt.models.container.scheduling.Taint;
import dev.polyvirt.models.container.scheduling.Toleration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The container scheduler under churn (issue #4's target: ≥ 100 k decisions/s on 5,000 nodes and
 * 100,000 pods). The cluster: 5,000 nodes of three shapes (16 vCPU/64 GiB, 32/128, and 32 vCPU/240
 * GiB nodes with 8 GPUs tainted {@code dedicated=gpu:NoSchedule}); 100,000 pods of mixed requests
 * (100m–1 CPU, 0.25–4 GiB; 2 % with a shared GPU and 1 % with 1–2 whole GPUs, both tolerating the
 * taint) fill about 50 % of its CPU and memory. One operation = one pod deleted at random, then one new pod scheduled (a decision),
 * plus a retry of the oldest pending pod, if any (another decision). kube-scheduler's adaptive
 * {@code percentageOfNodesToScore} applies (10 % of 5,000 nodes); {@code full} scores every node.
 *
 * <p>Read the {@code decisions} secondary metric (decisions per second). {@code main} runs a
 * simulated day instead: pods living 1 h on average, so 100,000 pods churn 2.4 M times a day.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class SchedulerBenchmark {
  static final int NODES = 5_000;
  static final int PODS = 100_000;
  static final Taint GPU_TAINT = new Taint("dedicated", "gpu", "NoSchedule");
  static final List<Toleration> GPU_TOLERATION = List.of(new Toleration("dedicated", "Equal", "gpu", "NoSchedule"));

  @Param({"LeastAllocated", "MostAllocated", "BalancedAllocation"})
  public String policy;

  @Param({"adaptive", "full"})
  public String scored;

  Scheduler scheduler;
  Churn churn;

  /** Decisions taken, reported as a rate next to the primary score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Decisions {
    public long decisions;

    @Setup(Level.Iteration)
    public void reset() {
      decisions = 0;
    }
  }

  /** The pods bound and pending, and the random choices of the churn. */
  static final class Churn {
    final Scheduler scheduler;
    final SplittableRandom rnd;
    final Placement[] placed = new Placement[PODS * 2];
    int count;
    final ArrayDeque<PodRequest> pending = new ArrayDeque<>();

    Churn(Scheduler scheduler, long seed) {
      this.scheduler = scheduler;
      this.rnd = new SplittableRandom(seed);
      while (count < PODS) {
        Placement p = scheduler.place(pod());
        if (p == null) throw new IllegalStateException("the cluster is too small for " + PODS + " pods");
        placed[count++] = p;
      }
    }

    PodRequest pod() {
      int cpu = 100 * (1 + rnd.nextInt(10));
      long mem = 256L * (1 + rnd.nextInt(16));
      int r = rnd.nextInt(100);
      if (r < 2) return new PodRequest(cpu, mem, 1, 100 * (1 + rnd.nextInt(10)), Map.of(), GPU_TOLERATION);
      if (r < 3) return new PodRequest(cpu, mem, 1 + rnd.nextInt(2), 1000, Map.of(), GPU_TOLERATION);
      return PodRequest.of(cpu, mem, 0, 0);
    }

    /** Deletes one pod, schedules one new pod and retries the oldest pending one; returns the decisions taken. */
    int step() {
      int victim = rnd.nextInt(count);
      scheduler.remove(placed[victim]);
      placed[victim] = placed[--count];
      int decisions = 1;
      bind(pod());
      if (!pending.isEmpty()) {
        decisions++;
        bind(pending.poll());
      }
      return decisions;
    }

    private void bind(PodRequest p) {
      Placement pl = scheduler.place(p);
      if (pl == null) pending.add(p);
      else placed[count++] = pl;
    }
  }

  static Scheduler cluster(String policy, int percentage) {
    List<NodeSpec> nodes = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      int kind = i % 10;
      if (kind < 6) nodes.add(NodeSpec.of("m-" + i, 16_000, 65_536, 0));
      else if (kind < 9) nodes.add(NodeSpec.of("l-" + i, 32_000, 131_072, 0));
      else nodes.add(new NodeSpec("g-" + i, 32_000, 245_760, 8, Map.of("accelerator", "gpu"), List.of(GPU_TAINT)));
    }
    return new Scheduler(new Cluster(nodes), ScoringPolicies.get(policy).orElseThrow(), percentage);
  }

  @Setup(Level.Trial)
  public void setUp() {
    scheduler = cluster(policy, scored.equals("full") ? 100 : 0);
    churn = new Churn(scheduler, 42);
  }

  @Benchmark
  public int churn(Decisions d) {
    int n = churn.step();
    d.decisions += n;
    return n;
  }

  /** A simulated day of churn timed without JMH: {@code java -cp benchmarks.jar dev.polyvirt.bench.SchedulerBenchmark [policy] [hours]}. */
  public static void main(String[] args) {
    String policy = args.length > 0 ? args[0] : "LeastAllocated";
    long t0 = System.nanoTime();
    Scheduler s = cluster(policy, 0);
    Churn c = new Churn(s, 7);
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long t1 = System.nanoTime();
    long cpu1 = threads.getCurrentThreadCpuTime();
    int hours = args.length > 1 ? Integer.parseInt(args[1]) : 24;
    long steps = PODS * (long) hours; // mean lifetime 1 h: each pod is replaced once an hour on average
    long decisions = 0;
    for (long i = 0; i < steps; i++) decisions += c.step();
    long t2 = System.nanoTime();
    long cpu2 = threads.getCurrentThreadCpuTime();
    // CPU time as well as wall time: on a shared machine the wall figure includes waiting for a core
    System.out.printf("%s: initial fill of %,d pods %.2f s; %d h of churn: %,d decisions in %.2f s wall (%,.0f decisions/s), "
        + "%.2f s CPU (%,.0f decisions per CPU-second); %d pending at the end%n",
        policy, PODS, (t1 - t0) / 1e9, hours, decisions, (t2 - t1) / 1e9, decisions / ((t2 - t1) / 1e9),
        (cpu2 - cpu1) / 1e9, decisions / ((cpu2 - cpu1) / 1e9), c.pending.size());
  }
}
