package dev.polyvirt.models.faas;

import dev.polyvirt.engine.EventHandler;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.engine.metrics.TimeWeighted;
import dev.polyvirt.models.Platform;
import dev.polyvirt.models.RunStats;
import dev.polyvirt.models.faas.keepalive.KeepAlivePolicy;
import dev.polyvirt.models.faas.keepalive.KeepAliveWindows;
import dev.polyvirt.pricing.FunctionMeter;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Functions as a service, as AWS Lambda behaves (SPEC.md §2 {@code faas}).
 *
 * <p>Each instance serves one request at a time. A request takes a provisioned instance if one
 * is free, else a warm idle one chosen by the {@link InstanceSelection} policy, else a new
 * instance is created and the request waits for its cold start. Beyond
 * {@code reservedConcurrency} (or the account's concurrency quota, if lower) concurrent
 * executions, requests are throttled (neither served nor billed). A request longer than the
 * timeout fails there. A synchronous request that is throttled or fails is lost (counted); an
 * asynchronous event is retried by {@link AsyncEvents} as AWS Lambda does ({@link InvocationPolicy}),
 * and its latency runs from its arrival to the end of the attempt that succeeded.
 *
 * <p>Idle instances follow the {@link KeepAlivePolicy}. A constant policy ({@code fixed} and its
 * presets, {@code none}, {@code forever}) keeps them in {@link IdleInstances}: an instance is
 * reclaimed when it has been idle for the keep-alive, applied lazily at the next arrival or
 * completion at the exact instant it fell due, so the instance-time integral is exact without
 * a timer per instance (the hot path: O(1), allocation-free). An adaptive policy (hybrid) hands
 * out pre-warm and keep-alive windows for the function's <em>app</em> each time it falls idle
 * (Shahrad et al., ATC 2020), which {@link AppInstances} applies: the app's image is unloaded and
 * pre-warmed, while concurrent instances follow the normal instance keep-alive.
 *
 * <p>Keep-warm {@link Pings} go through the same path as requests (provisioned, warm, cold;
 * billed on the same meter, and also on their own meter for their cost) but are counted apart.
 * Their busy time is kept apart too, so utilisation stays the workload's and idle instance
 * time ({@link #idleInstanceSeconds}) is time alive serving nothing.
 */
final class FaasPlatform implements Platform {
  private static final long TIMED_OUT = 1;

  private final Simulation sim;
  private final RunStats stats;
  private final FaasSettings settings;
  private final Distribution.Sampler coldStart;
  private final UniformRandomProvider pick;
  private final FunctionMeter meter;
  private final FunctionMeter pingMeter;
  private final int onDemandLimit;
  /** True for a constant keep-alive: lazy expiry in {@link #idle}; else {@link #app}. */
  private final boolean constant;
  private final long keepAlive;
  private final KeepAliveWindows windows;
  private final IdleInstances idle = new IdleInstances();
  private final AppInstances app;
  /** The asynchronous event queue, or null for synchronous invocations. */
  private final AsyncEvents events;
  private int busyOnDemand;
  private int provisionedFree;
  private final EventHandler finishOnDemand = this::finishOnDemand;
  private final EventHandler finishProvisioned = this::finishProvisioned;
  private final EventHandler finishPingOnDemand = this::finishPingOnDemand;
  private final EventHandler finishPingProvisioned = this::finishPingProvisioned;
  private final TimeWeighted pingBusy = new TimeWeighted();
  private long pings;
  private long pingColdStarts;
  private long pingsThrottled;

  FaasPlatform(Simulation sim, RunStats stats, FaasSettings settings, Distribution.Sampler coldStart,
      UniformRandomProvider pick, FunctionMeter usage, FunctionMeter pingUsage, int accountConcurrency, boolean asynchronous) {
    this.sim = sim;
    this.stats = stats;
    this.settings = settings;
    this.coldStart = coldStart;
    this.pick = pick;
    this.meter = usage;
    this.pingMeter = pingUsage;
    this.onDemandLimit = Math.min(settings.reservedConcurrency(), accountConcurrency) - settings.provisionedConcurrency();
    this.events = asynchronous
        ? new AsyncEvents(sim, stats, settings.invocation(), settings.timeoutNanos(), (service, waited) -> start(service, waited, false))
        : null;
    this.keepAlive = settings.keepAlive().constantKeepAliveNanos();
    this.constant = keepAlive != KeepAlivePolicy.ADAPTIVE;
    this.windows = settings.keepAlive().newRun();
    this.app = constant ? null : new AppInstances(sim, stats, windows);
    this.provisionedFree = settings.provisionedConcurrency();
    stats.instances(0, provisionedFree);
    stats.capacity(0, provisionedFree);
    Pings p = settings.pings();
    if (p.enabled() && stats.horizon() > 0) {
      EventHandler round = new EventHandler() {
        @Override
        public void onEvent(long payload) {
          for (int i = 0; i < p.concurrency(); i++) ping(p.durationNanos());
          long nextAt = sim.now() + p.everyNanos();
          if (nextAt < stats.horizon()) sim.at(nextAt, this, 0);
        }
      };
      sim.at(0, round, 0);
    }
  }

  @Override
  public void onArrival(long serviceNanos) {
    if (events != null) {
      events.arrive(serviceNanos);
      return;
    }
    if (start(serviceNanos, 0, true) == AsyncEvents.THROTTLED) stats.throttled++;
  }

  /**
   * Starts one invocation now, {@code waited} after its event arrived (0 when synchronous), unless
   * the concurrency limit throttles it; returns its busy time (cold start + run) or
   * {@link AsyncEvents#THROTTLED}. A synchronous timeout is counted here ({@code countTimeout});
   * an asynchronous one by {@link AsyncEvents}, which may retry it.
   */
  private long start(long serviceNanos, long waited, boolean countTimeout) {
    long now = sim.now();
    if (constant) expireUntil(now);
    long run = Math.min(serviceNanos, settings.timeoutNanos());
    boolean timedOut = serviceNanos > settings.timeoutNanos();
    if (provisionedFree > 0) {
      provisionedFree--;
      if (!constant) app.invoked(now);
      meter.provisionedInvocation(run);
      serve(now, waited, 0, run, timedOut, countTimeout, finishProvisioned);
      return run;
    }
    if (busyOnDemand >= onDemandLimit) return AsyncEvents.THROTTLED;
    if (!constant) app.invoked(now);
    long cold = 0;
    if (takeWarm()) {
      meter.invocation(run);
    } else {
      cold = newInstance(now);
      stats.coldStarts++;
      meter.coldInvocation(cold, run);
    }
    busyOnDemand++;
    serve(now, waited, cold, run, timedOut, countTimeout, finishOnDemand);
    return cold + run;
  }

  private void serve(long now, long waited, long cold, long run, boolean timedOut, boolean countTimeout, EventHandler finish) {
    stats.busy(now, 1);
    if (timedOut) {
      if (countTimeout) {
        stats.timedOut++;
        stats.failed++;
      }
    } else {
      stats.latency.record(waited + cold + run);
    }
    sim.after(cold + run, finish, timedOut ? TIMED_OUT : 0);
  }

  /** Takes a warm idle instance if there is one. */
  private boolean takeWarm() {
    if (!constant) return app.takeWarm(settings.instanceSelection(), pick);
    if (idle.isEmpty()) return false;
    switch (settings.instanceSelection()) {
      case MRU -> idle.removeNewest();
      case LRU -> idle.removeOldest();
      case RANDOM -> idle.removeAt(pick.nextInt(idle.size()));
    }
    return true;
  }

  /** Creates an instance for a cold start and returns its start-up delay. */
  private long newInstance(long now) {
    if (!constant) app.coldStart();
    long cold = Math.max(0, coldStart.next());
    stats.instances(now, 1);
    stats.capacity(now, 1);
    return cold;
  }

  private void finishOnDemand(long timedOut) {
    long now = sim.now();
    busyOnDemand--;
    stats.busy(now, -1);
    if (timedOut == 0) stats.completed++;
    becomeIdle(now);
  }

  private void finishProvisioned(long timedOut) {
    long now = sim.now();
    provisionedFree++;
    stats.busy(now, -1);
    if (timedOut == 0) stats.completed++;
    if (!constant) app.ended(now, false);
  }

  private void becomeIdle(long now) {
    if (constant) {
      expireUntil(now);
      idle.push(now);
    } else {
      app.ended(now, true);
    }
  }

  /** Sends one keep-warm ping now. */
  private void ping(long duration) {
    long now = sim.now();
    if (constant) expireUntil(now);
    long run = Math.min(duration, settings.timeoutNanos());
    if (provisionedFree > 0) {
      provisionedFree--;
      if (!constant) app.invoked(now);
      meter.provisionedInvocation(run);
      pingMeter.provisionedInvocation(run);
      startPing(now, run, finishPingProvisioned);
      return;
    }
    if (busyOnDemand >= onDemandLimit) {
      pingsThrottled++;
      return;
    }
    if (!constant) app.invoked(now);
    if (takeWarm()) {
      meter.invocation(run);
      pingMeter.invocation(run);
      startPing(now, run, finishPingOnDemand);
    } else {
      long cold = newInstance(now);
      pingColdStarts++;
      meter.coldInvocation(cold, run);
      pingMeter.coldInvocation(cold, run);
      startPing(now, cold + run, finishPingOnDemand);
    }
    busyOnDemand++;
  }

  private void startPing(long now, long busyFor, EventHandler finish) {
    pings++;
    if (now <= stats.horizon()) pingBusy.add(now, 1);
    sim.after(busyFor, finish, 0);
  }

  private void finishPingOnDemand(long unused) {
    long now = sim.now();
    busyOnDemand--;
    if (now <= stats.horizon()) pingBusy.add(now, -1);
    becomeIdle(now);
  }

  private void finishPingProvisioned(long unused) {
    long now = sim.now();
    provisionedFree++;
    if (now <= stats.horizon()) pingBusy.add(now, -1);
    if (!constant) app.ended(now, false);
  }

  @Override
  public void onHorizon() {
    if (constant) expireUntil(sim.now());
    else app.horizon(sim.now());
  }

  /** Reclaims every idle instance whose keep-alive ended at or before {@code now}, at its own instant. */
  private void expireUntil(long now) {
    long keep = keepAlive;
    if (keep == KeepAlivePolicy.FOREVER) return;
    while (!idle.isEmpty() && now - idle.oldest() >= keep) {
      long death = idle.oldest() + keep;
      idle.removeOldest();
      stats.instances(death, -1);
      stats.capacity(death, -1);
    }
  }

  /** Returns instance-seconds alive and serving nothing (neither a request nor a ping) within the horizon. */
  double idleInstanceSeconds() {
    long h = stats.horizon();
    return Math.max(0, stats.instances.integralSeconds(h) - stats.busy.integralSeconds(h) - pingBusy.integralSeconds(h));
  }

  /** Returns the ping invocations served. */
  long pings() {
    return pings;
  }

  /** Returns the pings that cold-started an instance. */
  long pingColdStarts() {
    return pingColdStarts;
  }

  /** Returns the pings refused by the concurrency limit. */
  long pingsThrottled() {
    return pingsThrottled;
  }

  /** Returns the asynchronous queue's figures, or null for synchronous invocations. */
  AsyncEvents asyncEvents() {
    return events;
  }

  /** Returns the pre-warms that re-loaded an instance (0 under a constant keep-alive). */
  long preWarms() {
    return constant ? 0 : app.preWarms;
  }

  /** Returns the unloaded instances a cold start took before their pre-warm was due. */
  long preWarmsTooLate() {
    return constant ? 0 : app.preWarmsTooLate;
  }

  /** Returns the keep-alive policy's account of the run, for notes ("" when it has none). */
  String keepAliveSummary() {
    return windows.summary();
  }
}
