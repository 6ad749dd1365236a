package dev.polyvirt.models.serverlesscontainer;

import dev.polyvirt.engine.EventHandler;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.engine.metrics.TimeWeighted;
import dev.polyvirt.models.Platform;
import dev.polyvirt.models.RunStats;
import java.util.Arrays;

/**
 * A request-driven serverless container platform (Knative Serving, Cloud Run) whose instances
 * are AWS Fargate tasks.
 *
 * <p><b>Instances.</b> Each instance serves up to {@code containerConcurrency} requests at once
 * and shares its C vCPUs among them by processor sharing: with n requests in service, each
 * needing c cores, every one progresses at rate min(1, C / (n × c)) of its full speed (a
 * request's duration is its work at full speed). The sharing is exact and event-driven: each
 * instance keeps a virtual clock V, the work every request in service has received so far
 * (dV/dt = the current rate), and each request's virtual finish tag V(admission) + work, so its
 * remaining work at any instant is tag − V. At every arrival or departure on an instance V is
 * brought up to now, the request with the smallest tag is found in a binary heap (O(log n),
 * n ≤ containerConcurrency), and the instance's one pending completion event is cancelled
 * ({@link Simulation#cancel}) and scheduled anew at now + (smallest tag − V) / rate; an arrival
 * that changes neither the rate nor the smallest tag keeps the event it has.
 *
 * <p><b>Routing.</b> A request goes to the ready instance with the fewest requests in service
 * among those with a free slot ({@link LoadIndex}). When none has one — all full, or none ready
 * yet — it waits in one FIFO queue at the activator (Knative's activator buffers requests while
 * a revision has no capacity); a slot that frees takes the oldest waiting request, and an
 * instance that becomes ready takes as many as it has slots. Requests that an instance takes as
 * it becomes ready waited for its start: they are the cold starts. Nothing is dropped: SPEC.md
 * §2 throttles only at platform limits, and at {@code maxScale} requests queue (there is no
 * queue limit, so {@code throttled} stays 0).
 *
 * <p><b>Scaling.</b> A request that arrives while no instance is ready or starting makes the
 * activator start one at once (scale from zero). Every 2 s the {@link Kpa} sets the number of
 * instances from the concurrency (requests in service plus those waiting at the activator)
 * averaged exactly — as a time integral — over the last 60 s and 6 s. New instances serve after
 * their start time; scaled-down ones leave routing at once, finish what they hold and then stop
 * (starting ones first, then the least loaded). The run starts with {@code minScale} ready
 * instances, as a revision that has been idle.
 *
 * <p><b>Timeouts.</b> A request not answered within the request timeout of its arrival fails
 * (timedOut and failed, no latency recorded). One still waiting at the activator by then is
 * dropped when it reaches the head of the queue, without being served. One in service is counted
 * as timed out when it completes: its work is not cut short at the deadline, which slightly
 * overstates the load its neighbours share — rare, since a workload whose p99 duration exceeds
 * the timeout is infeasible.
 */
final class KnativePlatform implements Platform {
  /** Receives the autoscaler's decisions, for tests and detail views. */
  interface ScaleLog {
    /** The instances (ready or starting) were set from {@code from} to {@code to} at {@code now}. */
    void scaled(long now, int from, int to, boolean panic);

    ScaleLog NONE = (now, from, to, panic) -> {};
  }

  /** The platform's fixed parameters. */
  record Config(int slots, int minScale, int maxScale, double targetConcurrency, int instanceCpuMillis,
      int requestCpuMillis, long timeoutNanos) {}

  private static final byte BOOTING = 0, READY = 1, DRAINING = 2, DEAD = 3;
  private static final int STABLE_TICKS = (int) (Kpa.STABLE_WINDOW / Kpa.TICK);
  private static final int PANIC_TICKS = (int) (Kpa.PANIC_WINDOW / Kpa.TICK);

  private final Simulation sim;
  private final RunStats stats;
  private final Distribution.Sampler startTime;
  private final ContainerBilling billing;
  private final ScaleLog log;
  private final Kpa kpa;
  private final int slots;
  private final long cpu;
  private final long reqCpu;
  private final long timeout;

