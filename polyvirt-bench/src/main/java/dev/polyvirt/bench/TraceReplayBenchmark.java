package dev.polyvirt.bench;

import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.Planner;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Trace replay throughput and heap: loads a portfolio (e.g. the {@code replay.yaml} written by
 * {@link SyntheticAzureTrace}), plans it on {@code faas} with a one-thread {@link Planner}
 * {@code runs} times, and prints simulated invocations per second of wall time (binding included
 * in the first figure, then per plan) and the heap: the highest used heap seen by a 2 ms sampler
 * thread, the sum of the heap pools' peaks (an upper bound) and the largest heap left after a
 * collection (the live set).
 *
 * <p>{@code java -Xmx512m -cp benchmarks.jar dev.polyvirt.bench.TraceReplayBenchmark <spec.yaml> [runs=3] [model=faas]}
 */
public final class TraceReplayBenchmark {
  private TraceReplayBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path spec = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String model = args.length > 2 ? args[2] : "faas";
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long[] sampled = {0};
    Thread sampler = new Thread(() -> {
      while (true) {
        long u = memory.getHeapMemoryUsage().getUsed();
        synchronized (sampled) {
          if (u > sampled[0]) sampled[0] = u;
        }
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();

    long t0 = System.nanoTime();
    BoundPortfolio portfolio = BoundPortfolio.load(spec);
    long loadNanos = System.nanoTime() - t0;
    System.out.printf(Locale.ROOT, "load+bind %s: %.3f s%n", spec, loadNanos / 1e9);
    Planner planner = new Planner(1, s -> {});
    double best = 0;
    for (int i = 0; i < runs; i++) {
      long t1 = System.nanoTime();
      Plan plan = planner.plan(portfolio, Set.of(model));
      long dt = System.nanoTime() - t1;
      long n = FaasSimulationBenchmark.requests(plan);
      double rate = n / (dt / 1e9);
      best = Math.max(best, rate);
      System.out.printf(Locale.ROOT, "%s run %d: %,d invocations in %.3f s = %,.0f invocations/s%n", model, i, n, dt / 1e9, rate);
    }
    sampler.interrupt();
    sampler.join();

    long poolPeaks = 0, afterGc = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() != MemoryType.HEAP) continue;
      poolPeaks += p.getPeakUsage().getUsed();
      MemoryUsage c = p.getCollectionUsage();
      if (c != null) afterGc += c.getUsed();
    }
    long gcCount = 0, gcMillis = 0;
    for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcCount += Math.max(0, g.getCollectionCount());
      gcMillis += Math.max(0, g.getCollectionTime());
    }
    System.gc();
    long liveEnd = memory.getHeapMemoryUsage().getUsed();
    System.out.printf(Locale.ROOT, "best %,.0f invocations/s; heap max %d MiB; peak used heap (sampled) %.1f MiB; "
        + "sum of heap pool peaks %.1f MiB; used after last GC %.1f MiB; after System.gc() at end %.1f MiB; GCs %d (%d ms)%n",
        best, Runtime.getRuntime().maxMemory() >> 20, sampled[0] / 1048576.0, poolPeaks / 1048576.0, afterGc / 1048576.0,
        liveEnd / 1048576.0, gcCount, gcMillis);
  }
}
