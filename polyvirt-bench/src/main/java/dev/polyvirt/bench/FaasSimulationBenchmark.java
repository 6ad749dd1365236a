package dev.polyvirt.bench;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.Planner;
import dev.polyvirt.spec.SpecException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
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
 * Simulated requests per second on one core: one workload (Poisson arrivals at 50 req/s,
 * lognormal durations p50 80 ms / p99 900 ms) planned on one compute model with a one-thread
 * {@link Planner}, from spec text to the finished {@link Plan} (billing and recommendation
 * included; spec parsing is done once in setup).
 *
 * <p>The {@code requests} secondary metric is simulated requests per second (each invocation
 * adds the run's {@code figures.requests}); the primary score is whole plans per second.
 * {@code container} runs fixed replicas behind the shared queue; {@code vm} runs the model's
 * default fixed fleet.
 *
 * <p>{@link #main} is a plain timing loop giving the same figure without JMH.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class FaasSimulationBenchmark {

  @Param({"faas", "container", "vm"})
  public String model;

  /** Simulated span; 1d at 50 req/s is about 4.32 M requests. */
  @Param({"1d"})
  public String horizon;

  BoundPortfolio portfolio;
  Planner planner;

  /** Simulated requests, reported as a rate next to the primary score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Requests {
    public long requests;

    @Setup(Level.Iteration)
    public void reset() {
      requests = 0;
    }
  }

  /** Returns the benchmark spec with the given horizon. */
  public static String spec(String horizon) {
    return """
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: bench
        seed: 1
        horizon: %s
        workloads:
          - name: api
            runtime: python
            traffic: {poisson: {ratePerSecond: 50}}
            request: {duration: {lognormal: {p50: 80ms, p99: 900ms}}, cpu: 250m, memory: 256Mi}
            candidates: [vm, container, faas]
            models:
              container: {replicas: 16, loadBalancer: shared-queue}
        """.formatted(horizon);
  }

  @Setup(Level.Trial)
  public void setUp() throws SpecException {
    portfolio = BoundPortfolio.parse("bench.yaml", spec(horizon), Path.of("."));
    planner = new Planner(1, s -> {});
  }

  @Benchmark
  public Plan plan(Requests c) throws InterruptedException {
    Plan p = planner.plan(portfolio, Set.of(model));
    c.requests += requests(p);
    return p;
  }

  static long requests(Plan p) {
    ModelResult r = p.workloads().get(0).results().get(0);
    return r.figures().orElseThrow(() -> new IllegalStateException(r.model() + " infeasible: " + r.infeasibleReasons()))
        .requests();
  }

  /**
   * Plain timing without JMH: {@code java -cp benchmarks.jar dev.polyvirt.bench.FaasSimulationBenchmark
   * [horizon] [runs] [models...]}.
   */
  public static void main(String[] args) throws Exception {
    String horizon = args.length > 0 ? args[0] : "1d";
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String[] models = args.length > 2 ? java.util.Arrays.copyOfRange(args, 2, args.length) : new String[] {"faas", "container", "vm"};
    BoundPortfolio p = BoundPortfolio.parse("bench.yaml", spec(horizon), Path.of("."));
    Planner planner = new Planner(1, s -> {});
    for (String m : models) {
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        Plan plan = planner.plan(p, Set.of(m));
        long dt = System.nanoTime() - t0;
        long n = requests(plan);
        System.out.printf(Locale.ROOT, "%-9s run %d: %,d requests in %.3f s = %,.0f requests/s%n", m, i, n, dt / 1e9, n / (dt / 1e9));
      }
    }
  }
}