  // per instance, indexed by a slot number reused after the instance stops
  private byte[] state = new byte[8];
  private int[] inService = new int[8];
  private double[] virtual = new double[8];
  private long[] lastAdvance = new long[8];
  private double[][] tags = new double[8][];
  private long[][] arrivals = new long[8][];
  private long[] completion = new long[8];
  private long[] boot = new long[8];
  private long[] startedAt = new long[8];
  private int used;
  private int[] free = new int[8];
  private int freeCount;

  private int ready;
  private int booting;
  private final LoadIndex index;
  private final dev.polyvirt.models.pool.LongRing queue = new dev.polyvirt.models.pool.LongRing(); // (arrival, work)
  private final TimeWeighted concurrency = new TimeWeighted();
  private long inSystem;
  private final double[] window = new double[STABLE_TICKS + 1];
  private long ticks;
  private long instanceStarts;
  private long peakQueued;

  private final EventHandler onComplete = this::complete;
  private final EventHandler onReady = this::ready;
  private final EventHandler onTick = this::tick;

  KnativePlatform(Simulation sim, RunStats stats, Config cfg, Distribution.Sampler startTime, ContainerBilling billing, ScaleLog log) {
    this.sim = sim;
    this.stats = stats;
    this.startTime = startTime;
    this.billing = billing;
    this.log = log;
    this.kpa = new Kpa(cfg.targetConcurrency(), cfg.minScale(), cfg.maxScale());
    this.slots = cfg.slots();
    this.cpu = cfg.instanceCpuMillis();
    this.reqCpu = cfg.requestCpuMillis();
    this.timeout = cfg.timeoutNanos();
    this.index = new LoadIndex(slots);
    for (int k = 0; k < cfg.minScale(); k++) launch(0);
    if (Kpa.TICK < stats.horizon()) sim.at(Kpa.TICK, onTick, 0);
  }

  @Override
  public void onArrival(long work) {
    long now = sim.now();
    concurrency.set(now, ++inSystem);
    if (ready + booting == 0) {
      log.scaled(now, 0, 1, false);
      launch(Math.max(0, startTime.next()));
    }
    int i = index.least();
    if (i < 0) {
      queue.add(now, work);
      if (queue.size() > peakQueued) peakQueued = queue.size();
      return;
    }
    int before = inService[i];
    double oldTop = before > 0 ? tags[i][0] : Double.POSITIVE_INFINITY;
    admit(i, now, work, now);
    index.update(i, inService[i]);
    boolean sameRate = (long) (before + 1) * reqCpu <= cpu;
    if (!(sameRate && completion[i] >= 0 && tags[i][0] == oldTop)) reschedule(i);
  }

  /** Returns the instances started, the initial ones included. */
  long instanceStarts() {
    return instanceStarts;
  }

  /** Returns the most requests that waited at the activator at once. */
  long peakQueued() {
    return peakQueued;
  }

  /** Returns requests still waiting at the activator. */
  int queued() {
    return queue.size();
  }

  /** Returns how many times the autoscaler entered panic mode. */
  long panics() {
    return kpa.panics();
  }

  /** Bills the instances still running, up to the horizon; call once after the run. */
  void closeBilling() {
    for (int i = 0; i < used; i++) if (state[i] != DEAD) billing.stopped(i, startedAt[i], stats.horizon());
  }

  // ---- instances -----------------------------------------------------------------------------

  private void launch(long startNanos) {
    long now = sim.now();
    int i = allocate();
    state[i] = BOOTING;
    inService[i] = 0;
    virtual[i] = 0;
    lastAdvance[i] = now;
    completion[i] = -1;
    boot[i] = -1;
    startedAt[i] = now;
    booting++;
    instanceStarts++;
    billing.started(i, now);
    stats.instances(now, 1);
    stats.capacity(now, cpu);
    if (startNanos <= 0) ready(i);
    else boot[i] = sim.after(startNanos, onReady, i);
  }

