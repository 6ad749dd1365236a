package dev.polyvirt.bench;

import dev.polyvirt.engine.EventHandler;
import dev.polyvirt.engine.Simulation;
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
 * The classic hold model: with {@code pending} events in the queue, repeatedly take the earliest
 * and schedule one new event at its time plus an exponential increment, so the queue size stays
 * constant. The increments are drawn once into an array, so random-number cost stays out.
 *
 * <ul>
 *   <li>{@code kernel}: the simulation kernel ({@link Simulation} over {@code EventQueue}); each
 *       event's handler reschedules itself through {@link Simulation#after}, which is how every
 *       model uses the kernel (handler dispatch, payload, FIFO tie-breaking, slot recycling
 *       included).
 *   <li>{@code baseline}: a bare binary min-heap over a {@code long[]} of times, written inline,
 *       doing the same pop-then-push hold loop.
 * </ul>
 *
 * <p>Both run the hold loop over a window of simulated time per invocation (as
 * {@link Simulation#runUntil} does) and count the events they processed; the {@code events}
 * secondary metric is the figure to read (events per second; one event = one pop + one push).
 * The primary "ops" score counts invocations and is meaningless on its own.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class EventQueueBenchmark {
  /** Mean increment, ns; large enough that equal times are rare, as in the models. */
  static final long MEAN_INCREMENT = 1_000_000;
  /** Events per invocation, on average. */
  static final int BATCH = 10_000;
  static final int INCREMENTS = 1 << 16;

  @Param({"1000", "100000"})
  public int pending;

  long[] increments;
  long window;

  // kernel
  Simulation sim;
  Hold hold;

  // baseline
  long[] heap;
  int heapSize;
  long baselineNow;
  int baselineNext;

  /** Events processed, reported as a rate next to the primary score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Events {
    public long events;

    @Setup(Level.Iteration)
    public void reset() {
      events = 0;
    }
  }

  /** Reschedules itself on every event: the kernel side of the hold model. */
  static final class Hold implements EventHandler {
    final Simulation sim;
    final long[] increments;
    int next;

    Hold(Simulation sim, long[] increments) {
      this.sim = sim;
      this.increments = increments;
    }

    @Override
    public void onEvent(long payload) {
      sim.after(increments[next++ & (INCREMENTS - 1)], this, payload);
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(42);
    increments = new long[INCREMENTS];
    for (int i = 0; i < INCREMENTS; i++) {
      // exponential, mean MEAN_INCREMENT; 1 - u is in (0, 1]
      increments[i] = Math.max(1, Math.round(-MEAN_INCREMENT * Math.log(1 - rng.nextDouble())));
    }
    // in steady state the hold model fires pending / MEAN_INCREMENT events per ns
    window = Math.max(1, (long) BATCH * MEAN_INCREMENT / pending);

    sim = new Simulation(pending);
    hold = new Hold(sim, increments);
    heap = new long[pending];
    heapSize = 0;
    for (int i = 0; i < pending; i++) {
      long t = increments[(i * 7919) & (INCREMENTS - 1)];
      sim.at(t, hold, i);
      push(t);
    }
    baselineNow = 0;
    baselineNext = 0;
  }

  @Benchmark
  public long kernel(Events c) {
    long before = sim.eventsFired();
    sim.runUntil(sim.now() + window);
    long fired = sim.eventsFired() - before;
    c.events += fired;
    return fired;
  }

  @Benchmark
  public long baseline(Events c) {
    long until = baselineNow + window;
    long fired = 0;
    final long[] inc = increments;
    while (heapSize > 0 && heap[0] <= until) {
      long t = pop();
      baselineNow = t;
      push(t + inc[baselineNext++ & (INCREMENTS - 1)]);
      fired++;
    }
    baselineNow = until;
    c.events += fired;
    return fired;
  }

  private void push(long t) {
    long[] h = heap;
    int i = heapSize++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      long p = h[parent];
      if (p <= t) break;
      h[i] = p;
      i = parent;
    }
    h[i] = t;
  }

  private long pop() {
    long[] h = heap;
    long top = h[0];
    int n = --heapSize;
    long last = h[n];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && h[child + 1] < h[child]) child++;
      if (h[child] >= last) break;
      h[i] = h[child];
      i = child;
    }
    h[i] = last;
    return top;
  }
}