  private void ready(long instance) {
    int i = (int) instance;
    if (state[i] != BOOTING) return;
    long now = sim.now();
    boot[i] = -1;
    state[i] = READY;
    booting--;
    ready++;
    fillFromQueue(i, now, true);
    if (inService[i] == 0) billing.idle(i, now);
    index.update(i, inService[i]);
    if (inService[i] > 0) reschedule(i);
  }

  /** Takes one instance out of service: a starting one if any (it stops at once), else the least loaded ready one. */
  private void removeOne(long now) {
    if (booting > 0) {
      for (int i = 0; i < used; i++) {
        if (state[i] == BOOTING) {
          sim.cancel(boot[i]);
          boot[i] = -1;
          booting--;
          die(i, now);
          return;
        }
      }
    }
    int victim = index.least();
    if (victim < 0) {
      for (int i = 0; i < used; i++) {
        if (state[i] == READY && (victim < 0 || inService[i] < inService[victim])) victim = i;
      }
    }
    if (victim < 0) return;
    state[victim] = DRAINING;
    ready--;
    index.remove(victim);
    if (inService[victim] == 0) die(victim, now);
  }

  private void die(int i, long now) {
    state[i] = DEAD;
    stats.instances(now, -1);
    stats.capacity(now, -cpu);
    billing.stopped(i, startedAt[i], now);
    if (freeCount == free.length) free = Arrays.copyOf(free, free.length * 2);
    free[freeCount++] = i;
  }

  private int allocate() {
    if (freeCount > 0) return free[--freeCount];
    if (used == state.length) grow();
    int i = used++;
    int initial = Math.min(slots, 8);
    tags[i] = new double[initial];
    arrivals[i] = new long[initial];
    return i;
  }

  // ---- processor sharing ---------------------------------------------------------------------

  /** Returns the speed of each of {@code n} requests in service on one instance: min(1, C / (n × c)). */
  private double rate(int n) {
    long demand = (long) n * reqCpu;
    return demand <= cpu ? 1.0 : cpu / (double) demand;
  }

  /** Returns the millicores {@code n} requests keep busy: min(C, n × c). */
  private long busyMillis(int n) {
    return Math.min(cpu, (long) n * reqCpu);
  }

  /** Brings instance {@code i}'s virtual clock up to {@code now}. */
  private void advance(int i, long now) {
    if (inService[i] > 0 && now > lastAdvance[i]) virtual[i] += (now - lastAdvance[i]) * rate(inService[i]);
    lastAdvance[i] = now;
  }

  /** Starts serving, on instance {@code i}, a request that arrived at {@code arrivedAt} and needs {@code work}. */
  private void admit(int i, long arrivedAt, long work, long now) {
    advance(i, now);
    int n = inService[i];
    if (n == tags[i].length) {
      int c = Math.min(slots, Math.max(1, n * 2));
      tags[i] = Arrays.copyOf(tags[i], c);
      arrivals[i] = Arrays.copyOf(arrivals[i], c);
    }
    // sift up
    double tag = virtual[i] + work;
    double[] h = tags[i];
    long[] a = arrivals[i];
    int k = n;
    while (k > 0) {
      int parent = (k - 1) >>> 1;
      if (h[parent] <= tag) break;
      h[k] = h[parent];
      a[k] = a[parent];
      k = parent;
    }
    h[k] = tag;
    a[k] = arrivedAt;
    inService[i] = n + 1;
    if (n == 0) billing.busy(i, now);
    stats.busy(now, busyMillis(n + 1) - busyMillis(n));
  }

  /** Removes the request with the smallest tag from instance {@code i}; returns its arrival time. */
  private long popTop(int i, long now) {
    double[] h = tags[i];
    long[] a = arrivals[i];
    long arrivedAt = a[0];
    int n = --inService[i];
    double tag = h[n];
    long arr = a[n];
    int k = 0;
    while (true) {
      int child = 2 * k + 1;
      if (child >= n) break;
      if (child + 1 < n && h[child + 1] < h[child]) child++;
      if (h[child] >= tag) break;
      h[k] = h[child];
      a[k] = a[child];
      k = child;
    }
    if (n > 0) {
      h[k] = tag;
      a[k] = arr;
    }
    stats.busy(now, busyMillis(n) - busyMillis(n + 1));
    if (n == 0) billing.idle(i, now);
    return arrivedAt;
  }

  /** Replaces instance {@code i}'s pending completion by one for its request with the least remaining work. */
  private void reschedule(int i) {
    if (completion[i] >= 0) {
      sim.cancel(completion[i]);
      completion[i] = -1;
    }
    int n = inService[i];
    if (n == 0) return;
    double remaining = tags[i][0] - virtual[i];
    long delay = remaining <= 0 ? 0 : (long) Math.ceil(remaining / rate(n));
    completion[i] = sim.after(delay, onComplete, i);
  }

  private void complete(long instance) {
    int i = (int) instance;
    long now = sim.now();
    completion[i] = -1;
    advance(i, now);
    long arrivedAt = popTop(i, now);
    concurrency.set(now, --inSystem);
    finish(now - arrivedAt);
    if (state[i] == READY) fillFromQueue(i, now, false);
    if (inService[i] == 0) virtual[i] = 0;
    if (state[i] == READY) {
      index.update(i, inService[i]);
    } else if (state[i] == DRAINING && inService[i] == 0) {
      die(i, now);
      return;
    }
    reschedule(i);
  }

  private void finish(long latency) {
    if (latency > timeout) {
      stats.timedOut++;
      stats.failed++;
    } else {
      stats.completed++;
      stats.latency.record(latency);
    }
  }

  /** Lets instance {@code i} take waiting requests while it has free slots; {@code cold}: it has just started. */
  private void fillFromQueue(int i, long now, boolean cold) {
    while (inService[i] < slots && !queue.isEmpty()) {
      long arrivedAt = queue.peekA();
      long work = queue.peekB();
      queue.remove();
      if (now - arrivedAt >= timeout) {
        stats.timedOut++;
        stats.failed++;
        concurrency.set(now, --inSystem);
        continue;
      }
      if (cold) stats.coldStarts++;
      admit(i, arrivedAt, work, now);
    }
  }

  // ---- autoscaler ----------------------------------------------------------------------------

  private void tick(long payload) {
    long now = sim.now();
    if (now >= stats.horizon()) return;
    double integral = concurrency.integralSeconds(now);
    ticks++;
    window[(int) (ticks % window.length)] = integral;
    double stable = average(integral, STABLE_TICKS);
    double panic = average(integral, PANIC_TICKS);
    int provisioned = ready + booting;
    int desired = kpa.decide(now, stable, panic, ready, provisioned, inSystem);
    if (desired != provisioned) {
      log.scaled(now, provisioned, desired, kpa.panicking());
      for (int k = provisioned; k < desired; k++) launch(Math.max(0, startTime.next()));
      for (int k = desired; k < provisioned; k++) removeOne(now);
    }
    sim.after(Kpa.TICK, onTick, 0);
  }

  /** Returns the mean concurrency over the last {@code windowTicks} ticks (fewer at the start of the run). */
  private double average(double integral, int windowTicks) {
    long back = Math.min(windowTicks, ticks);
    double then = window[(int) ((ticks - back) % window.length)];
    double diff = integral - then;
    return diff <= 0 ? 0 : diff / (back * (Kpa.TICK / 1e9));
  }

  private void grow() {
    int c = state.length * 2;
    state = Arrays.copyOf(state, c);
    inService = Arrays.copyOf(inService, c);
    virtual = Arrays.copyOf(virtual, c);
    lastAdvance = Arrays.copyOf(lastAdvance, c);
    tags = Arrays.copyOf(tags, c);
    arrivals = Arrays.copyOf(arrivals, c);
    completion = Arrays.copyOf(completion, c);
    boot = Arrays.copyOf(boot, c);
    startedAt = Arrays.copyOf(startedAt, c);
  }
}
